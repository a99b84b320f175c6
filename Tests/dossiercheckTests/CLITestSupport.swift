import Foundation
import TestSupport

/// A scratch project for one CLI test: files written into a fresh folder, the CLI run there.
struct ScratchProject {
    let root: URL

    init(_ files: [String: String] = [:]) throws {
        root = try Fixtures.temporaryFolder()
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String { try String(contentsOf: root.appending(path: path), encoding: .utf8) }

    func run(_ arguments: [String], in folder: String? = nil, environment: [String: String] = [:]) throws -> Fixtures.Run {
        try Fixtures.run(arguments, in: folder.map { root.appending(path: $0) } ?? root, environment: environment)
    }

    /// The JSON report of a run.
    static func json(_ run: Fixtures.Run) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return object
    }

    static func findings(_ report: [String: Any]) -> [[String: Any]] {
        ((report["files"] as? [[String: Any]]) ?? []).flatMap { ($0["documents"] as? [[String: Any]]) ?? [] }
            .flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
    }

    static func summary(_ report: [String: Any]) -> [String: Int] { (report["summary"] as? [String: Int]) ?? [:] }

    /// An example dossier's text.
    static func example(_ name: String) throws -> String {
        try String(contentsOf: Fixtures.repositoryFile("examples/reseau-dossier/\(name).yaml"), encoding: .utf8)
    }

    /// A dossier with one RES-008 warning (nine members) at the `members:` line.
    static var nineMembers: String { (try? example("invalid-nine-members")) ?? "" }
    /// A dossier with one RES-003 error.
    static var overCap: String { (try? example("invalid-eligible-one-cent-over-cap")) ?? "" }
}
