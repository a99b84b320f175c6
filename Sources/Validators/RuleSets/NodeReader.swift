import DossierModel

/// Strict, located reading of a rule file's YAML: every unexpected key or type is an error.
struct NodeReader {
    let file: String

    func error(_ node: Node?, _ message: String) -> RuleFileError {
        RuleFileError(file: file, mark: node?.start, message: message)
    }

    /// The mapping's entries, after checking that every key is one of `allowed`.
    func mapping(_ node: Node, allowed: Set<String>? = nil, what: String) throws -> [(String, Node)] {
        guard let entries = node.mapping else { throw error(node, "\(what) must be a mapping") }
        var result: [(String, Node)] = []
        for entry in entries {
            guard let key = entry.key.scalar?.text else { throw error(entry.key, "keys of \(what) must be text") }
            if let allowed, !allowed.contains(key) {
                let known = allowed.sorted().joined(separator: ", ")
                throw RuleFileError(file: file, mark: entry.key.start, message: "unknown key `\(key)` in \(what) (known: \(known))")
            }
            result.append((key, entry.value))
        }
        return result
    }

    func text(_ node: Node, what: String) throws -> String {
        guard let scalar = node.scalar, scalar.value != .null else { throw error(node, "\(what) must be text") }
        return scalar.text
    }

    func bool(_ node: Node, what: String) throws -> Bool {
        guard case .bool(let value)? = node.scalar?.value else { throw error(node, "\(what) must be true or false") }
        return value
    }

    /// A string, or a list of strings.
    func texts(_ node: Node, what: String) throws -> [String] {
        if let items = node.sequence { return try items.map { try text($0, what: what) } }
        return [try text(node, what: what)]
    }

    /// A CEL expression as written, with its place (parsed when the rule set is compiled): for a
    /// quoted scalar, the place of its first character, inside the quote.
    func expression(_ node: Node, what: String) throws -> Expression {
        let style = node.scalar?.style
        let quoted = style == .singleQuoted || style == .doubleQuoted
        let mark = quoted ? Mark(line: node.start.line, column: node.start.column + 1) : node.start
        return Expression(source: try text(node, what: what), mark: mark, isBlock: style == .literal || style == .folded)
    }

    /// A path (`a.b[*].c`), or a list of paths.
    func patterns(_ node: Node, what: String) throws -> [PathPattern] {
        try (node.sequence ?? [node]).map { item in
            let source = try text(item, what: what)
            guard let pattern = PathPattern(source) else {
                throw error(item, "\(what): `\(source)` is not a path (write `a.b[*].c`, `a.*`, `a[0]`)")
            }
            return pattern
        }
    }

    func localized(_ node: Node, what: String) throws -> LocalizedText {
        if node.scalar != nil { return LocalizedText(english: try text(node, what: what)) }
        var texts: [Language: String] = [:]
        for (key, value) in try mapping(node, allowed: Set(Language.allCases.map(\.rawValue)), what: what) {
            texts[Language(rawValue: key)!] = try text(value, what: "\(what).\(key)")
        }
        return LocalizedText(texts)
    }

    func parameterValue(_ node: Node) throws -> ParameterValue {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .int(let i): return .integer(i)
            case .double(let d):
                guard d.isFinite else { throw error(node, "a parameter must be a finite number") }
                return .decimal(scalar.text)
            case .string(let s): return .text(s)
            }
        case .sequence(let items):
            return .list(try items.map { try parameterValue($0) })
        case .mapping:
            return .map(try mapping(node, what: "a parameter table").map { pair in
                (pair.0, try parameterValue(pair.1))
            })
        }
    }
}
