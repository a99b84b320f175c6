import Foundation
import Validators

/// Everything a triage writes: the rows, the call at a glance, the figures across dossiers and,
/// with a history, across calls.
public struct CallReport: Sendable {
    public struct Tool: Sendable {
        public var name: String
        public var version: String
        public var ruleSets: [DocumentReport.RuleSetVersion]

        public init(name: String, version: String, ruleSets: [DocumentReport.RuleSetVersion]) {
            self.name = name
            self.version = version
            self.ruleSets = ruleSets
        }
    }

    public var tool: Tool
    /// The call's name (see `CallLabel`).
    public var label: String
    public var dossiers: [TriagedDossier]
    /// YAML files found in folders without a `dossier:` header.
    public var skipped: Int
    public var summary: CallSummary
    public var shared: [SharedOrganisation]
    public var duplicates: [DuplicateGroup]
    /// Set when the call was compared with a history.
    public var history: HistoryComparison?
    /// Rule titles in the report's language, by rule ID.
    public var ruleTitles: [String: String]
    /// The language of the report's own labels.
    public var language: Language

    public init(
        tool: Tool, label: String, dossiers: [TriagedDossier], skipped: Int, history: HistoryComparison?,
        ruleTitles: [String: String], language: Language
    ) {
        self.tool = tool
        self.label = label
        self.dossiers = dossiers
        self.skipped = skipped
        self.summary = CallSummary(dossiers)
        self.shared = OrganisationMatcher.shared(dossiers)
        self.duplicates = DuplicateFinder.groups(dossiers)
        self.history = history
        self.ruleTitles = ruleTitles
        self.language = language
    }

    /// The rule titles of every rule set, in `language`; of a base and the calls derived from it,
    /// the derived call's (its titles show its own parameters).
    public static func ruleTitles(_ sets: [RuleSet], language: Language) -> [String: String] {
        var titles: [String: String] = [:]
        let bases = Set(sets.compactMap(\.derivedFrom?.name))
        for set in sets.filter({ bases.contains($0.name) }) + sets.filter({ !bases.contains($0.name) }) {
            for rule in set.rules { titles[rule.id] = rule.title.text(in: language) }
        }
        return titles
    }

    /// For each row, the duplicate groups it belongs to.
    public var duplicatesByRow: [Int: [DuplicateGroup]] {
        var result: [Int: [DuplicateGroup]] = [:]
        for group in duplicates {
            for row in group.dossiers { result[row, default: []].append(group) }
        }
        return result
    }
}
