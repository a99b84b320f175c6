import DossierModel

extension StructureChecker {
    /// A template's placeholder (`<fill in>`) left where a value belongs: an HDR-002 finding,
    /// and the value then counts as absent for every rule.
    func placeholderIssue(_ node: Node, path: @autoclosure () -> String) -> StructureIssue? {
        guard !placeholders.isEmpty, let text = node.scalar?.text else { return nil }
        // Most values start with a visible ASCII character that starts no marker: not one, without
        // trimming (this runs for every value of every dossier). A marker that starts with another
        // character could equal such a text canonically (`é` and `e` + accent), so it is compared.
        if let first = text.utf8.first, first > 0x20, first < 0x7F,
            !placeholders.contains(where: { $0.utf8.first == first || ($0.utf8.first ?? 0) >= 0x80 })
        {
            return nil
        }
        guard placeholders.contains(text.trimmingCharacters(in: .whitespaces)) else { return nil }
        let path = path()
        return StructureIssue(
            rule: .types, variant: "placeholder", values: ["path": path, "value": text], location: node.start,
            end: node.end.line == node.start.line ? node.end : nil, path: path)
    }
}

extension CompiledKind {
    /// The placeholder texts of every language, from the types builtin's `placeholder.marker` message.
    static func placeholderMarkers(_ types: Rule?) -> Set<String> {
        Set(types?.builtinMessages["placeholder.marker"]?.texts.values.map { $0.trimmingCharacters(in: .whitespaces) } ?? [])
    }
}
