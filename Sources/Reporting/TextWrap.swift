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

    /// The words of `text` between spaces; a code span (`dossiercheck explain RES-004`) is one word.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var open = false
        for piece in text.split(separator: " ", omittingEmptySubsequences: true) {
            if open, let last = words.popLast() {
                words.append(last + " " + piece)
            } else {
                words.append(String(piece))
            }
            if piece.filter({ $0 == "`" }).count % 2 == 1 { open.toggle() }
        }
        return words
    }
}
