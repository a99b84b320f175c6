extension Checker {
    /// The outline of a kind some rule set checks (of a kind's several calls: `call`'s, else the
    /// default call's); nil for an unknown kind.
    public func outline(ofKind kind: String, call: String? = nil) -> KindOutline? {
        guard kindNames.contains(kind) else { return nil }
        return KindOutline(compiledKind(kind, call: call ?? defaultCall(ofKind: kind)), kind: kind)
    }
}
