import DossierModel
import Dispatch
import Foundation
import Reporting
import Validators

/// Reads and checks files in parallel, keeping their order in the report.
enum FileChecking {
    /// What became of one input file.
    enum Outcome {
        case checked(FileReport)
        /// A YAML file found in a folder that holds no `dossier:` header.
        case skipped
    }

    static func check(_ entries: [InputFiles.Entry], with checker: Checker, language: Language?, jobs: Int?) -> [Outcome] {
        let results = ResultSlots<Outcome>(count: entries.count)
        let workers = min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, entries.count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: max(workers, 1)) { _ in
            while let index = next.take(below: entries.count) {
                results[index] = checkOne(entries[index], with: checker, language: language)
            }
        }
        return results.values
    }

    static func checkOne(_ entry: InputFiles.Entry, with checker: Checker, language: Language?) -> Outcome {
        if let problem = entry.problem {
            return .checked(FileReport(path: entry.path, source: nil, documents: [], readError: problem))
        }
        guard let data = FileManager.default.contents(atPath: entry.path) else {
            return .checked(FileReport(path: entry.path, source: nil, documents: [], readError: "cannot read the file (permission?)"))
        }
        let bytes = [UInt8](data)
        let source = String(decoding: bytes, as: UTF8.self)
        // UTF-16 text has NUL bytes between ASCII letters: drop them to look for the header, so such a file is still checked (HDR-004).
        let readable = bytes.contains(0) ? String(decoding: bytes.filter { $0 != 0 }, as: UTF8.self) : source
        if entry.needsHeader, !InputFiles.hasDossierHeader(readable) { return .skipped }
        let documents = YAMLLoader.load(bytes).map { document in
            DossierResult(checker.check(document, language: language), startLine: document.start.line)
        }
        return .checked(FileReport(path: entry.path, source: source, documents: documents))
    }
}
