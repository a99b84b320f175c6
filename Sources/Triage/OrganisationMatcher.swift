/// Finds the organisations of a call that appear in more than one dossier.
///
/// Organisations with a registration number are one organisation per number. One without a
/// number is matched by normalised name: to the registered organisation of that name when
/// exactly one number goes with the name in the call, else to the others of that name.
public enum OrganisationMatcher {
    /// The identity of every organisation of every row, in row order (nil for an unnamed, unregistered one).
    public static func identities(_ dossiers: [TriagedDossier]) -> [[String?]] {
        // A name is normalised once however often it is written: the same organisations come back
        // in dossier after dossier, and folding a name is most of this serial step's work.
        var normalised: [String: String] = [:]
        func normalisedName(_ name: String) -> String {
            if let known = normalised[name] { return known }
            let made = OrganisationKey.normalisedName(name)
            normalised[name] = made
            return made
        }
        var registrationsByName: [String: Set<String>] = [:]
        for dossier in dossiers {
            for organisation in dossier.figures?.organisations ?? [] {
                guard let registration = organisation.registration.map(OrganisationKey.normalisedRegistration),
                    !registration.isEmpty
                else { continue }
                let name = normalisedName(organisation.name ?? "")
                if !name.isEmpty { registrationsByName[name, default: []].insert(registration) }
            }
        }
        return dossiers.map { dossier in
            (dossier.figures?.organisations ?? []).map { organisation in
                if let registration = organisation.registration.map(OrganisationKey.normalisedRegistration), !registration.isEmpty
                {
                    return "reg:" + registration
                }
                let name = normalisedName(organisation.name ?? "")
                if name.isEmpty { return nil }
                if let numbers = registrationsByName[name], numbers.count == 1, let only = numbers.first { return "reg:" + only }
                return "name:" + name
            }
        }
    }

    /// Organisations found in two dossiers or more, most widespread first (then by name).
    public static func shared(_ dossiers: [TriagedDossier]) -> [SharedOrganisation] {
        let identities = identities(dossiers)
        var order: [String] = []
        var rows: [String: [Int]] = [:]
        var names: [String: [String: Int]] = [:]
        var firstName: [String: [String]] = [:]
        for (row, keys) in identities.enumerated() {
            for (position, key) in keys.enumerated() {
                guard let key else { continue }
                if rows[key] == nil { order.append(key) }
                if rows[key, default: []].last != row { rows[key, default: []].append(row) }
                if let name = dossiers[row].figures?.organisations[position].name {
                    if names[key, default: [:]][name] == nil { firstName[key, default: []].append(name) }
                    names[key, default: [:]][name, default: 0] += 1
                }
            }
        }
        var result: [SharedOrganisation] = []
        for key in order {
            guard let members = rows[key], members.count > 1 else { continue }
            let counts = names[key] ?? [:]
            let best = (firstName[key] ?? []).max { counts[$0, default: 0] < counts[$1, default: 0] } ?? ""
            // max returns the last of equal elements; prefer the first written among the most frequent.
            let top = counts[best, default: 0]
            let name = (firstName[key] ?? []).first { counts[$0, default: 0] == top } ?? best
            result.append(
                SharedOrganisation(
                    name: name, registration: key.hasPrefix("reg:") ? String(key.dropFirst(4)) : nil, dossiers: members))
        }
        return result.sorted {
            $0.dossiers.count != $1.dossiers.count ? $0.dossiers.count > $1.dossiers.count : $0.name < $1.name
        }
    }
}
