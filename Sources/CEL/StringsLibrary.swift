import Foundation

/// cel-go's strings library (`ext.Strings`), with `base64.encode/decode` (`ext.Encoders`) and the
/// list forms of `indexOf`/`lastIndexOf` (`ext.Lists`). Indexes
/// count Unicode code points, as `size()` does. Every function charges the budget for the characters
/// it handles (see `Meter`).
enum StringsLibrary {
    static func register(into t: inout [BuiltinKey: BuiltinImpl]) {
        func method(_ name: String, arities: [Int], _ f: @escaping FnM) {
            for a in arities { t[BuiltinKey(name: name, receiver: true, arity: a)] = .metered(f) }
        }
        func global(_ name: String, _ f: @escaping FnM) {
            t[BuiltinKey(name: name, receiver: false, arity: 1)] = .metered(f)
        }
        method("charAt", arities: [1], charAt)
        method("indexOf", arities: [1, 2]) { a, m throws(CELError) in try indexOf(a, m, last: false) }
        method("lastIndexOf", arities: [1, 2]) { a, m throws(CELError) in try indexOf(a, m, last: true) }
        method("lowerAscii", arities: [0]) { a, m throws(CELError) in try mapASCII(a, m, "lowerAscii", upper: false) }
        method("upperAscii", arities: [0]) { a, m throws(CELError) in try mapASCII(a, m, "upperAscii", upper: true) }
        method("replace", arities: [2, 3], replace)
        method("split", arities: [1, 2], split)
        method("substring", arities: [1, 2], substring)
        method("trim", arities: [0], trim)
        method("reverse", arities: [0], reverse)
        method("join", arities: [0, 1], join)
        method("format", arities: [1], StringFormat.format)
        global("strings.quote", quote)
        global("base64.encode", base64Encode)
        global("base64.decode", base64Decode)
    }

    // MARK: Arguments

    private static func int(_ v: CELValue, _ a: [CELValue], _ fn: String) throws(CELError) -> Int {
        guard case .int(let i) = v else { throw CELError.noOverload(fn, args: a) }
        return Int(clamping: i)
    }

    private static func scalars(_ s: String, _ m: Meter) throws(CELError) -> [Unicode.Scalar] {
        try m.charge(s.utf8.count)
        return Array(s.unicodeScalars)
    }

    // MARK: Functions

    static func charAt(_ a: [CELValue], _ m: Meter) throws(CELError) -> CELValue {
        guard case .string(let s) = a[0] else { throw CELError.noOverload("charAt", args: a) }
        let i = try int(a[1], a, "charAt")
        let cs = try scalars(s, m)
        guard i >= 0 && i <= cs.count else { throw CELError("index out of range: \(i)") }
        return .string(i == cs.count ? "" : String(cs[i]))
    }

