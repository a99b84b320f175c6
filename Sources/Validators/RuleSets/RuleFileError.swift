import DossierModel

/// A rule file that cannot be used: it is rejected at load, with the place that is wrong.
public struct RuleFileError: LocatedFileError, Sendable {
    public var file: String
    public var mark: Mark?
    public var message: String

    public init(file: String, mark: Mark?, message: String) {
        self.file = file
        self.mark = mark
        self.message = message
    }
}

extension RuleFileError {
    /// `errors` in the order of their files and of their places in them (in the order found
    /// where those are the same), whichever check found them.
    static func inFileOrder(_ errors: [RuleFileError]) -> [RuleFileError] {
        errors.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.file != y.file { return x.file < y.file }
            let (p, q) = (x.mark ?? Mark(line: 0, column: 0), y.mark ?? Mark(line: 0, column: 0))
            return p != q ? p < q : a.offset < b.offset
        }.map(\.element)
    }
}
