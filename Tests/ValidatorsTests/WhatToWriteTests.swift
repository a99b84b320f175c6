import TestSupport
import Testing
import Validators

/// Help that says what to write (issue #16, point 4): the allowed values or the closest one for a
/// code-list field, the regions of the organisation's own country, the organisation named by its id.
@Suite struct WhatToWriteTests {
    static func reseau(_ members: String, language: Language = .en) -> [Finding] {
        Fixtures.findings(
            "dossier: 1\nkind: reseau-dossier\nid: X\ntitle: T\nlanguage: \(language.rawValue)\nmembers:\n" + members,
            language: language)
    }

    static func finding(_ findings: [Finding], _ rule: String, at path: String) throws -> Finding {
        try #require(findings.first { $0.rule == rule && $0.path == path }, "\(findings.map { "\($0.rule) \($0.path)" })")
    }

    /// The finding of `rule` at `members[0].field` for one organisation `laserval` with `fields`.
    static func laserval(_ fields: String, _ rule: String, at field: String, language: Language = .en) throws -> Finding {
        try finding(
            reseau("  - {id: laserval, name: L, \(fields)}\n", language: language), rule, at: "members[0].\(field)")
    }

    @Test func aCountryCodeInCommonUseGetsItsISOCode() throws {
        let uk = try Self.laserval("category: enterprise, country: UK, region: GB-ENG", "ORG-004", at: "country")
        #expect(uk.message == "`laserval`: `UK` is not an ISO 3166-1 country code")
        #expect(uk.help == "did you mean `GB`?")
        let lower = try Self.laserval("category: enterprise, country: be, region: BE-WAL", "ORG-004", at: "country")
        #expect(lower.help == "did you mean `BE`?")
        let french = try Self.laserval(
            "category: enterprise, country: be, region: BE-WAL", "ORG-004", at: "country", language: .fr)
        #expect(french.help == "vouliez-vous dire `BE` ?")
        // Nothing close: what to write.
        let unknown = try Self.laserval("category: enterprise, country: XQ, region: BE-WAL", "ORG-004", at: "country")
        #expect(unknown.help?.hasPrefix("write the two-letter ISO 3166-1 code") == true, "\(unknown.help ?? "")")
    }

    @Test func aRegionsHelpListsTheRegionsOfTheOrganisationsOwnCountry() throws {
        let french = try Self.finding(
            Self.reseau("  - {id: lyon, name: L, category: enterprise, country: FR, region: BE-WAL}\n"), "ORG-004",
            at: "members[0].region")
        let help = try #require(french.help)
        #expect(help.contains("FR-ARA") && help.contains("FR-IDF"), "\(help)")
        for other in ["BE-", "DE-", "NL-"] { #expect(!help.contains(other), "\(help)") }
        #expect(!help.contains("FR-75"), "departments are not first-level regions: \(help)")
        // A region written without its country's prefix: the closest first.
        let idf = try Self.finding(
            Self.reseau("  - {id: lyon, name: L, category: enterprise, country: FR, region: IDF}\n"), "ORG-004",
            at: "members[0].region")
        #expect(idf.help?.hasPrefix("use the ISO 3166-2 code of a region of FR: FR-IDF, ") == true, "\(idf.help ?? "")")
        let belgian = try Self.finding(
            Self.reseau("  - {id: liege, name: L, category: enterprise, country: BE, region: BE-WLG}\n"), "ORG-004",
            at: "members[0].region")
        #expect(
            belgian.help == "use the ISO 3166-2 code of a region of BE: BE-WAL, BE-BRU, BE-VLG", "a province: its region first")
    }

