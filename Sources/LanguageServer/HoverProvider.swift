import Describe
import DossierModel
import LanguageServerProtocol
import Validators

/// On a finding's range, the rule's explanation (what, why, source) and what would comply; on a
/// key, the field's documentation from the structure, in the dossier's language.
struct HoverProvider {
    func hover(_ analysis: DossierAnalysis, at position: Position) -> Hover? {
        let mark = analysis.source.mark(position)
        var sections: [String] = []
        var range: LanguageServerProtocol.Range?
        for (document, finding) in analysis.openFindings {
            let findingRange = DiagnosticBuilder.range(of: finding, in: analysis.source)
            guard findingRange.contains(position), let (rule, set) = analysis.rules.checker.rule(finding.rule) else { continue }
            var text = EditorHelp.rule(rule, in: set, language: document.language)
            if let help = finding.help { text += "\n\n→ " + help }
            sections.append(text)
            range = range ?? findingRange
        }
        if let context = DocumentContext(analysis, line: mark.line), let root = context.root,
            let at = NodeLocator.node(at: mark, in: root), at.onKey, let field = context.lookup.field(at: at.path)
        {
            let steps = at.path.map { component -> PathPattern.Step in
                if case .key(let key) = component { return .key(key) }
                return .anyIndex
            }
            sections.insert(EditorHelp(outline: context.outline, language: context.language).field(field, steps: steps), at: 0)
            range = DiagnosticBuilder.range(at: at.node.start, end: at.node.end, in: analysis.source)
        }
        guard !sections.isEmpty else { return nil }
        return Hover(contents: MarkupContent(markdown: sections.joined(separator: "\n\n---\n\n")), range: range)
    }
}
