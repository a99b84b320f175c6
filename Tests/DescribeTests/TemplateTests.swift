import Describe
import DossierModel
import Foundation
import TestSupport
import Testing
import Validators

/// `dossiercheck init`: a template written from the rule sets alone fails with one "fill in"
/// finding per placeholder, and passes the structural rules once they are filled in.
@Suite struct TemplateTests {
    struct Case: Sendable, CustomStringConvertible {
        var kind: String
        var language: Language
        var description: String { "\(kind) (\(language.rawValue))" }
    }

    static let cases: [Case] = Fixtures.checker.kindNames.flatMap { kind in
        Language.allCases.map { Case(kind: kind, language: $0) }
    }

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
            let found = String(
                String.UnicodeScalarView(line.dropFirst(slot.column - 1).prefix(slot.placeholder.unicodeScalars.count)))
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

    /// A placeholder is a value not known yet: one HDR-002 finding where it stands and nothing else,
    /// the rules that depend on it counted as not yet checkable.
    @Test(arguments: cases)
    func aFreshTemplateGivesOneFindingPerPlaceholderAndNothingElse(_ test: Case) throws {
        let template = try Self.template(test.kind, test.language)
        let reports = Fixtures.checker.check(fileBytes: Array(template.text.utf8), language: test.language)
        let report = try #require(reports.first)
        #expect(reports.count == 1)
        let findings = report.findings.map { "\($0.rule) \($0.path): \($0.message)" }
        #expect(report.findings.count == template.slots.count, "\(findings)")
        #expect(report.findings.allSatisfy { $0.rule == "HDR-002" && $0.severity == .error }, "\(findings)")
        #expect(report.findings.map(\.path).sorted() == template.slots.map(\.path).sorted())
        #expect(!report.notYetCheckable.isEmpty)
        #expect(!report.notYetCheckable.contains("HDR-002"))
    }

    /// Every placeholder filled with the kind's valid example's value at its place (lists as the
    /// example has them: the template shows one item to copy) passes like the example itself.
    @Test(arguments: cases)
    func aTemplateFilledWithTheValidExamplePasses(_ test: Case) throws {
        let template = try Self.template(test.kind, test.language)
        let tree = try #require(YAMLLoader.load(Array(template.text.utf8)).first?.root)
        let placeholder = template.slots[0].placeholder
        let examples = Fixtures.exampleFiles.filter { $0.hasPrefix("examples/\(test.kind)/valid-") }
        #expect(!examples.isEmpty)
        for path in examples {
            let text = try String(contentsOf: Fixtures.repositoryFile(path), encoding: .utf8)
            let example = try #require(YAMLLoader.load(Array(text.utf8)).first?.root)
            let filled = try #require(Self.fill(tree, with: example, placeholder: placeholder))
            let yaml = YAMLRewriter.rewrite([filled], as: .block)
            #expect(!yaml.contains(placeholder))
            let reports = Fixtures.checker.check(fileBytes: Array(yaml.utf8), language: test.language)
            let errors = reports.flatMap(\.findings).filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(path): \(errors.map { "\($0.rule) \($0.path): \($0.message)" })")
            #expect(reports.allSatisfy { $0.notYetCheckable.isEmpty })
            let own = Fixtures.checker.check(fileBytes: Array(text.utf8)).flatMap(\.findings).map(\.rule).sorted()
            #expect(reports.flatMap(\.findings).map(\.rule).sorted() == own, "\(path)")
        }
    }

    /// The template's tree with each placeholder replaced by the example's value at its place, each
    /// list by the example's list, and the entries only the example has (fields the template offers
    /// commented out) added; what the example leaves out is left out. Nil when the example lacks it.
    static func fill(_ template: Node, with example: Node?, placeholder: String) -> Node? {
        guard let example else { return nil }
        switch template.content {
        case .scalar(let scalar): return scalar.text == placeholder ? example : template
        case .sequence: return example
        case .mapping(let entries):
            guard let given = example.mapping else { return example }
            var out: [Node.Entry] = entries.compactMap { entry in
                let key = entry.key.scalar?.text ?? ""
                return fill(entry.value, with: example[key], placeholder: placeholder).map {
                    Node.Entry(key: entry.key, value: $0)
                }
            }
            let written = Set(entries.compactMap { $0.key.scalar?.text })
            out += given.filter { !written.contains($0.key.scalar?.text ?? "") }
            return Node(.mapping(out), start: template.start, end: template.end)
        }
    }

    /// A half-filled template is judged on what is filled: the wrong values get their real
    /// findings, the placeholders left get theirs, and nothing judges the placeholders.
    @Test(arguments: Language.allCases)
    func aHalfFilledTemplateIsJudgedOnWhatIsFilled(_ language: Language) throws {
        let template = try Self.template("pole-project", language)
        let wrong = ["pole": "NOPE", "partners[0].country": "XX", "partners[0].id": "acme", "costs[0].partner": "nobody"]
        let filled = template.filled { wrong[$0.path] ?? $0.placeholder }
        let report = try #require(Fixtures.checker.check(fileBytes: Array(filled.utf8), language: language).first)
        let placeholders = Set(template.slots.map(\.path)).subtracting(wrong.keys)
        let real = report.findings.filter { !($0.rule == "HDR-002" && placeholders.contains($0.path)) }
        #expect(report.findings.count - real.count == placeholders.count)
        #expect(
            real.map { "\($0.rule) \($0.path)" }.sorted() == [
                "HDR-002 pole", "ORG-001 costs[0].partner", "ORG-004 partners[0].country",
            ],
            "\(real.map { "\($0.rule) \($0.path): \($0.message)" })")
        #expect(!report.notYetCheckable.isEmpty)
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
