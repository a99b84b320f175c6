import Validators

/// A rule in one line, as templates, schemas and lists cite it: `RES-003 (error): title (§7.4.2)`.
enum RuleLine {
    static func text(_ rule: Rule, words: DescribeWords) -> String {
        "\(rule.id) (\(words.report.severity(rule.severity)))\(words.colon)\(rule.title.text(in: words.language)) (\(rule.source))"
    }
}
