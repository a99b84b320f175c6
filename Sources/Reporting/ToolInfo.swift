import Validators

/// The tool that made the report, the rule sets it loaded and every rule it can report.
public struct ToolInfo: Sendable {
    public var name: String
    public var version: String
    public var ruleSets: [DocumentReport.RuleSetVersion]
    /// Every rule of the loaded rule sets, and the tool's own (suppressions, waivers).
    public var rules: [RuleDescriptor]

    public init(name: String, version: String, ruleSets: [DocumentReport.RuleSetVersion], rules: [RuleDescriptor] = []) {
        self.name = name
        self.version = version
        self.ruleSets = ruleSets
        self.rules = rules
    }

    /// The rule catalogue version the loaded rule sets implement: the one they all name, or nil
    /// when none names one or they differ.
    public var catalogue: String? {
        let versions = Set(ruleSets.compactMap(\.catalogue))
        return versions.count == 1 ? versions.first : nil
    }

    /// The descriptor of the rule with this ID.
    public func rule(_ id: String) -> RuleDescriptor? { rules.first { $0.id == id } }

    /// The descriptor of the rule with this ID as one dossier's rule sets hold it: with two calls
    /// of one kind loaded (a base and a call derived from it share rule IDs), the call the dossier
    /// was checked against, not the first loaded.
    public func rule(_ id: String, in sets: [DocumentReport.RuleSetVersion]) -> RuleDescriptor? {
        let names = Set(sets.map(\.name))
        return rules.first { $0.id == id && names.contains($0.ruleSet) } ?? rule(id)
    }
}
