/// The part of a source line a code frame shows, in rustc's manner: the whole line when it fits in
/// `columns` display columns, else a window of at most `columns` around the marked place with `...`
/// where the line is cut (a marked value longer than the window keeps its start and its end, cut
/// in the middle). Columns are counted as a terminal shows them: a tab as four spaces (it is shown
/// as four spaces, so that underlines line up), an East Asian wide character or an emoji as two, a
/// combining mark as none. The terminal's frames and the portal's HTML frames both cut lines here:
/// however long a line, a frame shows at most `columns` cells of it (a character that shows as
/// nothing still takes one of the window's cells, so a line of combining marks is cut too).
public struct FrameWindow: Sendable, Equatable {
    /// The widest a shown line may be; nil for no limit (the whole line, tabs as four spaces).
    public var columns: Int?

    public init(columns: Int?) {
        self.columns = columns.map { max($0, Self.narrowest) }
    }

    /// A window narrower than this could not show a place between two `...`.
    public static let narrowest = 16
    static let ellipsis = "..."

    /// A piece of the shown line: text of the line (tabs expanded) or a `...` where it is cut, and
    /// the index of the marked span it belongs to (nil for unmarked text).
    public struct Piece: Sendable, Equatable {
        public var text: String
        public var span: Int?
    }

    /// Where a span is underlined: its first display column in the shown line (0-based) and how many
    /// columns (at least one); nil for a span not shown.
    public struct Underline: Sendable, Equatable {
        public var column: Int
        public var width: Int
    }

    /// A line as shown: its pieces, in order, and the underline of each span given.
    public struct Shown: Sendable, Equatable {
        public var pieces: [Piece]
        public var underlines: [Underline?]
        /// The shown text, pieces joined.
        public var text: String { pieces.map(\.text).joined() }
    }

    /// `line` cut around `spans[focus]` (0-based scalar offsets, end exclusive; spans should not
    /// overlap). `focus` nil centres nothing: the line's start is shown.
    public func cut(_ line: [Unicode.Scalar], spans: [Range<Int>], focus: Int?) -> Shown {
        let spans = spans.map { span in
            let lower = min(max(span.lowerBound, 0), line.count)
            return lower..<min(max(span.upperBound, lower), line.count)
        }
        let shownRanges: [Range<Int>]
        if let columns, Self.wider(line, than: columns) {
            let focused = focus.map { spans[$0] } ?? 0..<0
            shownRanges = Self.window(line, around: focused, columns: columns)
        } else {
            shownRanges = [0..<line.count]
        }
        // The pieces: each shown range split at the spans' edges, `...` between and around ranges.
        var pieces: [Piece] = []
        var starts = [Int?](repeating: nil, count: spans.count)
        var ends = [Int?](repeating: nil, count: spans.count)
        var column = 0
        func spanIndex(at offset: Int) -> Int? {
            spans.firstIndex { $0.contains(offset) }
        }
        func add(_ text: String, width: Int, span: Int?) {
            if let span {
                if starts[span] == nil { starts[span] = column }
                ends[span] = column + width
            }
            if let last = pieces.last, last.span == span {
                pieces[pieces.count - 1].text += text
            } else {
                pieces.append(Piece(text: text, span: span))
            }
            column += width
        }
        func addEllipsis(between left: Int, and right: Int) {
            // Inside one span (a long value cut in its middle), the `...` is part of its mark.
            let inside = spans.firstIndex { $0.lowerBound < left && $0.upperBound > right }
            add(Self.ellipsis, width: Self.ellipsis.count, span: inside)
        }
        var previousEnd = 0
        for range in shownRanges {
            if range.lowerBound > previousEnd { addEllipsis(between: previousEnd, and: range.lowerBound) }
            var offset = range.lowerBound
            while offset < range.upperBound {
                let span = spanIndex(at: offset)
                var end = offset + 1
                while end < range.upperBound, spanIndex(at: end) == span { end += 1 }
                var text = ""
                var width = 0
                for scalar in line[offset..<end] {
                    if scalar == "\t" {
                        text += "    "
                    } else {
                        text.unicodeScalars.append(scalar)
                    }
                    width += Self.width(scalar)
                }
                add(text, width: width, span: span)
                offset = end
            }
            previousEnd = range.upperBound
        }
        if previousEnd < line.count { addEllipsis(between: previousEnd, and: line.count) }
        // Empty spans (a place between two characters) and spans that show as nothing get one column.
        var underlines: [Underline?] = []
        for (index, span) in spans.enumerated() {
            if let start = starts[index], let end = ends[index] {
                underlines.append(Underline(column: start, width: max(end - start, 1)))
            } else if span.isEmpty, let at = Self.column(of: span.lowerBound, in: line, shown: shownRanges) {
                underlines.append(Underline(column: at, width: 1))
            } else {
                underlines.append(nil)
            }
        }
        return Shown(pieces: pieces, underlines: underlines)
    }

