import Validators

/// The machine report documented in the README ("JSON report").
public struct JSONFormatter: ReportFormatter {
    public init() {}

    /// The text of `json(report)`, written a file at a time: the values of one file are built,
    /// written and dropped before the next, so that a call of 20 000 dossiers does not hold the
    /// value tree of the whole run beside its text. `check` writes the same pieces as its files
    /// come (`head`, `entry`, `tail`), without holding the report.
    public func format(_ report: CheckReport) -> String {
        var out = head(report.tool)
        for (position, reported) in report.files.enumerated() {
            out += entry(reported, position: position)
        }
        return out + tail(report.summary, files: report.files.count)
    }

    /// What comes before the first file: the tool and its rule sets.
    public func head(_ tool: ToolInfo) -> String {
        var out = "{\n  \"tool\": "
        self.tool(tool).write(into: &out, indent: "  ")
        return out + ",\n  \"files\": "
    }

    /// The file at `position` (from 0) of the report's files.
    public func entry(_ reported: FileReport, position: Int) -> String {
        var out = position == 0 ? "[\n    " : ",\n    "
        file(reported).write(into: &out, indent: "    ")
        return out
    }

    /// What comes after the last of `files` files: the summary.
    public func tail(_ summary: CheckReport.Summary, files: Int) -> String {
        var out = files == 0 ? "[]" : "\n  ]"
        out += ",\n  \"summary\": "
        self.summary(summary).write(into: &out, indent: "  ")
        return out + "\n}\n"
    }

    public func json(_ report: CheckReport) -> JSONValue {
        .object([
            ("tool", tool(report.tool)), ("files", .array(report.files.map(file))), ("summary", summary(report.summary)),
        ])
    }

    func tool(_ tool: ToolInfo) -> JSONValue {
        .object([
            ("name", .string(tool.name)),
            ("version", .string(tool.version)),
            ("catalogue", tool.catalogue.map(JSONValue.string) ?? .null),
            ("ruleSets", .array(tool.ruleSets.map(ruleSet))),
        ])
    }

    func summary(_ summary: CheckReport.Summary) -> JSONValue {
        var entries: [(String, JSONValue)] = [
            ("files", .int(summary.files)),
            ("unreadable", .int(summary.unreadable)),
            ("dossiers", .int(summary.dossiers)),
            ("errors", .int(summary.errors)),
            ("warnings", .int(summary.warnings)),
            ("infos", .int(summary.infos)),
            ("suppressed", .int(summary.suppressed)),
            ("waived", .int(summary.waived)),
            ("baselined", .int(summary.baselined)),
            ("skipped", .int(summary.skipped)),
        ]
        // Only templates have rules waiting for placeholders: other reports keep their shape.
        if summary.notYetCheckable > 0 { entries.append(("notYetCheckable", .int(summary.notYetCheckable))) }
        return .object(entries)
    }

    func ruleSet(_ set: DocumentReport.RuleSetVersion) -> JSONValue {
        var entries: [(String, JSONValue)] = [("name", .string(set.name)), ("version", .string(set.version))]
        if let catalogue = set.catalogue { entries.append(("catalogue", .string(catalogue))) }
        return .object(entries)
    }

    func file(_ file: FileReport) -> JSONValue {
        var entries: [(String, JSONValue)] = [("path", .string(file.path))]
        if let error = file.readError { entries.append(("error", .string(error))) }
        entries.append(("documents", .array(file.documents.map(document))))
        return .object(entries)
    }

    func document(_ document: DossierResult) -> JSONValue {
        var entries: [(String, JSONValue)] = [
            ("index", .int(document.index)),
            ("id", document.id.map(JSONValue.string) ?? .null),
            ("kind", document.kind.map(JSONValue.string) ?? .null),
            ("language", .string(document.language.rawValue)),
            ("ruleSets", .array(document.ruleSets.map(ruleSet))),
            ("findings", .array(document.findings.map(finding))),
        ]
        if !document.notYetCheckable.isEmpty {
            entries.append(("notYetCheckable", .array(document.notYetCheckable.map(JSONValue.string))))
        }
        return .object(entries)
    }

    func finding(_ reported: ReportedFinding) -> JSONValue {
        let finding = reported.finding
        var entries: [(String, JSONValue)] = [
            ("rule", .string(finding.rule)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
            ("line", .int(finding.location.line)),
            ("column", .int(finding.location.column)),
            ("path", .string(finding.path)),
        ]
        if let help = finding.help { entries.append(("help", .string(help))) }
        entries.append(("fingerprint", .string(reported.fingerprint)))
        if let suppression = reported.suppression { entries.append(("suppression", Self.suppression(suppression))) }
        return .object(entries)
    }

    static func suppression(_ suppression: Suppression) -> JSONValue {
        var entries: [(String, JSONValue)] = [
            ("kind", .string(suppression.kind.rawValue)),
            ("reason", .string(suppression.reason)),
            ("file", .string(suppression.file)),
            ("line", .int(suppression.line)),
        ]
        if let expires = suppression.expires { entries.append(("expires", .string(expires))) }
        return .object(entries)
    }
}
