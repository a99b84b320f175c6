import Validators

/// A report for a pull-request comment or a CI job summary: a verdict, a table per dossier,
/// the open findings, and the suppressed and waived ones folded away.
public struct MarkdownFormatter: ReportFormatter {
    /// At most this many findings are listed (a pull-request comment holds 65 536 characters).
    public var maxFindings: Int

    public init(maxFindings: Int = 200) { self.maxFindings = maxFindings }

    public func format(_ report: CheckReport) -> String {
        let s = report.summary
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let verdict = report.fails || s.unreadable > 0 ? "failed" : "passed"
        var out =
            "### dossiercheck \(verdict): \(count(s.errors, "error")), \(count(s.warnings, "warning")), \(count(s.infos, "info"))\n\n"
        var facts = [
            "\(count(s.dossiers, "dossier")) in \(count(s.files, "file")) checked with \(report.tool.name) \(report.tool.version)"
        ]
        facts.append("fails on: \(report.failOn.rawValue)")
        if s.suppressed > 0 { facts.append("\(s.suppressed) suppressed") }
        if s.waived > 0 { facts.append("\(s.waived) waived") }
        if s.baselined > 0 { facts.append("\(s.baselined) known from the baseline") }
        if s.skipped > 0 { facts.append("\(count(s.skipped, "YAML file")) without a dossier header skipped") }
        if s.unreadable > 0 { facts.append("**\(s.unreadable) unreadable**") }
        out += facts.joined(separator: " · ") + "\n\n"

        out += "| File | Dossier | Errors | Warnings | Infos | Suppressed | Waived |\n|---|---|---:|---:|---:|---:|---:|\n"
        for file in report.files {
            if let error = file.readError {
                out += "| `\(Self.cell(file.path))` | cannot read: \(Self.cell(error)) | | | | | |\n"
                continue
            }
            for dossier in file.documents {
                let open = dossier.openFindings
                let suppressions = dossier.findings.compactMap(\.suppression)
                let name = dossier.fingerprintKey(file: file.path)
                out += "| `\(Self.cell(file.path))` | \(Self.cell(name)) | \(open.count { $0.severity == .error }) |"
                out += " \(open.count { $0.severity == .warning }) | \(open.count { $0.severity == .info }) |"
                out += " \(suppressions.count { $0.kind == .inSource }) | \(suppressions.count { $0.kind == .external }) |\n"
            }
        }
        out += "| **Total** | \(s.dossiers) | \(s.errors) | \(s.warnings) | \(s.infos) | \(s.suppressed) | \(s.waived) |\n"

        let open = report.dossiers.flatMap { entry in
            entry.dossier.findings.filter(\.isOpen).map { (entry.file.path, $0.finding, entry.dossier) }
        }
        if !open.isEmpty {
            out += "\n#### Findings\n\n| Severity | Rule | Where | Message |\n|---|---|---|---|\n"
            for (path, finding, dossier) in open.prefix(maxFindings) {
                var message = Self.cell(finding.message)
                if let help = finding.help { message += "<br>help: " + Self.cell(help) }
                // The document the rule comes from, as its call's set cites it (a programme's own guidelines).
                if let source = report.tool.rule(finding.rule, in: dossier.ruleSets)?.citation(in: dossier.language) {
                    message += "<br>source: " + Self.cell(source)
                }
                var place = "`\(Self.cell(path)):\(finding.location.line):\(finding.location.column)`"
                if !finding.path.isEmpty { place += "<br>`\(Self.cell(finding.path))`" }
                out += "| \(finding.severity.rawValue) | \(finding.rule) | \(place) | \(message) |\n"
            }
            if open.count > maxFindings { out += "\n… and \(open.count - maxFindings) more: see the full report.\n" }
        }

        let excused = report.dossiers.flatMap { entry in
            entry.dossier.findings.compactMap { f in f.suppression.map { (entry.file.path, f.finding, $0) } }
        }
        if !excused.isEmpty {
            out += "\n<details><summary>\(excused.count) suppressed or waived</summary>\n\n"
            out += "| Rule | Where | Status | Reason |\n|---|---|---|---|\n"
            for (path, finding, suppression) in excused.prefix(maxFindings) {
                var status = suppression.kind == .inSource ? "suppressed" : "waived"
                if let expires = suppression.expires { status += " until \(expires)" }
                out +=
                    "| \(finding.rule) | `\(Self.cell(path)):\(finding.location.line)` | \(status) | \(Self.cell(suppression.reason)) |\n"
            }
            out += "\n</details>\n"
        }
        return out
    }

    /// Text made safe for a table cell: no line breaks, pipes escaped, no raw HTML.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
    }
}
