/// Source lines around one or more places, each place underlined and labelled, in the manner of
/// rustc and swift-syntax's DiagnosticsFormatter:
///
/// ```
///     |
/// 113 |     - {year: 2, eligible_costs_eur: 155000}
/// 114 |     - {year: 3, eligible_costs_eur: 160000.01}
///     |                                     ^^^^^^^^^ financial_plan.years[2].eligible_costs_eur
/// 115 |   self_financing: |
///     |
/// ```
struct CodeFrame {
    /// One underlined place: `^^^` for the finding's own, `---` for a related one.
    struct Annotation {
        var line: Int
        /// 1-based, in Unicode scalars.
        var column: Int
        /// How many scalars to underline; nil to find out from the text (a key, a bracketed value …).
        var width: Int?
        var label: String
        var primary: Bool
    }

    let source: SourceLines
    var lines: [Substring] { source.lines }
    var annotations: [Annotation]
    /// Lines of context shown before and after the finding's own line.
    var before = 2
    var after = 1

    /// The line numbers shown, in order; nil where lines are left out.
    var shownLines: [Int?] {
        var wanted = Set<Int>()
        for annotation in annotations where (1...lines.count).contains(annotation.line) {
            let range =
                annotation.primary ? (annotation.line - before)...(annotation.line + after) : annotation.line...annotation.line
            for number in range where (1...lines.count).contains(number) { wanted.insert(number) }
        }
        let annotated = Set(annotations.map(\.line))
        var sorted = wanted.sorted()
        // Blank lines at the edges of the context say nothing.
        while let first = sorted.first, !annotated.contains(first), Self.isBlank(lines[first - 1]) { sorted.removeFirst() }
        while let last = sorted.last, !annotated.contains(last), Self.isBlank(lines[last - 1]) { sorted.removeLast() }
        var result: [Int?] = []
        for number in sorted {
            if let previous = result.last ?? nil, number > previous + 1 { result.append(nil) }
            result.append(number)
        }
        return result
    }

    /// The shown lines, each cut to `window` around its first underlined place (a line with none
    /// around the finding's own place, so that the lines of one frame are cut alike), with its
    /// underlines in display columns.
    func rows(window: FrameWindow) -> [FindingFrame.Row] {
        let primary = annotations.first { $0.primary }
        return shownLines.map { number in
            guard let number else { return .gap }
            let scalars = source.scalars(ofLine: number)
            let here = annotations.filter { $0.line == number }.sorted { $0.column < $1.column }
            let spans = here.map { annotation -> Range<Int> in
                let start = min(max(annotation.column - 1, 0), scalars.count)
                let width = max(annotation.width ?? Self.width(of: scalars, from: start), 1)
                return start..<min(start + width, scalars.count)
            }
            var focusSpans = spans
            var focus = here.firstIndex { $0.primary } ?? (here.isEmpty ? nil : 0)
            if focus == nil, let primary {
                let start = min(max(primary.column - 1, 0), scalars.count)
                focusSpans.append(start..<start)
                focus = focusSpans.count - 1
            }
            let shown = window.cut(scalars, spans: focusSpans, focus: focus)
            var segments: [FindingFrame.Segment] = []
            for piece in shown.pieces {
                let kind = piece.span.flatMap {
                    $0 < here.count ? (here[$0].primary ? FindingFrame.Kind.primary : .related) : nil
                }
                if let last = segments.last, last.mark == kind {
                    segments[segments.count - 1].text += piece.text
                } else {
                    segments.append(FindingFrame.Segment(text: piece.text, mark: kind))
                }
            }
            var marks: [FindingFrame.Mark] = []
            for (index, annotation) in here.enumerated() {
                guard let underline = shown.underlines[index] else { continue }
                // A label that only repeats the underlined text (a top-level key) is left out.
                let underlined = String(String.UnicodeScalarView(scalars[spans[index]]))
                marks.append(
                    FindingFrame.Mark(
                        column: underline.column, width: underline.width,
                        label: annotation.label == underlined ? "" : window.clip(annotation.label),
                        kind: annotation.primary ? .primary : .related))
            }
            return .line(number: number, segments: segments, marks: marks)
        }
    }

