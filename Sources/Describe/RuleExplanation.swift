import Reporting
import Validators

/// What `dossiercheck explain RULE` says of a rule: what it checks and why (its description and
/// source), the programme, the fields it judges, the parameters it applies with their values,
/// how it is checked, and its own passing and failing examples with what they give.
public struct RuleExplanation {
    public let rule: Rule
    public let ruleSet: RuleSet
    public let language: Language
    let checker: Checker
    let words: DescribeWords
    static let width = 96

    /// Nil when no loaded rule set has the rule.
    public init?(_ id: String, checker: Checker, language: Language, call: String? = nil) {
        guard let (rule, set) = checker.rule(id, call: call) else { return nil }
        self.rule = rule
        self.ruleSet = set
        self.language = language
        self.checker = checker
        self.words = DescribeWords(language)
    }

    /// A kind the rule applies to: its set's own, else the first kind whose sets include it.
    var outline: KindOutline? {
        let kinds = ruleSet.kind.map { [$0] } ?? checker.kindNames
        return kinds.lazy.compactMap { self.checker.outline(ofKind: $0, call: self.ruleSet.call?.name) }
            .first { $0.sets.contains { $0.name == self.ruleSet.name } }
    }

    public func text() -> String {
        var out: [String] = []
        func paragraph(_ text: String, indent: String = "") {
            out += YAMLText.wrap(text, width: Self.width - indent.count).map { indent + $0 }
        }
        out.append("\(rule.id) (\(words.report.severity(rule.severity)))\(words.colon)\(rule.title.text(in: language))")
        out.append("")
        out.append("\(words.ruleSet)\(words.colon)\(ruleSet.name) \(ruleSet.version) — \(ruleSet.title.text(in: language))")
        out.append("\(words.source)\(words.colon)\(rule.citation?.text(in: language) ?? rule.source)")
        if let document = rule.citation?.document { out.append("  \(document.reference)") }
        if let base = ruleSet.derivedFrom { out.append("\(words.derivedFrom)\(words.colon)\(base.name) \(base.version)") }
        if let call = ruleSet.call {
            let dates = [call.opens, call.closes].compactMap { $0 }.joined(separator: " – ")
            let title = call.title.map { " — " + $0.text(in: language) } ?? ""
            out.append("\(words.call)\(words.colon)\(call.name)\(title)\(dates.isEmpty ? "" : " (\(dates))")")
        }
        if let description = rule.description?.text(in: language) {
            out.append("")
            paragraph(description)
        }
        if rule.builtin != nil {
            out.append("")
            paragraph(words.builtin)
        }
        let outline = self.outline
        if let outline {
            let places = RuleIndex(outline).places(of: rule).map { $0.isEmpty ? "(dossier)" : $0 }
            if !places.isEmpty {
                out += ["", words.fields + words.colon.trimmingTrailingSpaces] + places.map { "  " + $0 }
            }
            let parameters = outline.parameters(usedBy: rule)
            if !parameters.isEmpty {
                out += ["", words.parameters + words.colon.trimmingTrailingSpaces]
                for parameter in parameters {
                    let about = parameter.description.map { " — " + $0.text(in: language) } ?? ""
                    let lines = YAMLText.wrap(
                        "\(parameter.name) = \(ParameterText.render(parameter.value))\(about)", width: Self.width - 4)
                    out += lines.enumerated().map { ($0.offset == 0 ? "  " : "    ") + $0.element }
                }
            }
        }
        if !rule.checks.isEmpty {
            out += ["", words.checkedAs + words.colon.trimmingTrailingSpaces]
            for (number, check) in rule.checks.enumerated() {
                if rule.checks.count > 1 { out.append("  \(number + 1).") }
                let pad = rule.checks.count > 1 ? "     " : "  "
                if !check.forEach.isEmpty {
                    out.append(pad + "\(words.forEach) " + check.forEach.map(\.description).joined(separator: ", "))
                }
                for (name, expression) in check.lets { out.append(pad + "let \(name) = \(Self.oneLine(expression.source))") }
                if let when = check.when { out.append(pad + "\(words.when) " + Self.oneLine(when.source)) }
                out.append(pad + "\(words.check) " + Self.oneLine(check.assertion.source))
                if let at = check.at { out.append(pad + "\(words.at) " + at.description) }
            }
        }
        // Of a rule several calls hold, the examples as this set's call runs them (with its
        // parameters): an inherited rule's outcomes name the call they were run in.
        let call = rule.inheritedFrom == nil ? nil : ruleSet.call?.name ?? ruleSet.name
        let outcomes = checker.runExamples(only: [rule.id], language: language).filter { $0.call == call }
        for (expectation, heading) in [(ExampleOutcome.Expectation.pass, words.passingExamples), (.fail, words.failingExamples)] {
            let examples = expectation == .pass ? rule.examples.passing : rule.examples.failing
            guard !examples.isEmpty else { continue }
            out += ["", heading + words.colon.trimmingTrailingSpaces]
            for (number, example) in examples.enumerated() {
                let lines = example.yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                let label = "  \(number + 1). "
                for (offset, line) in lines.enumerated() {
                    out.append((offset == 0 ? label : String(repeating: " ", count: label.count)) + line)
                }
                if let kind = example.kind { out.append(String(repeating: " ", count: label.count) + "(kind: \(kind))") }
                let outcome = outcomes.first { $0.expectation == expectation && $0.number == number }
                let findings = outcome?.findings ?? []
                let result =
                    findings.isEmpty
                    ? ["→ " + words.noFinding]
                    : findings.map { "→ " + ($0.path.isEmpty ? "" : "\($0.path)\(words.colon)") + $0.message }
                for line in result {
                    let wrapped = YAMLText.wrap(line, width: Self.width - label.count - 2)
                    out += wrapped.enumerated().map {
                        String(repeating: " ", count: label.count + ($0.offset == 0 ? 0 : 2)) + $0.element
                    }
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// An expression on one line, its runs of white space (folded lines) made single spaces.
    static func oneLine(_ source: String) -> String {
        source.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