    /// The display column where scalar `offset` would be shown, when it is in (or right after) a shown range.
    private static func column(of offset: Int, in line: [Unicode.Scalar], shown: [Range<Int>]) -> Int? {
        var column = 0
        var previousEnd = 0
        for range in shown {
            if range.lowerBound > previousEnd { column += ellipsis.count }
            if offset >= range.lowerBound, offset <= range.upperBound {
                return column + line[range.lowerBound..<offset].reduce(0) { $0 + width($1) }
            }
            column += line[range].reduce(0) { $0 + width($1) }
            previousEnd = range.upperBound
        }
        return nil
    }

    /// The scalar ranges shown of a line too wide for `columns`: one range around `focus` (context
    /// added on both sides in turn, so the place is centred), or the start and the end of a focus
    /// too wide itself.
    static func window(_ line: [Unicode.Scalar], around focus: Range<Int>, columns: Int) -> [Range<Int>] {
        let dots = ellipsis.count
        let focusCells = line[focus].reduce(0) { $0 + cells($1) }
        // Room for the focus and a `...` on each side.
        if focusCells + 2 * dots > columns {
            let room = columns - 3 * dots
            var head = focus.lowerBound
            var used = 0
            while head < focus.upperBound, used + cells(line[head]) <= (room + 1) / 2 {
                used += cells(line[head])
                head += 1
            }
            var tail = focus.upperBound
            while tail > head, used + cells(line[tail - 1]) <= room {
                used += cells(line[tail - 1])
                tail -= 1
            }
            return [focus.lowerBound..<head, tail..<focus.upperBound]
        }
        var lower = focus.lowerBound
        var upper = focus.upperBound
        var used = focusCells
        func reserve(_ lower: Int, _ upper: Int) -> Int { (lower > 0 ? dots : 0) + (upper < line.count ? dots : 0) }
        var grew = true
        while grew {
            grew = false
            if lower > 0, used + cells(line[lower - 1]) + reserve(lower - 1, upper) <= columns {
                lower -= 1
                used += cells(line[lower])
                grew = true
            }
            if upper < line.count, used + cells(line[upper]) + reserve(lower, upper + 1) <= columns {
                used += cells(line[upper])
                upper += 1
                grew = true
            }
        }
        return [lower..<upper]
    }

    /// `text` (a label beside an underline) cut to the window's width, `...` where it is cut.
    public func clip(_ text: String) -> String {
        guard let columns else { return text }
        var total = 0
        for scalar in text.unicodeScalars {
            total += Self.cells(scalar)
            if total > columns { break }
        }
        guard total > columns else { return text }
        var used = 0
        var out = ""
        for scalar in text.unicodeScalars {
            used += Self.cells(scalar)
            if used > columns - Self.ellipsis.count {
                return out + Self.ellipsis
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Whether `line` takes more than `columns` cells (looking no further than that).
    static func wider(_ line: [Unicode.Scalar], than columns: Int) -> Bool {
        guard line.count > columns / 4 else { return false }
        var used = 0
        for scalar in line {
            used += cells(scalar)
            if used > columns { return true }
        }
        return false
    }

    /// The cells of the window a scalar takes: its display width, at least one.
    static func cells(_ scalar: Unicode.Scalar) -> Int { max(width(scalar), 1) }

    /// How many columns a terminal gives a scalar: 4 for a tab (shown as four spaces), 2 for East
    /// Asian wide and fullwidth characters and emoji, 0 for combining marks, format characters and
    /// controls, else 1.
    public static func width(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if scalar == "\t" { return 4 }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        case .format where value != 0xAD: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        for range in wideRanges where range.contains(value) { return 2 }
        return 1
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x2FFFD,
        0x30000...0x3FFFD,
    ]
}
