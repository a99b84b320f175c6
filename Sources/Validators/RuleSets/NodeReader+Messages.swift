import DossierModel

extension NodeReader {
    /// A message (or help line): one plain text for every language, or a text in each of the four.
    /// A mapping that leaves a language out is an error at the mapping: a dossier in that language
    /// would otherwise get an English message without anyone noticing.
    func message(_ node: Node, what: String) throws -> LocalizedText {
        let text = try localized(node, what: what)
        guard node.mapping != nil else { return text }
        let missing = text.missingLanguages.map { "`\($0.rawValue)`" }
        guard missing.isEmpty else {
            let list = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " and " + missing.last!
            throw error(
                node,
                "\(what) has no \(list) text: give it in all four languages (en, nl, fr, de), or as one plain text for all")
        }
        return text
    }
}