    /// The frame's lines, with a gutter as wide as `gutterWidth`, each source line cut to `window`.
    func render(style: TerminalStyle, gutterWidth: Int, tint: TerminalStyle.Tint, window: FrameWindow) -> [String] {
        let rows = rows(window: window)
        guard !rows.isEmpty else { return [] }
        let gutter = String(repeating: " ", count: gutterWidth)
        let bar = style.paint("|", .blue, bold: true)
        var out = ["\(gutter) \(bar)"]
        for row in rows {
            guard case .line(let number, let segments, let marks) = row else {
                out.append(style.paint("...", .blue, bold: true))
                continue
            }
            let text = segments.map(\.text).joined()
            let label = String(repeating: " ", count: gutterWidth - String(number).count) + String(number)
            out.append("\(style.paint(label, .blue, bold: true)) \(bar) \(text)".trimmingTrailingSpaces)
            for mark in marks {
                let colour = mark.kind == .primary ? tint : .blue
                let marker = style.paint(
                    String(repeating: mark.kind == .primary ? "^" : "-", count: mark.width), colour, bold: true)
                let indent = String(repeating: " ", count: mark.column)
                let labelWidth = TextWrap.width(mark.label)
                let fits = window.columns.map { mark.column + mark.width + 1 + labelWidth <= $0 } ?? true
                if mark.label.isEmpty || fits {
                    let label = mark.label.isEmpty ? "" : " " + style.paint(mark.label, colour, bold: true)
                    out.append("\(gutter) \(bar) \(indent)\(marker)\(label)")
                } else {
                    // No room beside the underline: the label goes on the line below, as far right
                    // as it fits, so that the terminal never wraps it under the gutter.
                    let start = max(0, min(mark.column, (window.columns ?? 0) - labelWidth))
                    out.append("\(gutter) \(bar) \(indent)\(marker)")
                    out.append(
                        "\(gutter) \(bar) \(String(repeating: " ", count: start))\(style.paint(mark.label, colour, bold: true))")
                }
            }
        }
        out.append("\(gutter) \(bar)")
        return out
    }

    static func isBlank(_ line: Substring) -> Bool { line.allSatisfy(\.isWhitespace) }

    /// What to underline from `start` when the finding does not say where its node ends: a
    /// bracketed or quoted value to its end, a key to its colon, else the rest of the line
    /// without a trailing comment.
    static func width(of line: [Unicode.Scalar], from start: Int) -> Int {
        guard start < line.count else { return 1 }
        let rest = line[start...]
        // A place at a tab is about that tab (one in the indentation): it alone is underlined.
        if rest.first == "\t" { return 1 }
        var depth = 0
        var quote: Unicode.Scalar?
        switch rest.first {
        case "{", "[", "\"", "'":
            for (offset, scalar) in rest.enumerated() {
                if let open = quote {
                    if scalar == open { quote = nil }
                    if quote == nil, depth == 0 { return offset + 1 }
                    continue
                }
                switch scalar {
                case "\"", "'": quote = scalar
                case "{", "[": depth += 1
                case "}", "]":
                    depth -= 1
                    if depth == 0 { return offset + 1 }
                default: break
                }
            }
            return rest.count
        default:
            var end = rest.count
            for (offset, scalar) in rest.enumerated() {
                let next = offset + 1 < rest.count ? rest[rest.index(rest.startIndex, offsetBy: offset + 1)] : " "
                if scalar == ":" && (next == " " || next == "\t") { return max(offset, 1) }
                if scalar == "#" && offset > 0 && rest[rest.index(rest.startIndex, offsetBy: offset - 1)] == " " {
                    end = offset
                    break
                }
            }
            if end == rest.count, let last = rest.last, last == ":" { return max(rest.count - 1, 1) }
            var trimmed = end
            while trimmed > 1, rest[rest.index(rest.startIndex, offsetBy: trimmed - 1)] == " " { trimmed -= 1 }
            return trimmed
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
