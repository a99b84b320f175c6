import DossierModel
import Validators

/// Findings for people, in the manner of rustc and swift-syntax: the message, the place,
/// the source line with the offending node underlined, and what would comply.
public struct TextFormatter: ReportFormatter {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func format(_ report: CheckReport) -> String {
        var out = ""
        for file in report.files {
            if let error = file.readError {
                out += paint("error", .red, bold: true) + paint(": cannot read \(file.path): \(error)", nil, bold: true) + "\n\n"
                continue
            }
            let lines = file.source.map(Self.splitLines) ?? []
            for document in file.documents {
                for reported in document.findings {
                    if let suppression = reported.suppression {
                        out += render(reported.finding, file: file.path, suppressedBy: suppression)
                    } else {
                        out += render(reported.finding, file: file.path, lines: lines)
                    }
                }
            }
        }
        out += summaryLine(report)
        return out
    }

    func render(_ finding: Finding, file: String, lines: [Substring]) -> String {
        let (label, tint) = Self.style(finding.severity)
        var out = paint("\(label)[\(finding.rule)]", tint, bold: true) + paint(": \(finding.message)", nil, bold: true) + "\n"
        let line = finding.location.line
        let gutter = String(repeating: " ", count: String(line).count)
        out += "\(gutter)\(paint("-->", .blue, bold: true)) \(file):\(line):\(finding.location.column)\n"
        if line >= 1, line <= lines.count {
            let text = String(lines[line - 1])
            let start = max(finding.location.column - 1, 0)
            var width = 1
            if let end = finding.end, end.line == line, end.column > finding.location.column {
                width = end.column - finding.location.column
            }
            let pad = String(text.prefix(start).map { $0 == "\t" ? "\t" : " " })
            out += "\(gutter) \(paint("|", .blue, bold: true))\n"
            out += "\(paint(String(line), .blue, bold: true)) \(paint("|", .blue, bold: true)) \(text)\n"
            out += "\(gutter) \(paint("|", .blue, bold: true)) \(pad)\(paint(String(repeating: "^", count: width), tint, bold: true))\n"
        }
        if !finding.path.isEmpty {
            out += "\(gutter) \(paint("=", .blue, bold: true)) \(paint("at", nil, bold: true)): \(finding.path)\n"
        }
        for note in finding.notes {
            let place = note.location.map { " (\(file):\($0.line):\($0.column))" } ?? ""
            out += "\(gutter) \(paint("=", .blue, bold: true)) \(paint("note", nil, bold: true)): \(note.message)\(place)\n"
        }
        if let help = finding.help {
            out += "\(gutter) \(paint("=", .blue, bold: true)) \(paint("help", nil, bold: true)): \(help)\n"
        }
        return out + "\n"
    }

    /// A suppressed or waived finding: one line for the finding, one for the reason, no source.
    func render(_ finding: Finding, file: String, suppressedBy suppression: Suppression) -> String {
        let label = suppression.kind == .inSource ? "suppressed" : "waived"
        var out = paint("\(label)[\(finding.rule)]", nil, bold: true) + ": \(finding.message)\n"
        out += "  \(paint("-->", .blue, bold: true)) \(file):\(finding.location.line):\(finding.location.column)\n"
        var why = "  \(paint("=", .blue, bold: true)) \(paint("reason", nil, bold: true)): \(suppression.reason)"
        if suppression.kind == .external {
            why += " (\(suppression.file):\(suppression.line)" + (suppression.expires.map { ", until \($0)" } ?? "") + ")"
        }
        return out + why + "\n\n"
    }

    func summaryLine(_ report: CheckReport) -> String {
        let s = report.summary
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts = [count(s.errors, "error"), count(s.warnings, "warning"), count(s.infos, "info")]
        if s.suppressed > 0 { parts.append("\(s.suppressed) suppressed") }
        if s.waived > 0 { parts.append("\(s.waived) waived") }
        if s.baselined > 0 { parts.append("\(s.baselined) in the baseline") }
        if s.unreadable > 0 { parts.append("\(s.unreadable) unreadable") }
        if s.skipped > 0 { parts.append("\(count(s.skipped, "YAML file")) without a dossier header skipped") }
        let verdict = "checked \(count(s.dossiers, "dossier")) in \(count(s.files, "file")): " + parts.joined(separator: ", ")
        let tint: Tint = report.fails || s.unreadable > 0 ? .red : (s.errors + s.warnings > 0 ? .yellow : .green)
        return paint(verdict, tint, bold: true) + "\n"
    }

    static func style(_ severity: Severity) -> (String, Tint) {
        switch severity {
        case .error: ("error", .red)
        case .warning: ("warning", .yellow)
        case .info: ("info", .cyan)
        }
    }

    static func splitLines(_ text: String) -> [Substring] {
        // "\r\n" is one Character in Swift, so split on every kind of line end.
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    enum Tint: Int {
        case red = 31, green = 32, yellow = 33, blue = 34, cyan = 36
    }

    func paint(_ text: String, _ tint: Tint?, bold: Bool = false) -> String {
        guard color, tint != nil || bold else { return text }
        var codes: [String] = []
        if bold { codes.append("1") }
        if let tint { codes.append(String(tint.rawValue)) }
        return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
    }
}
