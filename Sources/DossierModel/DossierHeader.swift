/// The header fields every dossier starts with (format §1), read as they are written;
/// judging them is the rules' work (HDR-001).
public struct DossierHeader: Sendable {
    public var format: Int64?
    public var kind: String?
    public var id: String?
    public var title: String?
    public var language: String?
    /// The call the dossier answers (`call: "2027-1"`): text, as the format asks.
    public var call: String?

    public init(_ root: Node) {
        func text(_ key: String) -> String? {
            guard let scalar = root[key]?.scalar, case .string(let value) = scalar.value else { return nil }
            return value
        }
        if case .int(let value)? = root["dossier"]?.scalar?.value { format = value }
        kind = text("kind")
        id = text("id")
        title = text("title")
        language = text("language")
        call = text("call")
    }
}
