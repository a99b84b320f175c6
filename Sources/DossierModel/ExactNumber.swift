import Foundation

/// The number a scalar stands for, read exactly from its text, so that its value never
/// depends on how it is spelt (rule catalogue 1.1, clarification 8): `1`, `1.0`, `1e0`, `+1`,
/// `0x1` and `0o1` are all `.integer(1)`; `99999999999999999999` is a whole number, not an
/// approximation; `1e-400` is 0 and `1e400` infinite, as the YAML 1.2 core schema reads them.
///
/// The exact range is that of `Decimal`: 38 significant digits, magnitudes from 10^-128 to
/// about 3.4 × 10^165. A finite number beyond it is `.beyondRange` (its nearest double), one
/// below it (`1e-200`) is 0, like a double that underflows.
public enum ExactNumber: Sendable, Equatable {
    /// A whole number that fits `Int64`, however it was written.
    case integer(Int64)
    /// Any other finite number in the exact range: a fraction, or a whole number beyond `Int64`.
    case decimal(Decimal)
    /// A finite number whose magnitude is beyond the exact range.
    case beyondRange(Double)
    /// `.inf`, `-.inf`, or a float beyond the double range (`1e400`).
    case infinite(negative: Bool)
    case nan

    /// Whether the number is whole (`.beyondRange` numbers are: no double that large has a fraction).
    public var isWhole: Bool {
        switch self {
        case .integer, .beyondRange: true
        case .decimal(let d): Self.isWholeDecimal(d)
        case .infinite, .nan: false
        }
    }

    /// Whether an exact decimal has no fractional part.
    public static func isWholeDecimal(_ d: Decimal) -> Bool {
        if d.exponent >= 0 { return true }
        var rounded = Decimal()
        var value = d
        NSDecimalRound(&rounded, &value, 0, .plain)
        return rounded == d
    }

    /// The reading of a decimal value: an `Int64` when it is whole and fits one.
    static func normalised(_ d: Decimal) -> ExactNumber {
        if isWholeDecimal(d), d >= Decimal(Int64.min), d <= Decimal(Int64.max) {
            let number = NSDecimalNumber(decimal: d)
            // `int64Value` is exact for whole values in range.
            return .integer(number.int64Value)
        }
        return .decimal(d)
    }
}

extension Scalar {
    /// The number this scalar stands for, or nil when it is not a number (text, a boolean, null,
    /// or a quoted `"160000"`, which the core schema reads as text).
    public var number: ExactNumber? {
        switch value {
        case .int(let i):
            return .integer(i)
        case .double(let d):
            if d.isNaN { return .nan }
            if d.isInfinite { return .infinite(negative: d < 0) }
            return Self.exact(text, nearest: d)
        case .null, .bool, .string:
            return nil
        }
    }

    /// `text` read exactly; `nearest` is its double value (which the core schema already computed).
    static func exact(_ text: String, nearest: Double) -> ExactNumber {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        // Hex and octal integers beyond Int64 (smaller ones are `.int` already).
        if digits.hasPrefix("0x") || digits.hasPrefix("0o") {
            let radix: Decimal = digits.hasPrefix("0x") ? 16 : 8
            var value = Decimal(0)
            for c in digits.dropFirst(2) {
                guard let digit = c.hexDigitValue else { return fallback(nearest) }
                value = value * radix + Decimal(digit)
            }
            if value.isNaN || value.isInfinite { return fallback(nearest) }
            return ExactNumber.normalised(negative ? -value : value)
        }
        guard let parsed = Decimal(string: String(digits), locale: Locale(identifier: "en_US_POSIX")), !parsed.isNaN else {
            return fallback(nearest)
        }
        return ExactNumber.normalised(negative ? -parsed : parsed)
    }

    /// A finite double outside `Decimal`'s range: 0 when it is tiny, beyond range when it is huge.
    private static func fallback(_ nearest: Double) -> ExactNumber {
        abs(nearest) < 1 ? .integer(0) : .beyondRange(nearest)
    }
}
