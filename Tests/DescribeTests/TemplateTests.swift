import Describe
import DossierModel
import Testing
import TestSupport
import Validators

/// `dossiercheck init`: a template written from the rule sets alone fails with one "fill in"
/// finding per placeholder, and passes the structural rules once they are filled in.
@Suite struct TemplateTests {
    struct Case: Sendable, CustomStringConvertible {
        var kind: String
        var language: Language
        var description: String { "\(kind) (\(language.rawValue))" }
    }

    static let cases: [Case] = Fixtures.checker.kindNames.flatMap { kind in Language.allCases.map { Case(kind: kind, language: $0) } }

    static func template(_ kind: String, _ language: Language, checker: Checker = Fixtures.checker) throws -> Template {
        let outline = try #require(checker.outline(ofKind: kind))
        return TemplateWriter(outline: outline, language: language).write()
    }

    /// A value of the slot's type that the structure accepts.
    static func sample(_ slot: Template.Slot) -> String {
        if let first = slot.oneOf?.first { return first }
        switch slot.type {
        case .integer: return "1"
        case .amount: return "1000"
        case .number: return "1.5"
        case .boolean: return "true"
        case .date: return "2026-01-01"
        default: return "filled in"
        }
    }

    static let structural: Set<String> = ["HDR-001", "HDR-002", "HDR-003", "HDR-004"]

    @Test(arguments: cases)
    func aFreshTemplateFailsWithAFillInFindingPerPlaceholder(_ test: Case) throws {
        let template = try Self.template(test.kind, test.language)
        #expect(template.slots.count > 5)
        let lines = template.text.split(separator: "\n", omittingEmptySubsequences: false)
        for slot in template.slots {
            let line = Array(lines[slot.line - 1].unicodeScalars)
            let found = String(String.UnicodeScalarView(line.dropFirst(slot.column - 1).prefix(slot.placeholder.unicodeScalars.count)))
            #expect(found == slot.placeholder, "slot \(slot.path) at \(slot.line):\(slot.column)")
        }
        let findings = Fixtures.findings(template.text, language: test.language)
        let fillIn = findings.filter { $0.rule == "HDR-002" }
        #expect(Set(fillIn.map(\.path)) == Set(template.slots.map(\.path)))
        #expect(fillIn.count == template.slots.count)
        #expect(fillIn.allSatisfy { $0.help?.contains(template.slots[0].placeholder) == true })
        #expect(!findings.contains { $0.rule == "HDR-003" || $0.rule == "HDR-004" }, "\(findings.map(\.message))")
    }

    @Test(arguments: cases)
    func aFilledInTemplatePassesTheStructuralRules(_ test: Case) throws {
        let filled = try Self.template(test.kind, test.language).filled(with: Self.sample)
        let findings = Fixtures.findings(filled, language: test.language).filter { Self.structural.contains($0.rule) }
        #expect(findings.isEmpty, "\(findings.map { "\($0.rule) \($0.path): \($0.message)" })")
        let header = DossierHeader(try #require(YAMLLoader.load(Array(filled.utf8)).first?.root))
        #expect(header.kind == test.kind)
        #expect(header.language == test.language.rawValue)
    }

    @Test func theCommentsComeFromTheRuleSetsInTheChosenLanguage() throws {
        let french = try Self.template("reseau-dossier", .fr)
        #expect(french.text.contains("# 1, 2 ou 3 : la période triennale de reconnaissance demandée par le dossier."))
        #expect(french.text.contains("RES-003 (erreur) : Coûts éligibles plafonnés à 160 000 € par an (§7.4.2)"))
        #expect(french.text.contains("max_eligible_per_year = 160000 — Coûts éligibles acceptés par an, en euros (§7.4.2)."))
        #expect(french.text.contains("recognition_term: <à compléter>  # un nombre entier"))
        #expect(french.text.contains("category: <à compléter>  # du texte, obligatoire ; l'un de : enterprise, research-centre"))
        #expect(french.text.contains("kind: reseau-dossier\n"))
        #expect(french.text.contains("language: fr\n"))
        // Conditional fields are offered commented out; a field of another kind is left out.
        #expect(french.text.contains("# accredited: <à compléter>"))
        #expect(!french.text.contains("member_of_pole"))
        #expect(try Self.template("pole-project", .en).text.contains("    member_of_pole: <fill in>  # true or false"))
    }

    @Test func aCallWithOtherThresholdsGetsATemplateWithThem() throws {
        var sets = Fixtures.checker.ruleSets
        let set = try #require(sets.firstIndex { $0.name == "reseau-dossier" })
        let parameter = try #require(sets[set].parameters.firstIndex { $0.name == "max_eligible_per_year" })
        sets[set].parameters[parameter].value = .integer(150000)
        let checker = try Checker(ruleSets: sets, iso: Fixtures.iso)
        let text = try Self.template("reseau-dossier", .en, checker: checker).text
        #expect(text.contains("max_eligible_per_year = 150000"))
        #expect(!text.contains("max_eligible_per_year = 160000"))
    }
}
