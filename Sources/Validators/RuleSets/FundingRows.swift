import DossierModel

/// How a funding table gets some of its rows: one row for each node `forEach` selects (the
/// dossier itself when empty) where `when` holds, its label and figures computed like a check's.
public struct FundingRows: Sendable {
    /// The money rules whose limits these figures are; their findings are shown on the rows.
    public var rules: [String]
    public var forEach: [PathPattern]
    public var when: Expression?
    /// Named CEL values, evaluated in order; the label shows them as `{name}`.
    public var lets: [(name: String, expression: Expression)]
    /// The row's label, a message with `let` placeholders (`year {year}`).
    public var label: LocalizedText
    /// The figures, in the order written; a column left out is shown empty.
    public var columns: [(column: FundingColumn, expression: Expression)]
    public var mark: Mark

    public init(
        rules: [String], forEach: [PathPattern], when: Expression?, lets: [(name: String, expression: Expression)],
        label: LocalizedText, columns: [(column: FundingColumn, expression: Expression)], mark: Mark
    ) {
        self.rules = rules
        self.forEach = forEach
        self.when = when
        self.lets = lets
        self.label = label
        self.columns = columns
        self.mark = mark
    }
}
