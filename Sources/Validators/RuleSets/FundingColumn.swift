/// The figures a funding row may give. The difference (maximum aid less requested) is the tool's.
public enum FundingColumn: String, Sendable, CaseIterable {
    /// The eligible cost (or the base the aid is computed on), in euro.
    case eligible
    /// The rate that applies: a ratio (0.7), or a list of ratios for tiers.
    case rate
    /// A cap that applies, in euro.
    case cap
    /// The most aid the rules allow, in euro.
    case maxAid = "max_aid"
    /// What the dossier requests, in euro.
    case requested

    /// Whether the column holds ratios (shown as percentages) rather than sums of money.
    public var isRatio: Bool { self == .rate }
}
