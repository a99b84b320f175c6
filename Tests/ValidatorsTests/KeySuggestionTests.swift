import TestSupport
import Testing

@testable import Validators

/// HDR-003's "did you mean …?": the known key a misspelt one most likely meant, or none.
@Suite struct KeySuggestionTests {
    static let top = [
        "dossier", "kind", "id", "title", "language", "submitted", "call", "contact", "network", "statutes", "members",
        "activity_domain_analysis", "strategic_plan", "financial_plan", "activity_programme", "animator",
        "performance_indicators", "synergies",
    ]
    static let year = ["year", "eligible_costs_eur", "other_programmes_eur", "subsidy_requested_eur"]
    static let plan = ["recognition_term", "years", "international_partnership", "self_financing"]
    static let organisation = [
        "id", "name", "category", "employees", "annual_turnover_eur", "balance_sheet_eur", "size", "country", "region", "role",
    ]

    @Test(arguments: [
        ("statuts", top, "statutes"), ("Statutes", top, "statutes"), ("strategic-plan", top, "strategic_plan"),
        ("strategic_plna", top, "strategic_plan"), ("financialplan", top, "financial_plan"), ("synergy", top, "synergies"),
        ("performance_indicator", top, "performance_indicators"), ("activty_programme", top, "activity_programme"),
        ("eligible_cost_eur", year, "eligible_costs_eur"), ("eligible_costs", year, "eligible_costs_eur"),
        ("requested_subsidy_eur", year, "subsidy_requested_eur"), ("other_programs_eur", year, "other_programmes_eur"),
        ("yaer", year, "year"), ("term", plan, "recognition_term"), ("selffinancing", plan, "self_financing"),
        ("turnover_eur", organisation, "annual_turnover_eur"), ("employes", organisation, "employees"),
        ("balance_sheet", organisation, "balance_sheet_eur"),
    ])
    func aSlipOrAnotherSpellingFindsTheKey(_ typed: String, _ known: [String], _ meant: String) {
        #expect(KeySuggestion.closest(to: typed, in: known) == meant)
    }

    @Test(arguments: [("budget", top), ("eur", year), ("partner_list", top), ("x", organisation), ("amount", organisation)])
    func nothingCloseSuggestsNothing(_ typed: String, _ known: [String]) {
        #expect(KeySuggestion.closest(to: typed, in: known) == nil)
    }

    @Test func theFindingNamesItAndSaysHowToFix() {
        let findings = Fixtures.findings(
            "{dossier: 1, kind: reseau-dossier, id: R, title: T, language: en, synergy: {poles: [GREENWIN]}}")
        let typo = findings.first { $0.rule == "HDR-003" }
        #expect(typo?.message == "unknown key `synergy`; did you mean `synergies`?")
        #expect(typo?.help == "rename `synergy` to `synergies`")
    }
}
