/// One step from a node to one of its children: a mapping key or a list index (0-based).
public enum PathComponent: Hashable, Sendable {
    /// The value at this key of a mapping.
    case key(String)
    /// The item at this 0-based index of a list.
    case index(Int)
}
