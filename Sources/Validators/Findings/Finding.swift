import DossierModel

/// One breach of one rule, at one place in a dossier.
public struct Finding: Sendable {
    /// The stable rule ID (`RES-003`).
    public var rule: String
    public var severity: Severity
    /// The message in the report's language, with the figures filled in.
    public var message: String
    /// Where the finding points: the offending node, or the nearest parent of something missing.
    public var location: Mark
    /// Where the pointed-at node ends, for underlining (same line as `location` when possible).
    public var end: Mark?
    /// The dotted path of the node pointed at (`financial_plan.years[2].eligible_costs_eur`); empty for the document.
    public var path: String
    /// What would comply, when the rule can say it.
    public var help: String?
    /// Other places that matter (the first of two duplicated keys).
    public var notes: [Note]
    /// The one edit that would clear the finding, when the checker knows it (an editor offers it).
    public var remedy: Remedy?
    /// The language its message and help are in when the rule set lacks the one asked for (they
    /// fell back to the set's default language, else English); nil when they are in that one.
    /// HTML and SARIF tag the text with it rather than with the language asked for.
    public var language: Language? = nil

    /// An edit at the finding's node: its key renamed (HDR-003's suggestion), or its value
    /// replaced by the one a rule's `complying` let computes.
    public enum Remedy: Sendable, Equatable {
        case renameKey(to: String)
        /// `yaml` is the value as YAML text, `shown` as the message would write it.
        case setValue(yaml: String, shown: String)
    }

    public struct Note: Sendable {
        public var message: String
        public var location: Mark?
        public init(message: String, location: Mark?) {
            self.message = message
            self.location = location
        }
    }

    public init(
        rule: String, severity: Severity, message: String, location: Mark, end: Mark? = nil,
        path: String, help: String? = nil, notes: [Note] = [], remedy: Remedy? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.end = end
        self.path = path
        self.help = help
        self.notes = notes
        self.remedy = remedy
    }
}
