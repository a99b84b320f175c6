import DossierModel

extension ParameterValue {
    /// A parameter value read from YAML the way rule files write it, for callers outside the
    /// rule-file parser (configuration files that override a rule set's parameters).
    /// Throws a located `RuleFileError` naming `file`.
    public init(_ node: Node, file: String) throws {
        self = try NodeReader(file: file).parameterValue(node)
    }
}
