import Foundation

/// One overload family of a standard function, resolved at compile time by name, call style and arity.
enum BuiltinImpl: Sendable {
    case f1(Fn1)
    case f2(Fn2)
    case fn(FnN)
    /// Charges the budget for its work (see `Meter`); any arity.
    case metered(FnM)
}

struct BuiltinKey: Hashable {
    let name: String
    let receiver: Bool
    /// Number of arguments, not counting the receiver. -1: any number (variadic).
    let arity: Int
}

enum Builtins {
    static let table: [BuiltinKey: BuiltinImpl] = {
        var t: [BuiltinKey: BuiltinImpl] = [:]
        func g1(_ name: String, _ f: @escaping Fn1) { t[BuiltinKey(name: name, receiver: false, arity: 1)] = .f1(f) }
        func g2(_ name: String, _ f: @escaping Fn2) { t[BuiltinKey(name: name, receiver: false, arity: 2)] = .f2(f) }
        func r0(_ name: String, _ f: @escaping Fn1) { t[BuiltinKey(name: name, receiver: true, arity: 0)] = .f1(f) }
        func r1(_ name: String, _ f: @escaping Fn2) { t[BuiltinKey(name: name, receiver: true, arity: 1)] = .f2(f) }
        func gN(_ name: String, _ f: @escaping FnN) { t[BuiltinKey(name: name, receiver: false, arity: -1)] = .fn(f) }

        g1("size", size)
        r0("size", size)
        r1("contains", stringContains)
        r1("startsWith", startsWith)
        r1("endsWith", endsWith)
        r1("matches", matches)
        g2("matches", matches)

        g1("int", toInt)
        g1("uint", toUint)
        g1("double", toDouble)
        g1("string", toStringValue)
        g1("bytes", toBytes)
        g1("bool", toBool)
        g1("type", { v throws(CELError) in .type(v.celType) })
        g1("dyn", { v throws(CELError) in v })
        g1("decimal", toDecimal)
        g1("timestamp", toTimestamp)
        g1("duration", toDuration)

        let parts: [(String, TimePart)] = [
            ("getFullYear", .fullYear), ("getMonth", .month), ("getDate", .date), ("getDayOfMonth", .dayOfMonth),
            ("getDayOfWeek", .dayOfWeek), ("getDayOfYear", .dayOfYear), ("getHours", .hours),
            ("getMinutes", .minutes), ("getSeconds", .seconds), ("getMilliseconds", .milliseconds),
        ]
        for (name, part) in parts {
            r0(name) { v throws(CELError) in
                switch v {
                case .timestamp(let ts): return try timestampPart(ts, part, tz: nil)
                case .duration(let d): return try durationPart(d, part)
                default: throw CELError.noOverload(name, v)
                }
            }
            r1(name) { v, tz throws(CELError) in
                guard case .timestamp(let ts) = v, case .string(let z) = tz else { throw CELError.noOverload(name, v, tz) }
                return try timestampPart(ts, part, tz: z)
            }
        }

        // Extension: list aggregates (Kubernetes style), receiver and global forms.
        r0("sum", { v throws(CELError) in try listSum(v) })
        g1("sum", { v throws(CELError) in try listSum(v) })
        r0("min", { v throws(CELError) in try listExtremum(v, max: false) })
        r0("max", { v throws(CELError) in try listExtremum(v, max: true) })
        gN("min", { args throws(CELError) in try variadicExtremum(args, max: false) })
        gN("max", { args throws(CELError) in try variadicExtremum(args, max: true) })

        // cel-go's extension libraries.
        StringsLibrary.register(into: &t)
        MathLibrary.register(into: &t)
        OptionalLibrary.register(into: &t)
        return t
    }()

    static let names: Set<String> = Set(table.keys.map(\.name))

    static func lookup(_ name: String, receiver: Bool, arity: Int) -> BuiltinImpl? {
        if let f = table[BuiltinKey(name: name, receiver: receiver, arity: arity)] { return f }
        if !receiver, let f = table[BuiltinKey(name: name, receiver: false, arity: -1)] { return f }
        return nil
    }

    // MARK: Strings and sizes

    static func size(_ v: CELValue) throws(CELError) -> CELValue {
        switch v {
        case .string(let s): return .int(Int64(s.unicodeScalars.count))
        case .bytes(let b): return .int(Int64(b.count))
        case .list(let l): return .int(Int64(l.count))
        case .map(let m): return .int(Int64(m.count))
        default: throw CELError.noOverload("size", v)
        }
    }

