import Validators

/// What an editor shows on hover (`dossiercheck lsp`), from the same rule sets as templates and
/// schemas: a field's documentation, and a rule's explanation in short. Markdown.
public struct EditorHelp {
    public let outline: KindOutline
    public let language: Language
    let index: RuleIndex
    let words: DescribeWords

    public init(outline: KindOutline, language: Language) {
        self.outline = outline
        self.language = language
        self.index = RuleIndex(outline)
        self.words = DescribeWords(language)
    }

    /// A field at `steps` (keys, and `[*]` for list items): its doc, type, code list, and the
    /// rules that judge it with the parameters they apply.
    public func field(_ field: FieldSpec, steps: [PathPattern.Step]) -> String {
        let type = outline.resolve(field.type)
        var about = outline.vocabulary("type.\(type.vocabularyKey)", in: language) ?? type.vocabularyKey
        if field.required { about += ", " + words.required }
        var out = ["**\(field.name)** — \(about)"]
        if let doc = outline.doc(field, in: language) { out.append(doc) }
        if let codes = field.oneOf { out.append(words.oneOf + words.colon + codes.map { "`\($0)`" }.joined(separator: ", ")) }
        var rules = index.rules(at: steps)
        if case .list = type {
            for rule in index.rules(at: steps + [.anyIndex]) where !rules.contains(where: { $0.id == rule.id }) {
                rules.append(rule)
            }
        }
        if let covering = field.coveredBy, !rules.contains(where: { $0.id == covering }),
            let rule = outline.rules.first(where: { $0.rule.id == covering })?.rule
        {
            rules.append(rule)
        }
        if !rules.isEmpty { out.append(rules.map { "- " + RuleLine.text($0, words: words) }.joined(separator: "\n")) }
        var parameters: [Parameter] = []
        for rule in rules {
            for parameter in outline.parameters(usedBy: rule) where !parameters.contains(where: { $0.name == parameter.name }) {
                parameters.append(parameter)
            }
        }
        if !parameters.isEmpty {
            out.append(
                words.parameters + words.colon.trimmingTrailingSpaces + "\n"
                    + parameters.map { parameter in
                        "- `\(parameter.name)` = \(ParameterText.render(parameter.value))"
                            + (parameter.description.map { " — " + $0.text(in: language) } ?? "")
                    }.joined(separator: "\n"))
        }
        return out.joined(separator: "\n\n")
    }

    /// A rule in short: its line, what it checks and why, and its source.
    public static func rule(_ rule: Rule, in set: RuleSet, language: Language) -> String {
        let words = DescribeWords(language)
        var out = ["**\(rule.id)** (\(words.report.severity(rule.severity)))\(words.colon)\(rule.title.text(in: language))"]
        if let description = rule.description?.text(in: language) { out.append(description) }
        if rule.builtin != nil { out.append(words.builtin) }
        out.append(
            "\(words.source)\(words.colon)\(rule.citation?.text(in: language) ?? rule.source) — \(set.name) \(set.version)")
        return out.joined(separator: "\n\n")
    }
}
