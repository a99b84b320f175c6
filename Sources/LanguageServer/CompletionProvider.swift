import Describe
import DossierModel
import LanguageServerProtocol
import Validators

/// What may be written at the cursor: the keys the structure allows there (with their docs),
/// or the values a code list, a parameter list, the ISO tables or the organisations offer.
struct CompletionProvider {
    let iso: ISO3166

    func items(_ analysis: DossierAnalysis, at position: Position) -> [CompletionItem] {
        guard let context = DocumentContext(analysis, line: position.line + 1) else { return [] }
        let column = analysis.source.mark(position).column - 1
        let cursor = CursorContext(lines: { analysis.source.lineText($0) }, line: position.line, column: column)
        var items: [CompletionItem] = []
        if let path = cursor.valuePath {
            items += values(at: path, context: context)
        }
        if cursor.key == nil {
            let written = CursorContext.siblingKeys(
                lines: { analysis.source.lineText($0) }, line: position.line, lineCount: analysis.source.lineCount)
            items += keys(in: cursor.parent, context: context, written: written)
        }
        return items
    }

    func keys(in parent: [PathComponent], context: DocumentContext, written present: Set<String>) -> [CompletionItem] {
        let help = EditorHelp(outline: context.outline, language: context.language)
        let steps = parent.map { component -> PathPattern.Step in
            if case .key(let key) = component { return .key(key) }
            return .anyIndex
        }
        return context.lookup.fields(inMappingAt: parent).filter { !present.contains($0.name) }.enumerated().map {
            offset, field in
            let type = context.outline.resolve(field.type)
            let scalar: Bool
            switch type {
            case .map, .list: scalar = false
            default: scalar = true
            }
            return CompletionItem(
                label: field.name, kind: .field,
                detail: context.outline.vocabulary("type.\(type.vocabularyKey)", in: context.language),
                documentation: MarkupContent(markdown: help.field(field, steps: steps + [.key(field.name)])),
                insertText: field.name + (scalar ? ": " : ":\n"), sortText: String(format: "%04d", offset))
        }
    }

    func values(at path: [PathComponent], context: DocumentContext) -> [CompletionItem] {
        var items: [CompletionItem] = []
        for source in context.lookup.valueSources(at: path) {
            switch source {
            case .codes(let codes):
                items += codes.map { CompletionItem(label: $0, kind: .enumMember) }
            case .parameter(let name):
                if let parameter = context.outline.parameters.last(where: { $0.name == name }),
                    case .list(let values) = parameter.value
                {
                    items += values.compactMap { value in
                        guard case .text(let text) = value else { return nil }
                        return CompletionItem(label: text, kind: .enumMember, detail: "params.\(name)")
                    }
                }
            case .countries:
                items += iso.countries.sorted { $0.key < $1.key }.map {
                    CompletionItem(label: $0.key, kind: .value, detail: $0.value)
                }
            case .subdivisions:
                let parent = context.root.flatMap { NodeLocator.node(at: Array(path.dropLast()), in: $0) }
                let country = parent?["country"]?.scalar?.text
                items += iso.subdivisions.values
                    .filter { $0.parent == nil && (country == nil || $0.country == country) }
                    .sorted { $0.code < $1.code }
                    .map { CompletionItem(label: $0.code, kind: .value, detail: $0.type) }
            case .organisations:
                guard let root = context.root else { continue }
                let organisations = Organisations(root: root, outline: context.outline, lookup: context.lookup)
                items += organisations.organisations.map { CompletionItem(label: $0.id, kind: .reference, detail: $0.name) }
            }
        }
        var seen: Set<String> = []
        return items.filter { seen.insert($0.label).inserted }
    }
}
