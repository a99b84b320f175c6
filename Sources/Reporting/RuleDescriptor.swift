import Foundation
import Validators

/// What a report says about a rule it may report: for SARIF's rule table and JUnit's test cases.
public struct RuleDescriptor: Sendable, Equatable {
    public var id: String
    /// The rule set that holds it (`reseau-dossier`), or `dossiercheck` for the tool's own rules.
    public var ruleSet: String
    public var ruleSetVersion: String
    public var title: String
    public var description: String?
    /// The section(s) of the report the rule comes from (`§7.4.2`); nil for the tool's own rules.
    public var source: String?
    /// The severity in force (after any configured override).
    public var severity: Severity
    /// False for a rule the configuration disables.
    public var enabled: Bool
    /// The programme the rule belongs to: its rule set's title, in every language it has.
    public var programme: LocalizedText?
    /// The document and section `source` names (from the rule set's `sources:`).
    public var cited: Citation?
    /// The language its title is in: the one asked for, or the set's default or English when the
    /// set lacks it; nil for the tool's own rules (English).
    public var language: Language?

    public init(
        id: String, ruleSet: String, ruleSetVersion: String, title: String, description: String? = nil,
        source: String? = nil, severity: Severity, enabled: Bool = true, programme: LocalizedText? = nil, cited: Citation? = nil
    ) {
        self.cited = cited
        self.id = id
        self.ruleSet = ruleSet
        self.ruleSetVersion = ruleSetVersion
        self.title = title
        self.description = description
        self.source = source
        self.severity = severity
        self.enabled = enabled
        self.programme = programme
    }

    /// A rule of a rule set, its texts in `language`.
    public init(_ rule: Rule, of set: RuleSet, language: Language, enabled: Bool = true) {
        self.init(
            id: rule.id, ruleSet: set.name, ruleSetVersion: set.version, title: rule.title.text(in: language),
            description: rule.description?.text(in: language), source: rule.source, severity: rule.severity, enabled: enabled,
            programme: set.title.texts.isEmpty ? nil : set.title, cited: rule.citation)
        self.language = rule.title.language(for: language)
    }

    /// The descriptors of every rule of `sets`, in their order.
    public static func all(_ sets: [RuleSet], language: Language, disabled: Set<String> = []) -> [RuleDescriptor] {
        sets.flatMap { set in
            set.rules.map { RuleDescriptor($0, of: set, language: language, enabled: !disabled.contains($0.id)) }
        }
    }

    /// Where the rule comes from, in `language`: the document its set's `sources:` declare and the
    /// section (`report "Clusterbeleid in Europa", §7.4.2`); the section alone when none is declared.
    public func citation(in language: Language) -> String? {
        cited.map { $0.text(in: language) } ?? source
    }

    /// The citation in English, with the document's title, publisher, edition and address.
    public var citation: String? {
        guard let text = citation(in: .en) else { return nil }
        guard let document = cited?.document else { return text }
        return "\(text) — \(document.reference)"
    }

    /// A SARIF-style rule name: the title in PascalCase, ASCII letters and digits only.
    public var name: String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let words = folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return name.isEmpty ? id : name
    }

    /// The rule's help: what it asks, why, and where the report says so.
    public var helpText: String {
        var parts = [title + "."]
        if let description, !description.isEmpty { parts.append(description) }
        if let citation { parts.append("Source: \(citation) (rule set \(ruleSet) \(ruleSetVersion)).") }
        return parts.joined(separator: "\n\n")
    }
}
