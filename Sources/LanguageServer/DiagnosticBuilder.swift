import DossierModel
import LanguageServerProtocol
import Reporting
import Validators

/// The diagnostics of an analysed document: one per open finding, where `check` reports it,
/// in the dossier's language, plus one for a project setting that could not be used.
struct DiagnosticBuilder {
    let uri: String
    let explainURL: String

    static let source = "dossiercheck"

    func diagnostics(_ analysis: DossierAnalysis) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let problem = analysis.rules.problem {
            let place = problem.mark.map { "\(problem.file):\($0.line):\($0.column)" } ?? problem.file
            diagnostics.append(
                Diagnostic(
                    range: Range(start: Position(line: 0, character: 0), end: Position(line: 0, character: 0)),
                    severity: .warning,
                    code: nil, source: Self.source,
                    message: "\(place): \(problem.message) (this dossier is checked with the bundled rules meanwhile)"))
        }
        let findings = analysis.openFindings.map(\.finding)
        for finding in findings {
            diagnostics.append(diagnostic(finding, in: analysis.source))
        }
        return diagnostics
    }

    /// The finding's notes with a place are its related places (a misspelt key behind a missing
    /// section: the checker's note, catalogue rule 4).
    func diagnostic(_ finding: Finding, in source: SourceText) -> Diagnostic {
        let related = finding.notes.compactMap { note in
            note.location.map {
                DiagnosticRelatedInformation(
                    location: Location(uri: uri, range: Self.range(at: $0, end: nil, in: source)), message: note.message)
            }
        }
        return Diagnostic(
            range: Self.range(of: finding, in: source),
            severity: Self.severity(finding.severity), code: finding.rule,
            codeDescription: CodeDescription(href: explainURL.replacingOccurrences(of: "{id}", with: finding.rule)),
            source: Self.source, message: finding.message,
            // An unknown key is ignored by every rule: faded, as editors show unused code.
            tags: finding.rule == "HDR-003" ? [.unnecessary] : nil,
            relatedInformation: related.isEmpty ? nil : related)
    }

    static func severity(_ severity: Severity) -> DiagnosticSeverity {
        switch severity {
        case .error: .error
        case .warning: .warning
        case .info: .information
        }
    }

    static func range(of finding: Finding, in source: SourceText) -> Range {
        range(at: finding.location, end: finding.end, in: source)
    }

    /// From `mark` to `end`, or, without an end, over the word at `mark` (a key up to its colon).
    static func range(at mark: Mark, end: Mark?, in source: SourceText) -> Range {
        let start = source.position(mark)
        if let end, end > mark { return Range(start: start, end: source.position(end)) }
        let line = source.line(start.line)
        var utf16 = 0
        var index = line.startIndex
        while index < line.endIndex, utf16 < start.character {
            utf16 += line[index].utf16.count
            index = line.index(after: index)
        }
        var endCharacter = start.character
        while index < line.endIndex, line[index] != ":", line[index] != " ", line[index] != "\t", line[index] != "#" {
            endCharacter += line[index].utf16.count
            index = line.index(after: index)
        }
        return Range(start: start, end: Position(line: start.line, character: endCharacter))
    }
}
