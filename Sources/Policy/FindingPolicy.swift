import DossierModel
import Reporting
import Validators

/// What a project decided about findings, applied to a run's report: disabled rules leave,
/// suppression comments and waivers mark findings as excused (reported, counted apart), and the
/// tool reports its own findings about them (`ToolRules`). Pure: report in, report out.
public struct FindingPolicy: Sendable {
    /// Rules whose findings are not reported.
    public var disabled: Set<String>
    /// Every rule ID a suppression may name.
    public var knownRules: Set<String>
    public var waivers: [Waiver]
    /// `YYYY-MM-DD`: waivers that expired before it no longer hold.
    public var today: String

    public init(disabled: Set<String> = [], knownRules: Set<String>, waivers: [Waiver] = [], today: String) {
        self.disabled = disabled
        self.knownRules = knownRules
        self.waivers = waivers
        self.today = today
    }

    public func apply(to report: inout CheckReport) {
        for f in report.files.indices { apply(to: &report.files[f]) }
        report.assignFingerprints()
    }

    /// The policy applied to one file's findings; fingerprints are the run's to give
    /// (`CheckReport.Fingerprints`).
    public func apply(to file: inout FileReport) {
        let suppressions = file.source.map(InlineSuppression.scan) ?? []
        for d in file.documents.indices {
            var dossier = file.documents[d]
            let lines = dossier.startLine..<(d + 1 < file.documents.count ? file.documents[d + 1].startLine : Int.max)
            dossier.findings.removeAll { disabled.contains($0.finding.rule) }
            let mine = suppressions.filter { lines.contains($0.target) || (d == 0 && $0.target < lines.lowerBound) }
            dossier.findings += suppress(&dossier, with: mine, file: file.path)
            dossier.findings += waive(&dossier, file: file.path)
            dossier.findings.sort { ($0.finding.location, $0.finding.rule) < ($1.finding.location, $1.finding.rule) }
            file.documents[d] = dossier
        }
    }

    /// Marks the findings the comments suppress; returns the tool's findings about the comments.
    func suppress(_ dossier: inout DossierResult, with comments: [InlineSuppression], file: String) -> [ReportedFinding] {
        var extra: [Finding] = []
        for comment in comments {
            guard !comment.rules.isEmpty, let reason = comment.reason, !reason.isEmpty else {
                extra.append(
                    ToolRules.finding(
                        ToolRules.malformedSuppression, .error,
                        comment.rules.isEmpty
                            ? "this suppression comment names no rule, so it suppresses nothing"
                            : "this suppression of \(comment.rules.joined(separator: ", ")) gives no reason, so it suppresses nothing",
                        at: comment.mark,
                        help:
                            "write `# \(InlineSuppression.marker) \(comment.rules.first ?? "RULE-ID"): why this dossier may depart from the rule`"
                    ))
                continue
            }
            for rule in comment.rules where !knownRules.contains(rule) {
                extra.append(
                    ToolRules.finding(
                        ToolRules.unknownRule, .error, "this suppression names `\(rule)`, which no loaded rule set has",
                        at: comment.mark))
            }
            var suppressedAny = false
            for i in dossier.findings.indices where dossier.findings[i].isOpen {
                let finding = dossier.findings[i].finding
                guard finding.location.line == comment.target, comment.rules.contains(finding.rule) else { continue }
                dossier.findings[i].status = .suppressed(
                    Suppression(kind: .inSource, reason: reason, file: file, line: comment.mark.line))
                suppressedAny = true
            }
            let known = comment.rules.filter { knownRules.contains($0) && !disabled.contains($0) }
            if !suppressedAny, !known.isEmpty {
                extra.append(
                    ToolRules.finding(
                        ToolRules.unusedSuppression, .info,
                        "this suppression of \(known.joined(separator: ", ")) has no finding to suppress on line \(comment.target)",
                        at: comment.mark, help: "remove the comment, or put it on the line of the finding or the line above"))
            }
        }
        return extra.map { ReportedFinding($0) }
    }

    /// Marks the findings the waivers cover; returns a warning for each expired waiver of the dossier.
    func waive(_ dossier: inout DossierResult, file: String) -> [ReportedFinding] {
        guard let id = dossier.id else { return [] }
        var extra: [Finding] = []
        for waiver in waivers where waiver.dossier == id && !disabled.contains(waiver.rule) {
            let matches = dossier.findings.indices.filter {
                dossier.findings[$0].finding.rule == waiver.rule && dossier.findings[$0].finding.path == waiver.path
            }
            if waiver.hasExpired(on: today) {
                let place =
                    matches.first.map { dossier.findings[$0].finding.location } ?? Mark(line: dossier.startLine, column: 1)
                extra.append(
                    ToolRules.finding(
                        ToolRules.expiredWaiver, .warning,
                        "the waiver of \(waiver.rule) at \(waiver.path.isEmpty ? "the whole dossier" : "`\(waiver.path)`") (\(waiver.file):\(waiver.line)) expired on \(waiver.expires)"
                            + (matches.isEmpty ? "" : ": the finding counts again"),
                        at: place, path: matches.isEmpty ? "" : waiver.path,
                        help: "renew the waiver with a new expiry date, or fix the dossier"))
                continue
            }
            for i in matches where dossier.findings[i].isOpen {
                dossier.findings[i].status = .suppressed(
                    Suppression(
                        kind: .external, reason: waiver.reason, file: waiver.file, line: waiver.line, expires: waiver.expires))
            }
        }
        return extra.map { ReportedFinding($0) }
    }
}
