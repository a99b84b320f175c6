import Validators

/// One row of a call's triage: a dossier (one YAML document of a file) with its findings and
/// figures, or a document that could not be read as a dossier at all.
public struct TriagedDossier: Sendable {
    /// The file, as reports show it (relative to the working directory).
    public var file: String
    /// 0-based position of the document in its file.
    public var document: Int
    public var id: String?
    public var title: String?
    public var kind: String?
    /// The `call:` the dossier names, if any.
    public var call: String?
    /// The language its messages are in.
    public var language: Language
    /// Nil when the dossier could not be parsed (or the kind is unknown to every rule set's figures).
    public var figures: DossierFigures?
    public var findings: [LocatedFinding]
    /// Why the document could not be read as a dossier (HDR-004, an unreadable file); nil when it parsed.
    public var parseError: String?
    /// A digest of the dossier's content (its YAML tree, formatting and comments aside).
    public var contentDigest: String
    /// Set when `id`, `kind` and `call` were read from a document that does not load (HDR-004):
    /// the top-level lines before its error, so the row keeps the dossier's name.
    public var identityFromBrokenFile = false

    public init(
        file: String, document: Int, id: String?, title: String?, kind: String?, call: String?, language: Language,
        figures: DossierFigures?, findings: [LocatedFinding], parseError: String?, contentDigest: String
    ) {
        self.file = file
        self.document = document
        self.id = id
        self.title = title
        self.kind = kind
        self.call = call
        self.language = language
        self.figures = figures
        self.findings = findings
        self.parseError = parseError
        self.contentDigest = contentDigest
    }

    public var errors: Int { findings.count { $0.finding.severity == .error } }
    public var warnings: Int { findings.count { $0.finding.severity == .warning } }
    public var infos: Int { findings.count { $0.finding.severity == .info } }

    /// Admissible as it stands: it parsed and no finding is an error.
    public var admissible: Bool { parseError == nil && errors == 0 }

    /// The rules with a finding on the dossier, each once: errors first, then warnings, then
    /// notes, by rule ID within each.
    public var failedRules: [String] {
        var worst: [String: Severity] = [:]
        for located in findings {
            let finding = located.finding
            if let known = worst[finding.rule], known >= finding.severity { continue }
            worst[finding.rule] = finding.severity
        }
        return worst.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }

    /// The dossier's id, or its place when it has none.
    public var label: String { id ?? (document == 0 ? file : "\(file)#\(document)") }
}
