import Foundation
import TestSupport
import Testing

/// Inline suppressions, waivers and baselines, as a CI job sees them.
@Suite struct SuppressionCLITests {
    func dossier(comment: String) -> String {
        ScratchProject.nineMembers.replacingOccurrences(of: "\nmembers:", with: "\nmembers:  \(comment)")
    }

    @Test func aSuppressionIsReportedAsSuppressedWithItsReason() throws {
        let project = try ScratchProject([
            "d.yaml": dossier(comment: "# dossiercheck-disable RES-008: the jury accepted nine members")
        ])
        let run = try project.run(["check", "d.yaml", "--format", "json", "--fail-on", "warning"])
        #expect(run.status == 0)
        let report = try ScratchProject.json(run)
        let finding = try #require(ScratchProject.findings(report).first { $0["rule"] as? String == "RES-008" })
        let suppression = try #require(finding["suppression"] as? [String: Any])
        #expect(suppression["kind"] as? String == "inSource")
        #expect(suppression["reason"] as? String == "the jury accepted nine members")
        #expect(ScratchProject.summary(report)["suppressed"] == 1)
        #expect(ScratchProject.summary(report)["warnings"] == 0)
        let sarif = try project.run(["check", "d.yaml", "--format", "sarif"])
        #expect(sarif.stdout.contains("\"kind\": \"inSource\""))
    }

    @Test func aSuppressionWithoutAReasonIsAnError() throws {
        let project = try ScratchProject(["d.yaml": dossier(comment: "# dossiercheck-disable RES-008")])
        let run = try project.run(["check", "d.yaml"])
        #expect(run.status == 1)
        #expect(
            run.stdout.contains("erreur[SUP-001]: this suppression of RES-008 gives no reason, so it suppresses nothing"),
            "\(run.stdout)")
        #expect(run.stdout.contains("avertissement[RES-008]"), "the finding stays open")
    }

    @Test func waiversAreReportedAsWaivedAndExpiredOnesWarn() throws {
        let waivers = """
            waivers:
              - rule: RES-008
                dossier: RES-2026-211
                path: members
                reason: Jury decision of 14 March 2026
                expires: 2999-12-31
            """
        let project = try ScratchProject(["d.yaml": ScratchProject.nineMembers, "waivers.yaml": waivers])
        let run = try project.run(["check", "d.yaml", "--waivers", "waivers.yaml", "--format", "sarif", "--fail-on", "warning"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"kind\": \"external\""))
        try project.write("waivers.yaml", waivers.replacingOccurrences(of: "2999-12-31", with: "2020-01-01"))
        let expired = try project.run(["check", "d.yaml", "--waivers", "waivers.yaml"])
        #expect(
            expired.stdout.contains(
                "avertissement[SUP-003]: the waiver of RES-008 at `members` (waivers.yaml:2) expired on 2020-01-01"),
            "\(expired.stdout)")
        #expect(expired.stdout.contains("avertissement[RES-008]"))
        try project.write("waivers.yaml", waivers.replacingOccurrences(of: "RES-008", with: "RES-080"))
        let unknown = try project.run(["check", "d.yaml", "--waivers", "waivers.yaml"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("waivers.yaml:2:11: error: unknown rule `RES-080` in a waiver"), "\(unknown.stderr)")
    }

    @Test func baselineReportsOnlyNewFindingsAcrossLineMoves() throws {
        let project = try ScratchProject(["d.yaml": ScratchProject.overCap])
        let write = try project.run(["check", "d.yaml", "--write-baseline", "baseline.json"])
        #expect(write.status == 0, "\(write.stdout)\(write.stderr)")
        #expect(write.stderr.contains("recorded 1 finding in baseline.json"))
        #expect(try project.read("baseline.json").contains("\"rule\": \"RES-003\""))
        // Lines move, and a new finding appears.
        let edited =
            "# a comment that moves every line\n\n"
            + ScratchProject.overCap.replacingOccurrences(of: "\nlanguage:", with: "\nsurprise: 1\nlanguage:")
        try project.write("d.yaml", edited)
        let run = try project.run(["check", "d.yaml", "--baseline", "baseline.json", "--format", "json"])
        #expect(run.status == 0, "only a warning is new: \(run.stdout)")
        let report = try ScratchProject.json(run)
        #expect(ScratchProject.findings(report).map { $0["rule"] as? String } == ["HDR-003"])
        #expect(ScratchProject.summary(report)["baselined"] == 1)
    }

    @Test func aMissingBaselineIsAUsageError() throws {
        let project = try ScratchProject(["d.yaml": ScratchProject.overCap])
        let run = try project.run(["check", "d.yaml", "--baseline", "nowhere.json"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("nowhere.json: error: no such baseline file (write one with --write-baseline nowhere.json)"))
        let both = try project.run(["check", "d.yaml", "--baseline", "a.json", "--write-baseline", "b.json"])
        #expect(both.status != 0 && both.status != 1)
    }
}
