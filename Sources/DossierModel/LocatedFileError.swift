/// An input file the run cannot use (a rule file, a configuration, waivers, a baseline): the run
/// stops with the file, and the line and column where the place is known, in the form editors
/// and CI annotations read (`file:line:column: error: …`).
public protocol LocatedFileError: Error, CustomStringConvertible {
    var file: String { get }
    var mark: Mark? { get }
    var message: String { get }
}

extension LocatedFileError {
    public var description: String {
        if let mark { return "\(file):\(mark.line):\(mark.column): error: \(message)" }
        return "\(file): error: \(message)"
    }
}
