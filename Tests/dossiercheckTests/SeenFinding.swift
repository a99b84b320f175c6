import Foundation
import TestSupport
import Testing

/// One finding of a JSON report, as these tests compare it.
struct SeenFinding: Equatable, CustomStringConvertible {
    var rule: String
    var message: String
    var line: Int
    var column: Int
    var path: String
    var help: String?

    init(_ rule: String, _ message: String, at line: Int, _ column: Int, path: String = "", help: String? = nil) {
        self.rule = rule
        self.message = message
        self.line = line
        self.column = column
        self.path = path
        self.help = help
    }

    init(json: [String: Any]) {
        self.init(
            json["rule"] as? String ?? "", json["message"] as? String ?? "", at: json["line"] as? Int ?? 0,
            json["column"] as? Int ?? 0, path: json["path"] as? String ?? "", help: json["help"] as? String)
    }

    var description: String { "\(rule) \(line):\(column) `\(path)` \(message)" + (help.map { " (help: \($0))" } ?? "") }

    /// The findings of every document of a `--format json` run, in order (none, and an issue
    /// recorded, when the output is not a JSON report).
    static func of(_ run: Fixtures.Run, sourceLocation: SourceLocation = #_sourceLocation) -> [SeenFinding] {
        do {
            return ScratchProject.findings(try ScratchProject.json(run)).map(SeenFinding.init(json:))
        } catch {
            Issue.record("not a JSON report: \(run.stdout)\(run.stderr)", sourceLocation: sourceLocation)
            return []
        }
    }
}
