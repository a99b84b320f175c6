import DossierModel

/// The shape a value must have, as a rule set's `structure:` and `types:` declare it.
public indirect enum TypeSpec: Sendable {
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
///
/// Its properties live in one shared storage, copied on write: the structure pass hands specs
/// around for every value of every dossier, and a copy is then one reference, not ten.
public struct FieldSpec: Sendable {
    /// The properties; never changed once shared (a setter copies them first).
    private final class Storage: @unchecked Sendable {
        var name: String {
            didSet { asciiNameLength = FieldSpec.asciiLength(name) }
        }
        /// The name's length when it is ASCII, to pass over fields without comparing names.
        private(set) var asciiNameLength: Int?
        var type: TypeSpec
        var required: Bool
        var oneOf: [String]?
        var coveredBy: String?
        var presenceRule: String?
        var onlyIf: String?
        var doc: LocalizedText?
        var template: Expression?
        var typeMark: Mark?

        init(
            name: String, type: TypeSpec, required: Bool, oneOf: [String]?, coveredBy: String?, presenceRule: String?,
            onlyIf: String?, doc: LocalizedText?, template: Expression?, typeMark: Mark?
        ) {
            self.name = name
            self.asciiNameLength = FieldSpec.asciiLength(name)
            self.type = type
            self.required = required
            self.oneOf = oneOf
            self.coveredBy = coveredBy
            self.presenceRule = presenceRule
            self.onlyIf = onlyIf
            self.doc = doc
            self.template = template
            self.typeMark = typeMark
        }

        func copy() -> Storage {
            Storage(
                name: name, type: type, required: required, oneOf: oneOf, coveredBy: coveredBy, presenceRule: presenceRule,
                onlyIf: onlyIf, doc: doc, template: template, typeMark: typeMark)
        }
    }

    private var storage: Storage

    /// The storage, made this value's own before a change.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    public var name: String {
        get { storage.name }
        set { unique.name = newValue }
    }
    /// The name's length in bytes when it is all ASCII, else nil.
    var asciiNameLength: Int? { storage.asciiNameLength }

    /// The length in bytes of an all-ASCII text, else nil.
    static func asciiLength(_ text: String) -> Int? {
        // The bytes in place (a walk of the UTF-8 view byte by byte costs ten times more).
        let isASCII =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                for byte in bytes where byte >= 0x80 { return false }
                return true
            } ?? text.utf8.allSatisfy { $0 < 0x80 }
        return isASCII ? text.utf8.count : nil
    }

    public var type: TypeSpec {
        get { storage.type }
        set { unique.type = newValue }
    }
    /// Absent (or empty) is an HDR-002 finding, unless `coveredBy` names the rule that reports it.
    public var required: Bool {
        get { storage.required }
        set { unique.required = newValue }
    }
    /// Allowed values (code list), compared to the value's text or integer.
    public var oneOf: [String]? {
        get { storage.oneOf }
        set { unique.oneOf = newValue }
    }
    /// The specific rule that judges this field: HDR-002 stays silent on it (catalogue: one breach, one rule).
    public var coveredBy: String? {
        get { storage.coveredBy }
        set { unique.coveredBy = newValue }
    }
    /// The rule that reports this section's absence (catalogue 1.1, clarification 11): a value of
    /// the wrong shape (a text where a mapping is expected) counts as absent, with no HDR-002
    /// finding, so that this rule alone reports it.
    public var presenceRule: String? {
        get { storage.presenceRule }
        set { unique.presenceRule = newValue }
    }
    /// A CEL condition over `parent` (the mapping holding the field): elsewhere the key is unknown.
    public var onlyIf: String? {
        get { storage.onlyIf }
        set { unique.onlyIf = newValue }
    }
    /// What the field holds, for templates and schemas.
    public var doc: LocalizedText? {
        get { storage.doc }
        set { unique.doc = newValue }
    }
    /// A CEL expression whose value `dossiercheck init` writes for the field instead of a
    /// placeholder (it sees `kind`, `language` and `params`).
    public var template: Expression? {
        get { storage.template }
        set { unique.template = newValue }
    }
    /// Where the field's type is written in its rule file (nil for fields not read from one).
    public var typeMark: Mark? {
        get { storage.typeMark }
        set { unique.typeMark = newValue }
    }

    public init(
        name: String, type: TypeSpec, required: Bool = false, oneOf: [String]? = nil, coveredBy: String? = nil,
        onlyIf: String? = nil, doc: LocalizedText? = nil, template: Expression? = nil, presenceRule: String? = nil
    ) {
        storage = Storage(
            name: name, type: type, required: required, oneOf: oneOf, coveredBy: coveredBy, presenceRule: presenceRule,
            onlyIf: onlyIf, doc: doc, template: template, typeMark: nil)
    }
}
