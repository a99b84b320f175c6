import Foundation
import Reporting

/// A JSON report written as its files come (`check --format json`): the tool first, then each file
/// when its turn in the input order comes — its fingerprints given, its counts added, its text
/// written, the file dropped — and the summary last. The bytes are those `JSONFormatter` makes of
/// the whole report; what a run holds no longer grows with the number of dossiers.
struct StreamedJSONReport {
    private let formatter = JSONFormatter()
    private let tool: ToolInfo
    /// The report file, else standard output.
    private let output: String?
    private var fingerprints = CheckReport.Fingerprints()
    private(set) var summary = CheckReport.Summary()
    /// Whether some open finding is at or above the fail threshold.
    private(set) var fails = false
    /// Text not yet written: the report goes out in pieces of about a megabyte.
    private var pending = ""
    private var started = false

    init(tool: ToolInfo, output: String?) {
        self.tool = tool
        self.output = output
    }

    /// The next file of the report, after the policy is applied to it.
    mutating func add(_ file: FileReport, failOn: FailThreshold) throws {
        var file = file
        fingerprints.assign(&file)
        if summary.files == 0 { pending += formatter.head(tool) }
        pending += formatter.entry(file, position: summary.files)
        summary.count(file)
        fails = fails || CheckReport.fails(file, at: failOn)
        if pending.utf8.count >= 1 << 20 { try flush() }
    }

    /// The summary, after the last file.
    mutating func finish(skipped: Int) throws {
        if summary.files == 0 { pending += formatter.head(tool) }
        summary.skipped = skipped
        pending += formatter.tail(summary, files: summary.files)
        try flush()
    }

    /// Writes what is pending: the first piece creates (or empties) the report file, the others
    /// are appended to it.
    private mutating func flush() throws {
        defer {
            pending = ""
            started = true
        }
        guard let output else { return Terminal.write(pending) }
        guard started else { return try PolicyFiles.write(pending, to: output, what: "the report") }
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(pending.utf8))
        } catch {
            Terminal.error("error: cannot write the report to \(output): \(error.localizedDescription)")
            throw ExitStatus.unusable
        }
    }
}
