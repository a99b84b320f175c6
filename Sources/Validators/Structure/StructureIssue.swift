import DossierModel

/// A breach of the declared structure, before it is worded in the report's language.
struct StructureIssue {
    enum Rule { case types, unknownKeys }

    var rule: Rule
    /// Which message of the builtin rule words it (`wrong_type`, `required`, `unknown_key` …).
    var variant: String
    /// Values for the message's placeholders; `expected` and `found` hold vocabulary keys or source text.
    var values: [String: String]
    var location: Mark
    var end: Mark?
    var path: String
    /// The message that words its help, when not the variant's own (`VARIANT.help`): a help that
    /// depends on what is known (the allowed values, the closest one).
    var help: String? = nil
}
