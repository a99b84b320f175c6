import DossierModel
import Foundation
import TestSupport
import Testing
import Validators

/// The engine's side of rule catalogue 1.1, clarifications 7–12 (the rule sets' side is in their
/// examples), and the deviations issue #21 found: each a one-line change of a valid bundled
/// example, with the rule IDs 1.1 asks for.
@Suite struct CatalogueClarificationTests {
    struct Mutant: CustomStringConvertible, Sendable {
        var clarification: Int
        var cause: String
        var example: String
        var from: String
        var to: String
        var expected: [String]
        var description: String { "clarification \(clarification): \(cause)" }
    }

    static let tki = "examples/tki-project/valid-htsm-inline-metrologie.yaml"
    static let pcc = "examples/pole-cahier-des-charges/valid-greenwin-candidature.yaml"
    static let ppr = "examples/pole-project/valid-mecatech-additive-line.yaml"
    static let res = "examples/reseau-dossier/valid-hydrowal-term1.yaml"
    static let scs = "examples/spitzencluster-strategy/valid-lichtwerk-thueringen.yaml"

    /// The table of issue #21, row by row.
    static let deviations: [Mutant] = [
        Mutant(
            clarification: 8, cause: "a whole number written as a float", example: tki, from: "dossier: 1\n",
            to: "dossier: 1.0\n", expected: []),
        Mutant(
            clarification: 7, cause: "a non-mapping organisation item shifts nothing", example: pcc, from: "\npartners:\n",
            to: "\npartners:\n  - see annex\n", expected: ["HDR-002"]),
        Mutant(
            clarification: 7, cause: "an empty organisation item shifts nothing", example: pcc, from: "\npartners:\n",
            to: "\npartners:\n  - ~\n", expected: []),
        Mutant(
            clarification: 9, cause: "a wrong-typed reference", example: tki, from: "{partner: tu-delft,", to: "{partner: 42,",
            expected: ["ORG-001", "TKI-001"]),
        Mutant(
            clarification: 9, cause: "a missing partner", example: ppr, from: "{partner: additiv3d, activity", to: "{activity",
            expected: ["ORG-001"]),
        Mutant(
            clarification: 9, cause: "a null partner", example: ppr, from: "{partner: additiv3d, activity",
            to: "{partner: ~, activity",
            expected: ["ORG-001"]),
        Mutant(
            clarification: 7, cause: "an empty list item is dropped", example: res,
            from:
                "performance_indicators:\n  - {name: \"Nombre de membres\", baseline: 18, target: 35}\n  - {name: \"Projets collaboratifs déposés\", baseline: 0, target: 6}\n  - {name: \"Travailleurs formés à la sécurité hydrogène\", baseline: 0, target: 120}\n",
            to: "performance_indicators: [~]\n", expected: ["RES-001"]),
        Mutant(
            clarification: 12, cause: "an unknown kind gets HDR-001 alone", example: tki, from: "id: qphotonix",
            to: "id: delftse-fotonica",
            expected: ["HDR-001"]),
        Mutant(
            clarification: 7, cause: "a wrong-typed only item counts for nothing", example: pcc,
            from: "markets: [\"chimie de spécialité\", \"matériaux de construction\"]", to: "markets: [42]",
            expected: ["HDR-002", "PCC-003"]),
        Mutant(
            clarification: 11, cause: "presence is shallow", example: scs,
            from: "threats: [\"Konkurrenz aus Asien\", \"Abhängigkeit von Spezialglas-Importen\"]", to: "threats: [42]",
            expected: ["HDR-002"]),
        Mutant(
            clarification: 8, cause: "a whole number beyond 64 bits", example: tki, from: "employees: 2800",
            to: "employees: 99999999999999999999", expected: []),
        Mutant(
            clarification: 11, cause: "a wrong-typed section is its presence rule's alone", example: tki,
            from: "programme_line: \"Fotonica en geïntegreerde systemen: sensoren voor de halfgeleiderindustrie\"",
            to: "programme_line: [Line]", expected: ["TKI-001"]),
        Mutant(
            clarification: 9, cause: "a wrong-typed actor", example: scs, from: "actors: [lichtwerk-ev, lumiq-dresden]",
            to: "actors: [42]",
            expected: ["ORG-001"]),
        Mutant(
            clarification: 9, cause: "a board seat without a partner", example: pcc,
            from: "{partner: uliege, position: vice-chair}",
            to: "{position: vice-chair}", expected: ["ORG-001"]),
        Mutant(
            clarification: 8, cause: "`.nan` as a region", example: tki, from: "region: NL-NB", to: "region: .nan",
            expected: ["ORG-004"]),
        Mutant(
            clarification: 8, cause: "an underflowing float is 0", example: tki, from: "in_kind_eur: 15000}",
            to: "in_kind_eur: 1e-400}",
            expected: []),
        Mutant(
            clarification: 8, cause: "a float beyond the double range is infinite", example: tki, from: "in_kind_eur: 15000}",
            to: "in_kind_eur: 1e400}", expected: ["HDR-002"]),
        Mutant(
            clarification: 8, cause: "`.nan` as an amount", example: tki, from: "in_kind_eur: 15000}", to: "in_kind_eur: .nan}",
            expected: ["HDR-002"]),
        Mutant(
            clarification: 8, cause: "`employees: 23.0` is 23", example: tki, from: "employees: 35", to: "employees: 35.0",
            expected: []),
        // One breach, one rule (point 1) with clarification 10: a cost line's amounts are PPR-005's,
        // so a wrong-typed, negative or infinite one is PPR-005 alone, never also HDR-002.
        Mutant(
            clarification: 10, cause: "a wrong-typed eligible cost", example: ppr,
            from: "activity: training, eligible_eur: 180000,", to: "activity: training, eligible_eur: \"lots\",",
            expected: ["PPR-005"]),
        Mutant(
            clarification: 10, cause: "a quoted aid", example: ppr, from: "aid_requested_eur: 126000}",
            to: "aid_requested_eur: \"126000\"}", expected: ["PPR-005"]),
        Mutant(
            clarification: 10, cause: "a negative aid", example: ppr, from: "aid_requested_eur: 126000}",
            to: "aid_requested_eur: -1}", expected: ["PPR-005"]),
        Mutant(
            clarification: 10, cause: "an infinite eligible cost", example: ppr,
            from: "activity: training, eligible_eur: 180000,", to: "activity: training, eligible_eur: 1e400,",
            expected: ["PPR-005"]),
    ]

