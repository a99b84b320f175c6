import Foundation
import TestSupport
import Testing

/// `dossiercheck rules test [DIR]` for rule authors: every broken rule file with its place, then
/// every example run, and "N passed, M failed".
@Suite struct RulesTestCommandTests {
    static let broken = "Tests/Fixtures/BrokenRules"

    @Test func theProjectsOwnRulesPass() throws {
        let run = try Fixtures.run(["rules", "test", "rules/"])
        let examples = Fixtures.checker.runExamples().count
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout == "\(examples) passed, 0 failed\n")
        // Without a folder, the bundled sets (the same files) are tested.
        #expect(try Fixtures.run(["rules", "test"]).stdout == "\(examples) passed, 0 failed\n")
    }

    @Test(arguments: [
        (
            "unknown-key.yaml",
            "11:5: error: unknown key `sevrity` in a rule (known: at, builtin, check, checks, description, examples, "
                + "for_each, help, id, let, message, messages, severity, source, title, when)"
        ),
        ("bad-expression.yaml", "14:32: error: rule BBE-001, `check`: unexpected '>'"),
        (
            "unknown-parameter.yaml",
            "17:40: error: rule BUP-001, `check`: unknown parameter `params.max_items` (parameters: "
                + "country_aliases, first_level_subdivisions, format_version, languages, max_item_count, pole_kinds, "
                + "research_categories, size_classes)"
        ),
        (
            "unknown-field.yaml",
            "16:17: error: rule BUF-001, `check`: `item.amout` names a field the structure does not declare: "
                + "`item` has no field `amout` for kind broken-unknown-field (did you mean `amount`?)"
        ),
        ("duplicate-rule-id.yaml", "19:5: error: rule BDR-001 is also defined at line 10: a rule ID names one rule"),
        (
            "missing-language.yaml",
            "16:7: error: rule BML-001 message has no `nl` and `de` text: give it in every language the set "
                + "declares (en, nl, fr and de), or as one plain text for all"
        ),
        (
            "misspelt-for-each.yaml",
            "14:15: error: rule BFE-001, `for_each`: `item[*]` leads to `item`, which the structure does not declare (did you mean `items`?)"
        ),
        ("undefined-placeholder.yaml", "16:15: error: rule BPH-001: the en message names `{cuont}`, which no `let` defines"),
        ("unknown-function.yaml", "16:33: error: rule BUN-001, `check`: unknown function `totl` (did you mean `total`?)"),
        ("wrong-arity.yaml", "15:12: error: rule BAR-001, `check`: `isoCountry()` takes 1 argument, not 2"),
    ])
    func aBrokenRuleFileIsReportedWithItsPlace(file: String, error: String) throws {
        let run = try Fixtures.run(["rules", "test", "\(Self.broken)/\(file)"])
        #expect(run.status == 2)
        #expect(run.stdout == "\(Self.broken)/\(file):\(error)\n1 error in 1 rule file\n0 passed, 0 failed\n")
    }

    @Test func everyBrokenFileAtOnceAndTheOthersStillTested() throws {
        let project = try ScratchProject()
        let good = try String(contentsOf: Fixtures.repositoryFile("\(Self.broken)/unknown-field.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "item.amout", with: "item.amount").replacingOccurrences(
                of: "broken-unknown-field", with: "fixed"
            )
            .replacingOccurrences(of: "BUF-001", with: "FIX-001")
        try project.write("good/fixed.yaml", good)
        let run = try project.run(["rules", "test", Fixtures.repositoryFile(Self.broken).path, "good"])
        #expect(run.status == 2)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains(": error: ") }.count == 24)
        #expect(
            lines.prefix(24).map { $0.components(separatedBy: ":").first ?? "" }
                == [
                    "bad-expression.yaml", "duplicate-rule-id.yaml", "missing-declared-language.yaml", "missing-language.yaml",
                    "misspelt-at.yaml", "misspelt-for-each.yaml", "replaced-type.yaml", "rule-id-form.yaml",
                    "rule-id-pattern.yaml",
                ].map { Fixtures.repositoryFile("\(Self.broken)/\($0)").path }
                + Array(repeating: Fixtures.repositoryFile("\(Self.broken)/several-errors.yaml").path, count: 7)
                + [
                    "undeclared-type.yaml", "undefined-placeholder.yaml", "unknown-disabled-rule.yaml", "unknown-field.yaml",
                    "unknown-function.yaml", "unknown-key.yaml", "unknown-parameter.yaml", "wrong-arity.yaml",
                ].map { Fixtures.repositoryFile("\(Self.broken)/\($0)").path }, "in the order of the files")
        #expect(lines.suffix(2) == ["24 errors in 18 rule files", "2 passed, 0 failed"], "the sound file's two examples ran")
    }

    /// `check` (like every command that loads rules) shows every error of every file at once, in
    /// file order, and stops before judging any dossier.
    @Test func checkShowsEveryErrorOfTheRuleFilesAtOnce() throws {
        let project = try ScratchProject()
        for name in ["several-errors.yaml", "unknown-function.yaml"] {
            try project.write(
                "rules/\(name)", try String(contentsOf: Fixtures.repositoryFile("\(Self.broken)/\(name)"), encoding: .utf8))
        }
        try project.write("dossier.yaml", "dossier: 1\nkind: broken-several\nid: X\ntitle: T\nlanguage: en\n")
        let run = try project.run(["check", "--rules", "rules", "dossier.yaml"])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        let errors = run.stderr.split(separator: "\n").map(String.init)
        #expect(
            errors.map { $0.components(separatedBy: ": error: ").first ?? "" } == [
                "rules/several-errors.yaml:10:31", "rules/several-errors.yaml:14:5", "rules/several-errors.yaml:23:32",
                "rules/several-errors.yaml:30:17", "rules/several-errors.yaml:37:21", "rules/several-errors.yaml:38:12",
                "rules/several-errors.yaml:39:15", "rules/unknown-function.yaml:16:33",
            ])
    }

    @Test func failingExamplesAreListedAndCounted() throws {
        let text = try String(contentsOf: Fixtures.repositoryFile("\(Self.broken)/unknown-field.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "item.amout <= 100", with: "item.amount <= 1000")
        let project = try ScratchProject(["rules/lax.yaml": text])
        let run = try project.run(["rules", "test", "rules"])
        #expect(run.status == 1)
        #expect(run.stdout == "rules/lax.yaml:20:14: BUF-001 fail example #1: expected a finding, got none\n1 passed, 1 failed\n")
        let verbose = try project.run(["rules", "test", "rules", "--verbose"])
        #expect(verbose.stdout.hasPrefix("rules/lax.yaml:19:14: BUF-001 pass example #1: ok\n"))
    }

    @Test func aRuleWithoutExamplesFails() throws {
        let text = try String(contentsOf: Fixtures.repositoryFile("\(Self.broken)/unknown-field.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "item.amout", with: "item.amount")
            .replacingOccurrences(
                of: "    examples:\n      pass: [\"items: [{amount: 1}]\"]\n      fail: [\"items: [{amount: 101}]\"]\n", with: "")
        let project = try ScratchProject(["rules/bare.yaml": text])
        let run = try project.run(["rules", "test", "rules"])
        #expect(run.status == 1)
        #expect(
            run.stdout
                == "rules/bare.yaml:10:5: BUF-001: a rule needs at least one passing and one failing example\n0 passed, 1 failed\n"
        )
    }

    @Test func aMissingFolderIsAUsageError() throws {
        let run = try Fixtures.run(["rules", "test", "no/such/folder"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: rules no/such/folder: no such file or folder\n")
    }
}
