import Foundation
import TestSupport

/// A generated call of 200+ dossiers, with three extra files (a dossier submitted twice, the
/// same id with other content, and a file that does not parse), triaged once by the CLI; the
/// tests share its outputs.
struct TriagedCall {
    let call: GeneratedCall
    let folder: URL
    let run: Fixtures.Run
    let json: [String: Any]
    let csv: CSVTable
    let html: URL
    /// The original of the two extra copies (a valid dossier of the call).
    let original: GeneratedCall.Entry

    static let count = 210

    /// Nil when the generator is not there (the tests then skip, or fail under CI=true).
    nonisolated(unsafe) static let shared: Result<TriagedCall, any Error>? = {
        guard GeneratedCall.unavailable == nil else { return nil }
        return Result { try TriagedCall() }
    }()

    private init() throws {
        folder = try Fixtures.temporaryFolder()
        call = try GeneratedCall(count: Self.count, seed: 11, in: folder.appending(path: "call"))
        guard let original = call.entries.first(where: { $0.kind == "reseau-dossier" && $0.expected.isEmpty }) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        self.original = original
        let text = try String(contentsOf: call.folder.appending(path: original.path), encoding: .utf8)
        let extra = call.folder.appending(path: "zz-extra")
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        // The same dossier again, with other formatting (a comment) but the same content.
        try Data(("# sent twice by mistake\n" + text).utf8).write(to: extra.appending(path: "copy.yaml"))
        // The same id with another title: a second version submitted.
        let retitled = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("title:") ? "title: \"Second version of the same dossier\"" : String($0) }
            .joined(separator: "\n")
        try Data(retitled.utf8).write(to: extra.appending(path: "second-version.yaml"))
        // A file that does not parse.
        try Data("dossier: 1\nkind: [reseau-dossier\nid: BROKEN-1\n".utf8).write(to: extra.appending(path: "garbage.yaml"))

        html = folder.appending(path: "report.html")
        let csvFile = folder.appending(path: "report.csv")
        let jsonFile = folder.appending(path: "report.json")
        run = try Fixtures.run([
            "triage", call.folder.path, "--out", html.path, "--csv", csvFile.path, "--json", jsonFile.path, "--lang", "en",
        ])
        guard run.status == 0 else { throw CocoaError(.executableLoad) }
        json = try JSONSerialization.jsonObject(with: Data(contentsOf: jsonFile)) as? [String: Any] ?? [:]
        csv = CSVTable(try String(contentsOf: csvFile, encoding: .utf8))
    }

    /// A file as the reports name it (relative to the package root, where the CLI ran, or absolute), made absolute.
    func absolute(_ file: String) -> String {
        URL(fileURLWithPath: file, relativeTo: Fixtures.packageRoot).standardizedFileURL.path
    }

    var dossiers: [[String: Any]] { json["dossiers"] as? [[String: Any]] ?? [] }
    var summary: [String: Any] { json["summary"] as? [String: Any] ?? [:] }
}
