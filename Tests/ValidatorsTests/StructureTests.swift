import TestSupport
import Testing
import Validators

/// The structure checker: HDR-002 types and required fields, HDR-003 unknown keys, and
/// "a wrongly typed value counts as absent" for every other rule.
@Suite struct StructureTests {
    func reseau(_ body: String) -> [Finding] {
        Fixtures.findings("dossier: 1\nkind: reseau-dossier\nid: X\ntitle: T\nlanguage: en\n" + body)
    }

    func rules(_ findings: [Finding]) -> Set<String> { Set(findings.map(\.rule)) }

    @Test func anAmountWrittenAsTextIsHDR002AndThenAbsent() {
        let findings = reseau("financial_plan: {recognition_term: 1, years: [{year: 1, eligible_costs_eur: \"170000\"}]}\n")
        #expect(findings.contains { $0.rule == "HDR-002" && $0.path == "financial_plan.years[0].eligible_costs_eur" })
        #expect(!rules(findings).contains("RES-003"), "RES-003 does not judge an amount written as text")
    }

    @Test func wholeNumbersMayBeWrittenWithPointZero() {
        let findings = reseau("financial_plan: {recognition_term: 1.0, years: [{year: 1}, {year: 2}, {year: 3.0}]}\n")
        #expect(!rules(findings).contains("HDR-002"))
        #expect(!rules(findings).contains("RES-005"), "\(findings.map(\.message))")
    }

    @Test func negativeAndInfiniteAmountsAreHDR002() {
        let negative = reseau("financial_plan: {years: [{year: 1, eligible_costs_eur: -5}]}\n")
        #expect(negative.contains { $0.rule == "HDR-002" && $0.message.contains("cannot be negative") })
        let infinite = reseau("financial_plan: {years: [{year: 1, eligible_costs_eur: .inf}]}\n")
        #expect(infinite.contains { $0.rule == "HDR-002" && $0.message.contains("finite") })
    }

    @Test func datesMustBeCalendarDates() {
        #expect(reseau("submitted: 2026-02-29\n").contains { $0.rule == "HDR-002" && $0.path == "submitted" })
        #expect(!reseau("submitted: 2028-02-29\n").contains { $0.rule == "HDR-002" })
    }

    @Test func yesIsTextNotABoolean() {
        let findings = reseau(
            "members: [{id: a, name: A, category: research-centre, country: BE, region: BE-WAL, accredited: yes}]\n")
        #expect(findings.contains { $0.rule == "HDR-002" && $0.path == "members[0].accredited" })
    }

    @Test func requiredFieldsOfAnOrganisation() {
        let findings = reseau("members: [{id: a, category: university, country: BE, region: BE-WAL}]\n")
        let required = findings.first { $0.rule == "HDR-002" }
        // Named by its id, not its place in the list (issue #16).
        #expect(required?.message == "`a`: `name` is required")
        #expect(required?.path == "members[0]")
    }

    @Test func codeListsAreChecked() {
        let findings = reseau("members: [{id: a, name: A, category: startup, country: BE, region: BE-WAL}]\n")
        #expect(findings.contains { $0.rule == "HDR-002" && $0.message.contains("`startup`, which is not one of") })
    }

    @Test func misspeltKeyNamesTheClosestKnownKey() {
        let findings = reseau("strategic_plna: x\n")
        let typo = findings.first { $0.rule == "HDR-003" }
        #expect(typo?.message == "unknown key `strategic_plna`; did you mean `strategic_plan`?")
        #expect(typo?.location.line == 6 && typo?.location.column == 1)
        #expect(findings.contains { $0.rule == "RES-001" && $0.message.contains("strategic_plan") })
    }

    @Test func fieldsOfOtherKindsAreUnknownHere() {
        let findings = reseau(
            "members: [{id: a, name: A, category: university, country: BE, region: BE-WAL, member_of_pole: true, province: WLG}]\n"
        )
        let paths = findings.filter { $0.rule == "HDR-003" }.map(\.path).sorted()
        #expect(paths == ["members[0].member_of_pole", "members[0].province"])
    }

    @Test func emptyValuesCountAsAbsent() {
        let findings = reseau("strategic_plan: '   '\nsynergies: {networks: [], poles: []}\n")
        #expect(findings.contains { $0.rule == "RES-001" && $0.message.contains("strategic_plan") })
        #expect(findings.contains { $0.rule == "RES-007" })
        #expect(!findings.contains { $0.rule == "RES-001" && $0.message.contains("synergies") }, "a mapping with keys is present")
    }

    @Test func anUnknownKindIsOnlyHDR001() {
        let findings = Fixtures.findings("dossier: 1\nkind: nope\nid: X\ntitle: T\nlanguage: en\nwhatever: [1, 2]\n")
        #expect(rules(findings) == ["HDR-001"])
    }

    @Test func aDocumentWithAProblemGetsOnlyHDR004AndEarlierDocumentsAreChecked() {
        let reports = Fixtures.checker.check(
            fileBytes: Array("dossier: 1\nkind: nope\nid: X\ntitle: T\nlanguage: en\n---\na: [\n".utf8))
        #expect(reports.count == 2)
        #expect(reports.first.map { Set($0.findings.map(\.rule)) } == ["HDR-001"])
        #expect(reports.last.map { $0.findings.map(\.rule) } == ["HDR-004"])
    }
}
