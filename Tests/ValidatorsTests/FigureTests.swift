import DossierModel
import Foundation
import TestSupport
import Testing

@testable import Validators

/// The `figures:` section of rule files: strict parsing, and the figures the engine computes.
@Suite struct FigureTests {
    static let header = "ruleset: local\nversion: 1.0.0\n"

    func parseError(_ yaml: String) -> String? {
        do {
            _ = try RuleSetParser.parse(Self.header + yaml, file: "local.yaml")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func figuresAreParsedStrictly() throws {
        #expect(parseError("figures: {eligible: \"costs[*].eligible_eur\", sme: isSME}") == nil)
        #expect(
            parseError("figures: {elgible: \"costs[*].eligible_eur\"}")?.contains(
                "local.yaml:3:11: error: unknown key `elgible` in `figures`") == true)
        #expect(
            parseError("figures:\n  eligible: \"costs[*.x\"")?.contains(
                "local.yaml:4:13: error: `figures.eligible`: `costs[*.x` is not a path") == true)
        #expect(parseError("figures: {requested: []}")?.contains("lists no path") == true)
        #expect(parseError("figures: {sme: \"isSME(o)\"}")?.contains("names a definition of one parameter") == true)
        #expect(parseError("figures: [a]")?.contains("`figures` must be a mapping") == true)
    }

    @Test func aDefinitionMustExistAndTakeOneParameter() throws {
        let bundled = Fixtures.checker.ruleSets
        func calculator(_ yaml: String) throws -> FigureCalculator {
            let local = try RuleSetParser.parse(yaml, file: "local.yaml")
            return try FigureCalculator(
                checker: Checker(ruleSets: RuleSetCollection.overriding(bundled, with: [local]), iso: Fixtures.iso))
        }
        let kind = "ruleset: x\nversion: 1.0.0\nkind: x-kind\nimports: [common]\nstructure: {partners: {list: organisation}}\n"
        #expect(throws: Never.self) { try calculator(kind + "figures: {sme: isLarge}") }
        #expect { try calculator(kind + "figures: {sme: isSMEx}") } throws: {
            "\($0)".contains("local.yaml:6:16: error: `figures.sme` names `isSMEx`, which no definition")
        }
        #expect { try calculator(kind + "figures: {research: isRegionOf}") } throws: {
            "\($0)".contains("takes 2 parameters, not one")
        }
    }

    @Test func everyBundledKindDeclaresItsFigures() throws {
        let calculator = try FigureCalculator(checker: Fixtures.checker)
        for kind in Fixtures.checker.kindNames {
            let spec = calculator.spec(forKind: kind)
            #expect(spec.organisations != nil && spec.sme == "isSME" && spec.research == "isResearchUnit", "\(kind)")
            #expect(spec.applicant != nil, "\(kind)")
        }
        for kind in ["reseau-dossier", "pole-cahier-des-charges", "pole-project", "spitzencluster-strategy", "tki-project"] {
            #expect(calculator.spec(forKind: kind).eligible != nil && calculator.spec(forKind: kind).requested != nil, "\(kind)")
        }
    }

    @Test func figuresOfAnExampleDossier() throws {
        let calculator = try FigureCalculator(checker: Fixtures.checker)
        let text = try String(contentsOf: Fixtures.repositoryFile("examples/mixed/valid-two-dossiers.yaml"), encoding: .utf8)
        let documents = YAMLLoader.load(Array(text.utf8))
        let figures = try documents.map { try calculator.figures(of: #require($0.root)) }
        #expect(figures[0].partners == 5)
        #expect(figures[0].smes == 2)
        #expect(figures[0].researchUnits == 2)
        #expect(figures[0].eligible == 720000)
        #expect(figures[0].requested == 544000)
        #expect(figures[0].applicant == "Aéro Composites Gosselies SA")
        #expect(figures[1].partners == 4)
        #expect(figures[1].requested == 60000)
    }

    @Test func wronglyTypedAmountsAreLeftOutAsTheRulesLeaveThemOut() throws {
        let calculator = try FigureCalculator(checker: Fixtures.checker)
        let yaml = """
            dossier: 1
            kind: pole-project
            id: P-1
            title: T
            language: en
            partners:
              - {id: a, name: A, category: enterprise, employees: 12}
              - {id: b, name: B, category: enterprise, employees: "12"}
              - {id: u, name: U, category: university}
            costs:
              - {partner: a, activity: research, eligible_eur: 100000, aid_requested_eur: 50000.5}
              - {partner: u, activity: research, eligible_eur: "90000", aid_requested_eur: 1.5e4}
            """
        let root = try #require(YAMLLoader.load(Array(yaml.utf8)).first?.root)
        let figures = calculator.figures(of: root)
        #expect(figures.partners == 3)
        #expect(figures.smes == 1, "a headcount written as text is absent: B is not known to be an SME")
        #expect(figures.researchUnits == 1)
        #expect(figures.eligible == 100000)
        #expect(figures.requested == Decimal(string: "65000.5"))
        #expect(abs((figures.publicShare ?? 0) - 0.650005) < 1e-12)
    }
}
