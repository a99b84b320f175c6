import Foundation
import TestSupport
import Testing

/// A programme the report never mentions (`examples/rule-sets/eurostars`), in data alone: its own
/// source document, Spanish besides English, and a second call derived from it. Every command sees
/// the derived call's figures, whether they come from `extends` or from the configuration.
@Suite struct DerivedCallTests {
    static let rules = Fixtures.repositoryFile("examples/rule-sets/eurostars").path
    static let dossiers = Fixtures.repositoryFile("examples/rule-sets/eurostars/dossiers")

    @Test func rulesTestPassesOnTheProgrammeAndItsDerivedCall() throws {
        let run = try Fixtures.run(["rules", "test", Self.rules])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("16 passed, 0 failed"), "\(run.stdout)")
    }

    @Test(arguments: [
        "valid-optiagro-2026.yaml", "valid-optiagro-2027.yaml", "invalid-optiagro-2026-request.yaml",
        "invalid-optiagro-2027-sme-share.yaml", "invalid-unknown-call.yaml",
    ])
    func eachDossierGivesItsExpectedFindings(_ name: String) throws {
        let path = Self.dossiers.appending(path: name).path
        let run = try Fixtures.run(["check", "--rules", Self.rules, "--format", "json", path])
        let found = Set(ScratchProject.findings(try ScratchProject.json(run)).compactMap { $0["rule"] as? String }).sorted()
        let expected = Fixtures.expectedRules(in: try String(contentsOfFile: path, encoding: .utf8)) ?? []
        #expect(found == expected, "\(name): \(run.stdout)")
        #expect(run.status == (expected.isEmpty ? 0 : 1))
    }

    @Test func messagesComeInSpanishWithSpanishNumbersAndCiteTheirOwnDocument() throws {
        let path = Self.dossiers.appending(path: "invalid-optiagro-2026-request.yaml").path
        let run = try Fixtures.run(["check", "--rules", Self.rules, path])
        // Spanish numbers from Foundation's locale data (its spaces may be no-break ones).
        #expect(run.stdout.contains("error[EST-007]: `p1` solicita 330.000"), "\(run.stdout)")
        #expect(run.stdout.contains("puede solicitar como máximo 275.000"), "\(run.stdout)")
        #expect(run.stdout.contains("; guía de Eurostars, §4.1"), "\(run.stdout)")
        let sarif = try Fixtures.run(["check", "--rules", Self.rules, "--format", "sarif", path])
        #expect(
            sarif.stdout.contains(
                "Eurostars guidelines, §4.1 — \\\"Eurostars-3 Programme Guidelines for Applicants\\\", EUREKA Secretariat"),
            "\(sarif.stdout)")
    }

    @Test func anUnknownCallIsALocatedFindingListingTheKnownOnes() throws {
        let path = Self.dossiers.appending(path: "invalid-unknown-call.yaml").path
        let run = try Fixtures.run(["check", "--rules", Self.rules, path])
        #expect(
            run.stdout.contains("error[HDR-001]: `call` must name one of the calls open for this kind; found E3-2030"),
            "\(run.stdout)")
        #expect(run.stdout.contains("E3-2027, E3-2026") || run.stdout.contains("E3-2026, E3-2027"), "\(run.stdout)")
        #expect(run.stdout.contains("invalid-unknown-call.yaml:8:"), "the finding points at `call:`: \(run.stdout)")
    }

    /// The derived figures, shown by every command that describes the kind.
    static func expectDerivedFigures(in project: ScratchProject, rules: [String], dossier: String) throws {
        let explain = try project.run(["explain", "EST-005"] + rules)
        #expect(
            explain.stdout.hasPrefix("EST-005 (error): R&D-performing SMEs carry at least 60% of the costs"),
            "\(explain.stdout)\(explain.stderr)")
        #expect(explain.stdout.contains("min_rd_sme_share = 0.6"), "\(explain.stdout)")
        let initRun = try project.run(["init", "eurostars-project"] + rules)
        #expect(
            initRun.stdout.contains("EST-005 (error): R&D-performing SMEs carry at least 60% of the costs"),
            "\(initRun.stdout)\(initRun.stderr)")
        let schema = try project.run(["schema", "eurostars-project"] + rules)
        #expect(schema.stdout.contains("R&D-performing SMEs carry at least 60% of the costs"), "\(schema.stderr)")
        let list = try project.run(["rules", "list", "--kind", "eurostars-project"] + rules)
        #expect(list.stdout.contains("R&D-performing SMEs carry at least 60% of the costs"), "\(list.stdout)")
        let funding = try project.run(["funding", dossier] + rules)
        // The SME's maximum aid at the derived rate: 60 % of 550 000 €.
        #expect(funding.stdout.contains("330.000"), "\(funding.stdout)\(funding.stderr)")
        let triage = try project.run(["triage", dossier, "--out", "triage.html"] + rules)
        #expect(triage.status == 0, "\(triage.stderr)")
        let html = try project.read("triage.html")
        #expect(html.contains("R&amp;D-performing SMEs carry at least 60% of the costs"), "\(html.prefix(400))")
        let eval = try project.run(["eval", "params.min_rd_sme_share", dossier] + rules)
        #expect(eval.stdout.contains("0.6"), "\(eval.stdout)\(eval.stderr)")
    }

    @Test func everyCommandShowsTheDerivedCallFromExtends() throws {
        let project = try ScratchProject()
        // 55 % of the costs by the SME: EST-005 in the 2027 call, so that the triage shows its title.
        let dossier = try String(
            contentsOf: Self.dossiers.appending(path: "invalid-optiagro-2027-sme-share.yaml"), encoding: .utf8)
        try project.write("d.yaml", dossier)
        try Self.expectDerivedFigures(in: project, rules: ["--rules", Self.rules], dossier: "d.yaml")
    }

    @Test func everyCommandShowsTheDerivedFiguresFromTheConfiguration() throws {
        let base = try String(contentsOfFile: Self.rules + "/eurostars.yaml", encoding: .utf8)
        let dossier = try String(contentsOf: Self.dossiers.appending(path: "valid-optiagro-2026.yaml"), encoding: .utf8)
        let project = try ScratchProject([
            "rules/eurostars.yaml": base, "d.yaml": dossier,
            ".dossiercheck.yaml":
                "rules: [rules]\nparameters:\n  eurostars:\n    min_rd_sme_share: 0.6\n    sme_funding_rate: 0.6\n",
        ])
        try Self.expectDerivedFigures(in: project, rules: [], dossier: "d.yaml")
    }
}
