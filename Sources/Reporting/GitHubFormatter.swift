import Validators

/// GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per open
/// finding (`title` is the rule ID), then a plain summary line. The job's step summary is
/// `stepSummary(_:)`, which the command line appends to `$GITHUB_STEP_SUMMARY`.
public struct GitHubFormatter: ReportFormatter {
    public init() {}

    public func format(_ report: CheckReport) -> String {
        var out = ""
        for file in report.files {
            if let error = file.readError {
                out +=
                    "::error file=\(Self.property(file.path)),title=unreadable::\(Self.data("cannot read \(file.path): \(error)"))\n"
                continue
            }
            for dossier in file.documents {
                for reported in dossier.findings where reported.isOpen {
                    out += annotation(reported.finding, file: file.path)
                }
            }
        }
        return out + TextFormatter(color: false).summaryLine(report)
    }

    func annotation(_ finding: Finding, file: String) -> String {
        var properties = [
            "file=\(Self.property(file))",
            "line=\(finding.location.line)",
            "col=\(finding.location.column)",
        ]
        if let end = finding.end, end > finding.location {
            properties.append("endLine=\(end.line)")
            properties.append("endColumn=\(end.column)")
        }
        properties.append("title=\(Self.property(finding.rule))")
        var message = finding.message
        if !finding.path.isEmpty { message += "\nat: \(finding.path)" }
        if let help = finding.help { message += "\nhelp: \(help)" }
        return "::\(Self.command(finding.severity)) \(properties.joined(separator: ","))::\(Self.data(message))\n"
    }

    /// The Markdown appended to the job's step summary.
    public func stepSummary(_ report: CheckReport) -> String {
        MarkdownFormatter().format(report)
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// Escapes a command's message (the part after `::`).
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a command's property value.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
