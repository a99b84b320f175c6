/// What a rule file says about itself — its name, version, catalogue, kind, imports, base and
/// call — read without the rest: the other top-level entries are blanked, line for line, so that
/// what is left parses as a small YAML document whose places are those of the file.
///
/// A run over the bundled sets reads every file's header at start-up and a whole file only when a
/// dossier needs its rules (`LazyRuleSets`).
enum RuleFileHeader {
    /// The top-level entries a header keeps.
    static let keys: Set<String> = ["ruleset", "version", "catalogue", "kind", "imports", "extends", "call", "default_language"]

    /// The file's text with every top-level entry but the header's blanked; nil when the file is
    /// not laid out as one block mapping of plain keys at the start of lines (it is then read whole).
    static func text(of file: String) -> String? {
        var file = file
        return file.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(4096)
            var keeping = false
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                defer { start = end + 1 }
                if end > start {
                    switch bytes[start] {
                    case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                        break
                    case UInt8(ascii: "#"):
                        // A comment line belongs to no entry.
                        if end < bytes.count { out.append(UInt8(ascii: "\n")) }
                        continue
                    default:
                        var colon = start
                        while colon < end, isKeyByte(bytes[colon]) { colon += 1 }
                        guard colon > start, colon < end, bytes[colon] == UInt8(ascii: ":") else { return nil }
                        keeping = keys.contains(
                            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<colon]), as: UTF8.self))
                    }
                    if keeping { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end])) }
                }
                if end < bytes.count { out.append(UInt8(ascii: "\n")) }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
    }
}
