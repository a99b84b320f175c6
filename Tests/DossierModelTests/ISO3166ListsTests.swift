import DossierModel
import TestSupport
import Testing

/// The lists `isoCountries()` and `isoRegions(c)` give, read from the sorted table by binary
/// search, against what the whole table's dictionaries hold.
@Suite struct ISO3166ListsTests {
    @Test func theCountryCodesAreTheDictionarysKeysInOrder() {
        let iso = Fixtures.iso
        #expect(iso.countryCodes == iso.countries.keys.sorted())
        #expect(iso.countryCodes.count > 200)
    }

    @Test func eachCountrysFirstLevelIsWhatItsSubdivisionsSay() {
        let iso = Fixtures.iso
        var nonEmpty = 0
        for country in iso.countries.keys {
            let expected = iso.subdivisions.values.filter { $0.country == country && $0.parent == nil }.map(\.code).sorted()
            #expect(iso.firstLevelSubdivisions(of: country) == expected, "\(country)")
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > 150)
        #expect(iso.firstLevelSubdivisions(of: "BE") == ["BE-BRU", "BE-VLG", "BE-WAL"])
    }

    @Test func anUnknownCountryHasNoRegions() {
        let iso = Fixtures.iso
        for unknown in ["", "ZZ", "BE-WAL", "be", "B", "BE-", "subdivision", "country"] {
            #expect(iso.firstLevelSubdivisions(of: unknown) == [], "\(unknown)")
        }
    }
}
