import Foundation

/// The code of a code list a value off it most likely meant, for a "did you mean …?": the same
/// code in another case (`be` for `BE`, `Enterprise`), the code whose part after its `-` it is
/// (`WAL` for `BE-WAL`), or a typing slip in a longer code (`universty`) — nil when nothing is
/// close enough to be a good guess (two-letter codes are each a slip away from dozens of others).
public enum CodeSuggestion {
    public static func closest(to value: String, in codes: [String]) -> String? {
        let typed = value.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return nil }
        if let same = codes.first(where: { $0.caseInsensitiveCompare(typed) == .orderedSame }) { return same }
        let suffix = codes.filter { $0.uppercased().hasSuffix("-" + typed.uppercased()) }
        if suffix.count == 1 { return suffix[0] }
        guard typed.count > 3 else { return nil }
        return KeySuggestion.closest(to: typed, in: codes)
    }
}
