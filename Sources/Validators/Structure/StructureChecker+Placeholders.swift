import DossierModel

extension StructureChecker {
    /// A template's placeholder (`<fill in>`) left where a value belongs: an HDR-002 finding,
    /// and the value then counts as absent for every rule.
    func placeholderIssue(_ node: Node, path: @autoclosure () -> String) -> StructureIssue? {
        guard !placeholders.isEmpty, let text = node.scalar?.text else { return nil }
        // Most values start with a visible ASCII character that starts no marker: not one, without
        // trimming (this runs for every value of every dossier). A marker that starts with another
        // character could equal such a text canonically (`é` and `e` + accent), so it is compared.
        if let first = text.utf8.first, first > 0x20, first < 0x7F, !placeholderStarts.mayStart(with: first) {
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

/// The first bytes of the placeholder markers, to pass over most values without trimming them.
struct PlaceholderStarts: Sendable {
    private var ascii: Set<UInt8> = []
    /// A marker starts with a character that is not ASCII (or is empty): every text is compared.
    private var any = false

    init(_ markers: Set<String>) {
        for marker in markers {
            guard let first = marker.utf8.first, first < 0x80 else {
                any = true
                continue
            }
            ascii.insert(first)
        }
    }

    /// Whether a text whose first byte is the visible ASCII character `byte` may be a marker.
    func mayStart(with byte: UInt8) -> Bool { any || ascii.contains(byte) }
}
