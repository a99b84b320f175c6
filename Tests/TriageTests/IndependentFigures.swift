import Foundation
import Yams

/// The figures of a generated dossier computed here, from the YAML read by Yams and the
/// format's definitions (format §2, the figures each kind declares), without the engine:
/// the oracle the triage's CSV and JSON are checked against.
struct IndependentFigures {
    var kind: String
    var id: String
    var partners: Int
    var smes: Int
    var researchUnits: Int
    var eligible: Decimal?
    var requested: Decimal?
    var names: [String]

    var smeShare: Double? { partners == 0 ? nil : Double(smes) / Double(partners) }
    var researchShare: Double? { partners == 0 ? nil : Double(researchUnits) / Double(partners) }
    var publicShare: Double? {
        guard let eligible, let requested, eligible > 0 else { return nil }
        return NSDecimalNumber(decimal: requested / eligible).doubleValue
    }

    /// Nil when the YAML does not parse (duplicate keys and the like).
    init?(yaml: String) {
        guard let loaded = try? Yams.load(yaml: yaml), let dossier = loaded as? [String: Any] else { return nil }
        kind = dossier["kind"] as? String ?? ""
        id = dossier["id"] as? String ?? ""
        let organisations = ((dossier[kind == "reseau-dossier" ? "members" : "partners"] as? [Any]) ?? []).compactMap {
            $0 as? [String: Any]
        }
        partners = organisations.count
        smes = organisations.count(where: Self.isSME)
        researchUnits = organisations.count { ["research-centre", "university"].contains($0["category"] as? String ?? "") }
        names = organisations.compactMap { $0["name"] as? String }

        func amounts(_ path: [String]) -> Decimal {
            var values: [Any] = [dossier]
            for step in path {
                values = values.flatMap { value -> [Any] in
                    if step == "*" { return (value as? [Any]) ?? [] }
                    return ((value as? [String: Any])?[step]).map { [$0] } ?? []
                }
            }
            return values.compactMap(Self.number).reduce(0, +)
        }
        switch kind {
        case "reseau-dossier":
            eligible = amounts(["financial_plan", "years", "*", "eligible_costs_eur"])
            requested =
                amounts(["financial_plan", "years", "*", "subsidy_requested_eur"])
                + amounts(["financial_plan", "international_partnership", "extra_subsidy_eur"])
        case "pole-cahier-des-charges":
            let tasks = ["management_eur", "competence_database_eur", "project_management_eur", "administrative_support_eur"]
            requested = tasks.map { amounts(["operational_cell_budget", $0]) }.reduce(0, +)
            eligible = requested! + amounts(["operational_cell_budget", "private_contribution_eur"])
        case "pole-project":
            eligible = amounts(["costs", "*", "eligible_eur"])
            requested = amounts(["costs", "*", "aid_requested_eur"])
        case "spitzencluster-strategy":
            eligible = amounts(["projects", "*", "costs", "*", "eligible_eur"])
            requested = amounts(["projects", "*", "costs", "*", "requested_eur"])
        case "tki-project":
            eligible = amounts(["budget", "total_eur"])
            requested = amounts(["budget", "toeslag_requested_eur"])
        default:
            eligible = nil
            requested = nil
        }
    }

    /// A YAML number as an exact decimal (as written: Yams gives 5.2e9 as a Double).
    static func number(_ value: Any) -> Decimal? {
        if value is Bool { return nil }
        if let int = value as? Int { return Decimal(int) }
        if let double = value as? Double, double.isFinite { return Decimal(string: String(double), locale: nil) }
        return nil
    }

    /// EU SME definition (format §2): the smallest class whose headcount ceiling the enterprise
    /// meets and at least one of whose financial ceilings it meets; figures not given don't count.
    static func isSME(_ organisation: [String: Any]) -> Bool {
        guard organisation["category"] as? String == "enterprise", let employees = organisation["employees"] as? Int,
            !(organisation["employees"] is Bool), employees >= 0
        else { return false }
        let turnover = organisation["annual_turnover_eur"].flatMap(number)
        let balance = organisation["balance_sheet_eur"].flatMap(number)
        let ceilings: [(employees: Int, turnover: Decimal, balance: Decimal)] = [
            (10, 2_000_000, 2_000_000), (50, 10_000_000, 10_000_000), (250, 50_000_000, 43_000_000),
        ]
        return ceilings.contains { ceiling in
            employees < ceiling.employees
                && ((turnover == nil && balance == nil) || (turnover.map { $0 <= ceiling.turnover } ?? false)
                    || (balance.map { $0 <= ceiling.balance } ?? false))
        }
    }
}
