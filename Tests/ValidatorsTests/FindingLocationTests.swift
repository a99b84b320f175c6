import TestSupport
import Testing
import Validators

/// Findings point at the offending node, or at the nearest parent of what is missing.
@Suite struct FindingLocationTests {
    static let dossier = """
        dossier: 1
        kind: reseau-dossier
        id: RES-T-1
        title: Test
        language: en
        members:
          - {id: a, name: A, category: enterprise, employees: 12, country: BE, region: BE-WAL}
          - {id: b, name: B, category: university, country: BE, region: BE-WAL}
        financial_plan:
          recognition_term: 1
          years:
            - {year: 1, eligible_costs_eur: 160000.01, subsidy_requested_eur: 100000}
            - {year: 2, eligible_costs_eur: 100000, subsidy_requested_eur: 100000.01}
            - {year: 3, eligible_costs_eur: 100000, subsidy_requested_eur: 100000}
        synergies: {networks: [], poles: []}
        animator:
          fte: "1.0"
        """

    func finding(_ rule: String, _ findings: [Finding], at path: String) throws -> Finding {
        try #require(
            findings.first { $0.rule == rule && $0.path == path },
            "\(rule) at \(path) in \(findings.map { "\($0.rule)@\($0.path)" })")
    }

    @Test func eachFindingHasItsLineColumnAndPath() throws {
        let findings = Fixtures.findings(Self.dossier)
        let over = try finding("RES-003", findings, at: "financial_plan.years[0].eligible_costs_eur")
        #expect(over.location.line == 12 && over.location.column == 37)
        #expect(over.message == "year 1: eligible costs of €160,000.01 exceed the €160,000 accepted per year by €0.01")

        let subsidy = try finding("RES-004", findings, at: "financial_plan.years[1].subsidy_requested_eur")
        #expect(subsidy.location.line == 13 && subsidy.location.column == 68)
        #expect(subsidy.help == "request at most €100,000 for year 2")

        // Missing sections: the whole document, at its first key.
        let missing = try finding("RES-001", findings, at: "")
        #expect(missing.location.line == 1 && missing.location.column == 1)
        // Missing profile: the nearest parent that exists, at its key.
        let profile = try finding("RES-001", findings, at: "animator")
        #expect(profile.location.line == 16 && profile.location.column == 1)
        // A whole collection: at the key that holds it.
        let members = try finding("RES-008", findings, at: "members")
        #expect(members.location.line == 6 && members.location.column == 1)
        let synergies = try finding("RES-007", findings, at: "synergies")
        #expect(synergies.location.line == 15 && synergies.location.column == 1)
        // A wrongly typed value: HDR-002 at the value, and no other rule judges it.
        let fte = try finding("HDR-002", findings, at: "animator.fte")
        #expect(fte.location.line == 17 && fte.location.column == 8)
        #expect(fte.end?.column == 13)
    }

    @Test func moneyIsExactAtTheBoundary() {
        func res004(_ requested: String) -> Bool {
            let yaml = """
                dossier: 1
                kind: reseau-dossier
                id: X
                title: T
                language: en
                financial_plan:
                  recognition_term: 2
                  years:
                    - {year: 4, eligible_costs_eur: 150000, subsidy_requested_eur: \(requested)}
                """
            return Fixtures.findings(yaml).contains { $0.rule == "RES-004" }
        }
        #expect(!res004("120000"), "80 % of 150 000 € is exactly 120 000 €")
        #expect(!res004("1.2e5"))
        #expect(res004("120000.01"), "one cent more fails")
    }

    @Test func findingsAreInSourceOrder() {
        let findings = Fixtures.findings(Self.dossier)
        #expect(findings.map(\.location) == findings.map(\.location).sorted())
    }

    @Test func languageOfTheDossierIsUsedUnlessOverridden() {
        let french = Self.dossier.replacingOccurrences(of: "language: en", with: "language: fr")
        let report = Fixtures.checker.check(fileBytes: Array(french.utf8)).first
        #expect(report?.language == .fr)
        let forced = Fixtures.checker.check(fileBytes: Array(french.utf8), language: .de).first
        #expect(forced?.language == .de)
    }
}
