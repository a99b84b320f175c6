import Validators

/// One dossier (one YAML document) as the report shows it: what the checker found, each
/// finding with its fingerprint and whether it is open, suppressed or waived.
public struct DossierResult: Sendable {
    /// 0-based position of the document in its file.
    public var index: Int
    public var id: String?
    public var kind: String?
    public var title: String?
    /// The language the messages are in.
    public var language: Language
    /// The rule sets applied, with their versions.
    public var ruleSets: [DocumentReport.RuleSetVersion]
    /// The line the document starts at, to tell which dossier a comment belongs to.
    public var startLine: Int
    public var findings: [ReportedFinding]
    /// Findings left out because the baseline already holds them.
    public var baselined: Int
    /// The rules whose verdict waits for placeholders to be filled in (`DocumentReport.notYetCheckable`).
    public var notYetCheckable: [String] = []

    public init(
        index: Int, id: String?, kind: String?, title: String?, language: Language, ruleSets: [DocumentReport.RuleSetVersion],
        startLine: Int = 1, findings: [ReportedFinding], baselined: Int = 0
    ) {
        self.index = index
        self.id = id
        self.kind = kind
        self.title = title
        self.language = language
        self.ruleSets = ruleSets
        self.startLine = startLine
        self.findings = findings
        self.baselined = baselined
    }

    /// What the checker found in one document, every finding open.
    public init(_ report: DocumentReport, startLine: Int = 1) {
        self.init(
            index: report.index, id: report.id, kind: report.kind, title: report.title, language: report.language,
            ruleSets: report.ruleSets, startLine: startLine, findings: report.findings.map { ReportedFinding($0) })
        notYetCheckable = report.notYetCheckable
    }

    /// The open findings, those that count.
    public var openFindings: [Finding] { findings.filter(\.isOpen).map(\.finding) }

    /// How fingerprints, waivers and JUnit name the dossier: its `id`, else `file#index`.
    public func fingerprintKey(file: String) -> String { id ?? "\(file)#\(index)" }
}
