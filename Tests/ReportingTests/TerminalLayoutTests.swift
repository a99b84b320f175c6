import DossierModel
import Foundation
import TestSupport
import Testing
import Validators

@testable import Reporting

/// The text report laid out for a terminal of a given width: notes and help wrap at words under
/// their own start, a label with no room beside its underline goes below it, no line is wider than
/// the terminal; a rule set's note is shown once in a run.
@Suite struct TerminalLayoutTests {
    static func width(_ line: Substring) -> Int { TextWrap.width(String(line)) }

    /// RES-004 on a flow-style year in a 200-character line, with a long help and label.
    static func finding(help: String, path: String) -> (Finding, [Substring]) {
        let year =
            "    - {year: 8, eligible_costs_eur: 150000, other_programmes_eur: 0, description: \""
            + String(repeating: "étude ", count: 12) + "\", subsidy_requested_eur: 120000, comment: \""
            + String(repeating: "x", count: 30)
            + "\"}"
        let text = "financial_plan:\n  years:\n" + year + "\n  self_financing: yes\n"
        let lines = FindingFrame.lines(text)
        let column =
            year.unicodeScalars.distance(from: year.unicodeScalars.startIndex, to: year.range(of: "120000")!.lowerBound) + 1
        let finding = Finding(
            rule: "RES-004", severity: .error, message: "year 8: the subsidy asked is €120,000",
            location: Mark(line: 3, column: column),
            end: Mark(line: 3, column: column + 6), path: path, help: help)
        return (finding, lines)
    }

    static func render(_ finding: Finding, _ lines: [Substring], columns: Int?) -> String {
        var shown = Set<String>()
        return TextFormatter(color: false, columns: columns).render(
            finding, file: "dossier.yaml", lines: lines, rule: nil, words: ReportVocabulary(.en), notesShown: &shown)
    }

    @Test(arguments: [80, 100])
    func noLineIsWiderThanTheTerminal(columns: Int) throws {
        let help =
            "ask at most €75,000 for year 8 (50 % of the accepted costs of €150,000, after €0 covered by other programmes); "
            + "the years of term 3 allow 50 %"
        let (finding, lines) = Self.finding(help: help, path: "financial_plan.years[0].subsidy_requested_eur")
        let output = Self.render(finding, lines, columns: columns)
        for line in output.split(separator: "\n") {
            #expect(Self.width(line) <= columns, "\(columns) columns: \(line)")
        }
        let rows = output.split(separator: "\n", omittingEmptySubsequences: false)
        // The help wraps at words, each further line under the help's first word.
        let start = try #require(rows.firstIndex { $0.hasPrefix("  = help: ") })
        var helpLines = [String(rows[start].dropFirst("  = help: ".count))]
        for row in rows[(start + 1)...] where row.hasPrefix(String(repeating: " ", count: "  = help: ".count)) {
            helpLines.append(String(row.drop { $0 == " " }))
        }
        #expect(helpLines.count > 1, "\(output)")
        #expect(helpLines.joined(separator: " ") == help, "the help's words are all there, none cut: \(helpLines)")
        // The label has no room beside the underline: it stands alone below it, whole.
        let underline = try #require(rows.firstIndex { $0.contains("^^^^^^") })
        #expect(!rows[underline].contains("financial_plan"), "\(output)")
        #expect(rows[underline + 1].hasSuffix(" financial_plan.years[0].subsidy_requested_eur"), "\(output)")
        #expect(rows[underline + 1].hasPrefix("  | "))
    }

    /// A short label stays beside its underline; without a width nothing wraps.
    @Test func aLabelWithRoomStaysBesideItsUnderline() {
        let (finding, lines) = Self.finding(help: "ask less", path: "x")
        let output = Self.render(finding, lines, columns: 100)
        #expect(output.contains("^^^^^^ x\n"), "\(output)")
        let long = String(repeating: "word ", count: 40)
        let (unlimited, same) = Self.finding(help: long, path: "x")
        #expect(Self.render(unlimited, same, columns: nil).contains("= help: \(long)\n"))
    }

    @Test func wrappingKeepsWordsWholeAndCountsWideCharacters() {
        #expect(TextWrap.lines("aa bb cc", width: 5) == ["aa bb cc"], "never narrower than \(TextWrap.narrowest)")
        #expect(TextWrap.lines("東京 東京 東京 東京 東京 東京 東京 東京", width: 20) == ["東京 東京 東京 東京", "東京 東京 東京 東京"])
        #expect(
            TextWrap.lines(String(repeating: "x", count: 45), width: 20) == [
                String(repeating: "x", count: 20), String(repeating: "x", count: 20), String(repeating: "x", count: 5),
            ])
        #expect(TextWrap.lines("", width: 20) == [""])
        // A number keeps its unit and its groups of thousands; French punctuation stays with its word.
        #expect(
            TextWrap.lines("le partenaire porte 420 000 € des coûts (100 %) ; vouliez-vous dire `GB` ?", width: 22) == [
                "le partenaire porte", "420 000 € des coûts", "(100 %) ; vouliez-vous", "dire `GB` ?",
            ])
        // A code span is kept on one line.
        #expect(
            TextWrap.lines("for more on a rule, run `dossiercheck explain RES-004` now", width: 30) == [
                "for more on a rule, run", "`dossiercheck explain RES-004`", "now",
            ])
    }

    /// The note naming a rule set's programme and source comes with the first finding of that set
    /// only, in a run of several files.
    @Test func aRuleSetsNoteIsShownOncePerRun() throws {
        let path = "examples/reseau-dossier/invalid-term3-rate-too-high.yaml"
        let text = try String(contentsOf: Fixtures.repositoryFile(path), encoding: .utf8)
        let report = SampleReports.checked([("a.yaml", text), ("b.yaml", text)], language: .fr)
        let output = TextFormatter(color: false, language: .fr, columns: 100).format(report)
        #expect(output.components(separatedBy: "error[RES-004]").count - 1 == 0)
        #expect(output.components(separatedBy: "erreur[RES-004]").count - 1 == 2, "\(output)")
        let notes = output.split(separator: "\n").filter { $0.contains("= note: Réseau d'entreprises") }
        #expect(notes.count == 1, "\(output)")
    }

    /// A help repeated word for word (every placeholder of a fresh template has the same) is shown
    /// with its first finding only; a help of its own (`did you mean`) stays with each finding.
    @Test func aRepeatedHelpIsShownOncePerRun() {
        let text = "dossier: 1\nkind: reseau-dossier\nid: <fill in>\ntitle: <fill in>\nlanguage: en\n"
        let report = SampleReports.checked([("a.yaml", text), ("b.yaml", text)], language: .en)
        let output = TextFormatter(color: false, language: .en, columns: 100).format(report)
        #expect(output.components(separatedBy: "is still to be filled in").count - 1 == 4, "\(output)")
        let helps = output.split(separator: "\n").filter { $0.contains("= help: replace `<fill in>` with the value") }
        #expect(helps.count == 1, "\(output)")
    }
}
