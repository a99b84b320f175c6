import Foundation
import Testing

/// Synthetic dossiers from the shared benchmark generator (`../shared/bench/gen_corpus.py`),
/// written into a scratch folder at test time, with the generator's oracle: the rule IDs each
/// dossier breaks, exactly (its `manifest.tsv`).
public struct GeneratedCorpus: Sendable {
    public struct Dossier: Sendable {
        /// Relative to `folder`.
        public var path: String
        public var kind: String
        public var id: String
        /// The rule IDs the generator made it break, sorted (empty when valid).
        public var expected: [String]
    }

    public let folder: URL
    public let dossiers: [Dossier]

    public static let generator = Fixtures.packageRoot.deletingLastPathComponent().appending(path: "shared/bench/gen_corpus.py")

    /// Why the generator cannot run here, or nil.
    public static var unavailable: String? {
        !FileManager.default.fileExists(atPath: generator.path)
            ? "the corpus generator is missing at \(generator.path)"
            : (try? python(["--version"]).status) != 0 ? "python3 is not installed" : nil
    }

    /// Records an issue under CI=true, prints a skip message elsewhere; false when the generator
    /// (or Python) is missing.
    public static func available(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard let reason = unavailable else { return true }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record(Comment(rawValue: "\(reason) (required when CI=true)"), sourceLocation: sourceLocation)
        } else {
            print("SKIPPED: \(what): \(reason).")
        }
        return false
    }

    /// Generates `count` dossiers from `seed` into `folder` (a new scratch folder by default).
    public init(count: Int, seed: Int, in folder: URL? = nil) throws {
        self.folder = try folder ?? Fixtures.temporaryFolder()
        let run = try Self.python([
            Self.generator.path, "--count", String(count), "--seed", String(seed), "--out", self.folder.path,
        ])
        guard run.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: run.stderr]) }
        let manifest = try String(contentsOf: self.folder.appending(path: "manifest.tsv"), encoding: .utf8)
        dossiers = manifest.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Dossier(
                path: fields[0], kind: fields[1], id: fields[2],
                expected: fields.count > 3 ? fields[3].split(separator: ",").map(String.init).sorted() : [])
        }
    }

    /// The bytes of a dossier's file.
    public func bytes(of dossier: Dossier) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appending(path: dossier.path)))
    }

    /// Removes the scratch folder.
    public func remove() { try? FileManager.default.removeItem(at: folder) }

    private static func python(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr)
    }
}
