import Reporting
import Validators

/// A finding with the code frame shown under it (its source lines, the marked value underlined),
/// and where its rule comes from.
public struct LocatedFinding: Sendable {
    public var finding: Finding
    public var frame: [FindingFrame.Row]
    /// The programme of the rule (its rule set's title) and the document and section it cites
    /// (`guía de Eurostars, §2.2`), in the finding's language; of the call the dossier was
    /// checked against when several calls share the rule.
    public var programme: String?
    public var citation: String?
    /// The language those two are in (the set's default or English when it lacks the dossier's).
    public var citedLanguage: Language?

    public init(
        finding: Finding, frame: [FindingFrame.Row], programme: String? = nil, citation: String? = nil,
        citedLanguage: Language? = nil
    ) {
        self.finding = finding
        self.frame = frame
        self.programme = programme
        self.citation = citation
        self.citedLanguage = citedLanguage
    }
}
