import Describe
import DossierModel
import Foundation
import TestSupport
import Testing
import Validators

/// `dossiercheck funding`: the figures come from the rule sets' `funding:` tables, computed with
/// the money rules' own definitions, so that the view and the rules agree on every example.
@Suite struct FundingTests {
    static func sheets(_ path: String, language: Language? = .en) throws -> [(FundingSheet, [Finding])] {
        let text = try String(contentsOf: Fixtures.repositoryFile(path), encoding: .utf8)
        return YAMLLoader.load(Array(text.utf8)).compactMap { document in
            Fixtures.checker.funding(document, language: language).map {
                ($0, Fixtures.checker.check(document, language: language).findings)
            }
        }
    }

    /// Rules whose every finding is a request above a limit the view shows.
    static let limitRules: Set<String> = [
        "RES-004", "PPR-003", "PPR-004", "PCC-013", "SCS-002", "SCS-003", "SCS-004", "SCS-005", "TKI-004",
    ]

    @Test(arguments: Fixtures.exampleFiles)
    func theViewAndTheMoneyRulesAgree(_ path: String) throws {
        for (sheet, findings) in try Self.sheets(path) {
            let lines = sheet.tables.flatMap(\.lines)
            // A request above the maximum is a finding of one of the row's rules at that row.
            for line in lines where (line.difference ?? 0) < 0 {
                #expect(
                    !FundingFormatter.breaches(of: line, in: findings).isEmpty,
                    "\(path): `\(line.label)` is over its limit, no rule says so")
            }
            // A finding of a limit rule shows as a row over its limit.
            for finding in findings where Self.limitRules.contains(finding.rule) {
                let over = lines.contains {
                    ($0.difference ?? 0) < 0 && FundingFormatter.breaches(of: $0, in: [finding]) == [finding.rule]
                }
                #expect(over, "\(path): \(finding.rule) at `\(finding.path)` has no row over its limit")
            }
        }
    }

    @Test func everyKindWithMoneyRulesHasTables() {
        let withTables = Set(
            Fixtures.checker.kindNames.filter { kind in
                Fixtures.checker.outline(ofKind: kind)?.sets.contains { !$0.funding.isEmpty } == true
            })
        #expect(
            withTables == ["pole-cahier-des-charges", "pole-project", "reseau-dossier", "spitzencluster-strategy", "tki-project"])
    }

    @Test func aReseauYearShowsItsRateCapAndMaximum() throws {
        let (sheet, _) = try #require(try Self.sheets("examples/reseau-dossier/valid-biosources-term2-boundaries.yaml").first)
        let years = try #require(sheet.tables.first)
        #expect(years.title == "Subsidy per year")
        #expect(years.rules == ["RES-003", "RES-004"])
        let first = try #require(years.lines.first)
        #expect(first.label == "year 4")
        #expect(first.path == "financial_plan.years[0]")
        #expect(first.rates == [Decimal(string: "0.8")!])
        #expect(first.amounts[.cap] == 160000)
        #expect(first.amounts[.maxAid] == 120000)
        #expect(first.difference == 0)
        #expect(years.total?.amounts[.maxAid] == years.lines.compactMap { $0.amounts[.maxAid] }.reduce(0, +))
    }

    @Test func theTKIToeslagIsShownPerEnterprise() throws {
        let (sheet, findings) = try #require(try Self.sheets("examples/tki-project/invalid-toeslag-lines-not-summed.yaml").first)
        let perEnterprise = try #require(sheet.tables.first)
        #expect(
            perEnterprise.lines.map(\.label) == ["delftse-fotonica (small)", "qphotonix (micro)", "brabant-lithografie (large)"])
        #expect(perEnterprise.lines.map { $0.amounts[.maxAid] } == [10500, 4000, 112500])
        #expect(perEnterprise.lines[0].rates == [Decimal(string: "0.40")!, Decimal(string: "0.25")!])
        #expect(perEnterprise.total?.amounts[.maxAid] == 127000)
        let project = try #require(sheet.tables.last?.lines.first)
        #expect(project.amounts[.requested] == 128000)
        #expect(project.difference == -1000)
        #expect(FundingFormatter.breaches(of: project, in: findings) == ["TKI-004"])
    }

    @Test func theTextViewMarksTheRowsOverTheirLimit() throws {
        let entries = try Self.sheets("examples/reseau-dossier/invalid-term3-rate-too-high.yaml", language: nil).map {
            FundingFormatter.Entry(file: "d.yaml", sheet: $0.0, findings: $0.1)
        }
        let text = FundingFormatter().text(entries)
        #expect(text.contains("Subvention par année (RES-003, RES-004)"))
        #expect(
            text.contains("  année 8           150 000 €  50 %  160 000 €   75 000 €  120 000 €  -45 000 €  RES-004"), "\(text)")
        #expect(!text.contains("Partenariat international"), "a table without rows is left out")
        let json = FundingFormatter().json(entries).serialized()
        #expect(json.contains(#""maxAid": 75000"#))
        #expect(json.contains(#""difference": -45000"#))
    }

    @Test func aKindWithoutMoneyRulesSaysSo() throws {
        let entries = try Self.sheets("examples/zim-nemo/valid-smartfluid-phase1.yaml").map {
            FundingFormatter.Entry(file: "z.yaml", sheet: $0.0, findings: $0.1)
        }
        #expect(FundingFormatter().text(entries).contains("the rule sets of kind `zim-nemo` have no money rules"))
    }
}
