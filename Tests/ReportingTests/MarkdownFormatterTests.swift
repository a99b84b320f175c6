import Testing

@testable import Reporting

@Suite struct MarkdownFormatterTests {
    @Test func cellsCannotBreakTheTable() {
        #expect(MarkdownFormatter.cell("a|b\nc <script>") == "a\\|b<br>c &lt;script&gt;")
    }

    @Test func verdictTablesAndFoldedExceptions() {
        let markdown = MarkdownFormatter().format(SampleReports.synthetic())
        #expect(markdown.hasPrefix("### dossiercheck failed: 1 error, 0 warnings, 0 infos\n"))
        #expect(markdown.contains("| `dossiers/réseau test.yaml` | RES-2026-001 | 1 | 0 | 0 | 1 | 1 |"))
        #expect(markdown.contains("| `dossiers/missing.yaml` | cannot read: no such file or folder |"))
        #expect(markdown.contains("| error | RES-003 |"))
        #expect(markdown.contains("<details><summary>2 suppressed or waived</summary>"))
        #expect(
            markdown.contains(
                "| HDR-003 | `dossiers/réseau test.yaml:10` | waived until 2026-12-31 | Jury decision of 14 March 2026 |"))
    }

    @Test func longReportsAreCut() {
        let markdown = MarkdownFormatter(maxFindings: 0).format(SampleReports.synthetic())
        #expect(markdown.contains("… and 1 more: see the full report."))
    }
}
