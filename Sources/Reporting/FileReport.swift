/// One input file: the dossiers it holds, or why it could not be read at all.
public struct FileReport: Sendable {
    /// Relative to the working directory (absolute only for a file outside it).
    public var path: String
    /// The file's text, for showing source lines and reading suppression comments.
    public var source: String?
    public var documents: [DossierResult]
    /// Set when the file could not be read (missing, no permission, a directory).
    public var readError: String?

    public init(path: String, source: String?, documents: [DossierResult], readError: String? = nil) {
        self.path = path
        self.source = source
        self.documents = documents
        self.readError = readError
    }
}
