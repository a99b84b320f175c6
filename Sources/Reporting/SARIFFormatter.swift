import DossierModel
import Validators

/// SARIF 2.1.0, as GitHub code scanning and other static-analysis viewers read it: one run,
/// the tool's rules with their help and citation, one result per finding with a stable
/// `partialFingerprints` entry, suppressed and waived findings as results with `suppressions`.
public struct SARIFFormatter: ReportFormatter {
    /// The working directory as a `file://` URI ending in `/`, declared as `%SRCROOT%`.
    public var sourceRoot: String?

    public init(sourceRoot: String? = nil) { self.sourceRoot = sourceRoot }

    public static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    static let rootBase = "%SRCROOT%"

    public func format(_ report: CheckReport) -> String {
        json(report).serialized() + "\n"
    }

    public func json(_ report: CheckReport) -> JSONValue {
        let rules = report.tool.rules
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = index }
        // A result points at its rule as the dossier's call holds it (two calls share rule IDs).
        func index(_ id: String, _ dossier: DossierResult) -> Int? {
            let names = Set(dossier.ruleSets.map(\.name))
            return rules.firstIndex { $0.id == id && names.contains($0.ruleSet) } ?? ruleIndex[id]
        }
        let language = Self.language(of: report)
        var results: [JSONValue] = []
        for (file, dossier) in report.dossiers {
            for reported in dossier.findings {
                results.append(
                    result(
                        reported, file: file, dossier: dossier, ruleIndex: index(reported.finding.rule, dossier), report: report,
                        language: language))
            }
        }
        var run: [(String, JSONValue)] = [
            ("tool", .object([("driver", driver(report.tool, language: language))])),
            ("invocations", .array([invocation(report)])),
        ]
        // The language of the run's texts (SARIF 2.1.0 §3.14.15, `ll` or `ll-CC` only: a longer BCP 47
        // tag goes to the run's property bag); a text in another one (a rule set without it falls back
        // to its default or English) says so in its own property bag.
        if Self.fitsSARIF(language) {
            run.append(("language", .string(language.rawValue)))
        } else {
            run.append(("properties", .object([("language", .string(language.rawValue))])))
        }
        if let sourceRoot {
            run.append(("originalUriBaseIds", .object([(Self.rootBase, .object([("uri", .string(sourceRoot))]))])))
        }
        run.append(("columnKind", .string("unicodeCodePoints")))
        run.append(("results", .array(results)))
        return .object([
            ("$schema", .string(Self.schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
    }

    /// The language the run was asked in: the dossiers' own when they share one (`--lang` gives
    /// them all the same), else English.
    static func language(of report: CheckReport) -> Language {
        let languages = Set(report.dossiers.map(\.dossier.language))
        return languages.count == 1 ? languages.first! : .en
    }

    /// True when SARIF's `language` pattern (`^[a-zA-Z]{2}(-[a-zA-Z]{2})?$`) admits the tag.
    static func fitsSARIF(_ language: Language) -> Bool {
        let parts = language.rawValue.split(separator: "-")
        return (1...2).contains(parts.count) && parts.allSatisfy { $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } }
    }

    func driver(_ tool: ToolInfo, language: Language) -> JSONValue {
        // The rule catalogue version the rule sets implement, as the JSON report's `tool.catalogue`
        // says it: in the driver's property bag, the place SARIF 2.1.0 leaves for what it does not name.
        var properties: [(String, JSONValue)] = []
        if let catalogue = tool.catalogue { properties.append(("catalogue", .string(catalogue))) }
        properties.append(("ruleSets", .array(tool.ruleSets.map(ruleSet))))
        return .object([
            ("name", .string(tool.name)),
            ("version", .string(tool.version)),
            ("semanticVersion", .string(tool.version)),
            ("rules", .array(tool.rules.map { rule($0, language: language) })),
            ("properties", .object(properties)),
        ])
    }

    func ruleSet(_ set: DocumentReport.RuleSetVersion) -> JSONValue {
        var entries: [(String, JSONValue)] = [("name", .string(set.name)), ("version", .string(set.version))]
        if let catalogue = set.catalogue { entries.append(("catalogue", .string(catalogue))) }
        return .object(entries)
    }

    func rule(_ rule: RuleDescriptor, language: Language) -> JSONValue {
        var configuration: [(String, JSONValue)] = [("level", .string(Self.level(rule.severity)))]
        if !rule.enabled { configuration.append(("enabled", .bool(false))) }
        var properties: [(String, JSONValue)] = [
            ("ruleSet", .string(rule.ruleSet)),
            ("ruleSetVersion", .string(rule.ruleSetVersion)),
        ]
        if let source = rule.source { properties.append(("source", .string(source))) }
        if (rule.language ?? .en) != language { properties.append(("language", .string((rule.language ?? .en).rawValue))) }
        properties.append(("tags", .array([.string(rule.ruleSet)])))
        return .object([
            ("id", .string(rule.id)),
            ("name", .string(rule.name)),
            ("shortDescription", .object([("text", .string(rule.title))])),
            ("fullDescription", .object([("text", .string(rule.description ?? rule.title))])),
            ("help", .object([("text", .string(rule.helpText))])),
            ("defaultConfiguration", .object(configuration)),
            ("properties", .object(properties)),
        ])
    }

    func result(
        _ reported: ReportedFinding, file: FileReport, dossier: DossierResult, ruleIndex: Int?, report: CheckReport,
        language: Language = .en
    ) -> JSONValue {
        let finding = reported.finding
        var text = finding.message
        for note in finding.notes where note.location == nil { text += "\nnote: \(note.message)" }
        if let help = finding.help { text += "\nhelp: \(help)" }
        var entries: [(String, JSONValue)] = [("ruleId", .string(finding.rule))]
        if let ruleIndex { entries.append(("ruleIndex", .int(ruleIndex))) }
        entries.append(("level", .string(Self.level(finding.severity))))
        entries.append(("message", .object([("text", .string(text))])))
        var location: [(String, JSONValue)] = [
            ("physicalLocation", physicalLocation(file.path, start: finding.location, end: finding.end))
        ]
        if !finding.path.isEmpty {
            location.append(
                (
                    "logicalLocations",
                    .array([
                        .object([
                            ("name", .string(finding.path)),
                            ("fullyQualifiedName", .string(dossier.fingerprintKey(file: file.path) + "/" + finding.path)),
                        ])
                    ])
                ))
        }
        entries.append(("locations", .array([.object(location)])))
        let related = finding.notes.enumerated().compactMap { index, note -> JSONValue? in
            guard let mark = note.location else { return nil }
            return .object([
                ("id", .int(index + 1)),
                ("physicalLocation", physicalLocation(file.path, start: mark, end: nil)),
                ("message", .object([("text", .string(note.message))])),
            ])
        }
        if !related.isEmpty { entries.append(("relatedLocations", .array(related))) }
        entries.append(("partialFingerprints", .object([(Fingerprint.sarifKey, .string(reported.fingerprint))])))
        if let suppression = reported.suppression {
            entries.append(("suppressions", .array([self.suppression(suppression)])))
        } else if report.baselineApplied {
            entries.append(("baselineState", .string("new")))
        }
        var properties: [(String, JSONValue)] = [
            ("dossier", dossier.id.map(JSONValue.string) ?? .null),
            ("kind", dossier.kind.map(JSONValue.string) ?? .null),
            ("path", .string(finding.path)),
        ]
        properties.append(("documentIndex", .int(dossier.index)))
        let shown = finding.language ?? dossier.language
        if shown != language { properties.append(("language", .string(shown.rawValue))) }
        entries.append(("properties", .object(properties)))
        return .object(entries)
    }

    func suppression(_ suppression: Suppression) -> JSONValue {
        var entries: [(String, JSONValue)] = [
            ("kind", .string(suppression.kind.rawValue)),
            ("status", .string("accepted")),
            ("justification", .string(suppression.reason)),
            (
                "location",
                .object([
                    (
                        "physicalLocation",
                        .object([
                            ("artifactLocation", artifact(suppression.file)),
                            ("region", .object([("startLine", .int(max(suppression.line, 1)))])),
                        ])
                    )
                ])
            ),
        ]
        if let expires = suppression.expires {
            entries.append(("properties", .object([("expires", .string(expires))])))
        }
        return .object(entries)
    }

    func physicalLocation(_ path: String, start: Mark, end: Mark?) -> JSONValue {
        var region: [(String, JSONValue)] = [
            ("startLine", .int(max(start.line, 1))),
            ("startColumn", .int(max(start.column, 1))),
        ]
        if let end, end > start {
            region.append(("endLine", .int(end.line)))
            region.append(("endColumn", .int(max(end.column, 1))))
        }
        return .object([("artifactLocation", artifact(path)), ("region", .object(region))])
    }

    func artifact(_ path: String) -> JSONValue {
        var entries: [(String, JSONValue)] = [("uri", .string(ReportPaths.uri(path)))]
        if ReportPaths.isRelative(path) { entries.append(("uriBaseId", .string(Self.rootBase))) }
        return .object(entries)
    }

    func invocation(_ report: CheckReport) -> JSONValue {
        let notifications = report.files.compactMap { file -> JSONValue? in
            guard let error = file.readError else { return nil }
            return .object([
                ("level", .string("error")),
                ("message", .object([("text", .string("cannot read \(file.path): \(error)"))])),
                ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifact(file.path))]))])])),
            ])
        }
        var entries: [(String, JSONValue)] = [("executionSuccessful", .bool(notifications.isEmpty))]
        if !notifications.isEmpty { entries.append(("toolExecutionNotifications", .array(notifications))) }
        return .object(entries)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }
}
