import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `string.format(list)`, as cel-go and the cel-spec strings extension define it: clauses
/// `%[.precision]verb` with the verbs `s d f e b o x X` and `%%` for a percent sign.
enum StringFormat {
    static func format(_ a: [CELValue], _ m: Meter) throws(CELError) -> CELValue {
        guard case .string(let template) = a[0], case .list(let args) = a[1] else {
            throw CELError.noOverload("format", args: a)
        }
        try m.charge(template.utf8.count)
        let cs = Array(template.unicodeScalars)
        var out = ""
        var next = 0
        var i = 0
        while i < cs.count {
            let ch = cs[i]
            i += 1
            guard ch == "%" else {
                out.unicodeScalars.append(ch)
                continue
            }
            guard i < cs.count else { throw CELError("could not parse formatting clause: unexpected end of format string") }
            if cs[i] == "%" {
                out += "%"
                i += 1
                continue
            }
            var precision: Int? = nil
            if cs[i] == "." {
                i += 1
                var p = 0
                var digits = 0
                while i < cs.count, cs[i].value >= 48, cs[i].value <= 57 {
                    // Saturates: a precision beyond the budget fails on its charge below.
                    p = p > Int.max / 20 ? Int.max / 20 : p * 10 + Int(cs[i].value - 48)
                    digits += 1
                    i += 1
                }
                guard digits > 0 else { throw CELError("could not parse formatting clause: missing precision") }
                precision = p
            }
            guard i < cs.count else { throw CELError("could not parse formatting clause: unexpected end of format string") }
            let verb = cs[i]
            i += 1
            guard "sdfebxXo".unicodeScalars.contains(verb) else {
                throw CELError("could not parse formatting clause: unrecognized formatting clause \"\(verb)\"")
            }
            guard next < args.count else { throw CELError("index \(next) out of range") }
            let arg = args[next]
            next += 1
            // The clause's output is at least as long as its precision: charged before it is made.
            try m.charge(precision ?? 0)
            let text = try clause(verb, precision: precision, arg, m)
            try m.charge(text.utf8.count)
            out += text
        }
        return .string(out)
    }

    static func clause(_ verb: Unicode.Scalar, precision: Int?, _ v: CELValue, _ m: Meter) throws(CELError) -> String {
        switch verb {
        case "s": return try plain(v, m)
        case "d":
            switch v {
            case .int(let i): return String(i)
            case .uint(let u): return String(u)
            case .double(let d) where !d.isFinite: return nonFinite(d)
            case .decimal(let d) where decimalToInt64Exact(d) != nil || d.isZero: return d.description
            default: throw formatting("decimal clause can only be used on integers", v)
            }
        case "f", "e":
            let p = precision ?? 6
            switch v {
            case .int(let i): return cFormat(verb, p, Double(i))
            case .uint(let u): return cFormat(verb, p, Double(u))
            case .double(let d): return d.isFinite ? cFormat(verb, p, d) : nonFinite(d)
            case .decimal(let d): return verb == "f" ? fixed(d, p) : cFormat(verb, p, decimalToDouble(d))
            default:
                throw formatting(
                    verb == "f"
                        ? "fixed-point clause can only be used on doubles" : "scientific clause can only be used on doubles", v)
            }
        case "b":
            switch v {
            case .int(let i): return signed(i, radix: 2, uppercase: false)
            case .uint(let u): return String(u, radix: 2)
            case .bool(let b): return b ? "1" : "0"
            default: throw formatting("only integers and bools can be formatted as binary", v)
            }
        case "o":
            switch v {
            case .int(let i): return signed(i, radix: 8, uppercase: false)
            case .uint(let u): return String(u, radix: 8)
            default: throw formatting("octal clause can only be used on integers", v)
            }
        default: // x, X
            let upper = verb == "X"
            switch v {
            case .int(let i): return signed(i, radix: 16, uppercase: upper)
            case .uint(let u): return String(u, radix: 16, uppercase: upper)
            case .string(let s): return hex(Array(s.utf8), upper)
            case .bytes(let b): return hex(b, upper)
            default: throw formatting("only integers, byte buffers, and strings can be formatted as hex", v)
            }
        }
    }

