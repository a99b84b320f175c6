import Foundation

/// Numbers, sums of money and percentages written as a reader of each language expects:
/// `€160,000` (en), `160 000 €` (fr), `160.000 €` (de), `€ 160.000` (nl) — the house style of the
/// tool's four languages, fixed so that reports are the same on every machine; any other language
/// a rule set declares (`es`, `pl` …) is written with Foundation's locale data for it.
public enum NumberFormat {
    public static func number(_ value: Decimal, in language: Language, maxFractionDigits: Int = 2) -> String {
        var rounded = Decimal()
        var input = value
        NSDecimalRound(&rounded, &input, maxFractionDigits, .plain)
        let negative = rounded < 0
        let plain = (negative ? -rounded : rounded).description // "160000.5" — Decimal's description is locale-free
        let parts = plain.split(separator: ".", maxSplits: 1)
        let integer = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var grouped = ""
        for (offset, digit) in integer.reversed().enumerated() {
            if offset > 0, offset % 3 == 0 { grouped += groupSeparator(language) }
            grouped.append(digit)
        }
        var text = String(grouped.reversed())
        if !fraction.isEmpty { text += decimalSeparator(language) + fraction }
        return negative ? "-" + text : text
    }

    /// A sum in euro; cents are shown only when there are any.
    public static func euro(_ value: Decimal, in language: Language) -> String {
        var text = number(value, in: language)
        if let separator = text.range(of: decimalSeparator(language), options: .backwards),
            text.distance(from: separator.upperBound, to: text.endIndex) == 1
        {
            text += "0"
        }
        guard language.hasToolWords else { return LocaleNumbers(language).euro(text) }
        switch language.words {
        case .en: return "€" + text
        case .nl: return "€ " + text
        case .fr, .de: return text + " €"
        }
    }

    /// A ratio (0.8) as a percentage (`80 %`, `80%` in English and Dutch).
    public static func percent(_ ratio: Decimal, in language: Language) -> String {
        let text = number(ratio * 100, in: language, maxFractionDigits: 1)
        guard language.hasToolWords else { return LocaleNumbers(language).percent(text) }
        switch language.words {
        case .en, .nl: return text + "%"
        case .fr, .de: return text + " %"
        }
    }

    static func groupSeparator(_ language: Language) -> String {
        guard language.hasToolWords else { return LocaleNumbers(language).grouping }
        switch language.words {
        case .en: return ","
        case .fr: return " "
        case .de, .nl: return "."
        }
    }

    static func decimalSeparator(_ language: Language) -> String {
        guard language.hasToolWords else { return LocaleNumbers(language).decimal }
        return language.words == .en ? "." : ","
    }
}

/// A language's separators and the places of the euro and percent signs, from Foundation's
/// locale data (for the languages the house style does not fix).
struct LocaleNumbers {
    let grouping: String
    let decimal: String
    private let currencyPattern: String
    private let percentPattern: String

    init(_ language: Language) {
        let formatter = NumberFormatter()
        formatter.locale = language.locale
        formatter.numberStyle = .decimal
        grouping = formatter.groupingSeparator ?? ","
        decimal = formatter.decimalSeparator ?? "."
        formatter.numberStyle = .currency
        formatter.currencyCode = "EUR"
        formatter.currencySymbol = "€"
        formatter.minimumFractionDigits = 0
        formatter.maximumFractionDigits = 0
        currencyPattern = formatter.string(from: 7) ?? "7 €"
        formatter.numberStyle = .percent
        percentPattern = formatter.string(from: 0.07) ?? "7 %"
    }

    /// `text` (already grouped) in the locale's currency pattern, with the digits of `7` replaced.
    func euro(_ text: String) -> String { currencyPattern.replacingOccurrences(of: "7", with: text) }

    func percent(_ text: String) -> String { percentPattern.replacingOccurrences(of: "7", with: text) }
}
