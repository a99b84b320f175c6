/// Bounds on what `YAMLLoader` will build from one file, so that a hostile or broken file
/// (deep nesting, a "billion laughs" alias bomb, millions of documents) is refused quickly
/// with a located `.limit` problem instead of hanging or eating memory.
///
/// Reaching a limit ends the file, like a syntax error: the documents before the one that
/// reached it are returned normally. The size of the file itself is the caller's to bound.
public struct LoadLimits: Sendable, Equatable {
    /// Deepest nesting of lists and mappings; the root mapping is depth 1.
    public var maxDepth: Int
    /// Most documents one file may hold.
    public var maxDocuments: Int
    /// Most nodes (scalars, lists, mappings) one file may produce, aliases expanded.
    public var maxNodes: Int
    /// Most nodes one file may produce through aliases (each alias counts every node of
    /// the copy it stands for).
    public var maxAliasNodes: Int

    /// Limits with the given bounds; each one left out keeps its default.
    public init(
        maxDepth: Int = 256,
        maxDocuments: Int = 10_000,
        maxNodes: Int = 5_000_000,
        maxAliasNodes: Int = 1_000_000
    ) {
        self.maxDepth = maxDepth
        self.maxDocuments = maxDocuments
        self.maxNodes = maxNodes
        self.maxAliasNodes = maxAliasNodes
    }

    /// Depth 256, 10 000 documents, 5 000 000 nodes, 1 000 000 nodes through aliases.
    public static let `default` = LoadLimits()
}
