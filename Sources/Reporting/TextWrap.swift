/// Text wrapped to a terminal's width at word boundaries, widths counted in display columns as
/// `FrameWindow` counts them (a wide character takes two), so that a terminal never breaks a line
/// itself — it would break mid-word and start the rest under the gutter.
public enum TextWrap {
    /// The narrowest a wrapped text gets, however little room the terminal leaves.
    static let narrowest = 20

    /// The display columns `text` takes.
    static func width(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + FrameWindow.width($1) } }

    /// `text` as lines of at most `width` columns, broken at spaces outside code spans (a word longer
    /// than a line is cut where it reaches the end); nil width, one line.
    public static func lines(_ text: String, width: Int?) -> [String] {
        guard let width else { return [text] }
        let room = max(width, narrowest)
        guard Self.width(text) > room else { return [text] }
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in words(text) {
            var word = word
            var wordWidth = Self.width(word)
            if used > 0, used + 1 + wordWidth <= room {
                line += " " + word
                used += 1 + wordWidth
                continue
            }
            if used > 0 { lines.append(line) }
            // A word wider than a whole line: cut into pieces that fill one each.
            while wordWidth > room {
                var piece = ""
                var pieceWidth = 0
                var rest = word.unicodeScalars[...]
                while let scalar = rest.first, pieceWidth + FrameWindow.width(scalar) <= room {
                    piece.unicodeScalars.append(scalar)
                    pieceWidth += FrameWindow.width(scalar)
                    rest = rest.dropFirst()
                }
                lines.append(piece)
                word = String(String.UnicodeScalarView(rest))
                wordWidth = Self.width(word)
            }
            line = word
            used = wordWidth
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The words of `text` between spaces; a code span (`dossiercheck explain RES-004`) is one word,
    /// and so are a number and its unit or its groups of thousands (`160 000 €`, `100 %`), and a
    /// word and the French punctuation spaced after it (`dire `GB` ?`).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var open = false
        for piece in text.split(separator: " ", omittingEmptySubsequences: true) {
            if open || words.last.map({ keeps($0, with: piece) }) == true, let last = words.popLast() {
                words.append(last + " " + piece)
            } else {
                words.append(String(piece))
            }
            if piece.filter({ $0 == "`" }).count % 2 == 1 { open.toggle() }
        }
        return words
    }

    /// Whether `next` stays on the line of `word`: a unit or punctuation that French spaces
    /// (`%`, `€`, `:`, `;`, `?`, `!`, `»`), or a group of three digits after a number.
    static func keeps(_ word: String, with next: Substring) -> Bool {
        guard let first = next.first else { return false }
        if "%€:;?!»".contains(first) { return true }
        if word.last == "«" { return true }
        return word.last?.isNumber == true && next.count >= 3 && next.prefix(3).allSatisfy(\.isNumber)
            && (next.count == 3 || !next.dropFirst(3).first!.isNumber)
    }
}
