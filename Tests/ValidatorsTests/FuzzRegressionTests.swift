import BundledData
import DossierModel
import Foundation
import TestSupport
import Testing
import Validators

/// Replays the inputs the fuzzers found (`Tests/Fixtures/Regressions/`) through the path and the
/// checks of their fuzz target (`Fuzz/Sources/…`), so a fixed crash stays fixed.
@Suite struct FuzzRegressionTests {
    static func inputs(_ target: String) -> [String] {
        let folder = Fixtures.repositoryFile("Tests/Fixtures/Regressions/\(target)").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func bytes(_ target: String, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Fixtures.repositoryFile("Tests/Fixtures/Regressions/\(target)/\(name)")))
    }

    /// The fuzz target's limits (Fuzz/Sources/fuzz-yaml-check).
    static let limits = LoadLimits(maxDepth: 64, maxDocuments: 200, maxNodes: 200_000, maxAliasNodes: 50_000)

    @Test func thereAreInputsToReplay() {
        #expect(!Self.inputs("yaml-check").isEmpty)
    }

    @Test(arguments: inputs("yaml-check"))
    func yamlCheck(_ name: String) throws {
        let bytes = try Self.bytes("yaml-check", name)
        let reports = Fixtures.checker.check(fileBytes: bytes, limits: Self.limits)
        #expect(!reports.isEmpty)
        let lines = YAMLLoader.lineCount(bytes)
        for (position, report) in reports.enumerated() {
            #expect(report.index == position)
            if report.findings.contains(where: { $0.rule == "HDR-004" }) { #expect(report.findings.count == 1) }
            for finding in report.findings {
                #expect(!finding.message.isEmpty)
                #expect(finding.location.line >= 1 && finding.location.column >= 1)
                #expect(finding.location.line <= lines, "\(finding.rule) at line \(finding.location.line) of \(lines)")
            }
        }
    }

    @Test(arguments: inputs("rule-file"))
    func ruleFile(_ name: String) throws {
        let text = String(decoding: try Self.bytes("rule-file", name), as: UTF8.self)
        let bundled = try RuleSetCollection.parse(BundledData.ruleFiles.map { ("rules/" + $0.name, $0.contents) })
        let local: [RuleSet]
        do {
            local = try RuleSetCollection.parse([("local/fuzz.yaml", text)])
        } catch let errors as RuleSetCollection.Errors {
            #expect(errors.errors.allSatisfy { !$0.message.isEmpty })
            return
        }
        guard let checker = try? Checker(ruleSets: RuleSetCollection.overriding(bundled, with: local), iso: Fixtures.iso) else {
            return
        }
        _ = checker.runExamples(only: Set(local.flatMap { $0.rules.map(\.id) }))
    }
}
