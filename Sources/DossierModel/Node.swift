/// A YAML node with the place it was written at. Aliases are already expanded.
///
/// Equality of nodes is not offered on purpose: two nodes with the same content at
/// different places are different things to a finding.
public struct Node: Sendable {
    public enum Content: Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Entry])
    }

    /// One `key: value` pair of a mapping, in source order.
    public struct Entry: Sendable {
        public var key: Node
        public var value: Node
        public init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }
    }

    public var content: Content
    /// Where the node starts (for a block mapping: its first key).
    public var start: Mark
    /// Where the node ends (exclusive), for underlining.
    public var end: Mark

    public init(_ content: Content, start: Mark, end: Mark) {
        self.content = content
        self.start = start
        self.end = end
    }

    public var scalar: Scalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    /// The text of a scalar (without copying the rest of it).
    public var scalarText: String? {
        if case .scalar(let s) = content { return s.text }
        return nil
    }

    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The entry whose key is the plain text `key`, if this is a mapping.
    public func entry(_ key: String) -> Entry? {
        mapping?.first { $0.key.scalar?.text == key }
    }

    /// The value at `key`, if this is a mapping that has it.
    public subscript(key: String) -> Node? { entry(key)?.value }
}
