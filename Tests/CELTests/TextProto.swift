import Foundation

/// A minimal protobuf text-format reader, enough for cel-spec's SimpleTestFile documents
/// (`field: value`, `field { … }`, `field: { … }`, `field < … >`, `[type.url] { … }`, repeated fields,
/// `#` comments, adjacent string concatenation and the C-style escapes).
final class TPMessage {
    var fields: [(name: String, value: TPValue)] = []

    func all(_ name: String) -> [TPValue] { fields.filter { $0.name == name }.map(\.value) }
    func first(_ name: String) -> TPValue? { fields.first { $0.name == name }?.value }
    func has(_ name: String) -> Bool { fields.contains { $0.name == name } }
    func message(_ name: String) -> TPMessage? {
        if case .message(let m)? = first(name) { return m }
        return nil
    }
    func messages(_ name: String) -> [TPMessage] {
        all(name).compactMap { if case .message(let m) = $0 { return m } else { return nil } }
    }
    func bytes(_ name: String) -> [UInt8]? {
        if case .string(let b)? = first(name) { return b }
        return nil
    }
    func string(_ name: String) -> String? {
        bytes(name).map { String(decoding: $0, as: UTF8.self) }
    }
    func word(_ name: String) -> String? {
        if case .word(let w)? = first(name) { return w }
        return nil
    }
}

indirect enum TPValue {
    case message(TPMessage)
    case string([UInt8])
    case word(String) // numbers, enum names, true/false
}

struct TextProtoError: Error, CustomStringConvertible {
    var message: String
    var line: Int
    var description: String { "line \(line): \(message)" }
}

struct TextProtoParser {
    let b: [UInt8]
    var i = 0

    init(_ text: String) { b = Array(text.utf8) }

    static func parse(_ text: String) throws -> TPMessage {
        var p = TextProtoParser(text)
        let m = try p.parseFields(until: nil)
        return m
    }

    func fail(_ msg: String) -> TextProtoError {
        let line = b[0..<min(i, b.count)].filter { $0 == 10 }.count + 1
        return TextProtoError(message: msg, line: line)
    }

    mutating func skipSpace() {
        while i < b.count {
            let c = b[i]
            if c == 32 || c == 9 || c == 10 || c == 13 || c == 12 || c == 11 {
                i += 1
            } else if c == UInt8(ascii: "#") {
                while i < b.count && b[i] != 10 { i += 1 }
            } else {
                break
            }
        }
    }

    static func isWordChar(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == UInt8(ascii: "_")
            || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "+")
    }

    mutating func parseFields(until close: UInt8?) throws -> TPMessage {
        let m = TPMessage()
        while true {
            skipSpace()
            if i >= b.count {
                if close != nil { throw fail("unexpected end of input") }
                return m
            }
            if let close, b[i] == close {
                i += 1
                return m
            }
            // Field name: identifier or [extension/type.url].
            var name = ""
            if b[i] == UInt8(ascii: "[") {
                let start = i
                while i < b.count && b[i] != UInt8(ascii: "]") { i += 1 }
                i += 1
                name = String(decoding: b[start..<i], as: UTF8.self)
            } else {
                let start = i
                while i < b.count && TextProtoParser.isWordChar(b[i]) { i += 1 }
                guard i > start else { throw fail("expected a field name, found '\(UnicodeScalar(b[i]))'") }
                name = String(decoding: b[start..<i], as: UTF8.self)
            }
            skipSpace()
            var sawColon = false
            if i < b.count && b[i] == UInt8(ascii: ":") {
                i += 1
                sawColon = true
                skipSpace()
            }
            guard i < b.count else { throw fail("missing value for \(name)") }
            if b[i] == UInt8(ascii: "{") || b[i] == UInt8(ascii: "<") {
                let close: UInt8 = b[i] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ">")
                i += 1
                m.fields.append((name, .message(try parseFields(until: close))))
            } else if sawColon && b[i] == UInt8(ascii: "[") {
                i += 1
                while true {
                    skipSpace()
                    if i < b.count && b[i] == UInt8(ascii: "]") {
                        i += 1
                        break
                    }
                    m.fields.append((name, try parseScalar()))
                    skipSpace()
                    if i < b.count && b[i] == UInt8(ascii: ",") { i += 1 }
                }
            } else {
                guard sawColon else { throw fail("expected ':' after \(name)") }
                m.fields.append((name, try parseScalar()))
            }
            skipSpace()
            if i < b.count && (b[i] == UInt8(ascii: ",") || b[i] == UInt8(ascii: ";")) { i += 1 }
        }
    }

    mutating func parseScalar() throws -> TPValue {
        skipSpace()
        if i < b.count && (b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'")) {
            var out: [UInt8] = []
            while i < b.count && (b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'")) {
                out += try parseString()
                skipSpace()
            }
            return .string(out)
        }
        let start = i
        while i < b.count && TextProtoParser.isWordChar(b[i]) { i += 1 }
        guard i > start else { throw fail("expected a value") }
        return .word(String(decoding: b[start..<i], as: UTF8.self))
    }

    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 48...57: return UInt32(c - 48)
        case 65...70: return UInt32(c - 55)
        case 97...102: return UInt32(c - 87)
        default: return nil
        }
    }

    mutating func parseString() throws -> [UInt8] {
        let q = b[i]
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < b.count else { throw fail("unterminated string") }
            let c = b[i]
            if c == q {
                i += 1
                return out
            }
            if c == 10 { throw fail("newline in string") }
            if c != UInt8(ascii: "\\") {
                out.append(c)
                i += 1
                continue
            }
            i += 1
            guard i < b.count else { throw fail("bad escape") }
            let e = b[i]
            i += 1
            switch e {
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "a"): out.append(7)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "v"): out.append(11)
            case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "?"): out.append(e)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var v = UInt32(e - 48)
                var n = 1
                while n < 3, i < b.count, b[i] >= 48, b[i] <= 55 {
                    v = v * 8 + UInt32(b[i] - 48)
                    i += 1
                    n += 1
                }
                out.append(UInt8(truncatingIfNeeded: v))
            case UInt8(ascii: "x"), UInt8(ascii: "X"):
                var v: UInt32 = 0
                var n = 0
                while n < 2, i < b.count, let h = TextProtoParser.hexValue(b[i]) {
                    v = v * 16 + h
                    i += 1
                    n += 1
                }
                guard n > 0 else { throw fail("bad \\x escape") }
                out.append(UInt8(v))
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let n = e == UInt8(ascii: "u") ? 4 : 8
                var v: UInt32 = 0
                for _ in 0..<n {
                    guard i < b.count, let h = TextProtoParser.hexValue(b[i]) else { throw fail("bad \\u escape") }
                    v = v * 16 + h
                    i += 1
                }
                guard let s = Unicode.Scalar(v) else { throw fail("bad code point") }
                out += Array(String(s).utf8)
            default:
                throw fail("unknown escape \\\(UnicodeScalar(e))")
            }
        }
    }
}
