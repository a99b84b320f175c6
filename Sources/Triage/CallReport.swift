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
    /// When the triage ran.
    public var date: Date
    /// The `call:` names when the dossiers disagree on it (see `CallLabel.conflict`), else empty.
    public var callConflict: [CallLabel.Named]

    public init(
        tool: Tool, label: String, dossiers: [TriagedDossier], skipped: Int, history: HistoryComparison?,
        ruleTitles: [String: String], language: Language, date: Date = Date()
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
        self.date = date
        self.callConflict = CallLabel.conflict(dossiers)
    }

    /// The date and time of the run, `2026-12-07 20:15 UTC`.
    public var dateText: String {
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d UTC", components.year ?? 0, components.month ?? 0, components.day ?? 0,
            components.hour ?? 0, components.minute ?? 0)
    }

    /// The rule titles of every rule set, in `language`. A rule that several loaded calls share
    /// under different titles (a derived call's titles show its own parameters) is counted as one
    /// in the summary, so its title names each call's: `… ≥ 50 % (E3-2026) / … ≥ 60 % (E3-2027)`.
    public static func ruleTitles(_ sets: [RuleSet], language: Language) -> [String: String] {
        var titles: [String: [(title: String, call: String?)]] = [:]
        for set in sets {
            for rule in set.rules {
                let title = rule.title.text(in: language)
                if titles[rule.id]?.contains(where: { $0.title == title }) == true { continue }
                titles[rule.id, default: []].append((title, set.call?.name))
            }
        }
        return titles.mapValues { variants in
            guard variants.count > 1 else { return variants[0].title }
            return variants.map { variant in variant.call.map { "\(variant.title) (\($0))" } ?? variant.title }
                .joined(separator: " / ")
        }
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
