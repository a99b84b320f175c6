import DossierModel
import LanguageServerProtocol

/// An open document's text with its line starts, for turning LSP positions (UTF-16 offsets)
/// into the checker's marks (1-based, columns in Unicode scalars) and back, and for applying
/// incremental edits.
struct SourceText: Sendable {
    private(set) var text: String
    /// Where each line starts, in `text.unicodeScalars`. Lines end at `\n`, `\r\n` or `\r`, as for
    /// libyaml and LSP.
    private(set) var lineStarts: [String.UnicodeScalarView.Index]

    init(_ text: String) {
        self.text = text
        self.lineStarts = Self.lineStarts(of: text)
    }

    var lineCount: Int { lineStarts.count }

    /// The scalars of line `index` (0-based), without its line break.
    func line(_ index: Int) -> Substring.UnicodeScalarView {
        guard index >= 0, index < lineStarts.count else { return Substring.UnicodeScalarView() }
        let scalars = text.unicodeScalars
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : scalars.endIndex
        if end > lineStarts[index] {
            let before = scalars.index(before: end)
            if scalars[before] == "\n" || scalars[before] == "\r" {
                end = before
                if scalars[before] == "\n", end > lineStarts[index], scalars[scalars.index(before: end)] == "\r" {
                    end = scalars.index(before: end)
                }
            }
        }
        return scalars[lineStarts[index]..<end]
    }

    func lineText(_ index: Int) -> String { String(String.UnicodeScalarView(line(index))) }

    /// The LSP position of a checker's mark.
    func position(_ mark: Mark) -> Position {
        let lineIndex = max(mark.line - 1, 0)
        guard lineIndex < lineStarts.count else { return Position(line: lineIndex, character: 0) }
        var utf16 = 0
        var column = 1
        for scalar in line(lineIndex) {
            if column >= mark.column { break }
            utf16 += scalar.utf16.count
            column += 1
        }
        return Position(line: lineIndex, character: utf16)
    }

    /// The checker's mark of an LSP position (clamped to the line).
    func mark(_ position: Position) -> Mark {
        var utf16 = 0
        var column = 1
        for scalar in line(position.line) {
            if utf16 >= position.character { break }
            utf16 += scalar.utf16.count
            column += 1
        }
        return Mark(line: position.line + 1, column: column)
    }

    /// The index in `text.unicodeScalars` of an LSP position, clamped to the text.
    func index(_ position: Position) -> String.UnicodeScalarView.Index {
        let scalars = text.unicodeScalars
        guard position.line < lineStarts.count else { return scalars.endIndex }
        guard position.line >= 0 else { return scalars.startIndex }
        let line = line(position.line)
        var index = line.startIndex
        var utf16 = 0
        while index < line.endIndex, utf16 < position.character {
            utf16 += scalars[index].utf16.count
            index = scalars.index(after: index)
        }
        return index
    }

    /// Replaces `range` by `newText`; the whole text when `range` is nil.
    mutating func apply(_ change: TextDocumentContentChangeEvent) {
        guard let range = change.range else {
            self = SourceText(change.text)
            return
        }
        var start = index(range.start)
        var end = index(range.end)
        if end < start { swap(&start, &end) }
        var scalars = text.unicodeScalars
        scalars.replaceSubrange(start..<end, with: change.text.unicodeScalars)
        self = SourceText(String(scalars))
    }

    /// The LSP range of the whole text.
    var fullRange: LanguageServerProtocol.Range {
        let last = lineStarts.count - 1
        return LanguageServerProtocol.Range(
            start: Position(line: 0, character: 0),
            end: Position(line: last, character: line(last).reduce(0) { $0 + $1.utf16.count }))
    }

    private static func lineStarts(of text: String) -> [String.UnicodeScalarView.Index] {
        let scalars = text.unicodeScalars
        var starts = [scalars.startIndex]
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
            if scalar == "\n" || scalar == "\r" { starts.append(index) }
        }
        return starts
    }
}
