import DossierModel
import Reporting
import Validators

/// Checks one file's dossiers and computes their figures: the engine's findings with the
/// source lines they point at, and the rule sets' figures. Pure: bytes in, rows out.
public struct DossierTriager: Sendable {
    public let checker: Checker
    public let calculator: FigureCalculator
    /// The messages' language; nil for each dossier's own.
    public let language: Language?

    public init(checker: Checker, calculator: FigureCalculator, language: Language?) {
        self.checker = checker
        self.calculator = calculator
        self.language = language
    }

    /// Every dossier of one file. A document that does not parse is a row too, with its error.
    public func triage(file: String, bytes: [UInt8]) -> [TriagedDossier] {
        let lines = Self.lines(of: bytes)
        let frameLines = FindingFrame.lines(String(decoding: bytes, as: UTF8.self))
        let source = SourceLines(frameLines)
        let documents = YAMLLoader.load(bytes)
        return documents.enumerated().map { position, document in
            let report = checker.check(document, language: language)
            let sets = checker.ruleSets.filter { set in report.ruleSets.contains { $0.name == set.name } }
            let findings = report.findings.map { finding in
                let holder = sets.first { $0.rules.contains { $0.id == finding.rule } }
                let rule = holder?.rules.first { $0.id == finding.rule }
                return LocatedFinding(
                    finding: finding,
                    frame: Self.frame(finding, file: file, lines: frameLines, source: source, from: document.start.line),
                    programme: holder.flatMap { $0.title.texts.isEmpty ? nil : $0.title.text(in: report.language) },
                    citation: rule?.citation?.text(in: report.language),
                    citedLanguage: holder?.title.language(for: report.language))
            }
            guard let root = document.root, document.problem == nil else {
                // The lines of the document before its error still name it.
                let next = position + 1 < documents.count ? documents[position + 1].start.line : Int.max
                let identity = BrokenDossierIdentity(
                    lines: lines, from: document.start.line, upTo: min(next, document.problem?.mark.line ?? next))
                var row = TriagedDossier(
                    file: file, document: document.index, id: identity.id, title: identity.title, kind: identity.kind,
                    call: identity.call, language: report.language, figures: nil, findings: findings,
                    parseError: report.findings.first?.message ?? document.problem?.message ?? "the document cannot be read",
                    contentDigest: ContentDigest.of(text: "\(document.index):" + ContentDigest.of(bytes: bytes)))
                row.identityFromBrokenFile = !identity.isEmpty
                return row
            }
            var call: String?
            if case .string(let text)? = root["call"]?.scalar?.value { call = text }
            return TriagedDossier(
                file: file, document: document.index, id: report.id, title: report.title, kind: report.kind, call: call,
                language: report.language, figures: calculator.figures(of: root), findings: findings, parseError: nil,
                contentDigest: ContentDigest.of(root))
        }
    }

    /// A row for a file that cannot be read at all (missing, no permission).
    public func unreadable(file: String, reason: String) -> TriagedDossier {
        TriagedDossier(
            file: file, document: 0, id: nil, title: nil, kind: nil, call: nil, language: language ?? .en, figures: nil,
            findings: [], parseError: reason, contentDigest: ContentDigest.of(text: "unreadable:" + file))
    }

    /// The source's lines, without their line ends.
    static func lines(of bytes: [UInt8]) -> [Substring] {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
    }

    /// Rows of code frame shown under a finding, at most.
    static let frameRows = 16
    /// Display columns of a source line in a code frame, as on the portal's page.
    static let frameColumns = 120

    /// The finding's code frame, as the terminal and the portal show it: its lines around the
    /// place, each cut to `frameColumns` around the whole marked value; none for a finding about
    /// the whole dossier.
    static func frame(_ finding: Finding, file: String, lines: [Substring], source: SourceLines, from startLine: Int)
        -> [FindingFrame.Row]
    {
        if FindingFrame.isWholeDossier(finding, lines: lines, startLine: startLine) { return [] }
        let frame = FindingFrame(finding, file: file, lines: lines, source: source)
        return Array(frame.rows(window: FrameWindow(columns: frameColumns)).prefix(frameRows))
    }
}