    /// The first (or last) position of `needle` in `hay` starting at or after (at or before) `from`,
    /// charging the comparisons as they are made.
    static func search(
        _ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar], from: Int, last: Bool, _ m: Meter
    ) throws(CELError) -> Int? {
        let n = hay.count
        let k = needle.count
        if k == 0 { return from }
        guard k <= n else { return nil }
        var work = 0
        var i = last ? min(from, n - k) : from
        while last ? i >= 0 : i <= n - k {
            defer { i += last ? -1 : 1 }
            var j = 0
            while j < k && hay[i + j] == needle[j] { j += 1 }
            work += j + 1
            if work >= 4096 {
                try m.charge(work)
                work = 0
            }
            if j == k { return i }
        }
        try m.charge(work)
        return nil
    }

    static func indexOf(_ a: [CELValue], _ m: Meter, last: Bool) throws(CELError) -> CELValue {
        let fn = last ? "lastIndexOf" : "indexOf"
        // cel-go's lists library: the first (last) position of an element, by CEL equality; -1 if none.
        if case .list(let l) = a[0], a.count == 2 {
            try m.charge(l.count)
            // Compared in place: the elements and the sought value are not copied for each comparison.
            let found = l.withUnsafeBufferPointer { items in
                a.withUnsafeBufferPointer { arguments -> Int? in
                    let sought = arguments.baseAddress! + 1
                    // A string among strings (ids, codes): its length first, then its bytes.
                    if !last, case .string(let text) = sought.pointee {
                        let length = text.utf8.count
                        for i in 0..<items.count {
                            if case .string(let other) = items[i] {
                                if other.utf8.count == length && scalarEqual(other, text) { return i }
                            } else if celEqual(items[i], sought.pointee) {
                                return i
                            }
                        }
                        return nil
                    }
                    if last {
                        for i in stride(from: items.count - 1, through: 0, by: -1) where celEqual(items[i], sought.pointee) {
                            return i
                        }
                    } else {
                        for i in 0..<items.count where celEqual(items[i], sought.pointee) { return i }
                    }
                    return nil
                }
            }
            return .int(Int64(found ?? -1))
        }
        guard case .string(let s) = a[0], case .string(let sub) = a[1] else { throw CELError.noOverload(fn, args: a) }
        let hay = try scalars(s, m)
        let needle = try scalars(sub, m)
        var from = last ? hay.count : 0
        if a.count == 3 {
            from = try int(a[2], a, fn)
            guard from >= 0 && from <= hay.count else { throw CELError("index out of range: \(from)") }
        }
        let found = try search(hay, needle, from: from, last: last, m)
        return .int(Int64(found ?? -1))
    }

    static func mapASCII(_ a: [CELValue], _ m: Meter, _ fn: String, upper: Bool) throws(CELError) -> CELValue {
        guard case .string(let s) = a[0] else { throw CELError.noOverload(fn, args: a) }
        try m.charge(s.utf8.count)
        var bytes = Array(s.utf8)
        for i in 0..<bytes.count {
            let b = bytes[i]
            if upper, b >= 0x61, b <= 0x7A { bytes[i] = b - 32 }
            if !upper, b >= 0x41, b <= 0x5A { bytes[i] = b + 32 }
        }
        return .string(String(decoding: bytes, as: UTF8.self))
    }

    static func replace(_ a: [CELValue], _ m: Meter) throws(CELError) -> CELValue {
        guard a.count >= 3, case .string(let s) = a[0], case .string(let old) = a[1], case .string(let new) = a[2]
        else { throw CELError.noOverload("replace", args: a) }
        let limit = a.count == 4 ? try int(a[3], a, "replace") : -1
        let hay = try scalars(s, m)
        let needle = try scalars(old, m)
        let replacement = try scalars(new, m)
        // Where the replacements go (Go's strings.Replace: an empty `old` matches before every code
        // point and at the end), counted first so that the result's size is charged before it is built.
        var positions: [Int] = []
        var i = 0
        while limit < 0 || positions.count < limit {
            if needle.isEmpty {
                guard i <= hay.count else { break }
                positions.append(i)
                i += 1
            } else {
                guard let p = try search(hay, needle, from: i, last: false, m) else { break }
                positions.append(p)
                i = p + needle.count
            }
        }
        if positions.isEmpty { return a[0] }
        try m.charge(positions.count, times: max(new.utf8.count, 1))
        try m.charge(s.utf8.count)
        var out = String.UnicodeScalarView()
        var last = 0
        for p in positions {
            out.append(contentsOf: hay[last..<p])
            out.append(contentsOf: replacement)
            last = p + needle.count
        }
        if last < hay.count { out.append(contentsOf: hay[last...]) }
        return .string(String(out))
    }

    static func split(_ a: [CELValue], _ m: Meter) throws(CELError) -> CELValue {
        guard case .string(let s) = a[0], case .string(let sep) = a[1] else { throw CELError.noOverload("split", args: a) }
        let limit = a.count == 3 ? try int(a[2], a, "split") : -1
        if limit == 0 { return .list([]) }
        let hay = try scalars(s, m)
        let needle = try scalars(sep, m)
        var parts: [CELValue] = []
        var start = 0
        if needle.isEmpty {
            // Go's strings.SplitN with an empty separator: one code point per part, the last part the rest.
            while start < hay.count {
                if limit > 0 && parts.count == limit - 1 { break }
                parts.append(.string(String(hay[start])))
                start += 1
            }
            if start < hay.count { parts.append(.string(String(String.UnicodeScalarView(hay[start...])))) }
            try m.charge(parts.count)
            return .list(parts)
        }
        while limit < 0 || parts.count < limit - 1 {
            guard let p = try search(hay, needle, from: start, last: false, m) else { break }
            parts.append(.string(String(String.UnicodeScalarView(hay[start..<p]))))
            start = p + needle.count
        }
        parts.append(.string(String(String.UnicodeScalarView(hay[start...]))))
        try m.charge(parts.count)
        return .list(parts)
    }

    static func substring(_ a: [CELValue], _ m: Meter) throws(CELError) -> CELValue {
        guard case .string(let s) = a[0] else { throw CELError.noOverload("substring", args: a) }
        let cs = try scalars(s, m)
        let start = try int(a[1], a, "substring")
        let end = a.count == 3 ? try int(a[2], a, "substring") : cs.count
        guard start >= 0 && start <= cs.count else { throw CELError("index out of range: \(start)") }
        guard end >= 0 && end <= cs.count else { throw CELError("index out of range: \(end)") }
        guard start <= end else { throw CELError("invalid substring range. start: \(start), end: \(end)") }
        return .string(String(String.UnicodeScalarView(cs[start..<end])))
    }

    static func trim(_ a: [CELValue], _ m: Meter) throws(CELError) -> CELValue {
        guard case .string(let s) = a[0] else { throw CELError.noOverload("trim", args: a) }
        let cs = try scalars(s, m)
        var lo = 0
        var hi = cs.count
        while lo < hi && cs[lo].properties.isWhitespace { lo += 1 }
        while hi > lo && cs[hi - 1].properties.isWhitespace { hi -= 1 }
        return .string(String(String.UnicodeScalarView(cs[lo..<hi])))
    }

    static func reverse(_ a: [CELValue], _ m: Meter) throws(CELError) -> CELValue {
        guard case .string(let s) = a[0] else { throw CELError.noOverload("reverse", args: a) }
        let cs = try scalars(s, m)
        return .string(String(String.UnicodeScalarView(cs.reversed())))
    }

    static func join(_ a: [CELValue], _ m: Meter) throws(CELError) -> CELValue {
        guard case .list(let l) = a[0] else { throw CELError.noOverload("join", args: a) }
        var sep = ""
        if a.count == 2 {
            guard case .string(let s) = a[1] else { throw CELError.noOverload("join", args: a) }
            sep = s
        }
        var size = 0
        for x in l {
            guard case .string(let s) = x else {
                throw CELError("join() needs a list of strings, found '\(x.celType.name)'")
            }
            size += s.utf8.count
        }
        try m.charge(size)
        try m.charge(max(l.count - 1, 0), times: sep.utf8.count)
        try m.charge(l.count)
        var out = ""
        for (i, x) in l.enumerated() {
            if i > 0 { out += sep }
            if case .string(let s) = x { out += s }
        }
        return .string(out)
    }

    /// `strings.quote(s)`: `s` in double quotes, with `\a \b \f \n \r \t \v \\ \"` escaped.
    static func quote(_ a: [CELValue], _ m: Meter) throws(CELError) -> CELValue {
        guard case .string(let s) = a[0] else { throw CELError.noOverload("strings.quote", args: a) }
        try m.charge(2 * s.utf8.count)
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default: out.unicodeScalars.append(c)
            }
        }
        return .string(out + "\"")
    }

    static func base64Encode(_ a: [CELValue], _ m: Meter) throws(CELError) -> CELValue {
        guard case .bytes(let b) = a[0] else { throw CELError.noOverload("base64.encode", args: a) }
        try m.charge(2 * b.count)
        return .string(Data(b).base64EncodedString())
    }

    /// `base64.decode(s)`: standard alphabet, with or without the `=` padding.
    static func base64Decode(_ a: [CELValue], _ m: Meter) throws(CELError) -> CELValue {
        guard case .string(let s) = a[0] else { throw CELError.noOverload("base64.decode", args: a) }
        try m.charge(2 * s.utf8.count)
        var text = s
        if !text.utf8.contains(UInt8(ascii: "=")) && text.utf8.count % 4 != 0 {
            text += String(repeating: "=", count: 4 - text.utf8.count % 4)
        }
        guard let data = Data(base64Encoded: text) else { throw CELError("invalid base64 text") }
        return .bytes([UInt8](data))
    }
}
