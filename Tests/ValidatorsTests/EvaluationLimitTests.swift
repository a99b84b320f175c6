import BundledData
import CEL
import DossierModel
import Foundation
import TestSupport
import Testing
import Validators

/// `EvaluationLimits`: a rule that runs out of budget is an error finding where it stopped, never
/// a pass; values in messages are cut.
@Suite struct EvaluationLimitTests {
    static func checker(_ limits: EvaluationLimits) throws -> Checker {
        let sets = try RuleSetCollection.parse(BundledData.ruleFiles.map { ("rules/" + $0.name, $0.contents) })
        return try Checker(ruleSets: sets, iso: Fixtures.iso, limits: limits)
    }

    static func example(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Fixtures.repositoryFile("examples/reseau-dossier/\(name).yaml")))
    }

    @Test func aTinyBudgetStopsRulesWithErrorsNeverPasses() throws {
        let tiny = try Self.checker(EvaluationLimits(maxEvaluationCost: 5))
        let findings = tiny.check(fileBytes: try Self.example("valid-hydrowal-term1")).flatMap(\.findings)
        let stopped = findings.filter { $0.message.hasPrefix("evaluation budget exceeded: ") }
        #expect(!stopped.isEmpty)
        #expect(stopped.allSatisfy { $0.severity == .error && $0.location.line >= 1 })
        #expect(stopped.allSatisfy { $0.help == "if the dossier is genuine, raise the evaluation budget" })
        #expect(Set(stopped.map(\.rule)).count == stopped.count, "one finding per rule and dossier, where it stopped")
        #expect(
            stopped.first?.message == "evaluation budget exceeded: rule \(stopped[0].rule) needed more than 5 evaluation steps "
                + "on this dossier and was stopped here, so the dossier is not checked against it")
        // With the default budget the same dossier is clean.
        #expect(Fixtures.checker.check(fileBytes: try Self.example("valid-hydrowal-term1")).flatMap(\.findings).isEmpty)
    }

    @Test func messageValuesAreCut() {
        let long = String(repeating: "é", count: 50)
        #expect(
            MessageTemplate.render("x {v} y", values: ["v": .string(long)], language: .en, maxValueLength: 10)
                == "x " + String(repeating: "é", count: 9) + "… y")
        #expect(MessageTemplate.render("{v}", values: ["v": .string("short")], language: .en, maxValueLength: 10) == "short")
        #expect(
            MessageTemplate.render(
                "{v}", values: ["v": .list((0..<100).map { .int(Int64($0)) })], language: .en, maxValueLength: 12)
                == "0, 1, 2, 3,…")
        #expect(MessageTemplate.render("key {k}", texts: ["k": long], maxValueLength: 4) == "key ééé…")
    }

    @Test func anUnknownKeyOfAMegabyteGivesAShortMessage() throws {
        let key = String(repeating: "k", count: 1 << 20)
        // An explicit key (`? `): an implicit one is limited to 1024 characters by YAML itself.
        let yaml = "dossier: 1\nkind: reseau-dossier\nid: R\ntitle: T\nlanguage: en\n? \(key)\n: 1\n"
        let findings = Fixtures.checker.check(fileBytes: Array(yaml.utf8)).flatMap(\.findings).filter { $0.rule == "HDR-003" }
        #expect(findings.count == 1)
        #expect(findings[0].message.count < 1_100, "\(findings[0].message.count) characters")
        #expect(findings[0].message.hasPrefix("unknown key `kkkk"))
    }
}
