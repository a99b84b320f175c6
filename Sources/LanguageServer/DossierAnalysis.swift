import Checking
import DossierModel
import Policy
import Reporting
import Validators

/// One version of an open document as `check` sees it: its report, with the project's disabled
/// rules, inline suppressions and waivers applied, and (on demand) its YAML trees for the
/// features that read the structure (hover, completion, outline, references).
final class DossierAnalysis: @unchecked Sendable {
    let source: SourceText
    let rules: ProjectRules
    /// The file's report after the project's policy; suppressed and waived findings are marked, not removed.
    let report: FileReport
    private var loaded: [LoadedDocument]?

    init(source: SourceText, path: String, rules: ProjectRules, today: String) {
        self.source = source
        self.rules = rules
        let bytes = Array(source.text.utf8)
        let file: FileReport
        if bytes.count > rules.sources.limits.maxFileSize.bytes {
            file = rules.sources.tooLarge(path: path, size: bytes.count, language: rules.language)
        } else {
            file = rules.sources.report(path: path, bytes: bytes, source: source.text, language: rules.language)
        }
        let tool = CheckRun.tool(version: "", checker: rules.checker, language: rules.language, disabled: rules.disabled)
        var report = CheckReport(tool: tool, files: [file], skipped: 0, failOn: .error)
        FindingPolicy(disabled: rules.disabled, knownRules: rules.knownRules, waivers: rules.waivers, today: today).apply(
            to: &report)
        self.report = report.files[0]
    }

    /// The open findings of each document, with the document.
    var openFindings: [(document: DossierResult, finding: Finding)] {
        report.documents.flatMap { document in document.findings.filter(\.isOpen).map { (document, $0.finding) } }
    }

    /// The file's YAML documents, loaded within the project's limits.
    var documents: [LoadedDocument] {
        if let loaded { return loaded }
        let bytes = Array(source.text.utf8)
        let documents =
            bytes.count > rules.sources.limits.maxFileSize.bytes ? [] : YAMLLoader.load(bytes, limits: rules.sources.limits.load)
        loaded = documents
        return documents
    }

    /// The document holding line `line` (1-based) and its report: the last that starts at or before it.
    func document(atLine line: Int) -> (loaded: LoadedDocument, result: DossierResult?)? {
        let candidates = documents.filter { $0.start.line <= line }
        guard let document = candidates.last ?? documents.first else { return nil }
        return (document, report.documents.first { $0.index == document.index })
    }

    /// The kind's outline for a document, when its kind is one the rule sets know.
    func outline(of result: DossierResult?) -> KindOutline? {
        result?.kind.flatMap { rules.checker.outline(ofKind: $0) }
    }
}
