/// A text in one or more languages (a rule set declares which); with a text per language, a
/// language it lacks is given its variant's text (`de` for `de-AT`), else `fallback`'s, else English.
public struct LocalizedText: Sendable, Equatable {
    public var texts: [Language: String]
    /// The rule set's default language, where it declares one.
    public var fallback: Language?

    public init(_ texts: [Language: String], fallback: Language? = nil) {
        self.texts = texts
        self.fallback = fallback
    }

    public init(english: String) { self.texts = [.en: english] }

    /// The text in `language`, else its variant's, else the fallback's, else English, else any.
    public func text(in language: Language) -> String {
        if let text = texts[language] { return text }
        if language.rawValue != language.primary, let primary = Language(rawValue: language.primary), let text = texts[primary] {
            return text
        }
        if let fallback, let text = texts[fallback] { return text }
        return texts[.en] ?? texts.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    /// False for a plain text (`title: Foo`), true for a mapping of languages.
    public var givenPerLanguage: Bool = false

    /// Which of `languages` this text lacks; none for a plain text, which serves every language.
    public func missing(from languages: [Language]) -> [Language] {
        givenPerLanguage ? languages.filter { texts[$0] == nil } : []
    }

    /// The languages this text is missing, of the tool's four.
    public var missingLanguages: [Language] { missing(from: Language.allCases) }
}
