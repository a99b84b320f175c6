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
        // 16 examples in the 2026 call, and the same 16 in the 2027 call with its parameters, EST-005's
        // being the call's own (its passing example at 50 % fails at 60 %, as meant).
        #expect(run.stdout.contains("32 passed, 0 failed"), "\(run.stdout)")
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

    // MARK: - issue 15: inherited examples in the derived call

    static func base() throws -> String { try String(contentsOfFile: Self.rules + "/eurostars.yaml", encoding: .utf8) }
    static let derivedHead = """
        ruleset: eurostars-2027
        version: 1.0.0
        extends: {ruleset: eurostars, version: 1.0.0}
        call: {name: E3-2027}
        parameters:
          min_rd_sme_share: 0.6

        """

    @Test func inheritedExamplesRunWithTheDerivedCallsParameters() throws {
        let project = try ScratchProject(["rules/eurostars.yaml": try Self.base(), "rules/eurostars-2027.yaml": Self.derivedHead])
        let run = try project.run(["rules", "test", "rules"])
        #expect(run.status == 1, "a threshold that breaks an inherited example fails `rules test`: \(run.stdout)")
        #expect(
            run.stdout.contains(
                "rules/eurostars.yaml:257:11: EST-005 pass example #1 in call E3-2027: expected no finding, got at `partners`: R&D-performing SMEs carry 50% of the costs; at least 60% is needed"
            ), "\(run.stdout)")
        #expect(run.stdout.contains("under `examples:` in rules/eurostars-2027.yaml"), "\(run.stdout)")
        #expect(run.stdout.contains("31 passed, 1 failed"), "\(run.stdout)")
    }

    @Test func callExamplesReplaceTheBasesInTheCallOnly() throws {
        let own =
            Self.derivedHead + """
                examples:
                  EST-005:
                    pass: ["partners: [{id: a, name: A, category: enterprise, employees: 20, rd_performing: true, costs_eur: 60}, {id: b, name: B, category: university, costs_eur: 40}]"]
                    fail: ["partners: [{id: a, name: A, category: enterprise, employees: 20, rd_performing: true, costs_eur: 60}, {id: b, name: B, category: university, costs_eur: 40.01}]"]

                """
        let project = try ScratchProject(["rules/eurostars.yaml": try Self.base(), "rules/eurostars-2027.yaml": own])
        let run = try project.run(["rules", "test", "rules", "--verbose"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(
            run.stdout.contains("rules/eurostars-2027.yaml:10:"), "the call's own examples are run from its file: \(run.stdout)")
        #expect(run.stdout.contains("EST-005 pass example #1: ok"), "the base's still run in the base: \(run.stdout)")
    }

    @Test func callExamplesAreForInheritedRulesOfADerivedSetOnly() throws {
        let unknown = Self.derivedHead + "examples:\n  EST-050: {pass: [\"partners: []\"]}\n"
        let project = try ScratchProject(["rules/eurostars.yaml": try Self.base(), "rules/eurostars-2027.yaml": unknown])
        let run = try project.run(["rules", "test", "rules"])
        #expect(run.status != 0)
        #expect(
            run.stdout.contains(
                "rules/eurostars-2027.yaml:8:3: error: `examples` names rule `EST-050`, which `eurostars` does not have"),
            "\(run.stdout)")
        let base = try Self.base() + "\nexamples:\n  EST-005: {pass: [\"partners: []\"]}\n"
        let lone = try ScratchProject(["rules/eurostars.yaml": base])
        let refused = try lone.run(["rules", "test", "rules"])
        #expect(refused.status != 0)
        #expect(
            refused.stdout.contains("`eurostars` extends no set: write each rule's examples under the rule"), "\(refused.stdout)")
    }

    // MARK: - issue 15: two calls loaded, each finding names its own

    @Test func eachFindingNamesTheCallItsDossierWasCheckedAgainst() throws {
        let earlier = Self.dossiers.appending(path: "invalid-optiagro-2026-request.yaml").path
        let later = Self.dossiers.appending(path: "invalid-optiagro-2027-sme-share.yaml").path
        let run = try Fixtures.run(["check", "--rules", Self.rules, "--lang", "en", earlier, later])
        #expect(
            run.stdout.contains("note: Eurostars project (international R&D by SMEs); Eurostars guidelines, §4.1"),
            "\(run.stdout)")
        #expect(run.stdout.contains("note: Eurostars project, call 2027; Eurostars guidelines, §2.2"), "\(run.stdout)")
        let list = try Fixtures.run(["rules", "list", "--rules", Self.rules, "--kind", "eurostars-project"])
        #expect(list.stdout.contains("eurostars 1.0.0 (kind `eurostars-project`)"), "\(list.stdout)")
        #expect(list.stdout.contains("eurostars-2027 1.0.0 (kind `eurostars-project`)"), "\(list.stdout)")
        #expect(list.stdout.contains("at least 50% of the costs (Eurostars guidelines, §2.2)"), "\(list.stdout)")
        #expect(list.stdout.contains("at least 60% of the costs (Eurostars guidelines, §2.2)"), "\(list.stdout)")
        // JUnit and Markdown cite the programme's own document too, not the report.
        for format in ["junit", "markdown"] {
            let cited = try Fixtures.run(["check", "--rules", Self.rules, "--lang", "en", "--format", format, earlier, later])
            #expect(cited.stdout.contains("source: Eurostars guidelines, §4.1"), "\(format): \(cited.stdout)")
            #expect(!cited.stdout.contains("Clusterbeleid"), "\(format)")
        }
        let sarif = try Fixtures.run(["check", "--rules", Self.rules, "--format", "sarif", earlier, later])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run0 = try #require((report["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run0["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        for result in run0["results"] as? [[String: Any]] ?? [] {
            let rule = rules[try #require(result["ruleIndex"] as? Int)]
            let call = (result["ruleId"] as? String) == "EST-005" ? "eurostars-2027" : "eurostars"
            #expect((rule["properties"] as? [String: Any])?["ruleSet"] as? String == call, "\(result)")
        }
    }

    // MARK: - issue 15: a language beyond the tool's four, and its fallbacks

    @Test func aSpanishRunTagsTheEnglishFallbacks() throws {
        // Without employees the SME is no SME: ORG-002 (common, no Spanish) and EST-002, -005, -007 (Spanish).
        var dossier = try String(contentsOf: Self.dossiers.appending(path: "valid-optiagro-2026.yaml"), encoding: .utf8)
        let employees = try #require(dossier.range(of: "    employees: 40\n"))
        dossier.removeSubrange(employees)
        let project = try ScratchProject(["d.yaml": dossier])
        let sarif = try project.run(["check", "--rules", Self.rules, "--lang", "es", "--format", "sarif", "d.yaml"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try #require((report["runs"] as? [[String: Any]])?.first)
        #expect(run["language"] as? String == "es")
        var languages: [String: String] = [:]
        for result in run["results"] as? [[String: Any]] ?? [] {
            languages[result["ruleId"] as? String ?? ""] =
                (result["properties"] as? [String: Any])?["language"] as? String ?? "es"
        }
        #expect(languages == ["ORG-002": "en", "EST-002": "es", "EST-005": "es", "EST-007": "es"], "\(sarif.stdout)")
        let triage = try project.run(["triage", "--rules", Self.rules, "--lang", "es", "d.yaml", "--out", "t.html"])
        #expect(triage.status == 0, "\(triage.stderr)")
        let html = try project.read("t.html")
        // The labels are English (the tool has no Spanish words): the page says so, the Spanish texts say theirs.
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<span class=\"message\" lang=\"es\">el solicitante principal `p1` no es una pyme"), "\(html)")
        #expect(html.contains("<span class=\"message\">enterprise `p1` does not give its number of employees"), "\(html)")
        #expect(
            html.contains(
                "source: <span lang=\"es\">Proyecto Eurostars (I+D internacional de pymes); guía de Eurostars, §2.2</span>"))
        #expect(!html.contains("Clusterbeleid"), "the programme's findings cite its own guidelines")
    }

    /// Issue 15's tutorial, followed from scratch: a dossier naming a call of which only another is
    /// loaded was checked against it in silence.
    @Test func aSingleCallRefusesADossierOfAnother() throws {
        let later = try String(
            contentsOf: Self.dossiers.appending(path: "valid-optiagro-2027.yaml"), encoding: .utf8)
        let project = try ScratchProject(["rules/eurostars.yaml": try Self.base(), "d.yaml": later])
        let run = try project.run(["check", "--rules", "rules", "--lang", "en", "d.yaml"])
        #expect(run.status == 1, "\(run.stdout)")
        #expect(
            run.stdout.contains("error[HDR-001]: `call` must name one of the calls open for this kind; found E3-2027"),
            "\(run.stdout)")
        #expect(run.stdout.contains("E3-2026"), "the help names the call that is open: \(run.stdout)")
        // A dossier that names no call is checked against the one there is.
        let earlier = try String(contentsOf: Self.dossiers.appending(path: "valid-optiagro-2026.yaml"), encoding: .utf8)
        try project.write("e.yaml", earlier.replacingOccurrences(of: "call: E3-2026\n", with: ""))
        let unnamed = try project.run(["check", "--rules", "rules", "e.yaml"])
        #expect(unnamed.status == 0, "\(unnamed.stdout)")
    }
}