    static func stringContains(_ a: CELValue, _ b: CELValue) throws(CELError) -> CELValue {
        guard case .string(let s) = a, case .string(let t) = b else { throw CELError.noOverload("contains", a, b) }
        return .bool(utf8Contains(s, t))
    }

    static func startsWith(_ a: CELValue, _ b: CELValue) throws(CELError) -> CELValue {
        guard case .string(let s) = a, case .string(let t) = b else { throw CELError.noOverload("startsWith", a, b) }
        return .bool(s.utf8.starts(with: t.utf8))
    }

    static func endsWith(_ a: CELValue, _ b: CELValue) throws(CELError) -> CELValue {
        guard case .string(let s) = a, case .string(let t) = b else { throw CELError.noOverload("endsWith", a, b) }
        let su = s.utf8
        let tu = t.utf8
        guard tu.count <= su.count else { return .bool(false) }
        return .bool(su.suffix(tu.count).elementsEqual(tu))
    }

    static func matches(_ a: CELValue, _ b: CELValue) throws(CELError) -> CELValue {
        guard case .string(let s) = a, case .string(let p) = b else { throw CELError.noOverload("matches", a, b) }
        let re = try RegexCache.shared.regex(p)
        return .bool(re.matches(s))
    }

    // MARK: Conversions

    static func toInt(_ v: CELValue) throws(CELError) -> CELValue {
        switch v {
        case .int: return v
        case .uint(let u):
            guard u <= UInt64(Int64.max) else { throw CELError("range error: overflow converting \(u)u to int") }
            return .int(Int64(u))
        case .double(let d):
            guard d.isFinite, d > -9223372036854775808.0, d < 9223372036854775808.0 else {
                throw CELError("range error: overflow converting \(formatDoubleCEL(d)) to int")
            }
            return .int(Int64(d.rounded(.towardZero)))
        case .string(let s):
            guard let i = Int64(s) else { throw CELError("type conversion error: cannot convert '\(s)' to int") }
            return .int(i)
        case .decimal(let d):
            guard let i = decimalToInt64Exact(decimalTruncated(d)) else {
                throw CELError("range error: overflow converting \(d) to int")
            }
            return .int(i)
        case .timestamp(let ts): return .int(ts.seconds)
        default: throw CELError.noOverload("int", v)
        }
    }

    static func toUint(_ v: CELValue) throws(CELError) -> CELValue {
        switch v {
        case .uint: return v
        case .int(let i):
            guard i >= 0 else { throw CELError("range error: overflow converting \(i) to uint") }
            return .uint(UInt64(i))
        case .double(let d):
            guard d.isFinite, d > -1, d < 18446744073709551616.0 else {
                throw CELError("range error: overflow converting \(formatDoubleCEL(d)) to uint")
            }
            return .uint(UInt64(d.rounded(.towardZero)))
        case .string(let s):
            guard let u = UInt64(s) else { throw CELError("type conversion error: cannot convert '\(s)' to uint") }
            return .uint(u)
        case .decimal(let d):
            let t = decimalTruncated(d)
            guard !t.isNaN, t >= 0, let u = UInt64(t.description) else {
                throw CELError("range error: overflow converting \(d) to uint")
            }
            return .uint(u)
        default: throw CELError.noOverload("uint", v)
        }
    }

    static func parseDouble(_ s: String) -> Double? {
        let lower = s.lowercased()
        switch lower {
        case "nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: break
        }
        // Plain decimal syntax only (no hex floats, no whitespace).
        guard decimalSyntax(s) else { return nil }
        return Double(s)
    }

    static func toDouble(_ v: CELValue) throws(CELError) -> CELValue {
        switch v {
        case .double: return v
        case .int(let i): return .double(Double(i))
        case .uint(let u): return .double(Double(u))
        case .string(let s):
            guard let d = parseDouble(s) else { throw CELError("type conversion error: cannot convert '\(s)' to double") }
            return .double(d)
        case .decimal(let d): return .double(decimalToDouble(d))
        default: throw CELError.noOverload("double", v)
        }
    }

