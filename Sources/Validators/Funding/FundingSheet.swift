import DossierModel
import Foundation

/// The figures of one dossier's money rules, table by table, as its rule sets' `funding:`
/// sections compute them: what `dossiercheck funding` shows.
public struct FundingSheet: Sendable {
    /// 0-based position of the document in its file.
    public var index: Int
    public var id: String?
    public var kind: String?
    public var title: String?
    /// The language of the titles and labels.
    public var language: Language
    public var tables: [Table]

    public struct Table: Sendable {
        public var title: String
        /// Headings the rule set gives some columns instead of the tool's.
        public var headings: [FundingColumn: String]
        /// The money rules the table shows the limits of, in the order its rows name them.
        public var rules: [String]
        public var lines: [Line]
        /// The sums of the lines, when the table asks for a total.
        public var total: Line?
    }

    /// One row: a year, a cost line, an enterprise, or the whole dossier.
    public struct Line: Sendable {
        public var label: String
        /// The dotted path of the node the row is about (nil for a total).
        public var path: String?
        public var location: Mark?
        /// The rules whose limits this row shows.
        public var rules: [String]
        /// The sums of money given (eligible, cap, maximum aid, requested), in euro.
        public var amounts: [FundingColumn: Decimal]
        /// The rate or rates (tiers) that apply, as ratios.
        public var rates: [Decimal]

        public init(
            label: String, path: String?, location: Mark?, rules: [String], amounts: [FundingColumn: Decimal], rates: [Decimal]
        ) {
            self.label = label
            self.path = path
            self.location = location
            self.rules = rules
            self.amounts = amounts
            self.rates = rates
        }

        /// The maximum aid less what is requested: negative when the request is over the limit.
        public var difference: Decimal? {
            guard let max = amounts[.maxAid], let requested = amounts[.requested] else { return nil }
            return max - requested
        }
    }
}
