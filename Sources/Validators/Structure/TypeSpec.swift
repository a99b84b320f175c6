import DossierModel

/// The shape a value must have, as a rule set's `structure:` and `types:` declare it.
public indirect enum TypeSpec: Sendable, Equatable {
    case text
    case integer
    /// A sum of money in euro: a finite number >= 0, compared exactly (decimal).
    case amount
    /// A finite number, kept exact (decimal).
    case number
    case boolean
    /// Text holding an ISO 8601 calendar date (`2026-03-01`).
    case date
    case any
    case list(FieldSpec)
    case map([FieldSpec])
    /// A type declared under `types:` (resolved when the catalogue is built).
    case named(String)

    /// The word a message uses for this type (a key of the common vocabulary).
    public var vocabularyKey: String {
        switch self {
        case .text: "text"
        case .integer: "integer"
        case .amount: "amount"
        case .number: "number"
        case .boolean: "boolean"
        case .date: "date"
        case .any: "any"
        case .list: "list"
        case .map: "map"
        case .named: "map"
        }
    }
}

/// A field of a mapping (or the items of a list) and what is asked of it.
public struct FieldSpec: Sendable, Equatable {
    public var name: String
    public var type: TypeSpec
    /// Absent (or empty) is an HDR-002 finding, unless `coveredBy` names the rule that reports it.
    public var required: Bool
    /// Allowed values (code list), compared to the value's text or integer.
    public var oneOf: [String]?
    /// The specific rule that judges this field: HDR-002 stays silent on it (catalogue: one breach, one rule).
    public var coveredBy: String?
    /// The rule that reports this section's absence (catalogue 1.1, clarification 11): a value of
    /// the wrong shape (a text where a mapping is expected) counts as absent, with no HDR-002
    /// finding, so that this rule alone reports it.
    public var presenceRule: String?
    /// A CEL condition over `parent` (the mapping holding the field): elsewhere the key is unknown.
    public var onlyIf: String?
    /// What the field holds, for templates and schemas.
    public var doc: LocalizedText?
    /// A CEL expression whose value `dossiercheck init` writes for the field instead of a
    /// placeholder (it sees `kind`, `language` and `params`).
    public var template: Expression?
    /// Where the field's type is written in its rule file (nil for fields not read from one).
    public var typeMark: Mark? = nil

    public init(
        name: String, type: TypeSpec, required: Bool = false, oneOf: [String]? = nil, coveredBy: String? = nil,
        onlyIf: String? = nil, doc: LocalizedText? = nil, template: Expression? = nil, presenceRule: String? = nil
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.oneOf = oneOf
        self.coveredBy = coveredBy
        self.onlyIf = onlyIf
        self.doc = doc
        self.template = template
        self.presenceRule = presenceRule
    }
}
