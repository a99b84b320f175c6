import Validators

/// A call compared with the calls recorded before it: per dossier, how many partners are new,
/// and the call's rotation rate (the share of its distinct organisations no earlier call had).
public struct HistoryComparison: Sendable {
    /// The call's name in the history.
    public var label: String
    public var earlierCalls: Int
    /// Per dossier (in row order): partners no earlier call had; nil without an earlier call
    /// or without figures.
    public var newPartners: [Int?]
    /// Distinct organisations of the call (matched as across dossiers).
    public var organisations: Int
    public var newOrganisations: Int
    /// Whether the history held this call already (its record is then replaced, not added).
    public var rerun: Bool

    /// newOrganisations / organisations; nil without an earlier call or without organisations.
    public var rotationRate: Double? {
        guard earlierCalls > 0, organisations > 0 else { return nil }
        return Double(newOrganisations) / Double(organisations)
    }

    public init(label: String, dossiers: [TriagedDossier], earlier: EarlierOrganisations, rerun: Bool) {
        self.label = label
        self.rerun = rerun
        earlierCalls = earlier.calls
        let identities = OrganisationMatcher.identities(dossiers)
        var known: [String: Bool] = [:]
        var anonymous = 0
        var perDossier: [Int?] = []
        for (row, dossier) in dossiers.enumerated() {
            guard let organisations = dossier.figures?.organisations else {
                perDossier.append(nil)
                continue
            }
            var fresh = 0
            for (position, organisation) in organisations.enumerated() {
                let seen = earlier.knows(name: organisation.name, registration: organisation.registration)
                if !seen { fresh += 1 }
                if let key = identities[row][position] {
                    known[key] = (known[key] ?? false) || seen
                } else {
                    anonymous += 1
                }
            }
            perDossier.append(earlier.calls > 0 ? fresh : nil)
        }
        newPartners = perDossier
        organisations = known.count + anonymous
        newOrganisations = known.values.count { !$0 } + anonymous
    }
}
