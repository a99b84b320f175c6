import CEL
import DossierModel

/// A value of the checked document as rules see it — wrongly typed and empty values
/// already removed — still tied to the node, and so to the line, it came from.
final class Located {
    let node: Node
    /// The key node that holds this value, when it sits in a mapping.
    let keyMark: Mark?
    unowned(unsafe) let parent: Located?
    let component: PathComponent?
    var value: CELValue = .null
    private(set) var fields: [(name: String, value: Located)] = []
    private(set) var items: [Located] = []
    /// Keys whose values are still to be filled in (a template's placeholders): unknown to the rules.
    private(set) var unknownFields: [String] = []
    /// The whole value is unknown: a list that still holds an item with nothing filled in (the
    /// template's sample item, or a placeholder), whose length and content are not known yet.
    var isUnknown = false

    init(node: Node, keyMark: Mark?, parent: Located?, component: PathComponent?) {
        self.node = node
        self.keyMark = keyMark
        self.parent = parent
        self.component = component
    }

    func add(field name: String, _ child: Located) { fields.append((name, child)) }
    func add(item child: Located) { items.append(child) }
    func add(unknownField name: String) { unknownFields.append(name) }

    /// A mapping where nothing is filled in yet: placeholders, and mappings with nothing filled in.
    var isUntouched: Bool {
        if isUnknown { return true }
        guard node.mapping != nil, !unknownFields.isEmpty || !fields.isEmpty else { return false }
        return fields.allSatisfy { $0.value.isUntouched }
    }
    func reserveFields(_ count: Int) { fields.reserveCapacity(count) }
    func reserveItems(_ count: Int) { items.reserveCapacity(count) }

    func field(_ name: String) -> Located? {
        for i in fields.indices where fields[i].name == name { return fields[i].value }
        return nil
    }

    /// The item's position in the source list (items removed as wrongly typed keep the others' numbers).
    var sourceIndex: Int? {
        if case .index(let index)? = component { return index }
        return nil
    }

    /// The dotted path from the document root, with the indexes of the source file.
    var path: String {
        var components: [PathComponent] = []
        var current: Located? = self
        while let node = current, let component = node.component {
            components.append(component)
            current = node.parent
        }
        return NodePath.render(components.reversed())
    }

    /// Where a finding about this value points: a scalar's own text, a container's key.
    var pointMark: Mark {
        if node.scalar != nil { return node.start }
        return keyMark ?? node.start
    }

    var pointEnd: Mark? {
        if node.scalar != nil, node.end.line == node.start.line { return node.end }
        return nil
    }
}
