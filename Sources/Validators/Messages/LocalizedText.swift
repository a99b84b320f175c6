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
        source(for: language).flatMap { texts[$0] } ?? ""
    }

    /// The language `text(in: language)` is actually in: `language` itself, its variant (`de` for
    /// `de-AT`), the set's default, English, or the first there is. A plain text serves every
    /// language, so it is in the one asked for. Outputs tag a text that fell back with this, not
    /// with the language asked for.
    public func language(for language: Language) -> Language {
        guard givenPerLanguage else { return language }
        return source(for: language) ?? language
    }

    private func source(for language: Language) -> Language? {
        if texts[language] != nil { return language }
        if language.rawValue != language.primary, let primary = Language(rawValue: language.primary), texts[primary] != nil {
            return primary
        }
        if let fallback, texts[fallback] != nil { return fallback }
        if texts[.en] != nil { return .en }
        return texts.keys.sorted().first
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
