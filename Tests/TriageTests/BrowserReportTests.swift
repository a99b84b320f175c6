import Foundation
import Testing
import TestSupport

/// The HTML report in a real headless Chromium (Debian's `chromium`, which scripts/test.sh
/// installs), driven by scripts/browser-check.py through the DevTools protocol: one row per
/// dossier, sorting by a column reorders the rows, the filters work, nothing is loaded from
/// outside, and a screenshot is left in `.build/artifacts/triage-report.png`.
/// Without Chromium the test skips with a message, except under CI=true, where it fails.
@Suite struct BrowserReportTests {
    static let script = Fixtures.repositoryFile("scripts/browser-check.py")
    static let screenshot = Fixtures.packageRoot.appending(path: ".build/artifacts/triage-report.png")

    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func theTableSortsAndFiltersInABrowser() throws {
        guard GeneratedCall.available("the HTML report in a browser"), let triaged = try TriagedCall.shared?.get() else { return }
        guard let chromium = Self.chromium else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("chromium is not installed (scripts/test.sh installs Debian's `chromium`; required when CI=true)")
            } else {
                print("SKIPPED: the HTML report was not checked in a browser: chromium is not installed (run scripts/test.sh).")
            }
            return
        }
        // Taken into a scratch folder, then copied to the artefact's place (other runs may share it).
        let shot = try Fixtures.temporaryFolder().appending(path: "triage-report.png")
        let target = triaged.original.id
        let run = try Python.run([
            Self.script.path, triaged.html.path, "--screenshot", shot.path, "--chromium", chromium,
            "--filter", target, "--kind", "tki-project",
        ])
        try #require(run.status == 0, "browser-check.py failed: \(run.stderr)")
        let output = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let observed = output.compactMapValues { $0 as? [String: Any] }
        let rows = triaged.dossiers.count

        let initial = try #require(observed["initial"])
        #expect(initial["rows"] as? Int == rows, "one row per dossier")
        #expect(initial["visible"] as? Int == rows)
        #expect(initial["shown"] as? String == String(rows))
        #expect(initial["details"] as? Int == rows, "one detail section per dossier")
        #expect((initial["externalResources"] as? [String])?.isEmpty == true, "nothing loaded from outside")
        #expect(initial["headers"] as? [String] == [
            "id", "dossierTitle", "kind", "applicant", "admissible", "errors", "warnings", "partners", "smeShare",
            "researchShare", "eligible", "requested", "publicShare",
        ])
        let initialIDs = initial["ids"] as? [String] ?? []
        #expect(initialIDs == triaged.dossiers.map { ($0["id"] as? String) ?? ($0["file"] as? String) ?? "" }, "the input order first")

        let ascending = try #require(observed["errorsAscending"])
        let up = (ascending["errors"] as? [String] ?? []).compactMap(Int.init)
        #expect(up.count == rows)
        #expect(up == up.sorted(), "sorted by errors, fewest first")
        #expect(ascending["ids"] as? [String] != initialIDs, "sorting reordered the rows")
        #expect((ascending["sort"] as? [String])?[5] == "ascending")
        let descending = try #require(observed["errorsDescending"])
        let down = (descending["errors"] as? [String] ?? []).compactMap(Int.init)
        #expect(down == down.sorted(by: >), "a second click sorts the other way")
        #expect(down.first == triaged.dossiers.compactMap { $0["errors"] as? Int }.max())
        let byID = try #require(observed["idAscending"])
        let ids = byID["ids"] as? [String] ?? []
        #expect(ids.count == rows)
        #expect(Set(ids) == Set(initialIDs), "sorting keeps every row")

        let filtered = try #require(observed["filtered"])
        let matching = triaged.dossiers.filter { ($0["id"] as? String) == target }.count
        #expect(filtered["visible"] as? Int == matching, "typing an id keeps its dossiers only")
        #expect(filtered["shown"] as? String == String(matching))
        #expect((filtered["ids"] as? [String] ?? []).allSatisfy { $0 == target })

        let inadmissible = try #require(observed["inadmissible"])
        let expectedInadmissible = triaged.dossiers.count { $0["admissible"] as? Bool == false }
        #expect(inadmissible["visible"] as? Int == expectedInadmissible)
        #expect((inadmissible["admissible"] as? [String] ?? []).allSatisfy { $0 == "no" })

        let kind = try #require(observed["kind"])
        #expect(kind["visible"] as? Int == triaged.dossiers.count { $0["kind"] as? String == "tki-project" })
        #expect((kind["kinds"] as? [String] ?? []).allSatisfy { $0 == "tki-project" })
        #expect(observed["cleared"]?["visible"] as? Int == rows, "clearing the filters shows every row again")

        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "the screenshot is a PNG")
        #expect(png.count > 20_000)
        try FileManager.default.createDirectory(at: Self.screenshot.deletingLastPathComponent(), withIntermediateDirectories: true)
        try png.write(to: Self.screenshot, options: .atomic)
        print("screenshot of the triage report: \(Self.screenshot.path)")
    }

    @Test func theReportIsSelfContained() throws {
        guard GeneratedCall.available("the HTML report's content"), let triaged = try TriagedCall.shared?.get() else { return }
        let html = try String(contentsOf: triaged.html, encoding: .utf8)
        #expect(html.contains("Content-Security-Policy"))
        for outside in ["http://", "https://", "<link", "src=\"", "@import", "url("] {
            #expect(!html.contains(outside), "the page refers to `\(outside)`")
        }
        #expect(html.components(separatedBy: "<article class=\"dossier\"").count - 1 == triaged.dossiers.count)
        // A finding shows its source line with its number.
        #expect(html.contains("<pre class=\"source\"><span class=\"ln\">"))
    }
}
