import Testing
import Triage

/// How organisations are told apart: normalised names and registration numbers.
@Suite struct OrganisationKeyTests {
    @Test(arguments: [
        ("Dupont Mécanique S.A.", "dupont mecanique"),
        ("DUPONT MECANIQUE SA", "dupont mecanique"),
        ("Müller Präzisionstechnik GmbH & Co. KG", "muller prazisionstechnik"),
        ("Weiß Werkstoffe AG", "weiss werkstoffe"),
        ("Coöperatieve Zuivel B.V.", "cooperatieve zuivel"),
        ("Maison de l'entreprise", "maison de lentreprise"),
        ("  Université de Liège – Namur ", "universite de liege namur"),
        ("SA", "sa"),
    ])
    func names(_ written: String, _ key: String) {
        #expect(OrganisationKey.normalisedName(written) == key)
    }

    @Test func registrationNumbers() {
        #expect(OrganisationKey.normalisedRegistration("BE 0403.170.701") == "BE0403170701")
        #expect(OrganisationKey.normalisedRegistration("be0403170701") == "BE0403170701")
        #expect(OrganisationKey.normalisedRegistration(" - ") == "")
    }

    @Test func anEarlierCallKnowsByNumberOrByName() {
        let earlier = EarlierOrganisations(
            calls: 1, registrations: ["HRB1001"], names: ["alpha", "beta"], unregisteredNames: ["alpha"])
        #expect(earlier.knows(name: "Other name", registration: "HRB 1001"))
        #expect(earlier.knows(name: "Alpha GmbH", registration: "HRB 9"), "alpha was recorded without a number")
        #expect(!earlier.knows(name: "Beta GmbH", registration: "HRB 9"), "beta was recorded with another number")
        #expect(earlier.knows(name: "Beta", registration: nil))
        #expect(!earlier.knows(name: "Gamma", registration: nil))
        #expect(!earlier.knows(name: nil, registration: nil))
    }
}