    @Test(arguments: deviations)
    func deviationOfIssue21(_ mutant: Mutant) throws {
        var text = try String(contentsOf: Fixtures.repositoryFile(mutant.example), encoding: .utf8)
        try #require(text.contains(mutant.from), "the example still holds the line to change")
        text = text.replacingOccurrences(of: mutant.from, with: mutant.to)
        if mutant.clarification == 12 { text = text.replacingOccurrences(of: "kind: tki-project", with: "kind: tki") }
        let findings = Fixtures.findings(text)
        #expect(
            Set(findings.map(\.rule)).sorted() == mutant.expected, "\(findings.map { "\($0.rule) \($0.path): \($0.message)" })")
    }

    // MARK: clarification 8: a number's value does not depend on its spelling

    @Test(arguments: ["1", "1.0", "1e0", "0x1", "0o1", "+1", "10e-1", "1.000"])
    func oneIsOneHoweverSpelt(_ spelling: String) throws {
        let scalar = try #require(YAMLLoader.load(Array("a: \(spelling)".utf8))[0].root?["a"]?.scalar)
        #expect(scalar.number == .integer(1))
    }

    @Test func numbersAreExactWhateverTheirSize() throws {
        func number(_ text: String) throws -> ExactNumber? {
            try #require(YAMLLoader.load(Array("a: \(text)".utf8))[0].root?["a"]?.scalar).number
        }
        #expect(try number("99999999999999999999") == .decimal(Decimal(string: "99999999999999999999")!))
        #expect(try number("99999999999999999999.0") == .decimal(Decimal(string: "99999999999999999999")!))
        #expect(try number("0x56BC75E2D630FFFFF") == .decimal(Decimal(string: "99999999999999999999")!))
        #expect(try number("9007199254740993.0") == .integer(9_007_199_254_740_993)) // beyond a double's exact range
        #expect(try number("1e-400") == .integer(0))
        #expect(try number("1e400") == .infinite(negative: false))
        #expect(try number("-.inf") == .infinite(negative: true))
        #expect(try number(".nan") == .nan)
        #expect(try number("0.7") == .decimal(Decimal(string: "0.7")!))
        #expect(try number("1e200") == .beyondRange(1e200))
        #expect(try number("\"1\"") == nil)
    }

    @Test func spellingsOfTheFormatVersionAgree() {
        for spelling in ["1", "1.0", "1e0", "0x1", "+1", "0o1"] {
            let findings = Fixtures.findings("{dossier: \(spelling), kind: reseau-dossier, id: R, title: T, language: fr}")
            #expect(!findings.contains { $0.rule == "HDR-001" }, "dossier: \(spelling)")
        }
        #expect(
            Fixtures.findings("{dossier: 1.5, kind: reseau-dossier, id: R, title: T, language: fr}").contains {
                $0.rule == "HDR-001"
            })
    }

    // MARK: clarification 7: empty is absent; a wrong-typed item is HDR-002's and shifts nothing

    @Test func emptyValuesOfAnyTypeAreAbsentNeverWrongTyped() {
        for empty in ["~", "\"\"", "[]", "{}", "[~, '']"] {
            let findings = Fixtures.findings("{dossier: 1, kind: tki-project, id: T, title: T, language: nl, tki: \(empty)}")
            #expect(!findings.contains { $0.rule == "HDR-002" }, "tki: \(empty)")
            #expect(findings.contains { $0.rule == "TKI-001" && $0.message.contains("tki") }, "tki: \(empty)")
        }
    }

    @Test func aWrongTypedOrganisationShiftsNoIdOrPlace() {
        let findings = Fixtures.findings(
            "{dossier: 1, kind: zim-nemo, id: Z, title: T, language: de, partners: [42, {id: a}, {id: b}, {id: a}]}")
        let duplicates = findings.filter { $0.rule == "ORG-001" }
        #expect(duplicates.map(\.path) == ["partners[3].id"])
        #expect(findings.contains { $0.rule == "HDR-002" && $0.path == "partners[0]" })
    }

    // MARK: clarification 12: unknown kinds

    @Test func anUnknownKindGetsTheHeaderRuleAlone() {
        let findings = Fixtures.findings(
            "{dossier: 1, kind: tki, id: T, title: T, language: nl, submitted: not-a-date, partners: [{id: a}, {id: a}], typo: 1}"
        )
        #expect(findings.map(\.rule) == ["HDR-001"])
    }
}
