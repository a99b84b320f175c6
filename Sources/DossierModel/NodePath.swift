/// Renders paths of `PathComponent`s in the dotted form findings show:
/// `financial_plan.years[3].eligible_costs_eur`.
///
/// Keys that are identifiers (`[A-Za-z_][A-Za-z0-9_]*`) are written bare, joined by dots;
/// any other key is written in brackets and double quotes, `["odd key"]`, with `"` and `\`
/// escaped; indexes are written `[3]`. The empty path renders as the empty string.
public enum NodePath {
    /// The dotted form of `path`.
    public static func render(_ path: some Sequence<PathComponent>) -> String {
        var out = ""
        for component in path {
            switch component {
            case .index(let i):
                out += "[\(i)]"
            case .key(let key) where isIdentifier(key):
                if !out.isEmpty { out += "." }
                out += key
            case .key(let key):
                out += "[\"" + escaped(key) + "\"]"
            }
        }
        return out
    }

    /// Whether `key` can be written bare: `[A-Za-z_][A-Za-z0-9_]*`.
    public static func isIdentifier(_ key: String) -> Bool {
        var utf8 = key.utf8.makeIterator()
        guard let first = utf8.next(), isLetter(first) || first == UInt8(ascii: "_") else { return false }
        while let c = utf8.next() {
            guard isLetter(c) || c == UInt8(ascii: "_") || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) else {
                return false
            }
        }
        return true
    }

    private static func isLetter(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    }

    private static func escaped(_ key: String) -> String {
        var out = ""
        for ch in key.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
