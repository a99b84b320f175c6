import DossierModel

/// What can still be read of a dossier whose document does not load (HDR-004): its top-level
/// `id:`, `kind:`, `title:` and `call:` lines written before the error, each read on its own
/// with the loader (so `id: "X-1"  # note` reads as `X-1`). A key written twice gives its
/// first value, the one the loader read before it stopped at the second.
struct BrokenDossierIdentity: Equatable {
    var id: String?
    var title: String?
    var kind: String?
    var call: String?

    var isEmpty: Bool { id == nil && kind == nil && call == nil && title == nil }

    /// From `lines` (1-based numbering) from `first` up to, not including, `stop`.
    init(lines: [Substring], from first: Int, upTo stop: Int) {
        let end = min(stop - 1, lines.count)
        guard first >= 1, first <= end else { return }
        for number in first...end {
            let line = lines[number - 1]
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon]
            guard ["id", "kind", "title", "call"].contains(key) else { continue }
            guard let value = Self.scalar(line) else { continue }
            switch key {
            case "id": if id == nil { id = value }
            case "kind": if kind == nil { kind = value }
            case "title": if title == nil { title = value }
            default: if call == nil { call = value }
            }
        }
    }

    /// The line's string value, when the line alone is a one-entry mapping with a string (or number) value.
    static func scalar(_ line: Substring) -> String? {
        guard let document = YAMLLoader.load(Array(line.utf8)).first, document.problem == nil,
            let entry = document.root?.mapping?.first, let scalar = entry.value.scalar
        else { return nil }
        switch scalar.value {
        case .string(let text): return text.isEmpty ? nil : text
        case .int, .double: return scalar.text
        default: return nil
        }
    }
}
