import DossierModel

/// One table of `dossiercheck funding` (`funding:` in a rule file): rows that show, for the
/// money rules, the eligible cost, the rate or cap that applies, the maximum aid, what the
/// dossier requests and the difference — computed by CEL from the rule set's own definitions.
public struct FundingTable: Sendable, Equatable {
    public var title: LocalizedText
    /// The label of a last row that adds up the eligible, maximum-aid and requested columns, if any.
    public var total: LocalizedText?
    /// Column headings that say better than the tool's what a figure is here (`eligible`: cash contributed).
    public var headings: [FundingColumn: LocalizedText]
    public var rows: [FundingRows]
    public var mark: Mark

    public init(
        title: LocalizedText, total: LocalizedText? = nil, headings: [FundingColumn: LocalizedText] = [:], rows: [FundingRows],
        mark: Mark
    ) {
        self.title = title
        self.total = total
        self.headings = headings
        self.rows = rows
        self.mark = mark
    }
}
