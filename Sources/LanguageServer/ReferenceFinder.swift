import DossierModel
import LanguageServerProtocol

/// Go to definition and find references for organisation ids: from `partner: laserval` to the
/// organisation whose `id` is `laserval`, and from either to every place that names it.
struct ReferenceFinder {
    let uri: String

    func definition(_ analysis: DossierAnalysis, at position: Position) -> Location? {
        let mark = analysis.source.mark(position)
        guard let organisations = organisations(analysis, line: mark.line), let id = organisations.id(at: mark),
            let organisation = organisations.organisations.first(where: { $0.id == id })
        else { return nil }
        return location(organisation.idNode, analysis.source)
    }

    func references(_ analysis: DossierAnalysis, at position: Position, includeDeclaration: Bool) -> [Location] {
        let mark = analysis.source.mark(position)
        guard let organisations = organisations(analysis, line: mark.line), let id = organisations.id(at: mark) else { return [] }
        var nodes = organisations.references.filter { $0.id == id }.map(\.node)
        if includeDeclaration { nodes = organisations.organisations.filter { $0.id == id }.map(\.idNode) + nodes }
        return nodes.map { location($0, analysis.source) }
    }

    private func organisations(_ analysis: DossierAnalysis, line: Int) -> Organisations? {
        guard let context = DocumentContext(analysis, line: line), let root = context.root else { return nil }
        return Organisations(root: root, outline: context.outline, lookup: context.lookup)
    }

    private func location(_ node: Node, _ source: SourceText) -> Location {
        Location(uri: uri, range: DiagnosticBuilder.range(at: node.start, end: node.end, in: source))
    }
}
