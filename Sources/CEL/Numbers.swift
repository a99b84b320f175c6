import Foundation

enum Ordering {
    case less, equal, greater, unordered

    static func of<T: Comparable>(_ a: T, _ b: T) -> Ordering {
        a < b ? .less : (a == b ? .equal : .greater)
    }

    static func of(_ a: Double, _ b: Double) -> Ordering {
        if a < b { return .less }
        if a > b { return .greater }
        if a == b { return .equal }
        return .unordered
    }
}

/// Compares two numeric values across int, uint, double and decimal. Returns nil when either side is not a number.
func compareNumbers(_ a: CELValue, _ b: CELValue) -> Ordering? {
    switch (a, b) {
    case (.int(let x), .int(let y)): return .of(x, y)
    case (.uint(let x), .uint(let y)): return .of(x, y)
    case (.double(let x), .double(let y)): return .of(x, y)
    case (.int(let x), .uint(let y)): return x < 0 ? .less : .of(UInt64(x), y)
    case (.uint(let x), .int(let y)): return y < 0 ? .greater : .of(x, UInt64(y))
    case (.int(let x), .double(let y)): return .of(Double(x), y)
    case (.double(let x), .int(let y)): return .of(x, Double(y))
    case (.uint(let x), .double(let y)): return .of(Double(x), y)
    case (.double(let x), .uint(let y)): return .of(x, Double(y))
    case (.decimal(let x), .decimal(let y)): return .of(x, y)
    case (.decimal(let x), _):
        return compareDecimal(x, b)
    case (_, .decimal(let y)):
        guard let o = compareDecimal(y, a) else { return nil }
        switch o {
        case .less: return .greater
        case .greater: return .less
        default: return o
        }
    default: return nil
    }
}

/// Compares a decimal with another number.
private func compareDecimal(_ x: Decimal, _ other: CELValue) -> Ordering? {
    switch other {
    case .int(let i): return .of(x, Decimal(i))
    case .uint(let u): return .of(x, Decimal(u))
    case .double(let d):
        if d.isNaN { return .unordered }
        if d.isInfinite { return d > 0 ? .less : .greater }
        if let dd = decimalFromDouble(d) { return .of(x, dd) }
        // Outside Decimal's range: compare as doubles.
        return .of(decimalToDouble(x), d)
    default: return nil
    }
}

// MARK: - Decimal helpers

func decimalSyntax(_ s: String) -> Bool {
    // [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?
    var it = Array(s.utf8)[...]
    if it.first == UInt8(ascii: "+") || it.first == UInt8(ascii: "-") { it = it.dropFirst() }
    var intDigits = 0
    var fracDigits = 0
    while let c = it.first, c >= 48 && c <= 57 {
        intDigits += 1
        it = it.dropFirst()
    }
    if it.first == UInt8(ascii: ".") {
        it = it.dropFirst()
        while let c = it.first, c >= 48 && c <= 57 {
            fracDigits += 1
            it = it.dropFirst()
        }
    }
    if intDigits + fracDigits == 0 { return false }
    if let c = it.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
        it = it.dropFirst()
        if it.first == UInt8(ascii: "+") || it.first == UInt8(ascii: "-") { it = it.dropFirst() }
        var expDigits = 0
        while let c = it.first, c >= 48 && c <= 57 {
            expDigits += 1
            it = it.dropFirst()
        }
        if expDigits == 0 { return false }
    }
    return it.isEmpty
}

func parseDecimal(_ s: String) -> Decimal? {
    guard decimalSyntax(s), let d = Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")), !d.isNaN else {
        return nil
    }
    return d
}

/// Converts a double to a decimal through its shortest round-trip description, so `0.8` becomes exactly 0.8.
func decimalFromDouble(_ d: Double) -> Decimal? {
    if !d.isFinite { return nil }
    if d == 0 { return Decimal(0) }
    return parseDecimal("\(d)")
}

func decimalToDouble(_ d: Decimal) -> Double {
    Double(d.description) ?? (d as NSDecimalNumber).doubleValue
}

func decimalTruncated(_ d: Decimal) -> Decimal {
    var src = d
    var out = Decimal()
    NSDecimalRound(&out, &src, 0, d < 0 ? .up : .down)
    return out
}

/// The decimal as an Int64 if it is integral and in range.
func decimalToInt64Exact(_ d: Decimal) -> Int64? {
    if d.isNaN { return nil }
    if decimalTruncated(d) != d { return nil }
    return Int64(d.description)
}

func decimalOfNumber(_ v: CELValue) -> Decimal? {
    switch v {
    case .decimal(let d): return d
    case .int(let i): return Decimal(i)
    case .uint(let u): return Decimal(u)
    case .double(let d): return decimalFromDouble(d)
    default: return nil
    }
}

func checkedDecimal(_ d: Decimal) throws(CELError) -> CELValue {
    if d.isNaN { throw CELError("decimal overflow") }
    return .decimal(d)
}

// MARK: - Double formatting

/// Formats a double the way CEL's reference implementation (cel-go, Go's `%g` with shortest precision) does:
/// `123.456`, `-0.0045`, `1e+06`, `1.5e-05`.
func formatDoubleCEL(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
    if d == 0 { return d.sign == .minus ? "-0" : "0" }
    // Swift's description is the shortest round-trip representation; extract digits and exponent from it.
    let desc = "\(abs(d))"
    var mantissa = desc
    var exp10 = 0
    if let eIdx = desc.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mantissa = String(desc[..<eIdx])
        exp10 = Int(desc[desc.index(after: eIdx)...]) ?? 0
    }
    var intPart = mantissa
    var fracPart = ""
    if let dot = mantissa.firstIndex(of: ".") {
        intPart = String(mantissa[..<dot])
        fracPart = String(mantissa[mantissa.index(after: dot)...])
    }
    var digits = Array(intPart + fracPart)
    var dp = intPart.count + exp10 // position of the decimal point relative to digits
    // Strip leading zeros.
    while digits.count > 1 && digits.first == "0" {
        digits.removeFirst()
        dp -= 1
    }
    // Strip trailing zeros.
    while digits.count > 1 && digits.last == "0" { digits.removeLast() }
    let sign = d < 0 ? "-" : ""
    let exp = dp - 1
    // Go's %g with shortest precision switches to exponent form below 1e-4 and from 1e6 (precision 6).
    if exp < -4 || exp >= 6 {
        var s = String(digits[0])
        if digits.count > 1 { s += "." + String(digits[1...]) }
        let e = abs(exp)
        s += (exp < 0 ? "e-" : "e+") + (e < 10 ? "0\(e)" : "\(e)")
        return sign + s
    }
    if dp <= 0 {
        return sign + "0." + String(repeating: "0", count: -dp) + String(digits)
    }
    if dp >= digits.count {
        return sign + String(digits) + String(repeating: "0", count: dp - digits.count)
    }
    return sign + String(digits[0..<dp]) + "." + String(digits[dp...])
}
