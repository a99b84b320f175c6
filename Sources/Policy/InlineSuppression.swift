import DossierModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `# dossiercheck-disable RULE[, RULE…]: reason` comment in a dossier. libyaml drops
/// comments, so they are read from the source lines.
///
/// A comment after a value applies to its own line; a comment alone on its line applies to the
/// next line that is not blank or a comment. A finding is suppressed when it starts on that line.
public struct InlineSuppression: Sendable, Equatable {
    public var rules: [String]
    /// Nil or empty when the comment gives none: then it suppresses nothing and is a SUP-001 error.
    public var reason: String?
    /// Where the `#` is.
    public var mark: Mark
    /// The line whose findings it suppresses.
    public var target: Int

    public static let marker = "dossiercheck-disable"

    /// Every suppression comment of a file's text.
    public static func scan(_ text: String) -> [InlineSuppression] {
        // A suppression names the marker, in ASCII: a text without its bytes has none (most files;
        // reading every line of every file cost as much as checking the dossiers).
        guard containsMarker(text) else { return [] }
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        var found: [InlineSuppression] = []
        var pending: [InlineSuppression] = []
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard let (column, comment) = commentStart(line) else {
                if !trimmed.isEmpty {
                    found += pending.map {
                        var s = $0
                        s.target = number
                        return s
                    }
                    pending = []
                }
                continue
            }
            let wholeLine = trimmed.first == "#"
            guard let parsed = parse(comment, mark: Mark(line: number, column: column), target: number) else { continue }
            if wholeLine {
                pending.append(parsed)
            } else {
                found += pending.map {
                    var s = $0
                    s.target = number
                    return s
                }
                pending = []
                found.append(parsed)
            }
        }
        // A comment with no line after it applies to nothing; it is kept, pointing past the end.
        found += pending.map {
            var s = $0
            s.target = lines.count + 1
            return s
        }
        return found.sorted { $0.mark < $1.mark }
    }

    /// Whether the UTF-8 of `text` contains the marker's bytes (a text without them has no suppression).
    public static func containsMarker(_ text: String) -> Bool {
        let needle = Array(marker.utf8)
        // memchr to each candidate, memcmp there: every dossier of a run is searched whole, and a
        // byte-by-byte loop was 1 % of a corpus run.
        func search(_ hay: UnsafeBufferPointer<UInt8>) -> Bool {
            guard hay.count >= needle.count, let base = hay.baseAddress else { return false }
            let last = base + (hay.count - needle.count)
            return needle.withUnsafeBufferPointer { needle in
                var start = base
                while start <= last, let found = memchr(start, Int32(needle[0]), last - start + 1) {
                    let candidate = found.assumingMemoryBound(to: UInt8.self)
                    if memcmp(candidate, needle.baseAddress!, needle.count) == 0 { return true }
                    start = UnsafePointer(candidate + 1)
                }
                return false
            }
        }
        if let found = text.utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(text.utf8).withUnsafeBufferPointer(search)
    }

    /// The text after `#` of a comment that starts with the marker.
    static func parse(_ comment: Substring, mark: Mark, target: Int) -> InlineSuppression? {
        let body = comment.drop { $0 == " " || $0 == "\t" }
        guard body.hasPrefix(marker) else { return nil }
        let rest = body.dropFirst(marker.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" || rest.first == ":" else { return nil }
        let (names, reason): (Substring, Substring?) =
            if let colon = rest.firstIndex(of: ":") { (rest[..<colon], rest[rest.index(after: colon)...]) } else { (rest, nil) }
        let rules = names.split { $0 == "," || $0 == " " || $0 == "\t" }.map(String.init)
        let why = reason.map { $0.trimmingCharacters(in: .whitespaces) }
        return InlineSuppression(rules: rules, reason: why, mark: mark, target: target)
    }

    /// Where a comment starts on a line (1-based column of `#`) and its text, outside quoted
    /// scalars: a `#` at the start of the line or after a space or tab.
    static func commentStart(_ line: Substring) -> (Int, Substring)? {
        var quote: Character?
        var previous: Character?
        var column = 0
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            column += c.unicodeScalars.count
            if let open = quote {
                if open == "\"" && c == "\\" {
                    // An escape: the next character is part of the scalar.
                    index = line.index(after: index)
                    if index < line.endIndex { column += line[index].unicodeScalars.count }
                } else if c == open {
                    let next = line.index(after: index)
                    if open == "'", next < line.endIndex, line[next] == "'" {
                        index = next
                        column += 1
                    } else {
                        quote = nil
                    }
                }
            } else if c == "\"" || c == "'" {
                if previous == nil || [" ", "\t", ":", "[", "{", ",", "-"].contains(previous!) { quote = c }
            } else if c == "#", previous == nil || previous == " " || previous == "\t" {
                return (column, line[line.index(after: index)...])
            }
            previous = c
            if index < line.endIndex { index = line.index(after: index) }
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

extension Set where Element == Character {
    fileprivate static let whitespaces: Set<Character> = [" ", "\t"]
}