    static func formatting(_ what: String, _ v: CELValue) -> CELError {
        CELError("error during formatting: \(what), was given \(v.celType.name)")
    }

    static func nonFinite(_ d: Double) -> String {
        d.isNaN ? "NaN" : (d < 0 ? "-Infinity" : "Infinity")
    }

    static func signed(_ i: Int64, radix: Int, uppercase: Bool) -> String {
        i < 0 ? "-" + String(i.magnitude, radix: radix, uppercase: uppercase) : String(i, radix: radix, uppercase: uppercase)
    }

    static func hex(_ bytes: [UInt8], _ upper: Bool) -> String {
        let digits = Array((upper ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `%.{p}f` or `%.{p}e` of a finite double, by the C library (exact, round half to even).
    static func cFormat(_ verb: Unicode.Scalar, _ precision: Int, _ d: Double) -> String {
        let spec = "%.\(precision)\(verb)"
        let size = withVaList([d]) { vsnprintf(nil, 0, spec, $0) }
        guard size >= 0 else { return "" }
        var buffer = [CChar](repeating: 0, count: Int(size) + 1)
        _ = buffer.withUnsafeMutableBufferPointer { b in withVaList([d]) { vsnprintf(b.baseAddress, b.count, spec, $0) } }
        return String(decoding: buffer.prefix(Int(size)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `%.{p}f` of a decimal, exactly (round half to even).
    static func fixed(_ d: Decimal, _ precision: Int) -> String {
        var value = d
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, min(precision, 127), .bankers)
        var text = rounded.description
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        var parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 { parts.append("") }
        let fraction = parts[1] + String(repeating: "0", count: max(0, precision - parts[1].count))
        let body = precision == 0 ? parts[0] : parts[0] + "." + fraction
        return (negative && body.contains(where: { $0 != "0" && $0 != "." }) ? "-" : "") + body
    }

    /// `%s`: a value as text (lists and maps recursively, maps sorted by their keys' text).
    static func plain(_ v: CELValue, _ m: Meter) throws(CELError) -> String {
        switch v {
        case .string(let s): return s
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .double(let d): return positional(d)
        case .decimal(let d): return d.description
        case .bytes(let b): return String(decoding: b, as: UTF8.self)
        case .type(let t): return t.name
        case .timestamp(let t): return t.rfc3339
        case .duration(let d): return positional(Double(d.nanoseconds) / 1e9) + "s"
        case .list(let l):
            try m.charge(l.count)
            var parts: [String] = []
            for x in l { parts.append(try plain(x, m)) }
            return "[" + parts.joined(separator: ", ") + "]"
        case .map(let map):
            try m.charge(map.count)
            var parts: [(String, String)] = []
            for (k, x) in zip(map._keys, map._values) { parts.append((try plain(k, m), try plain(x, m))) }
            parts.sort { compareUTF8($0.0, $1.0) == .less }
            return "{" + parts.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
        case .optional:
            throw formatting(
                "string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps",
                v)
        }
    }

    /// The shortest text that reads back as `d`, without an exponent (Go's `FormatFloat(d, 'f', -1, 64)`).
    static func positional(_ d: Double) -> String {
        if !d.isFinite { return nonFinite(d) }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        let desc = "\(d.magnitude)"
        var mantissa = Substring(desc)
        var exponent = 0
        if let e = desc.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = desc[..<e]
            exponent = Int(desc[desc.index(after: e)...]) ?? 0
        }
        var integer = mantissa
        var fraction: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integer = mantissa[..<dot]
            fraction = mantissa[mantissa.index(after: dot)...]
        }
        var digits = Array(integer + fraction)
        var point = integer.count + exponent
        while digits.count > 1 && digits.first == "0" && point > 1 {
            digits.removeFirst()
            point -= 1
        }
        while digits.count > max(point, 1) && digits.last == "0" { digits.removeLast() }
        var text: String
        if point <= 0 {
            text = "0." + String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            text = String(digits) + String(repeating: "0", count: point - digits.count)
        } else {
            text = String(digits[..<point]) + "." + String(digits[point...])
        }
        while text.hasPrefix("0") && text.count > 1 && !text.hasPrefix("0.") { text.removeFirst() }
        return (d < 0 ? "-" : "") + text
    }
}
