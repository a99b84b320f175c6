import DossierModel
import LanguageServerProtocol
import Testing

@testable import LanguageServer

@Suite struct SourceTextTests {
    @Test func marksAndPositionsConvertThroughUTF16() {
        // `é` is one scalar and one UTF-16 unit; `𝄞` one scalar and two units.
        let source = SourceText("a: é𝄞x\r\nb: 1\rc: 2\n")
        #expect(source.lineCount == 4)
        #expect(source.lineText(0) == "a: é𝄞x")
        #expect(source.lineText(1) == "b: 1")
        #expect(source.lineText(2) == "c: 2")
        #expect(source.position(Mark(line: 1, column: 6)) == Position(line: 0, character: 6))
        #expect(source.mark(Position(line: 0, character: 6)) == Mark(line: 1, column: 6))
        #expect(source.position(Mark(line: 3, column: 4)) == Position(line: 2, character: 3))
    }

    @Test func incrementalEditsReplaceTheirRange() {
        var source = SourceText("one: 1\ntwo: 𝄞2\n")
        source.apply(
            TextDocumentContentChangeEvent(
                range: Range(start: Position(line: 1, character: 5), end: Position(line: 1, character: 8)), text: "3"))
        #expect(source.text == "one: 1\ntwo: 3\n")
        source.apply(
            TextDocumentContentChangeEvent(
                range: Range(start: Position(line: 0, character: 6), end: Position(line: 1, character: 0)), text: "\nthree: 4\n"))
        #expect(source.text == "one: 1\nthree: 4\ntwo: 3\n")
        source.apply(TextDocumentContentChangeEvent(text: "all new"))
        #expect(source.text == "all new")
        // A range past the end is clamped, not a crash.
        source.apply(
            TextDocumentContentChangeEvent(
                range: Range(start: Position(line: 9, character: 0), end: Position(line: 12, character: 4)), text: "!"))
        #expect(source.text == "all new!")
    }
}

@Suite struct CursorContextTests {
    func context(_ text: String, line: Int, column: Int) -> CursorContext {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return CursorContext(lines: { lines.indices.contains($0) ? lines[$0] : "" }, line: line, column: column)
    }

    @Test func aKeyBeingTypedIsPlacedInItsMapping() {
        let text = "members:\n  - id: a\n    na\nfinancial_plan:\n  years:\n    - year: 1\n      sub"
        #expect(
            context(text, line: 2, column: 6)
                == CursorContext(parent: [.key("members"), .index(0)], key: nil, listItem: false, typed: "na"))
        #expect(
            context(text, line: 6, column: 9)
                == CursorContext(
                    parent: [.key("financial_plan"), .key("years"), .index(0)], key: nil, listItem: false, typed: "sub"))
    }

    @Test func aValueBeingTypedNamesItsKey() {
        let text = "kind: pole-project\ncosts:\n- partner: \n"
        #expect(
            context(text, line: 2, column: 11)
                == CursorContext(parent: [.key("costs"), .index(0)], key: "partner", listItem: false, typed: ""))
        #expect(context(text, line: 0, column: 6) == CursorContext(parent: [], key: "kind", listItem: false, typed: ""))
    }

    @Test func aListItemOfScalarsIsAValue() {
        let text = "strategy:\n  development_plan:\n    measures:\n      - actors:\n          - "
        let found = context(text, line: 4, column: 12)
        #expect(
            found.valuePath == [
                .key("strategy"), .key("development_plan"), .key("measures"), .index(0), .key("actors"), .index(0),
            ])
    }
}
