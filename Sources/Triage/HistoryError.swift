/// Why the call history cannot be used. The file is never written when this is thrown.
public struct HistoryError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Not an SQLite database, or a damaged one.
        case corrupt
        /// A valid SQLite database that another program wrote.
        case foreign
        /// A history from a newer dossiercheck, with a schema this one does not know.
        case newer
        /// The path cannot be used (a folder, no permission).
        case unusable
    }

    public var path: String
    public var reason: Reason
    public var detail: String

    public init(path: String, reason: Reason, detail: String) {
        self.path = path
        self.reason = reason
        self.detail = detail
    }

    public var description: String {
        let what: String
        switch reason {
        case .corrupt: what = "is not a readable SQLite database (damaged, or not a database at all)"
        case .foreign: what = "is an SQLite database of another program, not a dossiercheck call history"
        case .newer: what = "is a call history written by a newer dossiercheck"
        case .unusable: what = "cannot be used as a call history"
        }
        return "error: \(path) \(what): \(detail); the file was left untouched"
    }
}
