import DossierModel

/// What stands at a place of a YAML tree: the innermost node whose span holds it, by path.
struct NodeAt {
    /// From the document's root to the node (a key, for `onKey`).
    var path: [PathComponent]
    var node: Node
    /// The key's node when the place is on a mapping key, or on the value of a `key: value` entry.
    var key: Node?
    var onKey: Bool
}

enum NodeLocator {
    /// The innermost key or value at `mark`; nil when it is outside every node.
    static func node(at mark: Mark, in root: Node) -> NodeAt? {
        var path: [PathComponent] = []
        var current = root
        var key: Node?
        while true {
            switch current.content {
            case .scalar:
                return NodeAt(path: path, node: current, key: key, onKey: false)
            case .mapping(let entries):
                if let entry = entries.first(where: { contains($0.key, mark) }) {
                    return NodeAt(path: path + [.key(entry.key.scalar?.text ?? "")], node: entry.key, key: entry.key, onKey: true)
                }
                guard let entry = entries.first(where: { contains($0.value, mark) }) else {
                    return path.isEmpty ? nil : NodeAt(path: path, node: current, key: key, onKey: false)
                }
                path.append(.key(entry.key.scalar?.text ?? ""))
                key = entry.key
                current = entry.value
            case .sequence(let items):
                guard let offset = items.firstIndex(where: { contains($0, mark) }) else {
                    return NodeAt(path: path, node: current, key: key, onKey: false)
                }
                path.append(.index(offset))
                key = nil
                current = items[offset]
            }
        }
    }

    static func contains(_ node: Node, _ mark: Mark) -> Bool {
        node.start <= mark && (mark < node.end || (node.start == node.end && mark == node.start))
    }

    /// Every node of the tree with its path, depth first, keys before their values.
    static func walk(_ node: Node, path: [PathComponent] = [], _ visit: ([PathComponent], Node, Node?) -> Void, key: Node? = nil)
    {
        visit(path, node, key)
        switch node.content {
        case .scalar: break
        case .mapping(let entries):
            for entry in entries { walk(entry.value, path: path + [.key(entry.key.scalar?.text ?? "")], visit, key: entry.key) }
        case .sequence(let items):
            for (offset, item) in items.enumerated() { walk(item, path: path + [.index(offset)], visit) }
        }
    }

    /// The node at `path`, if the tree has it.
    static func node(at path: [PathComponent], in root: Node) -> Node? {
        var current = root
        for component in path {
            switch component {
            case .key(let key):
                guard let next = current[key] else { return nil }
                current = next
            case .index(let i):
                guard let items = current.sequence, i < items.count else { return nil }
                current = items[i]
            }
        }
        return current
    }
}
