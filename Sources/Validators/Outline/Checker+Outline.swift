extension Checker {
    /// The outline of a kind some rule set checks; nil for an unknown kind.
    public func outline(ofKind kind: String) -> KindOutline? {
        guard kindNames.contains(kind) else { return nil }
        return KindOutline(compiledKind(kind), kind: kind)
    }
}
