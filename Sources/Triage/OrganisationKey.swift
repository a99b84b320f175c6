import Foundation

/// How organisations are told apart across dossiers and calls: by registration number where
/// one is given, else by normalised name.
public enum OrganisationKey {
    /// Legal forms left off the end of a name (`Dupont Mécanique SA` = `Dupont Mécanique`).
    static let legalForms: Set<String> = [
        "sa", "nv", "bv", "srl", "sprl", "scrl", "sc", "scs", "scris", "snc", "asbl", "aisbl", "vzw", "bvba", "cvba", "cv",
        "vof", "gmbh", "mbh", "ag", "se", "kg", "co", "ohg", "ev", "ug", "eg", "kgaa", "ltd", "limited", "llc", "inc",
        "plc", "sas", "sarl", "eurl", "spa", "sl",
    ]

    /// `Dupont Mécanique S.A.` → `dupont mecanique`: case and accents folded, punctuation
    /// dropped, spaces collapsed, legal forms at the end left off. Empty for a blank name.
    public static func normalisedName(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "ß", with: "ss")
        var words: [String] = []
        var current = ""
        for character in folded {
            if character == "." || character == "'" || character == "’" { continue } // S.A. → sa, l'entreprise → lentreprise
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        while words.count > 1, let last = words.last, legalForms.contains(last) { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// `BE 0403.170.701` → `BE0403170701`: letters and digits only, upper case. Empty when none.
    public static func normalisedRegistration(_ registration: String) -> String {
        String(registration.uppercased().filter { $0.isLetter || $0.isNumber })
    }
}
