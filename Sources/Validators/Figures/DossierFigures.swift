import Foundation

/// The figures a jury weighs for one dossier, as its rule set's `figures:` section says where
/// to find them and the engine sees the dossier (wrongly typed values are absent).
public struct DossierFigures: Sendable, Equatable {
    /// One organisation of the dossier, classified by the rule set's definitions.
    public struct Organisation: Sendable, Equatable {
        public var name: String?
        public var registration: String?
        public var isSME: Bool
        public var isResearchUnit: Bool

        public init(name: String?, registration: String?, isSME: Bool, isResearchUnit: Bool) {
            self.name = name
            self.registration = registration
            self.isSME = isSME
            self.isResearchUnit = isResearchUnit
        }
    }

    /// The applicant's name, when the rule set says where it is and the dossier gives it.
    public var applicant: String?
    public var organisations: [Organisation]
    /// The sum of the eligible amounts; nil when the rule set declares none for its kind.
    public var eligible: Decimal?
    /// The sum of the requested amounts; nil when the rule set declares none for its kind.
    public var requested: Decimal?

    public init(applicant: String?, organisations: [Organisation], eligible: Decimal?, requested: Decimal?) {
        self.applicant = applicant
        self.organisations = organisations
        self.eligible = eligible
        self.requested = requested
    }

    public var partners: Int { organisations.count }
    public var smes: Int { organisations.count { $0.isSME } }
    public var researchUnits: Int { organisations.count { $0.isResearchUnit } }

    /// SMEs among the organisations, 0…1; nil without organisations.
    public var smeShare: Double? { partners == 0 ? nil : Double(smes) / Double(partners) }
    /// Research units (research centres, universities) among the organisations, 0…1; nil without organisations.
    public var researchShare: Double? { partners == 0 ? nil : Double(researchUnits) / Double(partners) }
    /// The requested amount as a share of the eligible amount; nil unless both are known and eligible > 0.
    public var publicShare: Double? {
        guard let eligible, let requested, eligible > 0 else { return nil }
        return NSDecimalNumber(decimal: requested / eligible).doubleValue
    }
}
