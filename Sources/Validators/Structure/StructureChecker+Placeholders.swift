import DossierModel

extension StructureChecker {
    /// A template's placeholder (`<fill in>`) left where a value belongs: an HDR-002 finding,
    /// and the value then counts as absent for every rule.
    func placeholderIssue(_ node: Node, path: @autoclosure () -> String) -> StructureIssue? {
        guard !placeholders.isEmpty, let text = node.scalarText else { return nil }
        // Most values start with a visible ASCII character that starts no marker: not one, without
        // trimming (this runs for every value of every dossier). A marker that starts with another
        // character could equal such a text canonically (`é` and `e` + accent), so it is compared.
        if let first = text.utf8.first, first > 0x20, first < 0x7F, !placeholderStarts.mayStart(with: first) {
            return nil
        }
        guard placeholders.contains(Self.mayHaveBlankEnds(text) ? text.trimmingCharacters(in: .whitespaces) : text) else {
            return nil
        }
        let path = path()
        return StructureIssue(
            rule: .types, variant: "placeholder", values: ["path": path, "value": text], location: node.start,
            end: node.end.line == node.start.line ? node.end : nil, path: path)
    }
}

extension StructureChecker {
    /// Whether trimming `.whitespaces` could change `text`: its first or last character may be
    /// one (a superset of the set's members is tested, so that a false answer is always right and
    /// Foundation's trimming, slow on long texts, is only asked where it may matter).
    static func mayHaveBlankEnds(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return mayBeBlank(first) || mayBeBlank(last)
    }

    private static func mayBeBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x7E: return false
        case 0...0x20, 0x7F...0xA0, 0x1680, 0x180E, 0x2000...0x200B, 0x2028...0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
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
    /// One bit per ASCII byte that starts a marker (a bit test, not a hash: this runs for every value).
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    /// A marker starts with a character that is not ASCII (or is empty): every text is compared.
    private var any = false

    init(_ markers: Set<String>) {
        for marker in markers {
            guard let first = marker.utf8.first, first < 0x80 else {
                any = true
                continue
            }
            if first < 64 { low |= 1 << UInt64(first) } else { high |= 1 << UInt64(first - 64) }
        }
    }

    /// Whether a text whose first byte is the visible ASCII character `byte` may be a marker.
    func mayStart(with byte: UInt8) -> Bool {
        if any { return true }
        if byte < 64 { return low & (1 << UInt64(byte)) != 0 }
        return byte < 128 && high & (1 << UInt64(byte - 64)) != 0
    }
}
