import DossierModel

extension NodeReader {
    /// A message (or help line): one plain text for every language, or a text per language. A
    /// mapping must give every language the set declares (checked once the set is read, see
    /// `RuleSetLanguages`): a dossier in a missing language would otherwise get another
    /// language's message without anyone noticing.
    func message(_ node: Node, what: String) throws -> LocalizedText {
        try localized(node, what: what)
    }
}
