import Describe
import Foundation
import TestSupport
import Testing
import Validators

/// Every text of every bundled rule set reaches applicants in their own language: titles,
/// messages, help, descriptions, parameter texts, field docs and funding tables (issue #16).
@Suite struct TranslationTests {
    /// Texts that are rightly the same in every language (codes, proper names, labels made of
    /// placeholders only), given as one plain text or identically in all four. A text is listed
    /// by its English form; anything else identical to the English is taken as untranslated.
    static let sameInEveryLanguage: Set<String> = [
        "{task}", "{partner} · {activity}", "{project} · {partner}", "{id} ({class})", // funding row labels
        "`{organisation}`: {message}", // a finding inside an organisation, named by its id
    ]

    /// The four languages every bundled text is given in.
    static let languages: [Language] = [.en, .nl, .fr, .de]

    @Test func everyTextOfEveryBundledSetIsGivenInAllFourLanguages() {
        var problems: [String] = []
        for set in Fixtures.checker.ruleSets {
            for (place, text) in BundledTexts.of(set) {
                guard !Self.sameInEveryLanguage.contains(text.text(in: .en)) else { continue }
                // Spelt out, not `missingLanguages`: a plain text counts here as English only.
                let missing = Self.languages.filter { text.texts[$0] == nil }
                if !missing.isEmpty {
                    problems.append("\(set.name): \(place) has no \(missing.map(\.rawValue).joined(separator: ", ")) text")
                    continue
                }
                let english = text.text(in: .en)
                for language in Self.languages where language != .en && text.texts[language] == english {
                    problems.append("\(set.name): \(place) in `\(language.rawValue)` is the English text: \(english)")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.count) texts:\n\(problems.joined(separator: "\n"))")
    }

    /// English phrases that an explanation in another language may still hold.
    static let sharedPhrases: [String] = [
        // HDR-004's examples: the YAML parser's own details, which its messages say are English only.
        "while parsing a flow",
        // SCS-004's `source`, the report's reference as the rule catalogue gives it.
        "a round for five clusters",
        // The report's title, a name in its own language, as the rule sets' `sources:` cite it.
        "clusterbeleid in europa",
    ]

    @Test(arguments: [Language.nl, .fr, .de])
    func noExplanationRepeatsAnEnglishSentence(language: Language) throws {
        var problems: [String] = []
        for set in Fixtures.checker.ruleSets {
            for rule in set.rules {
                let english = try #require(RuleExplanation(rule.id, checker: Fixtures.checker, language: .en)).text()
                let translated = try #require(RuleExplanation(rule.id, checker: Fixtures.checker, language: language)).text()
                let runs = ProseRuns(translated)
                for sentence in ProseRuns(english).sentences where sentence.count >= 5 {
                    let phrase = sentence.joined(separator: " ")
                    if runs.contains(sentence) && !Self.sharedPhrases.contains(where: { phrase.contains($0) }) {
                        problems.append("\(rule.id): “\(phrase)”")
                    }
                }
            }
        }
        #expect(
            problems.isEmpty,
            "\(problems.count) English sentences in `explain --lang \(language.rawValue)`:\n\(problems.joined(separator: "\n"))")
    }

    @Test func proseRunsStopAtCodeAndSentenceEnds() {
        let runs = ProseRuns(
            "The dossier names its Topsector. `member_of_pole: true` is\n  let x = item.a_b\nwritten by every partner, (all of them)\n"
                + "  topsectors = [agri-food, high-tech,\n  water] and so\n  dossier\n  kind")
        #expect(
            runs.sentences.map { $0.joined(separator: " ") } == [
                "the dossier names its topsector", "is let x", "written by every partner all of them topsectors", "and so",
            ])
        #expect(runs.contains(["every", "partner", "all"]))
        #expect(!runs.contains(["its", "topsector", "is"]))
    }
}

