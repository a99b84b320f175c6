import DossierModel
import Foundation
import TestSupport
import Testing
import Validators

@testable import Policy
@testable import Reporting

@Suite struct FindingPolicyTests {
    /// The valid example with one member less than critical mass asks: a RES-008 warning at `members`.
    static var nineMembers: String {
        (try? String(contentsOf: Fixtures.repositoryFile("examples/reseau-dossier/invalid-nine-members.yaml"), encoding: .utf8))
            ?? ""
    }

    func findings(_ report: CheckReport) -> [ReportedFinding] { report.dossiers.flatMap(\.dossier.findings) }

    /// The text with `comment` inserted before the line that starts with `members:`.
    func withLine(_ comment: String, before key: String = "members:", in text: String = nineMembers) -> String {
        text.replacingOccurrences(of: "\n\(key)", with: "\n\(comment)\n\(key)")
    }

    @Test func fingerprintsSurviveLineMovesAndTellFindingsApart() {
        let before = SampleReports.checked([("d.yaml", Self.nineMembers)])
        let moved = SampleReports.checked([("d.yaml", withLine("# a new comment\n# and another", before: "dossier:"))])
        let a = findings(before).map(\.fingerprint)
        let b = findings(moved).map(\.fingerprint)
        #expect(!a.isEmpty && a == b)
        #expect(findings(before).map(\.finding.location.line) != findings(moved).map(\.finding.location.line))
        let two = SampleReports.checked([("a.yaml", Self.nineMembers), ("b.yaml", Self.nineMembers)])
        let all = findings(two).map(\.fingerprint)
        #expect(Set(all).count == all.count, "the same finding in two copies of a dossier has two fingerprints")
    }

    @Test func aSuppressionWithAReasonSuppresses() throws {
        let text = withLine("# dossiercheck-disable RES-008: accepted by the jury")
        let report = SampleReports.checked([("d.yaml", text)])
        let mass = try #require(findings(report).first { $0.finding.rule == "RES-008" })
        #expect(mass.suppression?.kind == .inSource && mass.suppression?.reason == "accepted by the jury")
        #expect(report.summary.suppressed == 1 && report.summary.warnings == 0)
    }

    @Test func aSuppressionWithoutAReasonIsAnErrorAndSuppressesNothing() throws {
        let report = SampleReports.checked([("d.yaml", withLine("# dossiercheck-disable RES-008"))])
        let all = findings(report)
        #expect(all.first { $0.finding.rule == "RES-008" }?.isOpen == true)
        let malformed = try #require(all.first { $0.finding.rule == ToolRules.malformedSuppression })
        #expect(malformed.finding.severity == .error)
        #expect(report.fails)
    }

    @Test func unknownAndUnusedSuppressionsAreReported() {
        let unknown = SampleReports.checked([("d.yaml", withLine("# dossiercheck-disable RES-999: typo"))])
        #expect(findings(unknown).contains { $0.finding.rule == ToolRules.unknownRule && $0.finding.severity == .error })
        let unused = SampleReports.checked([("d.yaml", withLine("# dossiercheck-disable RES-003: nothing here"))])
        #expect(findings(unused).contains { $0.finding.rule == ToolRules.unusedSuppression && $0.finding.severity == .info })
    }

    @Test func waiversWaiveUntilTheyExpire() throws {
        let id = "RES-2026-211"
        func waiver(_ expires: String) -> Waiver {
            Waiver(rule: "RES-008", dossier: id, path: "members", reason: "jury", expires: expires, file: "w.yaml", line: 2)
        }
        let valid = SampleReports.checked([("d.yaml", Self.nineMembers)], waivers: [waiver("2026-06-01")])
        #expect(findings(valid).first { $0.finding.rule == "RES-008" }?.suppression?.kind == .external)
        #expect(valid.summary.waived == 1)
        let expired = SampleReports.checked([("d.yaml", Self.nineMembers)], waivers: [waiver("2026-05-31")])
        #expect(findings(expired).first { $0.finding.rule == "RES-008" }?.isOpen == true)
        let warning = try #require(findings(expired).first { $0.finding.rule == ToolRules.expiredWaiver })
        #expect(warning.finding.severity == .warning && warning.finding.path == "members")
    }

    @Test func waiversFileIsStrict() {
        let known: Set<String> = ["RES-008"]
        let good = "waivers:\n  - {rule: RES-008, dossier: X, path: members, reason: jury, expires: 2026-12-31}\n"
        #expect((try? Waiver.parse(good, file: "w.yaml", knownRules: known))?.first?.line == 2)
        #expect(throws: PolicyFileError.self) {
            try Waiver.parse(good.replacingOccurrences(of: "RES-008", with: "RES-009"), file: "w", knownRules: known)
        }
        #expect(throws: PolicyFileError.self) {
            try Waiver.parse(good.replacingOccurrences(of: "2026-12-31", with: "2026-02-30"), file: "w", knownRules: known)
        }
        #expect(throws: PolicyFileError.self) {
            try Waiver.parse(good.replacingOccurrences(of: "reason", with: "why"), file: "w", knownRules: known)
        }
        #expect(throws: PolicyFileError.self) {
            try Waiver.parse(good.replacingOccurrences(of: ", reason: jury", with: ""), file: "w", knownRules: known)
        }
    }

    @Test func disabledRulesLeaveTheReport() {
        let report = SampleReports.checked([("d.yaml", Self.nineMembers)], disabled: ["RES-008"])
        #expect(!findings(report).contains { $0.finding.rule == "RES-008" })
        #expect(report.tool.rule("RES-008")?.enabled == false)
    }

    @Test func baselineKeepsOnlyNewFindings() throws {
        let old = SampleReports.checked([("d.yaml", Self.nineMembers)])
        let file = Baseline.file(of: old)
        let baseline = try Baseline.parse(file, file: "base.json")
        #expect(baseline.fingerprints == Set(findings(old).map(\.fingerprint)))
        var moved = SampleReports.checked([
            (
                "d.yaml",
                "# moved\n" + Self.nineMembers.replacingOccurrences(of: "language: fr", with: "language: fr\nextra_key: 1")
            )
        ])
        baseline.apply(to: &moved)
        #expect(findings(moved).map(\.finding.rule) == ["HDR-003"], "only the new finding is left")
        #expect(moved.summary.baselined == findings(old).count)
        #expect(throws: PolicyFileError.self) { try Baseline.parse("{}", file: "b.json") }
        #expect(throws: PolicyFileError.self) { try Baseline.parse("not json", file: "b.json") }
    }
}
