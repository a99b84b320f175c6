import DossierModel

/// Strict, located reading of a rule file's YAML: every unexpected key or type is an error.
struct NodeReader {
    let file: String
    /// The set's default language (`default_language:`), the fallback of its texts.
    var fallback: Language? = nil
    /// Every text given per language, for the check that each has all the set's languages.
    var ledger = TextLedger()

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
                throw RuleFileError(
                    file: file, mark: entry.key.start, message: "unknown key `\(key)` in \(what) (known: \(known))")
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

    /// One plain text (the same in every language), or a mapping from BCP 47 tags to texts.
    func localized(_ node: Node, what: String) throws -> LocalizedText {
        if node.scalar != nil { return LocalizedText(english: try text(node, what: what)) }
        var texts: [Language: String] = [:]
        for entry in node.mapping ?? [] {
            guard let key = entry.key.scalar?.text, let language = Language(rawValue: key) else {
                let key = entry.key.scalar?.text ?? "?"
                // `{en: Eurostars project, call 2027, es: …}`: the comma ended the text, and YAML read the
                // rest as a key.
                let comma = key.contains(" ") ? "; in `{…}` a comma ends a text: quote a text that holds one" : ""
                throw RuleFileError(
                    file: file, mark: entry.key.start,
                    message:
                        "unknown key `\(key)` in \(what): a text per language is keyed by language tags (en, es, pt-BR …)\(comma)"
                )
            }
            texts[language] = try text(entry.value, what: "\(what).\(key)")
        }
        guard node.mapping != nil else { throw error(node, "\(what) must be a text or a mapping of languages to texts") }
        var result = LocalizedText(texts, fallback: fallback)
        result.givenPerLanguage = true
        ledger.record(TextLedger.Entry(what: what, mark: node.start, languages: Set(texts.keys)))
        return result
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
            return .map(
                try mapping(node, what: "a parameter table").map { pair in
                    (pair.0, try parameterValue(pair.1))
                })
        }
    }
}

/// The texts of one rule file given per language, with their places: once the set's languages are
/// known (its own `languages:`, or its base's), each must have all of them.
final class TextLedger: @unchecked Sendable {
    struct Entry: Sendable, Equatable {
        var what: String
        var mark: Mark
        var languages: Set<Language>
    }

    private(set) var entries: [Entry] = []

    func record(_ entry: Entry) { entries.append(entry) }
}
