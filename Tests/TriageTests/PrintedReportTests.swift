import Foundation
import TestSupport
import Testing

/// The bundled examples' report printed by headless Chromium (its print style sheet, A4
/// landscape) and read back with `pdftotext` (Debian's poppler-utils, which scripts/test.sh
/// installs): every dossier id and every column heading is on a page, the heading row is
/// repeated, no id is cut between two pages, each page names the call and its number, and
/// printing a filtered view prints the filtered rows only. The PDF and screenshots at 1400
/// and 420 px are kept in `.ci-artifacts/`. Without Chromium or pdftotext the test skips with
/// a message, except under CI=true, where it fails.
@Suite struct PrintedReportTests {
    static let artifacts = Fixtures.packageRoot.appending(path: ".ci-artifacts")

    static func tool(_ name: String, _ candidates: [String], _ package: String) -> String? {
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("\(name) is not installed (scripts/test.sh installs Debian's `\(package)`; required when CI=true)")
        } else {
            print("SKIPPED: the printed triage report was not checked: \(name) is not installed (run scripts/test.sh).")
        }
        return nil
    }

    /// The text of each page of a PDF.
    static func pages(_ pdf: URL, pdftotext: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pdftotext)
        process.arguments = [pdf.path, "-"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "pdftotext failed on \(pdf.path)")
        var pages = String(decoding: data, as: UTF8.self).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    static func occurrences(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func thePrintedReportHoldsEveryRowAndColumn() throws {
        let examples = try TriagedExamples.shared.get()
        guard let chromium = Self.tool("chromium", ["/usr/bin/chromium", "/usr/bin/chromium-browser"], "chromium"),
            let pdftotext = Self.tool("pdftotext", ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"], "poppler-utils")
        else { return }
        let scratch = try Fixtures.temporaryFolder()
        let pdf = scratch.appending(path: "triage-examples.pdf")
        let filteredPDF = scratch.appending(path: "triage-examples-filtered.pdf")
        let ids = examples.dossiers.compactMap { $0["id"] as? String }
        #expect(ids.count == examples.dossiers.count, "every example has an id (or one read from its broken file)")
        // The filtered print: the dossiers of one kind with their own prefix.
        let target = try #require(ids.first { $0.hasPrefix("ZIM") } ?? ids.first)
        let run = try Python.run([
            BrowserReportTests.script.path, examples.html.path, "--screenshot", scratch.appending(path: "top.png").path,
            "--chromium", chromium, "--filter", target, "--layout-shots", scratch.path, "--pdf", pdf.path,
            "--filtered-pdf", filteredPDF.path,
        ])
        try #require(run.status == 0, "browser-check.py failed: \(run.stderr)")
        let output = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        BrowserReportTests.expectFits(try #require(output["layout"] as? [String: [String: Any]]))

        let pages = try Self.pages(pdf, pdftotext: pdftotext)
        #expect(pages.count > 2, "a cover, the table, the details")
        let whole = pages.joined()
        for id in Set(ids) {
            let onPages = pages.reduce(0) { $0 + Self.occurrences(id, in: $1) }
            #expect(onPages > 0, "\(id) is on no page")
            // An id cut by a page break would be found in the joined text but on no single page.
            #expect(Self.occurrences(id, in: whole) == onPages, "\(id) is split across two pages")
        }
        let headings = [
            "ID", "Title", "Kind", "Applicant", "Admissible", "Errors", "Warnings", "Partners", "SME share", "Research share",
            "Total eligible", "Total requested", "Public share", "Rules",
        ]
        let tablePages = pages.filter { page in headings.allSatisfy { page.contains($0) } }
        #expect(!tablePages.isEmpty, "no page holds every column heading: \(headings.filter { !whole.contains($0) })")
        // The table's pages: each with the heading row, together holding every id.
        let withRows = pages.filter { page in ids.contains { page.contains($0) } && page.contains("Total requested") }
        #expect(tablePages.count >= 2, "the heading row is repeated on each page of the table")
        for id in Set(ids) { #expect(tablePages.contains { $0.contains(id) }, "\(id) is not in the table's pages") }
        #expect(withRows.count >= tablePages.count)
        // The margins: the call and the page number on every page.
        let call = examples.json["call"] as? String ?? "-"
        for (index, page) in pages.enumerated() {
            let words = page.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains("Page \(index + 1) / \(pages.count)"), "page \(index + 1) has no number")
            #expect(words.contains(String(call.prefix(20))), "page \(index + 1) does not name the call")
        }

        // Filtered: only the rows (and details) of the dossiers shown.
        let filtered = try Self.pages(filteredPDF, pdftotext: pdftotext).joined()
        let printedState = output["printFiltered"] as? [String: Any] ?? [:]
        let shown = Set(printedState["ids"] as? [String] ?? [])
        #expect(!shown.isEmpty && shown.count < ids.count)
        for id in Set(ids) {
            let expected = shown.contains(id) || shown.contains { $0.hasPrefix(id) || $0.contains(id) }
            if !expected { #expect(!filtered.contains(id), "\(id) is printed though the filter hides it") }
        }
        for id in shown { #expect(filtered.contains(id)) }
        #expect(filtered.contains("Filtered view"))

        try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
        for name in ["triage-examples.pdf", "triage-1400.png", "triage-420.png"] {
            let target = Self.artifacts.appending(path: name)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: scratch.appending(path: name), to: target)
        }
        print("printed triage report: \(pages.count) pages, \(Self.artifacts.appending(path: "triage-examples.pdf").path)")
    }
}