    static func toStringValue(_ v: CELValue) throws(CELError) -> CELValue {
        switch v {
        case .string: return v
        case .int(let i): return .string(String(i))
        case .uint(let u): return .string(String(u))
        case .double(let d): return .string(formatDoubleCEL(d))
        case .bool(let b): return .string(b ? "true" : "false")
        case .bytes(let b):
            guard let s = String(validating: b, as: UTF8.self) else {
                throw CELError("invalid UTF-8 in bytes, cannot convert to string")
            }
            return .string(s)
        case .decimal(let d): return .string(d.description)
        case .timestamp(let t): return .string(t.rfc3339)
        case .duration(let d): return .string(d.celString)
        default: throw CELError.noOverload("string", v)
        }
    }

    static func toBytes(_ v: CELValue) throws(CELError) -> CELValue {
        switch v {
        case .bytes: return v
        case .string(let s): return .bytes(Array(s.utf8))
        default: throw CELError.noOverload("bytes", v)
        }
    }

    static func toBool(_ v: CELValue) throws(CELError) -> CELValue {
        switch v {
        case .bool: return v
        case .string(let s):
            switch s {
            case "1", "t", "true", "TRUE", "True": return .bool(true)
            case "0", "f", "false", "FALSE", "False": return .bool(false)
            default: throw CELError("Type conversion error: cannot convert '\(s)' to bool")
            }
        default: throw CELError.noOverload("bool", v)
        }
    }

    static func toDecimal(_ v: CELValue) throws(CELError) -> CELValue {
        switch v {
        case .decimal: return v
        case .int(let i): return .decimal(Decimal(i))
        case .uint(let u): return .decimal(Decimal(u))
        case .double(let d):
            guard let x = decimalFromDouble(d) else {
                throw CELError("cannot convert \(formatDoubleCEL(d)) to decimal")
            }
            return .decimal(x)
        case .string(let s):
            guard let x = parseDecimal(s) else { throw CELError("invalid decimal '\(s)'") }
            return .decimal(x)
        default: throw CELError.noOverload("decimal", v)
        }
    }

    static func toTimestamp(_ v: CELValue) throws(CELError) -> CELValue {
        switch v {
        case .timestamp: return v
        case .string(let s):
            guard let t = CELTimestamp(rfc3339: s) else { throw CELError("invalid timestamp '\(s)'") }
            return .timestamp(t)
        case .int(let i):
            let t = CELTimestamp(seconds: i)
            guard t.isValid else { throw CELError("timestamp out of range") }
            return .timestamp(t)
        default: throw CELError.noOverload("timestamp", v)
        }
    }

    static func toDuration(_ v: CELValue) throws(CELError) -> CELValue {
        switch v {
        case .duration: return v
        case .string(let s):
            guard let d = CELDuration(parsing: s) else { throw CELError("invalid duration '\(s)'") }
            return .duration(d)
        default: throw CELError.noOverload("duration", v)
        }
    }

    // MARK: Aggregates (extension)

    static func listSum(_ v: CELValue) throws(CELError) -> CELValue {
        guard case .list(let l) = v else { throw CELError.noOverload("sum", v) }
        if l.isEmpty { return .int(0) }
        var hasDecimal = false
        var allInt = true
        var allUint = true
        var allDouble = true
        var allDuration = true
        for x in l {
            switch x {
            case .decimal:
                hasDecimal = true
                allInt = false
                allUint = false
                allDouble = false
                allDuration = false
            case .int:
                allUint = false
                allDouble = false
                allDuration = false
            case .uint:
                allInt = false
                allDouble = false
                allDuration = false
            case .double:
                allInt = false
                allUint = false
                allDuration = false
            case .duration:
                allInt = false
                allUint = false
                allDouble = false
            default: throw CELError("sum() needs a list of numbers, found '\(x.celType.name)'")
            }
        }
        if allInt {
            var acc: Int64 = 0
            for case .int(let i) in l {
                let (r, o) = acc.addingReportingOverflow(i)
                if o { throw CELError.overflow }
                acc = r
            }
            return .int(acc)
        }
        if allUint {
            var acc: UInt64 = 0
            for case .uint(let u) in l {
                let (r, o) = acc.addingReportingOverflow(u)
                if o { throw CELError.overflow }
                acc = r
            }
            return .uint(acc)
        }
        if allDouble {
            var acc = 0.0
            for case .double(let d) in l { acc += d }
            return .double(acc)
        }
        if allDuration {
            var acc: Int64 = 0
            for case .duration(let d) in l {
                let (r, o) = acc.addingReportingOverflow(d.nanoseconds)
                if o { throw CELError.overflow }
                acc = r
            }
            return .duration(CELDuration(nanoseconds: acc))
        }
        if hasDecimal {
            var acc = Decimal(0)
            for x in l {
                guard let d = decimalOfNumber(x) else { throw CELError("cannot convert \(x.description) to decimal") }
                acc += d
            }
            return try checkedDecimal(acc)
        }
        throw CELError("sum() needs numbers of a single type (int, uint or double), or decimals")
    }

