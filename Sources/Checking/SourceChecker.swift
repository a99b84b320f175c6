import DossierModel
import Policy
import Reporting
import Validators

/// A file's bytes → its report: every YAML document loaded within the limits and checked, a
/// limit the loader reached given a help line naming its flag. What `check` does with each file
/// it reads and `serve` with each dossier it receives, so both report the same.
public struct SourceChecker: Sendable {
    public let checker: Checker
    public let limits: CheckLimits
    /// Whether the report will quote the source lines of findings (code frames): when not, a
    /// file's text is kept only for its inline suppressions, so that a run over a whole call
    /// does not hold the text of every file with findings until its report is written.
    public let quotesFindings: Bool

    public init(checker: Checker, limits: CheckLimits, quotesFindings: Bool = true) {
        self.checker = checker
        self.limits = limits
        self.quotesFindings = quotesFindings
    }

    /// The report on a file's contents, under the name `path`; `source` is the bytes decoded as
    /// UTF-8, when the caller already has it.
    public func report(path: String, bytes: [UInt8], source decoded: String? = nil, language: Language?) -> FileReport {
        let source = decoded ?? String(decoding: bytes, as: UTF8.self)
        let documents = YAMLLoader.load(bytes, limits: limits.load).map { document in
            DossierResult(report(document, language: language), startLine: document.start.line)
        }
        // The text is kept for what quotes it (code frames of findings, inline suppressions) until
        // the report is written: a file with neither does not hold its text in memory that long.
        let keepSource =
            (quotesFindings && documents.contains { !$0.findings.isEmpty }) || InlineSuppression.containsMarker(source)
        return FileReport(path: path, source: keepSource ? source : nil, documents: documents)
    }

    /// A file larger than the size limit is not read: one HDR-004 finding at its start says so.
    public func tooLarge(path: String, size: Int, language: Language?) -> FileReport {
        let start = Mark(line: 1, column: 1)
        let limit = limits.maxFileSize
        let problem = LoadProblem(
            kind: .limit,
            message: "the file is \(size) bytes, more than the \(limit) a file may have: it is not read",
            mark: start, detail: ["reason": "file-size", "limit": String(limit.bytes), "size": String(size)])
        let document = LoadedDocument(index: 0, root: nil, problem: problem, start: start)
        return FileReport(path: path, source: nil, documents: [DossierResult(report(document, language: language), startLine: 1)])
    }

    /// The checker's report on one document; a limit the loader reached gets a help line naming its flag.
    private func report(_ document: LoadedDocument, language: Language?) -> DocumentReport {
        var report = checker.check(document, language: language)
        if let problem = document.problem, problem.kind == .limit, let reason = problem.detail["reason"],
            let help = limits.help(forLimit: reason), report.findings.count == 1
        {
            report.findings[0].help = help
        }
        return report
    }
}
