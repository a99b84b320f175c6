import DossierModel
import Validators

extension Configuration {
    /// `adjust`, when the configuration changes the rule sets (severities, disabled rules,
    /// parameters); nil when it leaves them as they are.
    public var adjustment: (([RuleSet]) throws -> [RuleSet])? {
        if severities.isEmpty, disabled.isEmpty, parameters.isEmpty { return nil }
        return { try self.adjust($0) }
    }

    /// The rule sets with the configured severities and parameters, checked against them:
    /// a rule, rule set or parameter that none of `sets` has is a located error.
    public func adjust(_ sets: [RuleSet]) throws -> [RuleSet] {
        var sets = sets
        func locate(_ rule: String) -> (set: Int, rule: Int)? {
            for s in sets.indices {
                if let r = sets[s].rules.firstIndex(where: { $0.id == rule }) { return (s, r) }
            }
            return nil
        }
        for override in severities {
            guard let (s, r) = locate(override.rule) else { throw unknownRule(override.rule, at: override.mark, in: "severity") }
            sets[s].rules[r].severity = override.severity
            // A base and the calls derived from it hold the same rule: the override is for all of them.
            for t in sets.indices {
                for q in sets[t].rules.indices where sets[t].rules[q].id == override.rule {
                    sets[t].rules[q].severity = override.severity
                }
            }
        }
        for reference in disabled {
            guard let (s, r) = locate(reference.rule) else {
                throw unknownRule(reference.rule, at: reference.mark, in: "disable")
            }
            if sets[s].rules[r].builtin == .wellFormed {
                throw PolicyFileError(
                    file: file, mark: reference.mark,
                    message: "\(reference.rule) cannot be disabled: a document that cannot be read cannot be checked")
            }
        }
        for override in parameters {
            guard let s = sets.firstIndex(where: { $0.name == override.ruleSet }) else {
                throw PolicyFileError(
                    file: file, mark: override.ruleSetMark,
                    message:
                        "unknown rule set `\(override.ruleSet)` in `parameters` (known: \(sets.map(\.name).sorted().joined(separator: ", ")))"
                )
            }
            guard let p = sets[s].parameters.firstIndex(where: { $0.name == override.name }) else {
                let known = sets[s].parameters.map(\.name).sorted().joined(separator: ", ")
                throw PolicyFileError(
                    file: file, mark: override.mark,
                    message: "rule set `\(override.ruleSet)` has no parameter `\(override.name)` (known: \(known))")
            }
            let current = sets[s].parameters[p].value
            if let expected = Self.shape(current), let given = Self.shape(override.value), expected != given {
                throw PolicyFileError(
                    file: file, mark: override.valueMark,
                    message:
                        "parameter `\(override.name)` of `\(override.ruleSet)` is \(expected); the configuration gives \(given)")
            }
            sets[s].parameters[p].value = override.value
        }
        return sets
    }

    private func unknownRule(_ rule: String, at mark: Mark, in key: String) -> PolicyFileError {
        PolicyFileError(file: file, mark: mark, message: "unknown rule `\(rule)` in `\(key)`: no loaded rule set has it")
    }

    /// What kind of value a parameter holds, in words; nil for null (anything may replace it).
    static func shape(_ value: ParameterValue) -> String? { EffectiveRuleSets.shape(value) }
}
