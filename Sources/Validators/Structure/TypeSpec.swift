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
///
/// Its properties (`FieldSpec.Properties`, read and written as the spec's own: `spec.name`) live in
/// one shared storage, copied on write: the structure pass hands specs around for every value of
/// every dossier, and a copy is then one reference, not ten.
@dynamicMemberLookup
public struct FieldSpec: Sendable, Equatable {
    /// What a field spec says.
    public struct Properties: Sendable, Equatable {
        public var name: String {
            didSet { asciiNameLength = FieldSpec.asciiLength(name) }
        }
        /// The name's length when it is ASCII, to pass over fields without comparing names.
        fileprivate var asciiNameLength: Int?
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
        public var typeMark: Mark?
    }

    /// The properties; never changed once shared (a change copies them first).
    private final class Storage: @unchecked Sendable {
        var properties: Properties
        init(_ properties: Properties) { self.properties = properties }
    }

    private var storage: Storage

    public static func == (lhs: FieldSpec, rhs: FieldSpec) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.properties == rhs.storage.properties
    }

    public subscript<Value>(dynamicMember property: WritableKeyPath<Properties, Value>) -> Value {
        get { storage.properties[keyPath: property] }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.properties) }
            storage.properties[keyPath: property] = newValue
        }
    }

    /// The name's length in bytes when it is all ASCII, else nil.
    var asciiNameLength: Int? { storage.properties.asciiNameLength }

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

    public init(
        name: String, type: TypeSpec, required: Bool = false, oneOf: [String]? = nil, coveredBy: String? = nil,
        onlyIf: String? = nil, doc: LocalizedText? = nil, template: Expression? = nil, presenceRule: String? = nil
    ) {
        storage = Storage(
            Properties(
                name: name, asciiNameLength: Self.asciiLength(name), type: type, required: required, oneOf: oneOf,
                coveredBy: coveredBy, presenceRule: presenceRule, onlyIf: onlyIf, doc: doc, template: template, typeMark: nil))
    }
}
