import Foundation

/// CEL values as JSON that keeps their types apart, for `dossiercheck eval` and its `--var`:
///
/// | CEL | JSON |
/// |---|---|
/// | null, bool, string | `null`, `true`, `"text"` |
/// | int, uint, double | `{"int": 3}`, `{"uint": 3}`, `{"double": 3.0}` (`"NaN"`, `"Infinity"`, `"-Infinity"`) |
/// | decimal | `{"decimal": "120000.01"}` |
/// | bytes | `{"bytes": "<base64>"}` |
/// | type | `{"type": "int"}` |
/// | timestamp, duration | `{"timestamp": "2026-03-31T00:00:00Z"}`, `{"duration": "3600s"}` |
/// | list | `[…]`, items tagged the same way |
/// | map | `{"map": [[key, value], …]}` (keys may be ints, bools …) |
/// | optional | `{"optional": [value]}`, `{"optional": []}` for `optional.none()` |
///
/// Reading accepts the same shapes, and plain JSON besides: a number without fraction or
/// exponent is an int, any other number a double, an object (not one of the tags above) a map
/// with string keys.
public enum TaggedJSON {
    public static func encode(_ value: CELValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return quote(s)
        case .int(let i): return "{\"int\": \(i)}"
        case .uint(let u): return "{\"uint\": \(u)}"
        case .double(let d):
            if d.isNaN { return "{\"double\": \"NaN\"}" }
            if d.isInfinite { return "{\"double\": \"\(d > 0 ? "Infinity" : "-Infinity")\"}" }
            let text = "\(d)"
            return "{\"double\": \(text.contains(".") || text.contains("e") ? text : text + ".0")}"
        case .decimal(let d): return "{\"decimal\": \(quote(d.description))}"
        case .bytes(let b): return "{\"bytes\": \(quote(Data(b).base64EncodedString()))}"
        case .type(let t): return "{\"type\": \(quote(t.name))}"
        case .timestamp(let t): return "{\"timestamp\": \(quote(t.rfc3339))}"
        case .duration(let d): return "{\"duration\": \(quote(d.celString))}"
        case .list(let items): return "[" + items.map(encode).joined(separator: ", ") + "]"
        case .map(let map):
            let pairs = zip(map.keys, map.values).map { "[\(encode($0)), \(encode($1))]" }
            return "{\"map\": [" + pairs.joined(separator: ", ") + "]}"
        case .optional(let o): return "{\"optional\": [" + (o.map(encode) ?? "") + "]}"
        }
    }

    public struct DecodingError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public static func decode(_ text: String) throws -> CELValue {
        var reader = Reader(scalars: Array(text.unicodeScalars))
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.atEnd else { throw reader.fail("unexpected text after the value") }
        return value
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private struct Reader {
        var scalars: [Unicode.Scalar]
        var position = 0

        var atEnd: Bool { position >= scalars.count }

        func fail(_ message: String) -> DecodingError {
            DecodingError(message: "JSON at character \(position + 1): \(message)")
        }

        mutating func skipSpace() {
            while position < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[position]) { position += 1 }
        }

        mutating func expect(_ scalar: Unicode.Scalar) throws {
            skipSpace()
            guard position < scalars.count, scalars[position] == scalar else { throw fail("expected `\(scalar)`") }
            position += 1
        }

        mutating func value(depth: Int) throws -> CELValue {
            guard depth < 128 else { throw fail("nested too deeply") }
            skipSpace()
            guard position < scalars.count else { throw fail("a value is missing") }
            switch scalars[position] {
            case "{": return try object(depth: depth)
            case "[":
                position += 1
                var items: [CELValue] = []
                skipSpace()
                if position < scalars.count, scalars[position] == "]" {
                    position += 1
                    return .list(items)
                }
                while true {
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard position < scalars.count else { throw fail("unterminated list") }
                    if scalars[position] == "]" {
                        position += 1
                        return .list(items)
                    }
                    try expect(",")
                }
            case "\"": return .string(try string())
            case "t": return try word("true", .bool(true))
            case "f": return try word("false", .bool(false))
            case "n": return try word("null", .null)
            default: return try number()
            }
        }

        mutating func word(_ text: String, _ value: CELValue) throws -> CELValue {
            let end = position + text.unicodeScalars.count
            guard end <= scalars.count, String(String.UnicodeScalarView(scalars[position..<end])) == text else {
                throw fail("unexpected character")
            }
            position = end
            return value
        }

        mutating func number() throws -> CELValue {
            let start = position
            while position < scalars.count, "+-0123456789.eE".unicodeScalars.contains(scalars[position]) { position += 1 }
            let text = String(String.UnicodeScalarView(scalars[start..<position]))
            if !text.contains(where: { ".eE".contains($0) }), let int = Int64(text) { return .int(int) }
            guard !text.isEmpty, let double = Double(text) else { throw fail("`\(text)` is not a JSON value") }
            return .double(double)
        }

        mutating func string() throws -> String {
            try expect("\"")
            var result = String.UnicodeScalarView()
            while position < scalars.count {
                let scalar = scalars[position]
                position += 1
                switch scalar {
                case "\"": return String(result)
                case "\\":
                    guard position < scalars.count else { break }
                    let escape = scalars[position]
                    position += 1
                    switch escape {
                    case "n": result.append("\n")
                    case "t": result.append("\t")
                    case "r": result.append("\r")
                    case "b": result.append("\u{8}")
                    case "f": result.append("\u{C}")
                    case "u":
                        guard position + 4 <= scalars.count,
                            let code = UInt32(String(String.UnicodeScalarView(scalars[position..<position + 4])), radix: 16)
                        else { throw fail("bad \\u escape") }
                        position += 4
                        var value = code
                        if (0xD800..<0xDC00).contains(code), position + 6 <= scalars.count, scalars[position] == "\\",
                            scalars[position + 1] == "u",
                            let low = UInt32(String(String.UnicodeScalarView(scalars[position + 2..<position + 6])), radix: 16),
                            (0xDC00..<0xE000).contains(low)
                        {
                            value = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            position += 6
                        }
                        guard let decoded = Unicode.Scalar(value) else { throw fail("bad \\u escape") }
                        result.append(decoded)
                    default: result.append(escape)
                    }
                default: result.append(scalar)
                }
            }
            throw fail("unterminated string")
        }

        mutating func object(depth: Int) throws -> CELValue {
            try expect("{")
            var entries: [(String, CELValue)] = []
            skipSpace()
            if position < scalars.count, scalars[position] == "}" {
                position += 1
                return .map(CELMap([]))
            }
            while true {
                skipSpace()
                let key = try string()
                try expect(":")
                entries.append((key, try value(depth: depth + 1)))
                skipSpace()
                guard position < scalars.count else { throw fail("unterminated object") }
                if scalars[position] == "}" {
                    position += 1
                    break
                }
                try expect(",")
            }
            if entries.count == 1, let tagged = try tagged(entries[0].0, entries[0].1) { return tagged }
            return .map(CELMap(entries.map { (.string($0.0), $0.1) }))
        }

        func tagged(_ tag: String, _ value: CELValue) throws -> CELValue? {
            switch (tag, value) {
            case ("int", .int(let i)): return .int(i)
            case ("uint", .int(let i)) where i >= 0: return .uint(UInt64(i))
            case ("uint", .double(let d)) where d >= 0 && d <= Double(UInt64.max) && d.rounded() == d:
                return .uint(UInt64(d))
            case ("double", .int(let i)): return .double(Double(i))
            case ("double", .double(let d)): return .double(d)
            case ("double", .string("NaN")): return .double(.nan)
            case ("double", .string("Infinity")): return .double(.infinity)
            case ("double", .string("-Infinity")): return .double(-.infinity)
            case ("decimal", .string(let s)):
                guard let d = Decimal(string: s, locale: nil) else { throw fail("`\(s)` is not a decimal") }
                return .decimal(d)
            case ("bytes", .string(let s)):
                guard let data = Data(base64Encoded: s) else { throw fail("`bytes` takes base64 text") }
                return .bytes([UInt8](data))
            case ("type", .string(let s)):
                guard let type = CELType(name: s) else { throw fail("unknown type `\(s)`") }
                return .type(type)
            case ("timestamp", .string(let s)):
                guard let t = CELTimestamp(rfc3339: s) else { throw fail("`\(s)` is not an RFC 3339 timestamp") }
                return .timestamp(t)
            case ("duration", .string(let s)):
                guard let d = CELDuration(parsing: s) else { throw fail("`\(s)` is not a duration") }
                return .duration(d)
            case ("map", .list(let pairs)):
                var entries: [(CELValue, CELValue)] = []
                for pair in pairs {
                    guard case .list(let kv) = pair, kv.count == 2 else { throw fail("`map` takes a list of [key, value] pairs") }
                    entries.append((kv[0], kv[1]))
                }
                return .map(CELMap(entries))
            case ("optional", .list(let items)) where items.count <= 1:
                return .optional(items.first)
            default: return nil
            }
        }
    }
}
