/// One YAML document of a file, as `YAMLLoader` read it: either a tree whose root is a
/// mapping, or the one problem that keeps it from being checked (HDR-004).
public struct LoadedDocument: Sendable {
    /// 0-based position of the document in its file.
    public var index: Int
    /// The document's tree, always a mapping; nil when `problem` is set.
    public var root: Node?
    /// When set, the whole document gets only this HDR-004 finding.
    public var problem: LoadProblem?
    /// Where the document starts (its `---`, or its first token), for findings on the
    /// whole document.
    public var start: Mark

    /// A document as the loader (or a test) describes it.
    public init(index: Int, root: Node?, problem: LoadProblem?, start: Mark) {
        self.index = index
        self.root = root
        self.problem = problem
        self.start = start
    }
}
