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

    let lines: [Substring]
    var annotations: [Annotation]
    /// Lines of context shown before and after the finding's own line.
    var before = 2
    var after = 1

    /// The line numbers shown, in order; nil where lines are left out.
    var shownLines: [Int?] {
        var wanted = Set<Int>()
        for annotation in annotations where (1...lines.count).contains(annotation.line) {
            let range = annotation.primary ? (annotation.line - before)...(annotation.line + after) : annotation.line...annotation.line
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

    /// The frame's lines, with a gutter as wide as `gutterWidth` (at least the widest line number).
    func render(style: TerminalStyle, gutterWidth: Int, tint: TerminalStyle.Tint) -> [String] {
        let shown = shownLines
        guard !shown.isEmpty else { return [] }
        let gutter = String(repeating: " ", count: gutterWidth)
        let bar = style.paint("|", .blue, bold: true)
        var out = ["\(gutter) \(bar)"]
        for number in shown {
            guard let number else {
                out.append(style.paint("...", .blue, bold: true))
                continue
            }
            let text = String(lines[number - 1])
            let label = String(repeating: " ", count: gutterWidth - String(number).count) + String(number)
            out.append("\(style.paint(label, .blue, bold: true)) \(bar) \(text)".trimmingTrailingSpaces)
            for annotation in annotations.filter({ $0.line == number }).sorted(by: { $0.column < $1.column }) {
                let scalars = Array(text.unicodeScalars)
                let start = min(max(annotation.column - 1, 0), scalars.count)
                let pad = String(String.UnicodeScalarView(scalars[..<start].map { $0 == "\t" ? "\t" : " " }))
                let width = max(annotation.width ?? Self.width(of: scalars, from: start), 1)
                let marker = String(repeating: annotation.primary ? "^" : "-", count: width)
                let painted = style.paint(marker, annotation.primary ? tint : .blue, bold: true)
                // A label that only repeats the underlined text (a top-level key) is left out.
                let underlined = String(String.UnicodeScalarView(scalars[start..<min(start + width, scalars.count)]))
                let label =
                    annotation.label.isEmpty || annotation.label == underlined
                    ? "" : " " + style.paint(annotation.label, annotation.primary ? tint : .blue, bold: true)
                out.append("\(gutter) \(bar) \(pad)\(painted)\(label)")
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
