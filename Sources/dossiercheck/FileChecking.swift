import Checking
import DossierModel
import Foundation
import Policy
import Reporting
import Validators

/// Reads and checks files in parallel, keeping their order in the report.
enum FileChecking {
    /// What became of one input file.
    enum Outcome: Sendable {
        case checked(FileReport)
        /// A YAML file found in a folder that holds no `dossier:` header.
        case skipped
    }

    /// Checks `entries` on `jobs` threads (default: one per core) and hands each outcome to
    /// `deliver` in the order of `entries`, as soon as those before it are in (`OrderedWork`);
    /// `quotesFindings`: whether the report shows the source lines of findings.
    static func check(
        _ entries: [InputFiles.Entry], with checker: Checker, language: Language?, jobs: Int?, limits: LimitOptions,
        quotesFindings: Bool = true, deliver: (Outcome) throws -> Void
    ) rethrows {
        let sources = SourceChecker(checker: checker, limits: limits.check, quotesFindings: quotesFindings)
        // One file takes one worker: the number of cores (read from /proc and the cgroup) is not needed.
        let workers = jobs ?? (entries.count > 1 ? ProcessInfo.processInfo.activeProcessorCount : 1)
        try OrderedWork.run(count: entries.count, workers: workers) { index in
            checkOne(entries[index], with: sources, language: language, limits: limits)
        } deliver: { _, outcome in
            try deliver(outcome)
        }
    }

    static func checkOne(_ entry: InputFiles.Entry, with sources: SourceChecker, language: Language?, limits: LimitOptions)
        -> Outcome
    {
        if let problem = entry.problem {
            return .checked(FileReport(path: entry.path, source: nil, documents: [], readError: problem))
        }
        let bytes: [UInt8]
        switch BoundedFile.read(entry.path, limit: limits.maxFileSize.bytes) {
        case .read(let read): bytes = read
        case .unreadable(let why):
            return .checked(FileReport(path: entry.path, source: nil, documents: [], readError: why))
        case .tooLarge(let size):
            return tooLarge(entry, size: size, with: sources, language: language)
        }
        let source = String(decoding: bytes, as: UTF8.self)
        if entry.needsHeader, !hasHeader(bytes, source) { return .skipped }
        return .checked(
            sources.report(path: entry.path, bytes: bytes, source: source, language: language))
    }

    /// Whether the text has a `dossier:` header line. UTF-16 text has NUL bytes between ASCII
    /// letters: they are dropped to look for the header, so such a file is still checked (HDR-004).
    private static func hasHeader(_ bytes: [UInt8], _ source: String) -> Bool {
        let readable = bytes.contains(0) ? String(decoding: bytes.filter { $0 != 0 }, as: UTF8.self) : source
        return InputFiles.hasDossierHeader(readable)
    }

    /// A file larger than `--max-file-size` is not read: one HDR-004 finding at its start says so.
    /// A file found in a folder is only reported when its first megabyte holds a `dossier:` header.
    private static func tooLarge(_ entry: InputFiles.Entry, size: Int, with sources: SourceChecker, language: Language?)
        -> Outcome
    {
        if entry.needsHeader {
            let head = BoundedFile.prefix(entry.path, count: 1 << 20) ?? []
            if !hasHeader(head, String(decoding: head, as: UTF8.self)) { return .skipped }
        }
        return .checked(sources.tooLarge(path: entry.path, size: size, language: language))
    }
}
