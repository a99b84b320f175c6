import Foundation
import TestSupport
import Testing
import Validators

/// The rule catalogue (../shared/spec/rule-catalogue.md) is the contract: every ID it lists
/// exists in exactly one rule set, with its severity, and speaks the four languages.
@Suite struct CatalogueCoverageTests {
    struct Entry: Sendable, CustomStringConvertible {
        var id: String
        var severity: String
        var description: String { id }
    }

    /// The catalogue's table rows: `| RES-003 | error | … |`.
    static let catalogue: [Entry] = {
        let url = Fixtures.packageRoot.deletingLastPathComponent().appending(path: "shared/spec/rule-catalogue.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, cells[0].range(of: #"^[A-Z]{3}-\d{3}$"#, options: .regularExpression) != nil else {
                return nil
            }
            return Entry(id: cells[0], severity: cells[1])
        }
    }()

    @Test func theCatalogueIsThere() throws {
        if Self.catalogue.isEmpty {
            let message = "../shared/spec/rule-catalogue.md not found beside the checkout"
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record(Comment(rawValue: message)) }
            print("skipped: \(message)")
            return
        }
        #expect(Self.catalogue.count > 60, "the catalogue table was read: \(Self.catalogue.count) rules")
    }

    @Test(arguments: catalogue)
    func everyCatalogueRuleExistsOnceWithItsSeverity(_ entry: Entry) {
        let owners = Fixtures.checker.ruleSets.filter { set in set.rules.contains { $0.id == entry.id } }
        #expect(owners.count == 1, "\(entry.id) is in \(owners.map(\.name))")
        let rule = Fixtures.checker.rule(entry.id)?.rule
        #expect(rule?.severity.rawValue == entry.severity, "\(entry.id)")
    }

    @Test func noRuleOutsideTheCatalogue() {
        guard !Self.catalogue.isEmpty else { return }
        let known = Set(Self.catalogue.map(\.id))
        let extra = Fixtures.checker.ruleSets.flatMap { $0.rules.map(\.id) }.filter { !known.contains($0) }
        #expect(extra.isEmpty, "rules without a catalogue entry: \(extra)")
    }

    static let ruleIDs = Fixtures.checker.ruleSets.flatMap { $0.rules.map(\.id) }

    @Test(arguments: ruleIDs)
    func everyRuleSpeaksFourLanguages(_ id: String) throws {
        let rule = try #require(Fixtures.checker.rule(id)?.rule)
        var texts: [(String, LocalizedText)] = [("title", rule.title)]
        for (number, check) in rule.checks.enumerated() {
            texts.append(("check \(number + 1) message", check.message))
            if let help = check.help { texts.append(("check \(number + 1) help", help)) }
        }
        for (variant, message) in rule.builtinMessages { texts.append(("message `\(variant)`", message)) }
        for (what, text) in texts {
            #expect(text.missingLanguages.isEmpty, "\(id) \(what) lacks \(text.missingLanguages.map(\.rawValue))")
            let placeholders = Set(
                Language.allCases.compactMap { text.texts[$0] }.map { Set(MessageTemplate.placeholders(in: $0)) })
            #expect(placeholders.count <= 1, "\(id) \(what): the languages name different placeholders")
        }
    }

    @Test func everyRuleSetHasATitleInFourLanguages() {
        for set in Fixtures.checker.ruleSets {
            #expect(set.title.missingLanguages.isEmpty, "\(set.name) title lacks \(set.title.missingLanguages)")
        }
    }
}
