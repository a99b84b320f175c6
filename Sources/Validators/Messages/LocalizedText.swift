/// A text in one or more of the four languages; English is the fallback.
public struct LocalizedText: Sendable, Equatable {
    public var texts: [Language: String]

    public init(_ texts: [Language: String]) { self.texts = texts }

    public init(english: String) { self.texts = [.en: english] }

    /// The text in `language`, else English, else any.
    public func text(in language: Language) -> String {
        texts[language] ?? texts[.en] ?? texts.values.first ?? ""
    }

    /// The languages this text is missing.
    public var missingLanguages: [Language] { Language.allCases.filter { texts[$0] == nil } }
}