    static func extremum(_ l: [CELValue], max isMax: Bool, fn: String) throws(CELError) -> CELValue {
        guard var best = l.first else { throw CELError("\(fn)() of an empty list") }
        var hasDecimal = false
        if case .decimal = best { hasDecimal = true }
        for x in l.dropFirst() {
            if case .decimal = x { hasDecimal = true }
            let o = try compareValues(x, best, fn)
            if (isMax && o == .greater) || (!isMax && o == .less) { best = x }
        }
        if hasDecimal, let d = decimalOfNumber(best) { return .decimal(d) }
        return best
    }

    static func listExtremum(_ v: CELValue, max: Bool) throws(CELError) -> CELValue {
        guard case .list(let l) = v else { throw CELError.noOverload(max ? "max" : "min", v) }
        return try extremum(l, max: max, fn: max ? "max" : "min")
    }

    static func variadicExtremum(_ args: [CELValue], max: Bool) throws(CELError) -> CELValue {
        if args.count == 1 { return try listExtremum(args[0], max: max) }
        return try extremum(args, max: max, fn: max ? "max" : "min")
    }
}

// MARK: - Byte-level substring search

func utf8Contains(_ hay: String, _ needle: String) -> Bool {
    let n = needle.utf8.count
    if n == 0 { return true }
    let h = hay.utf8.count
    if n > h { return false }
    func search(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = b[0]
        var i = 0
        let last = a.count - b.count
        while i <= last {
            if a[i] == first {
                var j = 1
                while j < b.count && a[i + j] == b[j] { j += 1 }
                if j == b.count { return true }
            }
            i += 1
        }
        return false
    }
    if let r = hay.utf8.withContiguousStorageIfAvailable({ a in
        needle.utf8.withContiguousStorageIfAvailable { b in search(a, b) }
    }), let found = r {
        return found
    }
    let a = Array(hay.utf8)
    let b = Array(needle.utf8)
    return a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in search(ap, bp) } }
}

// MARK: - Regular expressions

/// A compiled regular expression (RE2 syntax mapped onto ICU, which agrees on the common subset).
final class CompiledRegex: @unchecked Sendable {
    let re: NSRegularExpression // immutable and documented thread-safe

    init(_ pattern: String) throws(CELError) {
        // RE2 spells named groups (?P<name>...); ICU wants (?<name>...).
        var translated = pattern.replacingOccurrences(of: "(?P<", with: "(?<")
        if translated.isEmpty { translated = "(?:)" } // ICU rejects an empty pattern; RE2 matches everything
        do {
            re = try NSRegularExpression(pattern: translated, options: [])
        } catch {
            throw CELError("invalid regular expression '\(pattern)'")
        }
    }

    func matches(_ s: String) -> Bool {
        re.firstMatch(in: s, options: [], range: NSRange(location: 0, length: s.utf16.count)) != nil
    }
}

/// Cache for patterns that are not literals (literal patterns are compiled once, at compile time).
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private let lock = NSLock()
    private var cache: [String: CompiledRegex] = [:]

    func regex(_ pattern: String) throws(CELError) -> CompiledRegex {
        lock.lock()
        if let r = cache[pattern] {
            lock.unlock()
            return r
        }
        lock.unlock()
        let r = try CompiledRegex(pattern)
        lock.lock()
        if cache.count > 256 { cache.removeAll() }
        cache[pattern] = r
        lock.unlock()
        return r
    }
}

final class MatchesConstNode: Node {
    var target: Node
    let regex: CompiledRegex
    init(_ target: Node, _ regex: CompiledRegex, offset: Int) {
        self.target = target
        self.regex = regex
        super.init(offset: offset)
    }
    override func eval(_ c: EvalContext) throws(CELError) -> CELValue {
        try c.step()
        let v = try target.eval(c)
        guard case .string(let s) = v else { throw CELError.noOverload("matches", v, .string("")) }
        return .bool(regex.matches(s))
    }
}
