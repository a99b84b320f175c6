import Foundation
import Testing
import TestSupport

/// A call of synthetic dossiers from the shared benchmark generator (`../shared/bench/gen_corpus.py`),
/// written into a scratch folder, with its manifest: the rules each dossier breaks.
struct GeneratedCall {
    struct Entry {
        var path: String
        var kind: String
        var id: String
        var expected: [String]
    }

    let folder: URL
    let entries: [Entry]

    static let generator = Fixtures.packageRoot.deletingLastPathComponent().appending(path: "shared/bench/gen_corpus.py")

    /// Why the generator cannot run here, or nil.
    static var unavailable: String? {
        FileManager.default.fileExists(atPath: generator.path) ? nil : "the corpus generator is missing at \(generator.path)"
    }

    /// Records an issue under CI=true, prints a skip message elsewhere; returns false when the test cannot run.
    static func available(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard let reason = unavailable else { return true }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record(Comment(rawValue: "\(reason) (required when CI=true)"), sourceLocation: sourceLocation)
        } else {
            print("SKIPPED: \(what): \(reason).")
        }
        return false
    }

    init(count: Int, seed: Int, in folder: URL) throws {
        self.folder = folder
        let run = try Python.run([Self.generator.path, "--count", String(count), "--seed", String(seed), "--out", folder.path])
        guard run.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: run.stderr]) }
        let manifest = try String(contentsOf: folder.appending(path: "manifest.tsv"), encoding: .utf8)
        entries = manifest.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Entry(
                path: fields[0], kind: fields[1], id: fields[2],
                expected: fields.count > 3 ? fields[3].split(separator: ",").map(String.init) : [])
        }
        // The manifest is not a dossier; keep it out of the call.
        try FileManager.default.removeItem(at: folder.appending(path: "manifest.tsv"))
    }
}
