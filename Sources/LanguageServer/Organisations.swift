import DossierModel
import Validators

/// The organisations of one dossier and the places that name them by id (`partner: laserval`),
/// found where the kind's figures and rules say: the organisations at `figures.organisations`,
/// the references where a rule asks `isOrganisationId`.
struct Organisations {
    struct Organisation {
        var id: String
        var name: String?
        /// The `id` value's node (where "go to definition" leads).
        var idNode: Node
        var node: Node
    }

    struct Reference {
        var id: String
        var node: Node
    }

    let organisations: [Organisation]
    let references: [Reference]

    init(root: Node, outline: KindOutline, lookup: StructureLookup) {
        let figures = outline.sets.reduce(FigureSpec()) { $0.overridden(by: $1.figures) }
        let places = figures.organisations ?? []
        let referencePlaces = lookup.referencePlaces
        var organisations: [Organisation] = []
        var references: [Reference] = []
        NodeLocator.walk(root) { path, node, _ in
            if places.contains(where: { StructureLookup.matches($0.steps, path) }), let idNode = node["id"],
                let id = idNode.scalar?.text
            {
                organisations.append(Organisation(id: id, name: node["name"]?.scalar?.text, idNode: idNode, node: node))
            }
            if let text = node.scalar?.text, referencePlaces.contains(where: { StructureLookup.matches($0, path) }) {
                references.append(Reference(id: text, node: node))
            }
        }
        self.organisations = organisations
        self.references = references
    }

    /// The id named at `mark`, on a reference or on an organisation's own `id`.
    func id(at mark: Mark) -> String? {
        if let reference = references.first(where: { NodeLocator.contains($0.node, mark) }) { return reference.id }
        return organisations.first { NodeLocator.contains($0.idNode, mark) }?.id
    }
}
