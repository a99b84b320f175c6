import Foundation

/// A JSON value whose objects keep their key order, so reports read the same every run.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// Pretty-printed with two-space indentation.
    public func serialized(indent: String = "") -> String {
        var out = ""
        write(into: &out, indent: indent)
        return out
    }

    /// Appends the pretty-printed value to `out` (one buffer for the whole report: building each
    /// level's text and copying it into the level above cost more than checking the dossiers).
    func write(into out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let n): out += n
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            let inner = indent + "  "
            out += "[\n"
            for (i, item) in items.enumerated() {
                if i > 0 { out += ",\n" }
                out += inner
                item.write(into: &out, indent: inner)
            }
            out += "\n"
            out += indent
            out += "]"
        case .object(let entries):
            if entries.isEmpty {
                out += "{}"
                return
            }
            let inner = indent + "  "
            out += "{\n"
            for (i, entry) in entries.enumerated() {
                if i > 0 { out += ",\n" }
                out += inner
                Self.quote(entry.0, into: &out)
                out += ": "
                entry.1.write(into: &out, indent: inner)
            }
            out += "\n"
            out += indent
            out += "}"
        }
    }

    static func quote(_ text: String) -> String {
        var result = ""
        quote(text, into: &result)
        return result
    }

    static func quote(_ text: String, into result: inout String) {
        result += "\""
        // Most texts need no escape (no quote, backslash or control character): copied whole.
        if !text.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) {
            result += text
            result += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        result += "\""
    }
}
