import Validators

/// A rule in one line, as templates, schemas and lists cite it: `RES-003 (error): title (§7.4.2)`.
enum RuleLine {
    static func text(_ rule: Rule, words: DescribeWords) -> String {
        "\(rule.id) (\(words.report.severity(rule.severity)))\(words.colon)\(rule.title.text(in: words.language)) (\(source(rule, words: words)))"
    }

    /// The rule's `source` as a short reference: a section of the report as written (`§7.4.2`),
    /// one of another document with its name in the reader's language (`Dossierformat, §1`, not
    /// `format §1`; `Eurostars guidelines, §2.2` for a set that names its own document).
    static func source(_ rule: Rule, words: DescribeWords) -> String {
        rule.citation?.short(in: words.language) ?? rule.source
    }
}
