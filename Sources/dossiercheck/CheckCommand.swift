import ArgumentParser
import Dispatch
import Foundation
import Reporting
import Validators

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check dossiers (YAML files, or folders searched for *.yaml and *.yml).")

    @Argument(help: ArgumentHelp("Dossier files or folders.", valueName: "path"))
    var paths: [String]

    @OptionGroup var rules: RuleOptions

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(help: "Language of the messages (en, nl, fr, de); by default each dossier's own `language`.")
    var lang: Language?

    @Flag(help: "No colour, even on a terminal.")
    var noColor = false

    @Option(help: "How many files to check at once (default: one per core).")
    var jobs: Int?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one dossier file or folder") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let checker = try rules.makeChecker()
        let entries = InputFiles.collect(paths)
        if entries.isEmpty {
            Terminal.error("error: no YAML files found in \(paths.joined(separator: ", "))")
            throw ExitStatus.unusable
        }
        let files = FileChecking.check(entries, with: checker, language: lang, jobs: jobs)
        let report = CheckReport(
            tool: ToolInfo(name: "dossiercheck", version: Dossiercheck.version, ruleSets: checker.ruleSets.map {
                DocumentReport.RuleSetVersion(name: $0.name, version: $0.version)
            }),
            files: files)
        Terminal.write(format.formatter(color: !noColor && Terminal.wantsColor).format(report))
        let summary = report.summary
        if summary.unreadable > 0 { throw ExitStatus.unusable }
        if summary.errors > 0 { throw ExitStatus.findings }
    }
}

/// Reads and checks files in parallel, keeping their order in the report.
enum FileChecking {
    static func check(_ entries: [InputFiles.Entry], with checker: Checker, language: Language?, jobs: Int?) -> [FileReport] {
        let results = ResultSlots<FileReport>(count: entries.count)
        let workers = min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, entries.count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: max(workers, 1)) { _ in
            while let index = next.take(below: entries.count) {
                results[index] = checkOne(entries[index], with: checker, language: language)
            }
        }
        return results.values
    }

    static func checkOne(_ entry: InputFiles.Entry, with checker: Checker, language: Language?) -> FileReport {
        if let problem = entry.problem {
            return FileReport(path: entry.path, source: nil, documents: [], readError: problem)
        }
        guard let data = FileManager.default.contents(atPath: entry.path) else {
            return FileReport(path: entry.path, source: nil, documents: [], readError: "cannot read the file (permission?)")
        }
        let bytes = [UInt8](data)
        return FileReport(
            path: entry.path, source: String(decoding: bytes, as: UTF8.self),
            documents: checker.check(fileBytes: bytes, language: language))
    }
}

/// Slots written by index from several threads, each slot by one thread only.
final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value] { lock.withLock { storage.compactMap { $0 } } }
}

/// Hands out indexes 0, 1, 2 … to worker threads.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}
