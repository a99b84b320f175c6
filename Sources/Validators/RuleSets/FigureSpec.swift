import DossierModel

/// Where a rule set's dossiers hold the figures a triage report shows (`figures:` in a rule
/// file): the organisations and how to classify them, the applicant, the eligible and the
/// requested amounts. Every entry is optional; a kind's set overrides what its libraries give,
/// entry by entry.
public struct FigureSpec: Sendable, Equatable {
    /// Paths to the organisations of a dossier (`partners[*]`).
    public var organisations: [PathPattern]?
    /// The organisation's name, relative to an organisation (`name`).
    public var organisationName: PathPattern?
    /// The organisation's registration number, relative to an organisation (`registration`).
    public var registration: PathPattern?
    /// Paths tried in order for the applicant's name; the first that gives text wins.
    public var applicant: [PathPattern]?
    /// Paths whose amounts add up to the dossier's eligible costs.
    public var eligible: [PathPattern]?
    /// Paths whose amounts add up to the public money the dossier requests.
    public var requested: [PathPattern]?
    /// A definition of one parameter, true for an SME (`isSME`).
    public var sme: String?
    /// A definition of one parameter, true for a research unit (`isResearchUnit`).
    public var research: String?
    /// Where each entry was written, for located errors (by key as written in the file).
    public var marks: [String: Mark]

    public init(
        organisations: [PathPattern]? = nil, organisationName: PathPattern? = nil, registration: PathPattern? = nil,
        applicant: [PathPattern]? = nil, eligible: [PathPattern]? = nil, requested: [PathPattern]? = nil,
        sme: String? = nil, research: String? = nil, marks: [String: Mark] = [:]
    ) {
        self.organisations = organisations
        self.organisationName = organisationName
        self.registration = registration
        self.applicant = applicant
        self.eligible = eligible
        self.requested = requested
        self.sme = sme
        self.research = research
        self.marks = marks
    }

    /// The keys a `figures:` section may hold.
    public static let keys: Set<String> = [
        "organisations", "organisation_name", "registration", "applicant", "eligible", "requested", "sme", "research",
    ]

    /// This spec with `other`'s entries laid over it (a kind's set over its libraries).
    public func overridden(by other: FigureSpec) -> FigureSpec {
        FigureSpec(
            organisations: other.organisations ?? organisations,
            organisationName: other.organisationName ?? organisationName,
            registration: other.registration ?? registration,
            applicant: other.applicant ?? applicant,
            eligible: other.eligible ?? eligible,
            requested: other.requested ?? requested,
            sme: other.sme ?? sme,
            research: other.research ?? research,
            marks: marks.merging(other.marks) { $1 })
    }
}
