import DossierModel
import Validators

/// Findings for people, in the manner of rustc and swift-syntax: the rule and severity, the
/// message, the place, the source lines around it with the offending node underlined (the parent
/// key for something missing), a note with the rule's programme and report section, what would
/// comply, and a one-line summary. Labels follow each dossier's language; colour is optional.
public struct TextFormatter: ReportFormatter {
    public var color: Bool
    /// The language of what belongs to no dossier (unreadable files, the summary); by default the
    /// dossiers' own when they share one, else English.
    public var language: Language?
    /// How wide the report's lines may be, in display columns: a code frame's longer source line
    /// is cut around the marked place (`FrameWindow`), a longer note or help wraps at a word under
    /// its own start; nil shows whole lines.
    public var columns: Int?

    public init(color: Bool, language: Language? = nil, columns: Int? = nil) {
        self.color = color
        self.language = language
        self.columns = columns
    }

    var style: TerminalStyle { TerminalStyle(color: color) }

    public func format(_ report: CheckReport) -> String {
        let words = ReportVocabulary(runLanguage(report))
        var out = ""
        // A rule set's note (its programme and source) and a help repeated word for word are shown
        // once in a run, on the first finding they concern.
        var notesShown = Set<String>()
        for file in report.files {
            if let error = file.readError {
                out +=
                    style.paint(words.severity(.error), .red, bold: true)
                    + style.paint(": " + words.cannotRead(file.path, error), nil, bold: true) + "\n\n"
                continue
            }
            let lines = file.source.map(Self.splitLines) ?? []
            let source = SourceLines(lines)
            for document in file.documents {
                let rootStart = Self.rootStart(lines, from: document.startLine)
                let sorted = document.findings.enumerated().sorted {
                    ($0.element.finding.location, $0.offset) < ($1.element.finding.location, $1.offset)
                }
                let local = ReportVocabulary(document.language)
                for (_, reported) in sorted {
                    if let suppression = reported.suppression {
                        out += render(reported.finding, file: file.path, suppressedBy: suppression, words: local)
                    } else {
                        let wholeDossier = reported.finding.path.isEmpty && reported.finding.location == rootStart
                        out += render(
                            reported.finding, file: file.path, lines: wholeDossier ? [] : lines, source: source,
                            rule: report.tool.rule(reported.finding.rule, in: document.ruleSets), words: local,
                            notesShown: &notesShown)
                    }
                }
            }
        }
        if let first = report.dossiers.lazy.flatMap(\.dossier.findings).first(where: {
            $0.isOpen && report.tool.rule($0.finding.rule)?.source != nil
        }) {
            for line in TextWrap.lines(words.explainHint(first.finding.rule), width: columns) {
                out += style.paint(line, nil, bold: true) + "\n"
            }
        }
        return out + summaryLine(report, language: words.language)
    }

    /// The language of the run: the one asked for, else the one all dossiers share, else English.
    func runLanguage(_ report: CheckReport) -> Language {
        if let language { return language }
        let languages = Set(report.dossiers.map(\.dossier.language))
        return languages.count == 1 ? languages.first! : .en
    }

