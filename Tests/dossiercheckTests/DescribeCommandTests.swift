import Foundation
import TestSupport
import Testing

/// `init`, `schema`, `explain`, `rules list` and `funding`, as an applicant runs them.
@Suite struct DescribeCommandTests {
    @Test func initWritesATemplateThatCheckAsksToFillIn() throws {
        let project = try ScratchProject()
        // A wide terminal: messages on one line each.
        let wide = ["COLUMNS": "300"]
        let written = try project.run(["init", "reseau-dossier", "--lang", "fr", "-o", "dossier.yaml"], environment: wide)
        #expect(written.status == 0, "\(written.stderr)")
        // In the language asked for, as the template is.
        #expect(written.stderr.contains("dossiercheck : dossier.yaml écrit (reseau-dossier, "), "\(written.stderr)")
        #expect(written.stderr.contains("emplacements à compléter) ; lancez ensuite `dossiercheck check dossier.yaml`"))
        let template = try project.read("dossier.yaml")
        #expect(template.contains("recognition_term: <à compléter>"))
        let check = try project.run(["check", "dossier.yaml"], environment: wide)
        #expect(check.status == 1)
        #expect(check.stdout.contains("erreur[HDR-002]: `financial_plan.recognition_term` reste à compléter"), "\(check.stdout)")
        #expect(check.stdout.contains("= aide: remplacez `<à compléter>` par la valeur"))
        #expect(!check.stdout.contains("erreur[RES-"), "no rule judges a placeholder: \(check.stdout)")
        #expect(check.stdout.contains(" règles pas encore vérifiables (valeurs à compléter)"), "\(check.stdout)")
        let json = try project.run(["check", "dossier.yaml", "--format", "json"])
        #expect(json.stdout.contains("\"notYetCheckable\": ["), "\(json.stdout)")
        let again = try project.run(["init", "reseau-dossier", "-o", "dossier.yaml"])
        #expect(again.status == 2 && again.stderr.contains("give --force to overwrite it"), "an existing file is kept")
        #expect(try project.run(["init", "reseau-dossier", "-o", "dossier.yaml", "--force"]).status == 0)
        #expect(try project.read("dossier.yaml").contains("recognition_term: <fill in>"))
    }

    @Test func anUnknownKindNamesTheKnownOnes() throws {
        for command in [["init", "reseau"], ["schema", "reseau"], ["rules", "list", "--kind", "reseau"]] {
            let run = try Fixtures.run(command)
            #expect(run.status == 2, "\(command)")
            #expect(
                run.stderr.contains(
                    "no rule set checks the kind `reseau`; known kinds: pole-cahier-des-charges, pole-project, reseau-dossier"))
        }
    }

    @Test func schemaWritesJSONSchema() throws {
        let project = try ScratchProject()
        #expect(try project.run(["schema", "tki-project", "-o", "tki.schema.json"]).status == 0)
        let schema = try JSONSerialization.jsonObject(with: Data(try project.read("tki.schema.json").utf8)) as? [String: Any]
        #expect(schema?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect((schema?["properties"] as? [String: Any])?["budget"] != nil)
    }

    @Test func explainShowsTheRuleAndItsExamples() throws {
        let run = try Fixtures.run(["explain", "res-003", "--lang", "nl"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("RES-003 (fout): Subsidiabele kosten van ten hoogste € 160.000 per jaar\n"))
        #expect(run.stdout.contains("Voorbeelden die niet voldoen:"))
        let unknown = try Fixtures.run(["explain", "RES-999"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no loaded rule set has a rule `RES-999`"))
    }

    @Test func rulesListAsTextAndJSON() throws {
        let text = try Fixtures.run(["rules", "list"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("  ZIM-001  error"))
        let json = try Fixtures.run(["rules", "list", "--kind", "zim-nemo", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let sets = (object?["ruleSets"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(sets == ["common", "zim-nemo"])
    }

    @Test func fundingShowsThePlanAndTheRowsOverTheirLimit() throws {
        let run = try Fixtures.run(["funding", "examples/pole-project/invalid-aid-per-job.yaml", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Aid per cost line (PPR-003, PPR-004, PPR-005)"))
        let over = try #require(run.stdout.split(separator: "\n").first { $0.contains("forges-meuse · investment") })
        #expect(over.contains("€264,000") && over.contains("-€39,000") && over.hasSuffix("PPR-004"), "\(over)")
        let json = try Fixtures.run(["funding", "examples/tki-project/valid-htsm-toeslag-border.yaml", "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["dossiers"] != nil)
        #expect(try Fixtures.run(["funding", "no/such.yaml"]).status == 2)
    }
}
