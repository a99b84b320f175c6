import Describe
import TestSupport
import Testing
import Validators

/// `dossiercheck explain` and `dossiercheck rules list`: what the rule sets say of their rules.
@Suite struct ExplanationTests {
    @Test func anExplanationGivesSourceParametersAndExamplesWithTheirFindings() throws {
        let text = try #require(RuleExplanation("RES-003", checker: Fixtures.checker, language: .fr)).text()
        #expect(text.hasPrefix("RES-003 (erreur) : Coûts éligibles plafonnés à 160 000 € par an\n"))
        #expect(
            text.contains("Jeu de règles : reseau-dossier 1.1.0 — Réseau d'entreprises — dossier de reconnaissance (Wallonie)"))
        #expect(text.contains("Source : rapport « Clusterbeleid in Europa », §7.4.2"))
        #expect(text.contains("  financial_plan.years[*].eligible_costs_eur"))
        #expect(text.contains("  max_eligible_per_year = 160000 — Coûts éligibles acceptés par an, en euros (§7.4.2)."))
        #expect(text.contains("  vérifie item.eligible_costs_eur <= params.max_eligible_per_year"))
        #expect(
            text.contains(
                "Exemples conformes :\n  1. financial_plan: {years: [{year: 1, eligible_costs_eur: 160000}]}\n     → aucun constat"
            ))
        #expect(text.contains("→ financial_plan.years[0].eligible_costs_eur : année 1 : les coûts éligibles de"))
        #expect(
            text.contains("160 000,01 € dépassent de 0,01 € le plafond annuel de 160 000 €"),
            "a figure is never split by wrapping")
    }

    @Test func parametersReachedThroughDefinitionsAreNamed() throws {
        let text = try #require(RuleExplanation("TKI-004", checker: Fixtures.checker, language: .en)).text()
        for parameter in ["toeslag_rate", "small_firm_classes", "small_firm_tiers", "size_classes"] {
            #expect(text.contains("  \(parameter) = "), "\(parameter)")
        }
        #expect(!text.contains("min_enterprise_share"))
    }

    @Test func everyRuleCanBeExplained() throws {
        for set in Fixtures.checker.ruleSets {
            for rule in set.rules {
                let text = try #require(RuleExplanation(rule.id, checker: Fixtures.checker, language: .de)).text()
                #expect(text.contains("Beispiele, die nicht bestehen:"), "\(rule.id)")
                #expect(text.hasPrefix(rule.id + " ("))
            }
        }
        #expect(RuleExplanation("XYZ-999", checker: Fixtures.checker, language: .en) == nil)
    }

    @Test func theRuleListForAKindHoldsItsLibrariesAndItsOwnRules() throws {
        let outline = try #require(Fixtures.checker.outline(ofKind: "tki-project"))
        let catalogue = RuleCatalogue(sets: outline.sets, language: .nl)
        let text = catalogue.text()
        #expect(
            text.contains(
                "tki-project 1.1.0 (kind `tki-project`) — TKI-project — Topconsortium voor Kennis en Innovatie (Nederland)"))
        #expect(
            text.contains("  TKI-005  waarschuwing  De ondernemingen dragen minstens 40 % van de projectbegroting bij (§7.5)"))
        #expect(text.contains("  HDR-001  fout"))
        #expect(!text.contains("RES-001"))
        let json = catalogue.json().serialized()
        #expect(json.contains(#""id": "TKI-004""#))
        #expect(json.contains(#""builtin": "unknown-keys""#))
    }
}
