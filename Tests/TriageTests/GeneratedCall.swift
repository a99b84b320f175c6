import Foundation
import TestSupport
import Testing

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

    /// Why the generator cannot run here, or nil.
    static var unavailable: String? { GeneratedCorpus.unavailable }

    /// Records an issue under CI=true, prints a skip message elsewhere; returns false when the test cannot run.
    static func available(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        GeneratedCorpus.available(what, sourceLocation: sourceLocation)
    }

    init(count: Int, seed: Int, in folder: URL) throws {
        self.folder = folder
        entries = try GeneratedCorpus(count: count, seed: seed, in: folder).dossiers.map {
            Entry(path: $0.path, kind: $0.kind, id: $0.id, expected: $0.expected)
        }
        // The manifest is not a dossier; keep it out of the call.
        try FileManager.default.removeItem(at: folder.appending(path: "manifest.tsv"))
    }
}
