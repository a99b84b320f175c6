import DossierModel
import TestSupport
import Testing
import Validators

@testable import Policy
@testable import Reporting

@Suite struct ConfigurationTests {
    func parse(_ text: String) throws -> Configuration {
        try Configuration.parse(text, file: ".dossiercheck.yaml", directory: "/w/p")
    }

    func error(_ body: () throws -> Any) -> PolicyFileError? {
        do {
            _ = try body()
            return nil
        } catch let error as PolicyFileError {
            return error
        } catch {
            return nil
        }
    }

    @Test func readsEverySetting() throws {
        let config = try parse(
            """
            version: 1
            paths: [dossiers/, more.yaml]
            exclude: "**/drafts/**"
            rules: local-rules
            language: fr
            format: sarif
            fail_on: warning
            waivers: waivers.yaml
            baseline: base.json
            severity: {RES-010: warning}
            disable: [RES-007]
            parameters:
              reseau-dossier: {min_members: 8}
            """)
        #expect(config.paths == ["dossiers/", "more.yaml"])
        #expect(config.exclude == ["**/drafts/**"])
        #expect(config.ruleFolders == ["local-rules"])
        #expect(config.language == .fr && config.format == .sarif && config.failOn == .warning)
        #expect(config.resolve("waivers.yaml") == "/w/p/waivers.yaml")
        #expect(config.severities.map(\.rule) == ["RES-010"] && config.severities[0].severity == .warning)
        #expect(config.disabledRules == ["RES-007"])
        #expect(config.parameters.count == 1 && config.parameters[0].value == .integer(8))
        #expect(try parse("").paths.isEmpty, "an empty file is every default")
    }

    @Test func unknownKeysAreLocatedErrors() {
        let unknown = error { try parse("paths: [a]\ncolour: red\n") }
        #expect(
            unknown?.description.hasPrefix(".dossiercheck.yaml:2:1: error: unknown key `colour`") == true,
            "\(String(describing: unknown))")
        #expect(error { try parse("version: 2") }?.message.contains("unsupported configuration version") == true)
        #expect(error { try parse("fail_on: sometimes") }?.mark == Mark(line: 1, column: 10))
        #expect(error { try parse("- a\n- b\n") }?.message.contains("must be a mapping") == true)
    }

    @Test func unknownRulesAndParametersAreLocatedErrors() throws {
        let sets = Fixtures.checker.ruleSets
        let rule = error { try parse("severity:\n  RES-999: error\n").adjust(sets) }
        #expect(
            rule?.description == ".dossiercheck.yaml:2:3: error: unknown rule `RES-999` in `severity`: no loaded rule set has it")
        #expect(
            error { try parse("disable: [NOPE-1]").adjust(sets) }?.message.contains("unknown rule `NOPE-1` in `disable`") == true)
        #expect(error { try parse("disable: [HDR-004]").adjust(sets) }?.message.contains("cannot be disabled") == true)
        #expect(
            error { try parse("parameters: {reseau-dossier: {nope: 1}}").adjust(sets) }?.message.contains(
                "has no parameter `nope`") == true)
        #expect(
            error { try parse("parameters: {nowhere: {a: 1}}").adjust(sets) }?.message.contains("unknown rule set `nowhere`")
                == true)
        let shape = error { try parse("parameters: {reseau-dossier: {min_members: ten}}").adjust(sets) }
        #expect(shape?.message == "parameter `min_members` of `reseau-dossier` is a number; the configuration gives a text")
        #expect(shape?.mark == Mark(line: 1, column: 44))
    }

    @Test func overridesChangeTheRuleSets() throws {
        let sets = try parse("severity: {RES-008: error}\nparameters: {reseau-dossier: {min_members: 42}}").adjust(
            Fixtures.checker.ruleSets)
        let reseau = try #require(sets.first { $0.name == "reseau-dossier" })
        #expect(reseau.rules.first { $0.id == "RES-008" }?.severity == .error)
        #expect(reseau.parameters.first { $0.name == "min_members" }?.value == .integer(42))
        let checker = try Checker(ruleSets: sets, iso: Fixtures.iso)
        let findings = Fixtures.findings(SampleReports.validReseau, language: .en)
        #expect(!findings.contains { $0.rule == "RES-008" }, "the example is valid with the bundled thresholds")
        let strict = checker.check(fileBytes: Array(SampleReports.validReseau.utf8), language: .en).flatMap(\.findings)
        let mass = try #require(strict.first { $0.rule == "RES-008" })
        #expect(mass.severity == .error)
    }
}
