import Foundation

/// A language texts may be in, as a BCP 47 tag (`en`, `es`, `pt-BR`): a rule set declares the
/// languages its titles, messages and help come in (`languages:`); dossiers name theirs.
///
/// The tool's own words (labels, summaries, headings) exist in four languages only; `words` is
/// the one of them a text in this language is framed with (English where there is none).
public struct Language: RawRepresentable, Hashable, Comparable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// The tag, with the usual case: `es`, `pt-BR`, `sr-Latn`.
    public let rawValue: String

    /// Nil unless `rawValue` is a well-formed BCP 47 tag (a 2–3 letter language, then subtags
    /// of 1–8 letters or digits).
    public init?(rawValue: String) {
        let parts = rawValue.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
            parts.dropFirst().allSatisfy({
                (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            })
        else { return nil }
        self.rawValue = parts.enumerated().map { index, part -> String in
            if index == 0 { return part.lowercased() }
            if part.count == 2, part.allSatisfy(\.isLetter) { return part.uppercased() }
            if part.count == 4, part.allSatisfy(\.isLetter) { return part.prefix(1).uppercased() + part.dropFirst().lowercased() }
            return part.lowercased()
        }.joined(separator: "-")
    }

    private init(tag: String) { rawValue = tag }

    public static let en = Language(tag: "en")
    public static let nl = Language(tag: "nl")
    public static let fr = Language(tag: "fr")
    public static let de = Language(tag: "de")

    /// The languages the tool's own words come in.
    public static let allCases: [Language] = [.en, .nl, .fr, .de]

    /// One of the tool's four languages, or nil (the portal's pages and the like).
    public init?(toolLanguage tag: String) {
        guard let language = Language(rawValue: tag), Self.allCases.contains(language) else { return nil }
        self = language
    }

    /// The languages of the tool's own words.
    public enum Words: String, Sendable {
        case en, nl, fr, de
    }

    /// The language the tool's words are shown in next to a text in this one: the same, or one
    /// of its variants (`de-AT` → `de`), else English.
    public var words: Words { Words(rawValue: primary) ?? .en }

    /// True when the tool has its own words in this language (`de-AT` counts as `de`).
    public var hasToolWords: Bool { Words(rawValue: primary) != nil }

    /// The language subtag: `pt` for `pt-BR`.
    public var primary: String { String(rawValue.prefix { $0 != "-" }) }

    /// Foundation's locale for this language (number formats).
    public var locale: Locale { Locale(identifier: rawValue.replacingOccurrences(of: "-", with: "_")) }

    public var description: String { rawValue }

    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.rawValue < rhs.rawValue }
}
