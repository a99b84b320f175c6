import Foundation

/// The known key a misspelt one most likely meant, for HDR-003's "did you mean …?": a few typing
/// slips (`statuts`, `eligible_cost_eur`), another spelling of the same words (`Statutes`,
/// `strategic-plan`, `synergy` for `synergies`, `requested_subsidy_eur`), or the words of just
/// one known key (`term` for `recognition_term`, `turnover_eur` for `annual_turnover_eur`).
public enum KeySuggestion {
    public static func closest(to key: String, in known: [String]) -> String? {
        guard !known.isEmpty else { return nil }
        let typed = normalised(key)
        // Typing slips: the fewest edits, if few enough for the key's length (one in a short key).
        let scored = known.map { ($0, editDistance(typed, normalised($0))) }
        let limit = typed.count <= 3 ? 1 : max(2, typed.count / 3)
        if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= limit { return best.0 }
        // The same words, singular or plural, in any order.
        let words = stems(typed)
        if let same = known.first(where: { stems(normalised($0)).sorted() == words.sorted() }) { return same }
        // Every word typed belongs to one known key only.
        guard words.joined().count >= 4 else { return nil }
        let containing = known.filter { Set(stems(normalised($0))).isSuperset(of: words) }
        return containing.count == 1 ? containing[0] : nil
    }

    /// Lower case, with `-`, `.` and spaces as `_`.
    static func normalised(_ key: String) -> String {
        String(key.lowercased().map { $0 == "-" || $0 == " " || $0 == "." ? "_" : $0 })
    }

    /// The key's words, each without a plural ending (`synergies` and `synergy` are `synerg…`).
    static func stems(_ key: String) -> [String] {
        key.split(separator: "_").map { word in
            if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
            if word.hasSuffix("s"), word.count > 3, !word.hasSuffix("ss") { return String(word.dropLast()) }
            return String(word)
        }
    }

    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Whether `text` names `key` as a word of its own (`statutes`, not `statutes_date`): a
    /// finding that says which key it misses.
    public static func names(_ text: String, _ key: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: key, range: searchRange) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            func isWordCharacter(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
            if !isWordCharacter(before), !isWordCharacter(after) { return true }
            searchRange = found.upperBound..<text.endIndex
        }
        return false
    }
}