    @Test func aMissingCategoryListsTheCategoriesAndNamesTheOrganisation() throws {
        let findings = Self.reseau(
            "  - {id: a, name: A, category: university, country: BE, region: BE-WAL}\n"
                + "  - {id: laserval, name: L, country: BE, region: BE-WAL}\n")
        let missing = try #require(findings.first { $0.rule == "HDR-002" && $0.message.contains("category") })
        #expect(missing.message == "`laserval`: `category` is required", "\(missing.message)")
        #expect(missing.path == "members[1]")
        #expect(
            missing.help?.hasPrefix("write one of: `enterprise`, `research-centre`, `university`") == true,
            "\(missing.help ?? "")")
        let french = Self.reseau("  - {id: laserval, name: L, country: BE, region: BE-WAL}\n", language: .fr)
        #expect(french.contains { $0.message == "`laserval` : `category` est obligatoire" }, "\(french.map(\.message))")
    }

    @Test func aPlaceholderInAnOrganisationNamesIt() throws {
        let findings = Self.reseau(
            "  - {id: laserval, name: L, category: enterprise, country: BE, region: BE-WAL, registration: <fill in>}\n")
        let placeholder = try Self.finding(findings, "HDR-002", at: "members[0].registration")
        #expect(placeholder.message == "`laserval`: `registration` is still to be filled in")
        // An organisation whose id is still to be filled in is named by its place.
        let unnamed = Self.reseau("  - {id: <fill in>, name: <fill in>, category: enterprise, country: BE, region: BE-WAL}\n")
        #expect(unnamed.contains { $0.message == "`members[0].name` is still to be filled in" }, "\(unnamed.map(\.message))")
    }

    @Test func aValueOffItsListGetsTheClosestCode() throws {
        let findings = Self.reseau("  - {id: laserval, name: L, category: Enterprise, country: BE, region: BE-WAL}\n")
        let off = try Self.finding(findings, "HDR-002", at: "members[0].category")
        #expect(
            off.message.hasPrefix("`laserval`: `category` is `Enterprise`, which is not one of: enterprise, "), "\(off.message)")
        #expect(off.help == "did you mean `enterprise`?")
        let slip = try Self.laserval("category: universty, country: BE, region: BE-WAL", "HDR-002", at: "category")
        #expect(slip.help == "did you mean `university`?")
        let far = try Self.laserval("category: bakery, country: BE, region: BE-WAL", "HDR-002", at: "category")
        #expect(far.help == nil, "the message lists the allowed values; no guess: \(far.help ?? "")")
    }

    /// Catalogue rule 4: the presence finding of a key misspelt nearby points to the misspelling.
    @Test func aPresenceFindingPointsToTheMisspeltKey() throws {
        let text = try String(
            contentsOf: Fixtures.repositoryFile("examples/reseau-dossier/invalid-typo-statutes.yaml"), encoding: .utf8)
        let findings = Fixtures.findings(text, language: .en)
        let typo = try #require(findings.first { $0.rule == "HDR-003" })
        let missing = try #require(findings.first { $0.rule == "RES-001" })
        let note = try #require(missing.notes.first { $0.location == typo.location }, "\(missing.notes.map(\.message))")
        #expect(note.message == "`statuts` may be `statutes`, misspelt")
        let french = Fixtures.findings(text, language: .fr).first { $0.rule == "RES-001" }
        #expect(french?.notes.contains { $0.message == "`statuts` est peut-être `statutes`, mal orthographié" } == true)
        // A finding elsewhere, or one that does not name the meant key, gets no such note.
        #expect(findings.filter { $0.rule != "RES-001" }.allSatisfy { $0.notes.allSatisfy { $0.location != typo.location } })
        #expect(KeySuggestion.names("missing: statutes", "statutes"))
        #expect(!KeySuggestion.names("missing: statutes_date", "statutes"))
    }

    @Test func closestCodes() {
        #expect(CodeSuggestion.closest(to: "be", in: ["BE", "DE"]) == "BE")
        #expect(CodeSuggestion.closest(to: "WAL", in: ["BE-BRU", "BE-WAL"]) == "BE-WAL")
        #expect(CodeSuggestion.closest(to: "BX", in: ["BE", "DE"]) == nil, "two letters are too short to guess a slip")
        #expect(CodeSuggestion.closest(to: "", in: ["BE"]) == nil)
    }
}
