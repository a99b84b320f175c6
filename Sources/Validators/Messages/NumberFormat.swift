import Foundation

/// Numbers, sums of money and percentages written as a reader of each language expects:
/// `€160,000` (en), `160 000 €` (fr), `160.000 €` (de), `€ 160.000` (nl).
/// Hand-written rather than locale-driven, so output is the same on every machine.
public enum NumberFormat {
    public static func number(_ value: Decimal, in language: Language, maxFractionDigits: Int = 2) -> String {
        var rounded = Decimal()
        var input = value
        NSDecimalRound(&rounded, &input, maxFractionDigits, .plain)
        let negative = rounded < 0
        let plain = (negative ? -rounded : rounded).description  // "160000.5" — Decimal's description is locale-free
        let parts = plain.split(separator: ".", maxSplits: 1)
        let integer = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var grouped = ""
        for (offset, digit) in integer.reversed().enumerated() {
            if offset > 0, offset % 3 == 0 { grouped.append(groupSeparator(language)) }
            grouped.append(digit)
        }
        var text = String(grouped.reversed())
        if !fraction.isEmpty { text += decimalSeparator(language) + fraction }
        return negative ? "-" + text : text
    }

    /// A sum in euro; cents are shown only when there are any.
    public static func euro(_ value: Decimal, in language: Language) -> String {
        var text = number(value, in: language)
        if let separator = text.firstIndex(of: Character(decimalSeparator(language))),
            text.distance(from: separator, to: text.endIndex) == 2
        {
            text += "0"
        }
        switch language {
        case .en: return "€" + text
        case .nl: return "€ " + text
        case .fr, .de: return text + " €"
        }
    }

    /// A ratio (0.8) as a percentage (`80 %`, `80%` in English and Dutch).
    public static func percent(_ ratio: Decimal, in language: Language) -> String {
        let text = number(ratio * 100, in: language, maxFractionDigits: 1)
        switch language {
        case .en, .nl: return text + "%"
        case .fr, .de: return text + " %"
        }
    }

    static func groupSeparator(_ language: Language) -> Character {
        switch language {
        case .en: ","
        case .fr: " "
        case .de, .nl: "."
        }
    }

    static func decimalSeparator(_ language: Language) -> String {
        language == .en ? "." : ","
    }
}
