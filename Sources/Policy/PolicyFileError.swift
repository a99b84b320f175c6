import DossierModel

/// A configuration, waivers or baseline file that cannot be used: the run stops (exit status 2)
/// with the file, and the line and column when the place is known.
public struct PolicyFileError: LocatedFileError, Sendable {
    public var file: String
    public var mark: Mark?
    public var message: String

    public init(file: String, mark: Mark?, message: String) {
        self.file = file
        self.mark = mark
        self.message = message
    }
}