/// The located texts of one rule set, with a name for each place.
enum BundledTexts {
    static func of(_ set: RuleSet) -> [(String, LocalizedText)] {
        var texts: [(String, LocalizedText)] = [("title", set.title)]
        for parameter in set.parameters {
            if let description = parameter.description { texts.append(("parameter \(parameter.name)", description)) }
        }
        for (name, type) in set.types.sorted(by: { $0.key < $1.key }) { texts += docs(of: type, at: "type \(name)") }
        for field in set.structure { texts += docs(of: field, at: field.name) }
        for rule in set.rules {
            texts.append(("\(rule.id) title", rule.title))
            if let description = rule.description { texts.append(("\(rule.id) description", description)) }
            for (number, check) in rule.checks.enumerated() {
                texts.append(("\(rule.id) check \(number + 1) message", check.message))
                if let help = check.help { texts.append(("\(rule.id) check \(number + 1) help", help)) }
            }
            for (variant, message) in rule.builtinMessages.sorted(by: { $0.key < $1.key }) {
                texts.append(("\(rule.id) message `\(variant)`", message))
            }
        }
        for table in set.funding {
            let name = "funding table “\(table.title.text(in: .en))”"
            texts.append((name, table.title))
            if let total = table.total { texts.append(("\(name) total", total)) }
            for (column, heading) in table.headings.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                texts.append(("\(name) heading `\(column.rawValue)`", heading))
            }
            for (number, row) in table.rows.enumerated() { texts.append(("\(name) row \(number + 1)", row.label)) }
        }
        return texts
    }

    static func docs(of field: FieldSpec, at place: String) -> [(String, LocalizedText)] {
        (field.doc.map { [("\(place) doc", $0)] } ?? []) + docs(of: field.type, at: place)
    }

    static func docs(of type: TypeSpec, at place: String) -> [(String, LocalizedText)] {
        switch type {
        case .list(let item): docs(of: item, at: place + "[]")
        case .map(let fields): fields.flatMap { docs(of: $0, at: place + "." + $0.name) }
        default: []
        }
    }
}

/// The prose of a text as runs of words: a run ends at the end of a sentence or clause
/// (`.`, `;`, `:`, `!`, `?`) and at anything that is not a word (code in backticks, paths,
/// numbers, operators), so that examples and expressions, the same in every language, give
/// no long run. Words are compared in lower case.
struct ProseRuns {
    let sentences: [[String]]
    private let joined: [String]

    init(_ text: String) {
        var sentences: [[String]] = []
        var current: [String] = []
        func close() {
            if !current.isEmpty { sentences.append(current) }
            current = []
        }
        var depth = 0 // inside a flow list or mapping (`[a, b]`, `{x: 1}`): values, not prose
        for line in text.split(separator: "\n") {
            let tokens = line.split(whereSeparator: \.isWhitespace)
            // A line of one word is an entry of a list (a field, a path), not part of a sentence.
            if tokens.count == 1 {
                close()
                continue
            }
            for token in tokens {
                let opens = token.filter { $0 == "[" || $0 == "{" }.count
                let closes = token.filter { $0 == "]" || $0 == "}" }.count
                let inFlow = depth > 0 || opens + closes > 0
                depth = max(0, depth + opens - closes)
                let trimmed = token.trimmingCharacters(in: CharacterSet(charactersIn: "()\"“”„«»‘’,—"))
                let endsSentence = trimmed.last.map { ".;:!?".contains($0) } ?? false
                let word = endsSentence ? String(trimmed.dropLast()) : trimmed
                if !inFlow && Self.isWord(word) {
                    current.append(word.lowercased())
                } else {
                    close()
                }
                if endsSentence { close() }
            }
        }
        close()
        self.sentences = sentences
        self.joined = sentences.map { " " + $0.joined(separator: " ") + " " }
    }

    /// Letters, with an inner hyphen or apostrophe (`agri-food`, `partner's`).
    static func isWord(_ token: String) -> Bool {
        guard let first = token.first, let last = token.last, first.isLetter, last.isLetter else { return false }
        return token.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" }
    }

    /// Whether `words` stand, in this order and next to each other, within one run.
    func contains(_ words: [String]) -> Bool {
        let phrase = " " + words.joined(separator: " ") + " "
        return joined.contains { $0.contains(phrase) }
    }
}
