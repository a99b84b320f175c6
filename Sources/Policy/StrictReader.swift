import DossierModel

/// Strict, located reading of the small YAML files a project keeps beside its dossiers
/// (configuration, waivers): one document, a mapping, known keys only, typed values.
struct StrictReader {
    let file: String

    func error(_ node: Node?, _ message: String) -> PolicyFileError {
        PolicyFileError(file: file, mark: node?.start, message: message)
    }

    /// The file's one document, or nil for an empty file.
    func root(_ text: String) throws -> Node? {
        let documents = YAMLLoader.load(Array(text.utf8))
        if let problem = documents.first?.problem {
            if problem.kind == .empty, documents.count == 1 { return nil }
            throw PolicyFileError(file: file, mark: problem.mark, message: problem.message)
        }
        guard documents.count == 1 else {
            throw PolicyFileError(
                file: file, mark: documents[1].start, message: "the file must hold one YAML document, not \(documents.count)")
        }
        return documents[0].root
    }

    /// The mapping's entries, after checking that every key is one of `allowed`.
    func mapping(_ node: Node, allowed: [String]? = nil, what: String) throws -> [(key: String, keyNode: Node, value: Node)] {
        guard let entries = node.mapping else { throw error(node, "\(what) must be a mapping") }
        return try entries.map { entry in
            guard let key = entry.key.scalar?.text else { throw error(entry.key, "keys of \(what) must be text") }
            if let allowed, !allowed.contains(key) {
                throw error(entry.key, "unknown key `\(key)` in \(what) (known: \(allowed.joined(separator: ", ")))")
            }
            return (key, entry.key, entry.value)
        }
    }

    func text(_ node: Node, what: String) throws -> String {
        guard let scalar = node.scalar, scalar.value != .null, !scalar.text.isEmpty else {
            throw error(node, "\(what) must be text")
        }
        return scalar.text
    }

    /// A text, or a list of texts.
    func texts(_ node: Node, what: String) throws -> [(text: String, node: Node)] {
        if let items = node.sequence { return try items.map { (try text($0, what: what), $0) } }
        return [(try text(node, what: what), node)]
    }

    /// One of the raw values of `Choice`.
    func choice<Choice: RawRepresentable & CaseIterable>(_ node: Node, what: String) throws -> Choice
    where Choice.RawValue == String {
        let value = try text(node, what: what)
        guard let choice = Choice(rawValue: value) else {
            throw error(node, "\(what) must be one of \(Choice.allCases.map(\.rawValue).joined(separator: ", ")), not `\(value)`")
        }
        return choice
    }
}
