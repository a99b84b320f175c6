import Foundation
import TestSupport
import Testing

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
        let scratch = try Fixtures.temporaryFolder()
        let shot = scratch.appending(path: "triage-report.png")
        let target = triaged.original.id
        let run = try Python.run([
            Self.script.path, triaged.html.path, "--screenshot", shot.path, "--chromium", chromium,
            "--filter", target, "--kind", "tki-project", "--layout-shots", scratch.path,
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
        #expect(
            initial["headers"] as? [String] == [
                "id", "dossierTitle", "kind", "applicant", "admissible", "errors", "warnings", "partners", "smeShare",
                "researchShare", "eligible", "requested", "publicShare", "failedRules",
            ])
        // The rule column: the rules with a finding, errors first, as the JSON lists them.
        #expect(
            initial["rules"] as? [String]
                == triaged.dossiers.map { (($0["failedRules"] as? [String]) ?? []).joined(separator: " ") })
        let initialIDs = initial["ids"] as? [String] ?? []
        #expect(
            initialIDs == triaged.dossiers.map { ($0["id"] as? String) ?? ($0["file"] as? String) ?? "" }, "the input order first"
        )

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

        // The totals row sums the rows shown, whatever the filter.
        for (name, state) in observed where state["totals"] != nil {
            Self.expectTotals(state, name)
        }
        #expect(
            initial["totals"].flatMap { ($0 as? [String: Any])?["eligible"] as? String }
                == String(format: "%.2f", (triaged.summary["eligible"] as? NSNumber)?.doubleValue ?? -1),
            "all rows: the call's total")

        // A chip under "Most frequent findings" filters the table to that rule's dossiers.
        let top = try #require((triaged.summary["rules"] as? [[String: Any]])?.first)
        let chip = try #require(observed["chip"])
        #expect(chip["rule"] as? String == top["rule"] as? String)
        #expect(chip["visible"] as? Int == top["dossiers"] as? Int, "the rule's dossiers, all of them")
        #expect(
            (chip["rules"] as? [String] ?? []).allSatisfy {
                $0.split(separator: " ").contains { String($0) == top["rule"] as? String }
            })
        #expect((chip["activeChips"] as? [String] ?? []).contains(top["rule"] as? String ?? "-"))
        #expect(observed["chipCleared"]?["visible"] as? Int == rows, "a second click shows every row again")

        let layout = try #require(output["layout"] as? [String: [String: Any]])
        Self.expectFits(layout)

        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "the screenshot is a PNG")
        #expect(png.count > 20_000)
        try FileManager.default.createDirectory(
            at: Self.screenshot.deletingLastPathComponent(), withIntermediateDirectories: true)
        try png.write(to: Self.screenshot, options: .atomic)
        print("screenshot of the triage report: \(Self.screenshot.path)")
    }

    /// The totals row of a state the browser reported equals the sums of its visible rows.
    static func expectTotals(_ state: [String: Any], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let totals = state["totals"] as? [String: Any] ?? [:]
        #expect(
            state["totalRows"] as? String == (state["visible"] as? Int).map(String.init), "\(name): rows counted",
            sourceLocation: sourceLocation)
        for key in ["errors", "warnings", "partners", "eligible", "requested"] {
            let values = (state[key] as? [String] ?? []).compactMap(Double.init)
            let shown = Double(totals[key] as? String ?? "")
            if values.isEmpty {
                #expect(shown == nil, "\(name): no \(key) to add", sourceLocation: sourceLocation)
            } else {
                #expect(
                    abs((shown ?? -1) - values.reduce(0, +)) < 0.005, "\(name): total \(key) \(String(describing: shown))",
                    sourceLocation: sourceLocation)
            }
        }
    }

    /// At 1400 and 420 px the page does not scroll sideways and no id wraps; at 1400 the money
    /// columns are in view; at 420 the id column stays put when the table scrolls.
    static func expectFits(_ layout: [String: [String: Any]], sourceLocation: SourceLocation = #_sourceLocation) {
        for width in ["1400", "420"] {
            let page = layout[width] ?? [:]
            let scroll = (page["scrollWidth"] as? NSNumber)?.doubleValue ?? .infinity
            let inner = (page["innerWidth"] as? NSNumber)?.doubleValue ?? 0
            #expect(
                scroll <= inner, "\(width) px: the page scrolls sideways (\(scroll) > \(inner)): \(page["widest"] ?? "")",
                sourceLocation: sourceLocation)
            #expect(
                (page["wrappedIds"] as? [String])?.isEmpty == true, "\(width) px: ids wrap: \(page["wrappedIds"] ?? "")",
                sourceLocation: sourceLocation)
            #expect(
                ((page["navRight"] as? NSNumber)?.doubleValue ?? .infinity) <= inner, "\(width) px: the menu runs off",
                sourceLocation: sourceLocation)
        }
        let wide = layout["1400"] ?? [:]
        let right = ((wide["wrap"] as? [String: Any])?["right"] as? NSNumber)?.doubleValue ?? 0
        for (key, edges) in wide["money"] as? [String: [String: Any]] ?? [:] {
            let edge = (edges["right"] as? NSNumber)?.doubleValue ?? .infinity
            #expect(
                edge <= right + 1, "1400 px: the \(key) column ends at \(edge), past the table's edge \(right)",
                sourceLocation: sourceLocation)
        }
        let sticky = (layout["420"]?["sticky"] as? [String: Any]) ?? [:]
        if ((sticky["scrolled"] as? NSNumber)?.doubleValue ?? 0) > 0 {
            let id = (sticky["idLeft"] as? NSNumber)?.doubleValue ?? -100
            let wrap = (sticky["wrapLeft"] as? NSNumber)?.doubleValue ?? 100
            #expect(abs(id - wrap) <= 2, "420 px: the id column scrolled away (\(id) vs \(wrap))", sourceLocation: sourceLocation)
        }
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
