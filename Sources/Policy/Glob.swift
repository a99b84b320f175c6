/// A path glob as `exclude` takes it: `*` matches within one folder name, `**` across folders,
/// `?` one character. A pattern with a `/` is matched against the whole relative path; one without
/// is matched against each folder and file name. A pattern that matches a folder excludes all below it.
public struct Glob: Sendable {
    public var pattern: String
    private let characters: [Character]

    public init(_ pattern: String) {
        var pattern = pattern
        while pattern.hasPrefix("./") { pattern.removeFirst(2) }
        while pattern.hasSuffix("/") { pattern.removeLast() }
        self.pattern = pattern
        self.characters = Array(pattern)
    }

    /// Whether `path` (relative, `/`-separated) or a folder it lies in matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        if !pattern.contains("/") {
            return parts.contains { Self.match(characters[...], Array($0)[...]) }
        }
        for end in parts.indices {
            if Self.match(characters[...], Array(parts[...end].joined(separator: "/"))[...]) { return true }
        }
        return false
    }

    static func match(_ p: ArraySlice<Character>, _ s: ArraySlice<Character>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        if first == "*", p.dropFirst().first == "*" {
            var rest = p.dropFirst(2)
            if rest.first == "/" {
                rest = rest.dropFirst()
                // `**/` matches no folder, or any number of them.
                if match(rest, s) { return true }
                var index = s.startIndex
                while let slash = s[index...].firstIndex(of: "/") {
                    if match(rest, s[(slash + 1)...]) { return true }
                    index = slash + 1
                }
                return false
            }
            var index = s.startIndex
            while true {
                if match(rest, s[index...]) { return true }
                if index == s.endIndex { return false }
                index += 1
            }
        }
        if first == "*" {
            var index = s.startIndex
            while true {
                if match(p.dropFirst(), s[index...]) { return true }
                if index == s.endIndex || s[index] == "/" { return false }
                index += 1
            }
        }
        guard let c = s.first else { return false }
        if first == "?" { return c != "/" && match(p.dropFirst(), s.dropFirst()) }
        return c == first && match(p.dropFirst(), s.dropFirst())
    }
}
