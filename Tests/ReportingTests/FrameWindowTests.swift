import DossierModel
import Testing
import Validators

@testable import Reporting

/// The code frame's window (`FrameWindow`): text frames of long lines, tabs and wide characters
/// cut to 80 and 100 columns, against their expected text, and the window's guarantees on any line.
@Suite struct FrameWindowTests {
    /// The text report of one finding, frames cut to `columns`.
    static func frame(_ source: String, line: Int, column: Int, width: Int? = nil, path: String = "a.b", columns: Int?) -> String
    {
        let lines = FindingFrame.lines(source)
        let end = width.map { Mark(line: line, column: column + $0) }
        let finding = Finding(
            rule: "HDR-003", severity: .error, message: "unknown key", location: Mark(line: line, column: column), end: end,
            path: path)
        var notesShown = Set<String>()
        return TextFormatter(color: false, columns: columns).render(
            finding, file: "d.yaml", lines: lines, rule: nil, words: ReportVocabulary(.en), notesShown: &notesShown)
    }

    /// A 200-character line, marked near its end: cut on both sides, the place centred.
    static let long =
        "a: 1\nb: " + (0..<19).map { "word\($0 % 10)-abc" }.joined(separator: " ") + " target_key: 42 "
        + String(repeating: "z", count: 200) + "\nc: 3\n"

    @Test func aLongLineAt80And100Columns() {
        let text = Self.long
        let lines = FindingFrame.lines(text)
        let column = Array(lines[1].unicodeScalars).count - 200 - 15 + 1
        let at80 = Self.frame(text, line: 2, column: column, width: 10, columns: 80)
        #expect(
            at80 == """
                error[HDR-003]: unknown key
                 --> d.yaml:2:\(column)
                  |
                1 | a: 1
                2 | ...word6-abc word7-abc word8-abc target_key: 42 zzzzzzzzzzzzzzzzzzzzzzzzz...
                  |                                  ^^^^^^^^^^ a.b
                3 | c: 3
                  |


                """, "\(at80)")
        let at100 = Self.frame(text, line: 2, column: column, width: 10, columns: 100)
        #expect(
            at100 == """
                error[HDR-003]: unknown key
                 --> d.yaml:2:\(column)
                  |
                1 | a: 1
                2 | ...word5-abc word6-abc word7-abc word8-abc target_key: 42 zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz...
                  |                                            ^^^^^^^^^^ a.b
                3 | c: 3
                  |


                """, "\(at100)")
        for output in [at80, at100] {
            #expect(output.split(separator: "\n").allSatisfy { $0.unicodeScalars.count <= 100 })
        }
    }

    /// Tabs are shown as four spaces, so the underline below a value after tabs lines up.
    @Test func tabsAreFourColumns() {
        let text = "k:\t\tv: 1\n"
        let output = Self.frame(text, line: 1, column: 5, width: 1, path: "k.v", columns: 80)
        #expect(
            output == """
                error[HDR-003]: unknown key
                 --> d.yaml:1:5
                  |
                1 | k:        v: 1
                  |           ^ k.v
                  |


                """, "\(output)")
        let long = "k:\t" + String(repeating: "x\t", count: 60) + "target: 1\n"
        let column = 3 + 120 + 1
        // No room beside the underline in 80 columns: the label goes below it.
        let cut = Self.frame(long, line: 1, column: column, width: 6, path: "k.target", columns: 80)
        #expect(
            cut == """
                error[HDR-003]: unknown key
                 --> d.yaml:1:\(column)
                  |
                1 | ...    x    x    x    x    x    x    x    x    x    x    x    x    target: 1
                  |                                                                    ^^^^^^
                  |                                                                    k.target
                  |


                """, "\(cut)")
    }

    /// East Asian wide characters take two columns: the underline of a wide value is twice its length.
    @Test func wideCharactersAreTwoColumns() {
        let value = String(repeating: "東京都", count: 30)
        let text = "名前: " + value + " 住所: 千代田区\n"
        let column = 4 + value.unicodeScalars.count + 1 + 1
        let output = Self.frame(text, line: 1, column: column, width: 2, path: "住所", columns: 80)
        #expect(
            output == """
                error[HDR-003]: unknown key
                 --> d.yaml:1:\(column)
                  |
                1 | ...京都東京都東京都東京都東京都東京都東京都東京都東京都東京都 住所: 千代田区
                  |                                                               ^^^^
                  |


                """, "\(output)")
        let short = Self.frame("名前: 東京\n", line: 1, column: 5, width: 2, path: "名前", columns: 100)
        #expect(short.contains("1 | 名前: 東京\n  |       ^^^^ 名前\n"), "\(short)")
    }

    /// Whatever the line, a shown line is at most the window's width, in display columns and in
    /// scalars (a combining mark takes a cell of the window), and every underline lies inside it.
    @Test func theWindowBoundsEveryLine() {
        let lines: [String] = [
            String(repeating: "ab\"<&", count: 2000),
            String(repeating: "e\u{301}", count: 3000),
            String(repeating: "\t東", count: 500) + "x",
            String(repeating: "🙂", count: 400),
            "short",
        ]
        for columns in [16, 80, 100, 120] {
            let window = FrameWindow(columns: columns)
            for line in lines {
                let scalars = Array(line.unicodeScalars)
                for start in [0, 1, scalars.count / 2, scalars.count - 1] {
                    for width in [0, 1, 7, 500, scalars.count] {
                        let span = start..<min(start + width, scalars.count)
                        let shown = window.cut(scalars, spans: [span], focus: 0)
                        let cells = shown.text.unicodeScalars.reduce(0) { $0 + FrameWindow.cells($1) }
                        #expect(cells <= columns, "\(columns) columns, span \(span): \(cells)")
                        if let underline = shown.underlines[0] {
                            #expect(underline.column + underline.width <= columns + 1)
                        } else {
                            Issue.record("the marked span \(span) is not shown")
                        }
                    }
                }
            }
        }
        // No window: the whole line.
        let whole = FrameWindow(columns: nil).cut(Array("a\tb".unicodeScalars), spans: [2..<3], focus: 0)
        #expect(whole.text == "a    b")
        #expect(whole.underlines == [FrameWindow.Underline(column: 5, width: 1)])
    }

    /// A marked value longer than the window keeps its start and its end, the cut marked with it.
    @Test func aLongValueIsCutInItsMiddle() {
        let line = Array(("key: " + String(repeating: "v", count: 300) + "END").unicodeScalars)
        let shown = FrameWindow(columns: 40).cut(line, spans: [5..<line.count], focus: 0)
        #expect(shown.text.hasPrefix("...vvv"))
        #expect(shown.text.hasSuffix("vvEND"))
        #expect(shown.pieces.map(\.span) == [nil, 0], "the whole shown value is one marked piece: \(shown.pieces)")
        #expect(shown.underlines[0] == FrameWindow.Underline(column: 3, width: shown.text.unicodeScalars.count - 3))
    }

    @Test func displayWidths() {
        #expect(FrameWindow.width("a") == 1)
        #expect(FrameWindow.width("\t") == 4)
        #expect(FrameWindow.width("東") == 2)
        #expect(FrameWindow.width("\u{301}") == 0)
        #expect(FrameWindow.width("🙂") == 2)
        #expect(FrameWindow.width("é") == 1)
    }
}
