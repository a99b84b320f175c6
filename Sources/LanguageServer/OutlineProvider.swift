import DossierModel
import LanguageServerProtocol

/// The outline of a file (document symbols): per dossier its sections, and in them the items of
/// lists (organisations, years, projects) named by their `id`, `name`, `year` or `title`.
struct OutlineProvider {
    static let maxDepth = 3

    func symbols(_ analysis: DossierAnalysis) -> [DocumentSymbol] {
        let source = analysis.source
        let results = Dictionary(analysis.report.documents.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        let documents = analysis.documents.compactMap { document -> DocumentSymbol? in
            guard let root = document.root else { return nil }
            let children = symbols(of: root, in: source, depth: 1)
            let result = results[document.index]
            let name = [result?.id, result?.title].compactMap { $0 }.joined(separator: " — ")
            return DocumentSymbol(
                name: name.isEmpty ? "dossier \(document.index + 1)" : name, detail: result?.kind, kind: .file,
                range: range(root, source), selectionRange: range(root, source), children: children)
        }
        // One dossier in the file: its sections are the outline's top level.
        return documents.count == 1 ? documents[0].children ?? [] : documents
    }

    private func symbols(of node: Node, in source: SourceText, depth: Int) -> [DocumentSymbol]? {
        guard depth <= Self.maxDepth else { return nil }
        switch node.content {
        case .scalar: return nil
        case .mapping(let entries):
            return entries.map { entry in
                let key = entry.key.scalar?.text ?? "?"
                let whole = Node(entry.value.content, start: entry.key.start, end: max(entry.value.end, entry.key.end))
                return DocumentSymbol(
                    name: key, detail: entry.value.scalar?.text, kind: kind(of: entry.value, depth: depth),
                    range: range(whole, source),
                    selectionRange: range(entry.key, source), children: symbols(of: entry.value, in: source, depth: depth + 1))
            }
        case .sequence(let items):
            return items.enumerated().map { offset, item in
                let name =
                    ["id", "name", "year", "title"].lazy.compactMap { item[$0]?.scalar?.text }.first
                    ?? item.scalar?.text ?? "[\(offset)]"
                return DocumentSymbol(
                    name: name, detail: item["name"]?.scalar.flatMap { $0.text == name ? nil : $0.text },
                    kind: item.mapping == nil ? .string : .object,
                    range: range(item, source), selectionRange: range(item, source),
                    children: symbols(of: item, in: source, depth: depth + 1))
            }
        }
    }

    private func kind(of value: Node, depth: Int) -> SymbolKind {
        switch value.content {
        case .mapping: depth == 1 ? .module : .object
        case .sequence: .array
        case .scalar(let scalar): scalar.text.first?.isNumber == true ? .number : .field
        }
    }

    private func range(_ node: Node, _ source: SourceText) -> LanguageServerProtocol.Range {
        LanguageServerProtocol.Range(start: source.position(node.start), end: source.position(max(node.end, node.start)))
    }
}
