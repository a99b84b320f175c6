import DossierModel

/// Runs every rule's own passing and failing examples (SwiftLint's habit: the
/// examples are the documentation and the tests).
public struct ExampleOutcome: Sendable, CustomStringConvertible {
    public var rule: String
    public var file: String
    public var expectation: Expectation
    /// 0-based position among the rule's examples of that expectation.
    public var number: Int
    public var mark: Mark
    /// Nil when the example behaves as it says; else what went wrong.
    public var failure: String?
    /// The rule's findings on the example (what `explain` shows for a failing one).
    public var findings: [Finding] = []
    /// The derived call an inherited rule's example was run in, with that call's parameters, and
    /// the file of the call's rule set (where its own examples for the rule go).
    public var call: String? = nil
    public var callFile: String? = nil

    public enum Expectation: String, Sendable { case pass, fail }

    public var description: String {
        let place = "\(file):\(mark.line):\(mark.column)"
        let example = "\(rule) \(expectation.rawValue) example #\(number + 1)" + (call.map { " in call \($0)" } ?? "")
        if let failure {
            let hint =
                call.map {
                    " (the call's parameters change this verdict: if that is meant, give \(rule) its examples for call \($0) under `examples:` in \(callFile ?? "its rule file"))"
                } ?? ""
            return "\(place): \(example): \(failure)\(hint)"
        }
        return "\(place): \(example): ok"
    }
}

extension Checker {
    /// Runs the examples of every rule (or of the rules whose IDs are given).
    public func runExamples(only ids: Set<String>? = nil, language: Language = .en) -> [ExampleOutcome] {
        var outcomes: [ExampleOutcome] = []
        for set in ruleSets {
            // A derived call's inherited rules are tried twice: in their base with its parameters, and
            // here with the call's, so that a threshold that breaks an example shows. Where the call's
            // parameters change a verdict on purpose, the call gives that rule's examples (`examples:`).
            for rule in set.rules where ids?.contains(rule.id) ?? true {
                for (number, example) in rule.examples.passing.enumerated() {
                    outcomes.append(run(example, number: number, expectation: .pass, rule: rule, set: set, language: language))
                }
                for (number, example) in rule.examples.failing.enumerated() {
                    outcomes.append(run(example, number: number, expectation: .fail, rule: rule, set: set, language: language))
                }
            }
        }
        return outcomes
    }

    private func run(
        _ example: Example, number: Int, expectation: ExampleOutcome.Expectation, rule: Rule, set: RuleSet, language: Language
    ) -> ExampleOutcome {
        var outcome = ExampleOutcome(
            rule: rule.id, file: example.file ?? set.file, expectation: expectation, number: number, mark: example.mark,
            failure: nil)
        if rule.inheritedFrom != nil {
            outcome.call = set.call?.name ?? set.name
            outcome.callFile = set.file
        }
        let documents = YAMLLoader.load(Array(example.yaml.utf8))
        var findings: [Finding] = []
        for document in documents {
            if document.problem != nil {
                findings += check(document, language: language).findings
                continue
            }
            guard let root = document.root else { continue }
            let kind = example.kind ?? DossierHeader(root).kind ?? set.kind
            let compiled = compiledKind(kind, call: kind == set.kind ? set.call?.name : nil)
            findings += check(root, with: compiled, language: language, only: [rule.id])
        }
        let own = findings.filter { $0.rule == rule.id }
        outcome.findings = own
        switch expectation {
        case .pass:
            if let first = own.first {
                outcome.failure = "expected no finding, got \(first.path.isEmpty ? "" : "at `\(first.path)`: ")\(first.message)"
            }
        case .fail:
            if own.isEmpty {
                outcome.failure = "expected a finding, got none"
            } else if let path = example.path, !own.contains(where: { $0.path == path }) {
                outcome.failure =
                    "expected a finding at `\(path)`, got it at " + own.map { "`\($0.path)`" }.joined(separator: ", ")
            } else if let broken = own.first(where: { $0.message.contains("could not be checked") }) {
                outcome.failure = broken.message
            }
        }
        return outcome
    }
}
