/// One file a triage reads.
public struct TriageInput: Sendable {
    /// As reports show it (relative to the working directory).
    public var displayPath: String
    /// Where to read it.
    public var path: String
    /// Found in a folder: triaged only if it holds a `dossier:` header.
    public var needsHeader: Bool
    /// Set when the file cannot be triaged at all (missing).
    public var problem: String?

    public init(displayPath: String, path: String, needsHeader: Bool, problem: String? = nil) {
        self.displayPath = displayPath
        self.path = path
        self.needsHeader = needsHeader
        self.problem = problem
    }
}
