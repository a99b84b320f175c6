import Validators

/// A finding with the source lines it points at (the line before it, for context, and its own).
public struct LocatedFinding: Sendable {
    public var finding: Finding
    public var excerpt: [SourceLine]

    public init(finding: Finding, excerpt: [SourceLine]) {
        self.finding = finding
        self.excerpt = excerpt
    }
}
