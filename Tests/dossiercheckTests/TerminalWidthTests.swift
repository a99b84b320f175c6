import Foundation
import TestSupport
import Testing

/// `check`'s text report fits the reader's terminal: the terminal's width when standard output is
/// one, `COLUMNS` otherwise (here, through a pipe), 100 columns when neither says.
@Suite struct TerminalWidthTests {
    /// A RES-004 finding on a 200-character flow-style year with tabs and wide characters in it.
    static var dossier: String {
        get throws {
            let text = try ScratchProject.example("invalid-term3-rate-too-high")
            let year8 = "    - {year: 8, eligible_costs_eur: 150000, other_programmes_eur: 0, subsidy_requested_eur: 120000}"
            let long =
                "    - {year: 8,\t\teligible_costs_eur: 150000, other_programmes_eur: 0, note: \""
                + String(repeating: "coûts de personnel ", count: 5) + "\", subsidy_requested_eur: 120000, remark: \"東京の展示会 "
                + String(repeating: "x", count: 20) + "\"}"
            #expect(text.contains(year8))
            return text.replacingOccurrences(of: year8, with: long)
        }
    }

    static func width(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { total, scalar in
            let value = scalar.value
            if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0xFF00...0xFF60).contains(value)
            {
                return total + 2
            }
            return total + (scalar == "\t" ? 4 : 1)
        }
    }

    @Test(arguments: [("80", 80), ("100", 100), ("", 100)])
    func theReportFitsTheWidth(columns: String, width: Int) throws {
        let project = try ScratchProject(["d.yaml": try Self.dossier])
        let run = try project.run(["check", "d.yaml", "--lang", "en"], environment: ["COLUMNS": columns, "NO_COLOR": "1"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("error[RES-004]"), "\(run.stdout)")
        // Every line fits: messages, notes, help, the hint and the summary wrap at words.
        for line in run.stdout.split(separator: "\n") {
            #expect(Self.width(line) <= width, "COLUMNS=\(columns): \(line)")
        }
        #expect(run.stdout.contains("|     - {year: 8") || run.stdout.contains("| ..."), "\(run.stdout)")
        #expect(run.stdout.contains("financial_plan.years[1].subsidy_requested_eur"), "the label is shown whole: \(run.stdout)")
    }

    /// A tab in the indentation (HDR-004) is one character shown as four columns: four carets.
    @Test func aTabInTheIndentationIsUnderlinedAsItIsShown() throws {
        let project = try ScratchProject(["d.yaml": "dossier: 1\nkind: reseau-dossier\nmembers:\n  - {id: a}\n\t- {id: b}\n"])
        let run = try project.run(["check", "d.yaml", "--lang", "en"], environment: ["COLUMNS": "80", "NO_COLOR": "1"])
        #expect(run.stdout.contains("error[HDR-004]"), "\(run.stdout)")
        #expect(run.stdout.contains("5 |     - {id: b}\n  | ^^^^\n"), "\(run.stdout)")
    }
}
