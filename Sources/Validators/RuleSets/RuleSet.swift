import DossierModel

/// A programme's rules as data: what a dossier of one `kind` must satisfy.
///
/// A rule set without a `kind` is a library (`common`): its parameters, definitions,
/// types and rules are shared by every rule set that imports it.
public struct RuleSet: Sendable {
    public var name: String
    public var version: String
    /// The version of the rule catalogue (the programmes' rules and their readings) the set
    /// implements, as its `catalogue:` says; reports name it.
    public var catalogue: String? = nil
    /// The dossier kind this set applies to; nil for a library.
    public var kind: String?
    public var imports: [String]
    public var title: LocalizedText
    public var parameters: [Parameter]
    public var definitions: [Definition]
    public var types: [String: TypeSpec]
    /// Top-level fields of a document this set checks.
    public var structure: [FieldSpec]
    public var rules: [Rule]
    /// Where dossiers of this set hold the figures a triage report shows (`figures:`).
    public var figures: FigureSpec = FigureSpec()
    /// The tables `dossiercheck funding` shows: the figures of the money rules, per row (`funding:`).
    public var funding: [FundingTable] = []
    /// The file it was read from, for located errors.
    public var file: String
}

/// A named threshold or table a call may change without touching the rules.
public struct Parameter: Sendable {
    public var name: String
    public var value: ParameterValue
    public var description: LocalizedText?
    public var mark: Mark
}

/// A parameter's value as written in the rule file.
public indirect enum ParameterValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    /// A non-integer number, kept as written so that it converts to an exact decimal.
    case decimal(String)
    case text(String)
    case list([ParameterValue])
    case map([(String, ParameterValue)])

    public static func == (lhs: ParameterValue, rhs: ParameterValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.integer(a), .integer(b)): a == b
        case let (.decimal(a), .decimal(b)): a == b
        case let (.text(a), .text(b)): a == b
        case let (.list(a), .list(b)): a == b
        case let (.map(a), .map(b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }
}

/// A named CEL function shared by rules: `isSME(org)`.
public struct Definition: Sendable {
    public var name: String
    public var parameters: [String]
    public var body: String
    public var mark: Mark
}
