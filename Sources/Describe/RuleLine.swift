import Validators

/// A rule in one line, as templates, schemas and lists cite it: `RES-003 (error): title (§7.4.2)`.
enum RuleLine {
    static func text(_ rule: Rule, words: DescribeWords) -> String {
        "\(rule.id) (\(words.report.severity(rule.severity)))\(words.colon)\(rule.title.text(in: words.language)) (\(source(rule, words: words)))"
    }

    /// The rule's `source` as a short reference: a section of the report as written (`§7.4.2`),
    /// one of the dossier format in the reader's language (`Dossierformat, §1`, not `format §1`).
    static func source(_ rule: Rule, words: DescribeWords) -> String {
        rule.source.hasPrefix("format") ? (rule.citation?.text(in: words.language) ?? rule.source) : rule.source
    }
}
