import DossierModel

/// A rule file that cannot be used: it is rejected at load, with the place that is wrong.
public struct RuleFileError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var mark: Mark?
    public var message: String

    public init(file: String, mark: Mark?, message: String) {
        self.file = file
        self.mark = mark
        self.message = message
    }

    public var description: String {
        if let mark { return "\(file):\(mark.line):\(mark.column): error: \(message)" }
        return "\(file): error: \(message)"
    }
}
