/// Why a document (or the rest of a file) could not be read as a dossier: an HDR-004 finding
/// with its place.
public struct LoadProblem: Error, Sendable, Equatable {
    /// What kind of problem it is.
    public enum Kind: String, Sendable {
        /// libyaml refused the text (including tabs used as indentation, control
        /// characters, aliases to unknown anchors). Ends the file.
        case syntax
        /// A mapping holds the same key twice.
        case duplicateKey
        /// The file is not UTF-8 text: invalid UTF-8, UTF-16, or binary (NUL bytes).
        case invalidEncoding
        /// The document's root is a list or a scalar.
        case notAMapping
        /// The file holds no document, or the document is null.
        case empty
        /// A `LoadLimits` bound was reached. Ends the file.
        case limit
        /// A value does not fit its explicit standard tag (`!!int abc`).
        case badTag
    }

    /// What kind of problem it is.
    public var kind: Kind
    /// A specific English message, e.g. "duplicate key `id` (first at line 3)".
    public var message: String
    /// Where the problem is.
    public var mark: Mark
    /// Where the offending token ends, when the problem is one token (an alias): without it a
    /// report marks the rest of the line.
    public var end: Mark?
    /// Other places that explain it, e.g. the first occurrence of a duplicated key.
    public var related: [Mark]
    /// Named values a translated message may use. `reason` is always present and tells
    /// the cases of one kind apart (`tab-indentation`, `utf16`, `depth`, …); others are
    /// `key`, `firstLine`, `firstColumn`, `found`, `problem`, `context`, `limit`, `tag`,
    /// `value`, `anchor`, `character` as the case needs.
    public var detail: [String: String]

    /// A problem at `mark`, with the places and named values that explain it.
    public init(
        kind: Kind, message: String, mark: Mark, end: Mark? = nil, related: [Mark] = [], detail: [String: String] = [:]
    ) {
        self.kind = kind
        self.message = message
        self.mark = mark
        self.end = end
        self.related = related
        self.detail = detail
    }
}
