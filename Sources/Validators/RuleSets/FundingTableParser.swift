import DossierModel

/// Reads a rule file's `funding:` section strictly: unknown keys, malformed paths and label
/// placeholders no `let` defines are errors with their place (expressions are compiled with the set).
struct FundingTableParser {
    let reader: NodeReader

    static let tableKeys: Set<String> = ["title", "total", "headings", "rows"]
    static let rowKeys: Set<String> = Set(["rules", "for_each", "when", "let", "label"]).union(
        FundingColumn.allCases.map(\.rawValue))

    func tables(_ node: Node) throws -> [FundingTable] {
        guard let items = node.sequence else { throw reader.error(node, "`funding` must be a list of tables") }
        return try items.map(table)
    }

    func table(_ node: Node) throws -> FundingTable {
        let entries = Dictionary(
            try reader.mapping(node, allowed: Self.tableKeys, what: "a funding table"), uniquingKeysWith: { a, _ in a })
        guard let title = entries["title"] else { throw reader.error(node, "a funding table needs a `title`") }
        guard let rows = entries["rows"]?.sequence, !rows.isEmpty else {
            throw reader.error(entries["rows"] ?? node, "a funding table needs `rows:`, a list of row specifications")
        }
        var headings: [FundingColumn: LocalizedText] = [:]
        if let node = entries["headings"] {
            for (key, value) in try reader.mapping(node, allowed: Set(FundingColumn.allCases.map(\.rawValue)), what: "`headings`")
            {
                headings[FundingColumn(rawValue: key)!] = try reader.localized(value, what: "the heading `\(key)`")
            }
        }
        return FundingTable(
            title: try reader.localized(title, what: "a funding table's title"),
            total: try entries["total"].map { try reader.localized($0, what: "a funding table's `total`") },
            headings: headings, rows: try rows.map(self.rows), mark: node.start)
    }

    func rows(_ node: Node) throws -> FundingRows {
        let entries = try reader.mapping(node, allowed: Self.rowKeys, what: "a funding row")
        let get = { (key: String) in entries.first { $0.0 == key }?.1 }
        guard let labelNode = get("label") else { throw reader.error(node, "a funding row needs a `label`") }
        var lets: [(name: String, expression: Expression)] = []
        if let node = get("let") {
            for (name, value) in try reader.mapping(node, what: "a funding row's `let`") {
                guard isIdentifier(name) else { throw reader.error(node, "`\(name)` is not a valid name") }
                lets.append((name, try reader.expression(value, what: "funding `let` `\(name)`")))
            }
        }
        let columns = try entries.compactMap { key, value in
            try FundingColumn(rawValue: key).map { ($0, try reader.expression(value, what: "funding column `\(key)`")) }
        }
        guard !columns.isEmpty else {
            let names = FundingColumn.allCases.map(\.rawValue).joined(separator: ", ")
            throw reader.error(node, "a funding row gives at least one figure (\(names))")
        }
        let label = try reader.localized(labelNode, what: "a funding row's label")
        let names = Set(lets.map(\.name))
        for (language, template) in label.texts {
            for placeholder in MessageTemplate.placeholders(in: template) where !names.contains(placeholder) {
                throw reader.error(
                    labelNode, "the \(language.rawValue) label names `{\(placeholder)}`, which no `let` of the row defines")
            }
        }
        var rules: [String] = []
        if let node = get("rules") { rules = try reader.texts(node, what: "a rule ID") }
        return FundingRows(
            rules: rules, forEach: try get("for_each").map { try reader.patterns($0, what: "`for_each`") } ?? [],
            when: try get("when").map { try reader.expression($0, what: "funding `when`") }, lets: lets, label: label,
            columns: columns, mark: node.start)
    }
}
