/// Dossiers submitted more than once: with the same content, or under the same id.
public struct DuplicateGroup: Sendable, Equatable {
    public enum Reason: String, Sendable {
        /// The same YAML content (whatever the formatting, comments or key order).
        case sameContent = "same-content"
        /// Different content under the same `id`.
        case sameID = "same-id"
    }

    public var reason: Reason
    /// The id they share (for `sameID`), or the first one's id.
    public var id: String?
    /// Indexes into the call's dossiers, in order.
    public var dossiers: [Int]

    public init(reason: Reason, id: String?, dossiers: [Int]) {
        self.reason = reason
        self.id = id
        self.dossiers = dossiers
    }
}
