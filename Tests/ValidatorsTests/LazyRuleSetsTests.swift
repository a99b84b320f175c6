import BundledData
import DossierModel
import Foundation
import TestSupport
import Testing

@testable import Validators

/// A run over the bundled rule sets reads each file's header at start-up and a whole file when a
/// dossier needs it (`LazyRuleSets`): what it reads must be what a full read of every file gives.
@Suite struct LazyRuleSetsTests {
    static let files = BundledData.ruleFiles.map { ("rules/" + $0.name, $0.contents) }
    static let lazy = LazyRuleSets(files: files)
    static let lazyChecker = try! Checker(knownFiles: files, iso: Fixtures.iso)

    @Test func everyBundledFileHasAHeaderOfItsOwn() throws {
        let lazy = try #require(Self.lazy, "a bundled rule file's header does not stand alone (RuleFileHeader)")
        let full = try RuleSetCollection.parse(Self.files)
        #expect(lazy.headers.count == full.count)
        for (header, set) in zip(lazy.headers, full) {
            #expect(header.name == set.name)
            #expect(header.version == set.version)
            #expect(header.catalogue == set.catalogue)
            #expect(header.kind == set.kind)
            #expect(header.imports == set.imports)
            #expect(header.call?.name == set.call?.name)
            #expect(header.extends == nil && set.extends == nil)
            #expect(header.file == set.file)
            #expect(header.keyMarks["ruleset"] == set.keyMarks["ruleset"])
        }
    }

    @Test func theLazyEngineDescribesTheSameSetsAndRules() {
        let eager = Fixtures.checker
        #expect(Self.lazyChecker.ruleSetVersions == eager.ruleSets.map { DocumentReport.RuleSetVersion($0) })
        #expect(Self.lazyChecker.kindNames == eager.kindNames)
        #expect(Self.lazyChecker.ruleSets.map(Self.outline) == eager.ruleSets.map(Self.outline))
    }

    /// What a set says of itself and of each rule, in every language, as text to compare.
    static func outline(_ set: RuleSet) -> [String] {
        [set.name, set.version, set.catalogue ?? "", set.kind ?? "", set.file, "\(set.imports)"]
            + set.rules.flatMap { rule in
                ["\(rule.id) \(rule.severity) \(rule.source) \(rule.checks.map(\.assertion.source))"]
                    + Language.allCases.map { language in
                        [
                            rule.title.text(in: language), rule.description?.text(in: language) ?? "",
                            rule.citation?.text(in: language) ?? "", rule.citation?.document?.reference ?? "",
                        ].joined(separator: " | ")
                    }
            }
    }

    @Test func theTableOfCodesLooksUpWhatItsDictionariesHold() {
        let iso = Fixtures.iso
        for (code, name) in iso.countries {
            #expect(iso.countryName(code) == name, "\(code)")
            #expect(iso.isCountry(code), "\(code)")
        }
        for (code, subdivision) in iso.subdivisions { #expect(iso.subdivision(code) == subdivision, "\(code)") }
        for unknown in ["", "ZZ", "BE-XXX", "be", "BE-", "country", "B", "BEL", "ZZZ", "\u{7F}"] {
            #expect(iso.countryName(unknown) == nil)
            #expect(!iso.isCountry(unknown))
            #expect(iso.subdivision(unknown) == nil)
        }
        #expect(iso.countries.count > 200 && iso.subdivisions.count > 4000)
    }

    @Test(arguments: Fixtures.exampleFiles)
    func aDossierGetsTheSameReportFromEitherEngine(_ path: String) throws {
        // A new lazy engine for each dossier: its kind is the first it reads.
        let lazy = try Checker(knownFiles: Self.files, iso: Fixtures.iso)
        let bytes = Array(try Data(contentsOf: Fixtures.repositoryFile(path)))
        for language in [nil, Language.fr] {
            let expected = Fixtures.checker.check(fileBytes: bytes, language: language)
            let got = lazy.check(fileBytes: bytes, language: language)
            #expect(got.map(\.ruleSets) == expected.map(\.ruleSets), "\(path)")
            #expect(
                got.map {
                    $0.findings.map { "\($0.location) \($0.rule) \($0.severity) \($0.path): \($0.message) \($0.help ?? "")" }
                }
                    == expected.map {
                        $0.findings.map { "\($0.location) \($0.rule) \($0.severity) \($0.path): \($0.message) \($0.help ?? "")" }
                    },
                "\(path)")
        }
    }

    @Test func aFileWhoseHeaderDoesNotStandAloneIsReadWhole() {
        #expect(RuleFileHeader.text(of: "---\nruleset: x\nversion: 1.0.0\n") == nil)
        #expect(RuleFileHeader.text(of: "\"ruleset\": x\n") == nil)
        let text = "ruleset: x\nversion: 1.0.0\nrules:\n  - id: X-1\n# a comment\nkind: k\n"
        #expect(RuleFileHeader.text(of: text) == "ruleset: x\nversion: 1.0.0\n\n\n\nkind: k\n")
    }
}
