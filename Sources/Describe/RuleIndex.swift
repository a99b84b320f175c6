import Validators

/// Which rules of a kind judge which place of a dossier: each check's `for_each` joined with its
/// `at`, the whole dossier when both are absent. Builtin rules (types, keys) judge every place
/// and are left out.
public struct RuleIndex: Sendable {
    public let outline: KindOutline
    private let entries: [(steps: [PathPattern.Step], rule: Rule)]

    public init(_ outline: KindOutline) {
        self.outline = outline
        var entries: [(steps: [PathPattern.Step], rule: Rule)] = []
        for (rule, _) in outline.rules where rule.builtin == nil {
            for check in rule.checks {
                for base in check.forEach.isEmpty ? [[]] : check.forEach.map(\.steps) {
                    entries.append((base + (check.at?.steps ?? []), rule))
                }
            }
        }
        self.entries = entries
    }

    /// The rules that judge the place `steps` lead to (keys, and `[*]` for any list item), each once.
    public func rules(at steps: [PathPattern.Step]) -> [Rule] {
        var seen: Set<String> = []
        return entries.filter { Self.matches($0.steps, steps) && seen.insert($0.rule.id).inserted }.map(\.rule)
    }

    /// Every place a rule judges, as dotted paths (`financial_plan.years[*].eligible_costs_eur`; "" for the dossier).
    public func places(of rule: Rule) -> [String] {
        var result: [String] = []
        for entry in entries where entry.rule.id == rule.id {
            let path = Self.render(entry.steps)
            if !result.contains(path) { result.append(path) }
        }
        return result
    }

    static func matches(_ pattern: [PathPattern.Step], _ place: [PathPattern.Step]) -> Bool {
        guard pattern.count == place.count else { return false }
        return zip(pattern, place).allSatisfy { wanted, step in
            switch (wanted, step) {
            case (.key(let a), .key(let b)): a == b
            case (.anyKey, .key): true
            case (.index, .anyIndex), (.anyIndex, .anyIndex): true
            default: false
            }
        }
    }

    static func render(_ steps: [PathPattern.Step]) -> String { PathPattern.text(steps) }
}
