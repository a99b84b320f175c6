/// The YAML 1.2 core schema's tag resolution, by hand-written character checks on a
/// scalar's UTF-8 bytes (no regular expressions, no allocation beyond the scalar's text).
///
/// Plain scalars resolve as follows; everything else, and every quoted, literal or folded
/// scalar, is text:
///
/// | value | forms |
/// |---|---|
/// | null | `null`, `Null`, `NULL`, `~`, the empty scalar |
/// | bool | `true`, `True`, `TRUE`, `false`, `False`, `FALSE` (`yes`, `no`, `on`, `off` stay text) |
/// | int | `[-+]?[0-9]+` (so `0777` is 777), `0o[0-7]+`, `0x[0-9a-fA-F]+` |
/// | float | `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf` (3 spellings), `.nan` (3 spellings) |
///
/// An integer beyond `Int64` becomes `.double` of its value (its text is kept in
/// `Scalar.text`). `1_000` and dates such as `2026-03-01` are text.
enum CoreSchema {
    /// The standard tags that force a scalar's type.
    enum StandardTag: Sendable {
        case str, int, float, bool, null

        init?(fullTag: String) {
            switch fullTag {
            case "tag:yaml.org,2002:str": self = .str
            case "tag:yaml.org,2002:int": self = .int
            case "tag:yaml.org,2002:float": self = .float
            case "tag:yaml.org,2002:bool": self = .bool
            case "tag:yaml.org,2002:null": self = .null
            default: return nil
            }
        }

        /// What a value of this tag is called in messages.
        var noun: String {
            switch self {
            case .str: "text"
            case .int: "an integer"
            case .float: "a floating-point number"
            case .bool: "a boolean (true or false)"
            case .null: "null"
            }
        }
    }

    /// The value of a plain, untagged scalar.
    static func resolvePlain(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> Scalar.Value {
        guard let first = bytes.first else { return .null }
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
            if isNull(bytes) { return .null }
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            if let b = bool(bytes) { return .bool(b) }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if let number = number(bytes, text: text) { return number }
        default:
            break
        }
        return .string(text)
    }

    /// The value of a scalar with an explicit standard tag, or nil when the text does not
    /// fit the tag.
    static func resolve(_ bytes: UnsafeBufferPointer<UInt8>, text: String, as tag: StandardTag) -> Scalar.Value? {
        switch tag {
        case .str:
            return .string(text)
        case .null:
            return isNull(bytes) ? .null : nil
        case .bool:
            return bool(bytes).map(Scalar.Value.bool)
        case .int:
            return integer(bytes, text: text)
        case .float:
            if let special = specialFloat(bytes) { return .double(special) }
            return isDecimalFloat(bytes) ? Double(text).map(Scalar.Value.double) : nil
        }
    }

    // MARK: - Forms

    static func isNull(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.isEmpty || equals(b, "~") || equals(b, "null") || equals(b, "Null") || equals(b, "NULL")
    }

    static func bool(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        if equals(b, "true") || equals(b, "True") || equals(b, "TRUE") { return true }
        if equals(b, "false") || equals(b, "False") || equals(b, "FALSE") { return false }
        return nil
    }

    /// An int or float of the core schema, or nil.
    static func number(_ b: UnsafeBufferPointer<UInt8>, text: String) -> Scalar.Value? {
        if let int = integer(b, text: text) { return int }
        if let special = specialFloat(b) { return .double(special) }
        if isDecimalFloat(b) { return Double(text).map(Scalar.Value.double) }
        return nil
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`.
    static func integer(_ b: UnsafeBufferPointer<UInt8>, text: String) -> Scalar.Value? {
        let count = b.count
        guard count > 0 else { return nil }
        if count > 2, b[0] == UInt8(ascii: "0"), b[1] == UInt8(ascii: "o") || b[1] == UInt8(ascii: "x") {
            let radix: UInt64 = b[1] == UInt8(ascii: "o") ? 8 : 16
            var value: UInt64 = 0
            var overflow = false
            var approximate = 0.0
            for i in 2..<count {
                guard let digit = digitValue(b[i], radix: radix) else { return nil }
                approximate = approximate * Double(radix) + Double(digit)
                if !overflow {
                    let (m, o1) = value.multipliedReportingOverflow(by: radix)
                    let (s, o2) = m.addingReportingOverflow(digit)
                    value = s
                    overflow = o1 || o2
                }
            }
            if !overflow, value <= UInt64(Int64.max) { return .int(Int64(value)) }
            return .double(approximate)
        }
        var i = 0
        var negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
            negative = b[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < count else { return nil }
        var value: Int64 = 0
        var overflow = false
        while i < count {
            let c = b[i]
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            if !overflow {
                let digit = Int64(c - UInt8(ascii: "0"))
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = negative ? m.subtractingReportingOverflow(digit) : m.addingReportingOverflow(digit)
                value = s
                overflow = o1 || o2
            }
            i += 1
        }
        if overflow { return Double(text).map(Scalar.Value.double) }
        return .int(value)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    static func isDecimalFloat(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = b.count
        var i = 0
        if i < count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        let integerDigits = skipDigits(b, from: &i)
        if integerDigits == 0 {
            // `\.[0-9]+`
            guard i < count, b[i] == UInt8(ascii: ".") else { return false }
            i += 1
            guard skipDigits(b, from: &i) > 0 else { return false }
        } else if i < count, b[i] == UInt8(ascii: ".") {
            i += 1
            _ = skipDigits(b, from: &i)
        }
        if i < count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            guard skipDigits(b, from: &i) > 0 else { return false }
        }
        return i == count
    }

    /// `[-+]?\.(inf|Inf|INF)` and `\.(nan|NaN|NAN)`.
    static func specialFloat(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        let count = b.count
        guard count >= 4, count <= 5 else { return nil }
        var start = 0
        var sign = 1.0
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
            sign = b[0] == UInt8(ascii: "-") ? -1 : 1
            start = 1
        }
        guard count - start == 4, b[start] == UInt8(ascii: ".") else { return nil }
        let rest = UnsafeBufferPointer(rebasing: b[(start + 1)...])
        if equals(rest, "inf") || equals(rest, "Inf") || equals(rest, "INF") { return sign * .infinity }
        if start == 0, equals(rest, "nan") || equals(rest, "NaN") || equals(rest, "NAN") { return .nan }
        return nil
    }

    // MARK: - Helpers

    @inline(__always)
    static func equals(_ b: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard b.count == n else { return false }
        let l = literal.utf8Start
        for i in 0..<n where b[i] != l[i] { return false }
        return true
    }

    @inline(__always)
    private static func skipDigits(_ b: UnsafeBufferPointer<UInt8>, from i: inout Int) -> Int {
        let start = i
        while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
        return i - start
    }

    @inline(__always)
    private static func digitValue(_ c: UInt8, radix: UInt64) -> UInt64? {
        let v: UInt64
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt64(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): v = UInt64(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): v = UInt64(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
        return v < radix ? v : nil
    }
}
