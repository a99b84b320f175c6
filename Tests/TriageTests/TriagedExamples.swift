import Foundation
import TestSupport

/// The bundled examples (`examples/`, about 95 dossiers of several calls, some unreadable)
/// triaged once by the CLI into every format: HTML, JSON, the European CSV dialect and the
/// Excel workbook; the tests share its outputs.
struct TriagedExamples {
    let folder: URL
    let run: Fixtures.Run
    let json: [String: Any]
    let html: URL
    let csv: URL
    let workbook: URL

    nonisolated(unsafe) static let shared: Result<TriagedExamples, any Error> = Result { try TriagedExamples() }

    private init() throws {
        folder = try Fixtures.temporaryFolder()
        html = folder.appending(path: "examples.html")
        csv = folder.appending(path: "examples.csv")
        workbook = folder.appending(path: "examples.xlsx")
        let jsonFile = folder.appending(path: "examples.json")
        run = try Fixtures.run([
            "triage", "examples", "--out", html.path, "--json", jsonFile.path, "--csv", csv.path, "--csv-dialect", "excel-eu",
            "--xlsx", workbook.path, "--lang", "en", "--no-progress",
        ])
        guard run.status == 0 else {
            throw CocoaError(
                .executableLoad, userInfo: [NSLocalizedDescriptionKey: "triage examples: \(run.status) \(run.stderr)"])
        }
        json = try JSONSerialization.jsonObject(with: Data(contentsOf: jsonFile)) as? [String: Any] ?? [:]
    }

    var dossiers: [[String: Any]] { json["dossiers"] as? [[String: Any]] ?? [] }
    var summary: [String: Any] { json["summary"] as? [String: Any] ?? [:] }
}