    func render(
        _ finding: Finding, file: String, lines: [Substring], source: SourceLines? = nil, rule: RuleDescriptor?,
        words: ReportVocabulary, notesShown: inout Set<String>
    ) -> String {
        let tint = Self.tint(finding.severity)
        // The message wraps at words too, its further lines under its start.
        let heading = "\(words.severity(finding.severity))[\(finding.rule)]"
        let indent = String(repeating: " ", count: TextWrap.width(heading) + 2)
        let message = TextWrap.lines(finding.message, width: columns.map { $0 - indent.count })
        var out =
            style.paint(heading, tint, bold: true) + style.paint(": " + message[0], nil, bold: true) + "\n"
            + message.dropFirst().map { indent + style.paint($0, nil, bold: true) + "\n" }.joined()
        let frame = FindingFrame(finding, file: file, lines: lines, source: source)
        var notes = frame.notes
        let gutterWidth = max(frame.widestLineNumber, String(finding.location.line).count)
        let gutter = String(repeating: " ", count: gutterWidth)
        out += "\(gutter)\(style.paint("-->", .blue, bold: true)) \(file):\(finding.location.line):\(finding.location.column)\n"
        // The source text gets what the gutter (`NN | `) leaves of the width.
        let window = FrameWindow(columns: columns.map { $0 - gutterWidth - 3 })
        let framed = frame.render(style: style, gutterWidth: gutterWidth, tint: tint, window: window)
        for line in framed { out += line + "\n" }
        let equals = style.paint("=", .blue, bold: true)
        if framed.isEmpty, !finding.path.isEmpty {
            out += "\(gutter) \(equals) \(style.paint(words.path, nil, bold: true)): \(finding.path)\n"
        }
        if let provenance = rule.flatMap({
            words.provenance(programme: $0.programme?.text(in: words.language), citation: $0.citation(in: words.language))
        }), notesShown.insert(provenance).inserted {
            notes.append(provenance)
        }
        for note in notes { out += labelled(words.note, nil, note, gutter: gutter) }
        // The same help under many findings (each placeholder of a fresh template) is read once.
        if let help = finding.help, notesShown.insert("help\u{0}" + help).inserted {
            out += labelled(words.help, .green, help, gutter: gutter)
        }
        return out + "\n"
    }

    /// A `= note: …` or `= help: …` line under a finding; past `columns` it wraps at a word, the
    /// following lines starting under its text's start.
    func labelled(_ label: String, _ tint: TerminalStyle.Tint?, _ text: String, gutter: String) -> String {
        let lead = "\(gutter) = \(label): "
        let start = "\(gutter) \(style.paint("=", .blue, bold: true)) \(style.paint(label, tint, bold: true)): "
        let indent = String(repeating: " ", count: TextWrap.width(lead))
        let lines = TextWrap.lines(text, width: columns.map { $0 - TextWrap.width(lead) })
        return start + lines.joined(separator: "\n" + indent) + "\n"
    }

    /// A suppressed or waived finding: one line for the finding, one for the reason, no source.
    func render(_ finding: Finding, file: String, suppressedBy suppression: Suppression, words: ReportVocabulary) -> String {
        let label = suppression.kind == .inSource ? words.suppressed : words.waived
        var out = style.paint("\(label)[\(finding.rule)]", nil, bold: true) + ": \(finding.message)\n"
        out += "  \(style.paint("-->", .blue, bold: true)) \(file):\(finding.location.line):\(finding.location.column)\n"
        var why = "  \(style.paint("=", .blue, bold: true)) \(style.paint(words.reason, nil, bold: true)): \(suppression.reason)"
        if suppression.kind == .external {
            why += " (\(suppression.file):\(suppression.line)" + (suppression.expires.map { ", " + words.until($0) } ?? "") + ")"
        }
        return out + why + "\n\n"
    }

    /// The one-line verdict, coloured by whether the run fails.
    func summaryLine(_ report: CheckReport, language: Language = .en) -> String {
        let s = report.summary
        let tint: TerminalStyle.Tint = report.fails || s.unreadable > 0 ? .red : (s.errors + s.warnings > 0 ? .yellow : .green)
        return TextWrap.lines(ReportVocabulary(language).summary(s), width: columns).map {
            style.paint($0, tint, bold: true) + "\n"
        }
        .joined()
    }

    static func tint(_ severity: Severity) -> TerminalStyle.Tint {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .info: .cyan
        }
    }

    static func splitLines(_ text: String) -> [Substring] {
        // "\r\n" is one Character in Swift, so split on every kind of line end.
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// Where a document's root mapping starts (its first key): findings about the whole dossier
    /// point there, and get no underline, which would single out that key.
    static func rootStart(_ lines: [Substring], from startLine: Int) -> Mark? {
        guard startLine >= 1 else { return nil }
        for number in startLine...max(startLine, lines.count) where number <= lines.count {
            let line = lines[number - 1]
            let content = line.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") || content.hasPrefix("---") || content.hasPrefix("%") { continue }
            return Mark(line: number, column: line.unicodeScalars.count - content.unicodeScalars.count + 1)
        }
        return nil
    }
}
