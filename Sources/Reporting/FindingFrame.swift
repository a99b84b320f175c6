import Validators

/// One finding's source lines, its place and its related places underlined (the code frame), and
/// the notes that could not be placed in it: what the text report prints under a finding and the
/// portal's page shows in HTML, from one computation.
public struct FindingFrame: Sendable {
    let frame: CodeFrame
    /// Notes with no place in the shown lines, each with its place as `file:line:column` when it has one.
    public let notes: [String]

    /// `lines` is the file's text split into lines (empty when the frame should show none);
    /// `source`, the same lines shared by the frames of one file.
    public init(_ finding: Finding, file: String, lines: [Substring], source: SourceLines? = nil) {
        var annotations: [CodeFrame.Annotation] = []
        if (1...max(lines.count, 1)).contains(finding.location.line), !lines.isEmpty {
            var width: Int?
            if let end = finding.end, end.line == finding.location.line, end.column > finding.location.column {
                width = end.column - finding.location.column
            }
            annotations.append(
                CodeFrame.Annotation(
                    line: finding.location.line, column: finding.location.column, width: width, label: finding.path, primary: true
                ))
        }
        var notes: [String] = []
        for note in finding.notes {
            if let place = note.location, !annotations.isEmpty, (1...lines.count).contains(place.line) {
                annotations.append(
                    CodeFrame.Annotation(line: place.line, column: place.column, width: nil, label: note.message, primary: false))
            } else {
                notes.append(note.message + (note.location.map { " (\(file):\($0.line):\($0.column))" } ?? ""))
            }
        }
        frame = CodeFrame(
            source: source.flatMap { $0.lines.count == lines.count ? $0 : nil } ?? SourceLines(lines), annotations: annotations)
        self.notes = notes
    }

    /// One row of the frame: a source line with its underlined parts, or a gap where lines are left out.
    public enum Row: Sendable, Equatable {
        case gap
        case line(number: Int, segments: [Segment], marks: [Mark])
    }

    /// A piece of a source line; `mark` says whether it is underlined as the finding's own place
    /// (`primary`) or a related one.
    public struct Segment: Sendable, Equatable {
        public var text: String
        public var mark: Kind?
    }

    public enum Kind: Sendable, Equatable { case primary, related }

    /// An underline below a line: the columns it spans (0-based, in display columns of the shown
    /// line, see `FrameWindow`), and its label (empty when it would only repeat the underlined
    /// text, as the terminal leaves it out).
    public struct Mark: Sendable, Equatable {
        public var column: Int
        public var width: Int
        public var label: String
        public var kind: Kind
    }

    /// The rows shown, each source line cut to `window`: the same lines, places and labels as the
    /// terminal's code frame.
    public func rows(window: FrameWindow) -> [Row] { frame.rows(window: window) }

    /// The frame for the terminal, with a gutter as wide as `gutterWidth`, lines cut to `window`.
    func render(style: TerminalStyle, gutterWidth: Int, tint: TerminalStyle.Tint, window: FrameWindow) -> [String] {
        frame.render(style: style, gutterWidth: gutterWidth, tint: tint, window: window)
    }

    /// The widest line number the frame shows.
    var widestLineNumber: Int { frame.shownLines.compactMap { $0 }.map { String($0).count }.max() ?? 0 }
}

extension FindingFrame {
    /// A file's text split into lines at every kind of line end, as the frames count them.
    public static func lines(_ text: String) -> [Substring] { TextFormatter.splitLines(text) }

    /// Whether a finding is about the whole dossier (no path, at the root's first key): it gets no
    /// frame, which would single out that key.
    public static func isWholeDossier(_ finding: Finding, lines: [Substring], startLine: Int) -> Bool {
        finding.path.isEmpty && finding.location == TextFormatter.rootStart(lines, from: startLine)
    }
}
