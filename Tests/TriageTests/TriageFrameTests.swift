import Foundation
import Reporting
import TestSupport
import Testing
import Triage
import Validators

/// The triage report's code frames are the terminal's and the portal's: the whole marked value
/// highlighted (not one character), long lines cut around it.
@Suite struct TriageFrameTests {
    @Test func aFindingsFrameMarksTheWholeValue() throws {
        let triager = DossierTriager(
            checker: Fixtures.checker, calculator: try FigureCalculator(checker: Fixtures.checker), language: .en)
        let text = try String(
            contentsOf: Fixtures.repositoryFile("examples/reseau-dossier/invalid-term3-rate-too-high.yaml"), encoding: .utf8)
        let row = try #require(triager.triage(file: "d.yaml", bytes: Array(text.utf8)).first)
        let located = try #require(row.findings.first { $0.finding.rule == "RES-004" })
        let marked = located.frame.flatMap { row -> [FindingFrame.Segment] in
            guard case .line(_, let segments, _) = row else { return [] }
            return segments.filter { $0.mark == .primary }
        }
        #expect(marked.map(\.text) == ["120000"], "\(located.frame)")
        let html = HTMLCodeFrame.html(located.frame, preClass: "source")
        #expect(html.contains("<mark class=\"primary\">120000</mark>"), "\(html)")
        #expect(html.contains("<span class=\"under primary\">^^^^^^ financial_plan.years[1].subsidy_requested_eur</span>"))
        // A 300-character line is cut around its marked value.
        let long = text.replacingOccurrences(
            of: "subsidy_requested_eur: 120000}",
            with: "subsidy_requested_eur: 120000, remark: \"" + String(repeating: "x", count: 300) + "\"}")
        let cut = try #require(triager.triage(file: "d.yaml", bytes: Array(long.utf8)).first)
        let frame = try #require(cut.findings.first { $0.finding.rule == "RES-004" }?.frame)
        for case .line(_, let segments, _) in frame {
            #expect(segments.map(\.text).joined().count <= 120)
        }
    }
}
