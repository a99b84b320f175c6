import BundledData
import DossierModel
import Foundation
import TestSupport
import Testing
import Validators

/// A broken rule file is caught before it judges anyone: each kind of mistake in
/// `Tests/Fixtures/BrokenRules/` gives one error at its place, and the bundled rule sets give none.
@Suite struct RuleSetLintTests {
    static let bundled: [RuleSet] = {
        (try? RuleSetCollection.parse(BundledData.ruleFiles.map { ("rules/" + $0.name, $0.contents) })) ?? []
    }()

    static func fixture(_ name: String) throws -> (name: String, contents: String) {
        let url = Fixtures.repositoryFile("Tests/Fixtures/BrokenRules/\(name)")
        return ("BrokenRules/\(name)", try String(contentsOf: url, encoding: .utf8))
    }

    func diagnose(_ files: [(name: String, contents: String)]) -> RuleSetDiagnosis {
        RuleSetDiagnosis(files: files, base: Self.bundled, iso: Fixtures.iso)
    }

    @Test(arguments: [
        (
            "unknown-key.yaml", 11, 5,
            "unknown key `sevrity` in a rule (known: at, builtin, check, checks, description, examples, for_each, help, id, let, "
                + "message, messages, severity, source, title, when)"
        ),
        ("bad-expression.yaml", 14, 32, "rule BBE-001, `check`: unexpected '>'"),
        (
            "unknown-parameter.yaml", 17, 40,
            "rule BUP-001, `check`: unknown parameter `params.max_items` (parameters: country_aliases, first_level_subdivisions, "
                + "format_version, languages, max_item_count, pole_kinds, research_categories, size_classes)"
        ),
        (
            "unknown-field.yaml", 16, 17,
            "rule BUF-001, `check`: `item.amout` names a field the structure does not declare: `item` has no field `amout` "
                + "for kind broken-unknown-field (did you mean `amount`?)"
        ),
        ("duplicate-rule-id.yaml", 19, 5, "rule BDR-001 is also defined at line 10: a rule ID names one rule"),
        (
            "missing-language.yaml", 16, 7,
            "rule BML-001 message has no `nl` and `de` text: give it in every language the set declares (en, nl, fr and de), or as one plain text for all"
        ),
        (
            "misspelt-for-each.yaml", 14, 15,
            "rule BFE-001, `for_each`: `item[*]` leads to `item`, which the structure does not declare (did you mean `items`?)"
        ),
        (
            "misspelt-at.yaml", 16, 9,
            "rule BAT-001, `at`: `amout` leads to `amout`, which the structure does not declare (did you mean `amount`?)"
        ),
        ("undefined-placeholder.yaml", 16, 15, "rule BPH-001: the en message names `{cuont}`, which no `let` defines"),
        ("rule-id-pattern.yaml", 11, 9, "rule ID `bri 1` does not match the set's `rule_ids` pattern `BRI-[0-9]{3}` (line 7)"),
        (
            "missing-declared-language.yaml", 17, 7,
            "rule BES-001 message has no `es` text: give it in every language the set declares (en and es), or as one plain text for all"
        ),
        (
            "replaced-type.yaml", 7, 1,
            "type `organisation` is already declared by `common`: to add fields, write `organisation: {extends: organisation, map: {…}}`; to declare another type, give it another name"
        ),
        (
            "unknown-disabled-rule.yaml", 7, 12,
            "`disabled` names rule `ORG-040`, which neither `broken-disabled` nor a set it imports has (did you mean `ORG-001`?)"
        ),
        ("unknown-function.yaml", 16, 33, "rule BUN-001, `check`: unknown function `totl` (did you mean `total`?)"),
        ("wrong-arity.yaml", 15, 12, "rule BAR-001, `check`: `isoCountry()` takes 1 argument, not 2"),
        (
            "undeclared-type.yaml", 10, 22,
            "field `personnel_eur` has type `money`, which is neither a basic type (text, integer, amount, number, boolean, date, any) nor declared under `types:`"
        ),
        (
            "rule-id-form.yaml", 10, 9,
            "rule ID `est 23` is not one word of letters, digits and `-`, `_` or `.` (write it as `ABC-001`; `rule_ids:` may set a pattern): a dossier's `# dossiercheck-disable` and the configuration name rules by it"
        ),
    ])
    func eachBrokenFileGivesItsLocatedError(file: String, line: Int, column: Int, message: String) throws {
        let diagnosis = diagnose([try Self.fixture(file)])
        #expect(diagnosis.errors.map(\.description) == ["BrokenRules/\(file):\(line):\(column): error: \(message)"])
        #expect(diagnosis.checker != nil, "the bundled sets are still built")
        #expect(diagnosis.checker?.ruleSets.contains { $0.file == "BrokenRules/\(file)" } == false, "the broken set is left out")
        // Building the engine (as `check` does) refuses the same file with the same error.
        do {
            let local = try RuleSetCollection.parse([try Self.fixture(file)])
            _ = try Checker(ruleSets: RuleSetCollection.overriding(Self.bundled, with: local), iso: Fixtures.iso)
            Issue.record("\(file) was accepted")
        } catch let error as RuleSetCollection.Errors {
            #expect(error.errors.map(\.message) == [message])
        } catch let error as RuleFileError {
            #expect(error.message == message)
        }
    }

    @Test func everyBrokenFileAtOnce() throws {
        let names = try FileManager.default.contentsOfDirectory(
            atPath: Fixtures.repositoryFile("Tests/Fixtures/BrokenRules").path
        )
        .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.count == 18)
        let diagnosis = diagnose(try names.map(Self.fixture))
        #expect(Set(diagnosis.errors.map(\.file)) == Set(names.map { "BrokenRules/\($0)" }))
        // One error per file, and the seven of `several-errors.yaml`.
        #expect(diagnosis.errors.count == 17 + 7)
        // In file order, each at its place.
        #expect(
            diagnosis.errors.map(\.file)
                == names.flatMap { Array(repeating: "BrokenRules/\($0)", count: $0 == "several-errors.yaml" ? 7 : 1) })
        #expect(diagnosis.checker?.ruleSets.count == Self.bundled.count)
    }

    /// A file's errors all come in one run, in file order, whichever check finds them: reading
    /// (an unknown key leaves its rule out, the others are still read), types, expressions, fields,
    /// functions and placeholders.
    @Test func everyErrorOfOneFileInOneRun() throws {
        let file = "BrokenRules/several-errors.yaml"
        let expected = [
            "10:31: error: field `personnel_eur` has type `money`, which is neither a basic type (text, integer, amount, number, boolean, date, any) nor declared under `types:`",
            "14:5: error: unknown key `sevrity` in a rule (known: at, builtin, check, checks, description, examples, for_each, help, id, let, message, messages, severity, source, title, when)",
            "23:32: error: rule BSE-002, `check`: unexpected '>'",
            "30:17: error: rule BSE-003, `check`: `item.amout` names a field the structure does not declare: `item` has no field `amout` for kind broken-several (did you mean `amount`?)",
            "37:21: error: rule BSE-004, `n`: unknown function `sizee` (did you mean `size`?)",
            "38:12: error: rule BSE-004, `check`: `size()` takes 1 argument, not 2",
            "39:15: error: rule BSE-004: the en message names `{cuont}`, which no `let` defines",
        ].map { "\(file):\($0)" }
        let diagnosis = diagnose([try Self.fixture("several-errors.yaml")])
        #expect(diagnosis.errors.map(\.description) == expected)
        #expect(diagnosis.checker?.ruleSets.contains { $0.file == file } == false, "the broken set is left out")
        // Building the engine over a file that reads refuses it with all its errors too.
        let readable = try Self.fixture("several-errors.yaml").contents.replacingOccurrences(of: "    sevrity: error\n", with: "")
        let local = try RuleSetCollection.parse([(file, readable)])
        do {
            _ = try Checker(ruleSets: RuleSetCollection.overriding(Self.bundled, with: local), iso: Fixtures.iso)
            Issue.record("several-errors.yaml was accepted")
        } catch let error as RuleSetCollection.Errors {
            #expect(error.errors.count == 6)
            #expect(error.errors.map { $0.mark?.line ?? 0 } == [10, 22, 29, 36, 37, 38], "in file order")
        }
    }

    /// A section that cannot be read is reported alone: the rules are not checked against a
    /// structure left out, which would call every field unknown.
    @Test func aSectionThatCannotBeReadIsReportedAlone() {
        let set =
            Self.header + "structure:\n  plan: {map: {note: {type: text, requird: true}}}\nrules:\n"
            + "  - {id: LNT-001, severity: error, title: T, source: s, check: has(self.plan.note), message: m}\n"
            + "  - {id: LNT-002, severity: eror, title: T, source: s, check: has(self.plan), message: m}\n"
            + "whatever: 1\n"
        #expect(
            diagnose([("lint.yaml", set)]).errors.map(\.description) == [
                "lint.yaml:7:35: error: unknown key `requird` in field `note` (known: covered_by, doc, one_of, only_if, presence_rule, required, template, type)",
                "lint.yaml:10:29: error: rule LNT-002: severity is error, warning or info, found `eror`",
                "lint.yaml:11:1: error: unknown key `whatever` in a rule file (known: call, catalogue, default_language, definitions, description, disabled, examples, extends, figures, funding, imports, kind, languages, parameters, rule_ids, rules, ruleset, severities, sources, structure, title, types, version)",
            ])
    }

    @Test func aDefinitionsCallsAreCheckedToo() {
        let set =
            Self.header + Self.structure
            + "definitions:\n  lineCount(p): p.lines.sizee()\n  twice(n): n * 2\n  four(): twice(2, 2)\nrules: []\n"
        #expect(
            diagnose([("lint.yaml", set)]).errors.map(\.description) == [
                "lint.yaml:12:25: error: definition `lineCount`: unknown function `sizee` (did you mean `size`?)",
                "lint.yaml:14:11: error: definition `four`: `twice()` takes 1 argument, not 2",
            ])
    }

    @Test func callsNoFunctionCarriesOutAreLoadErrors() {
        let errors = lintErrors(
            "    check: math.greates(1, 2) > 0 && [1].distinct(1).size() > 0 && self.plan.isoCountry()\n")
        #expect(
            errors == [
                "rule LNT-001, `check`: unknown function `math.greates` (did you mean `math.greatest`?)",
                "rule LNT-001, `check`: `.distinct()` takes no arguments, not 1",
                "rule LNT-001, `check`: `isoCountry` is a function, not a method: write `isoCountry(x, …)`, not `x.isoCountry(…)`",
            ])
    }

    @Test func theBundledRuleSetsHaveNoError() {
        let diagnosis = diagnose([])
        #expect(diagnosis.errors.map(\.description) == [])
        #expect(diagnosis.skipped.isEmpty)
        #expect(diagnosis.checker?.ruleSets.count == Self.bundled.count)
    }

    @Test func aSetImportingABrokenLibraryIsSkippedNotReported() throws {
        let library =
            "ruleset: lib-x\nversion: 1.0.0\ntitle: L\nrules:\n  - {id: LBX-001, severity: error, title: T, source: s, check: 1 > > 0, message: m}\n"
        let user = "ruleset: user-x\nversion: 1.0.0\nkind: user-x\nimports: [common, lib-x]\ntitle: U\nrules: []\n"
        let diagnosis = diagnose([("lib.yaml", library), ("user.yaml", user)])
        #expect(diagnosis.errors.map(\.file) == ["lib.yaml"])
        #expect(diagnosis.skipped.map(\.file) == ["user.yaml"])
        #expect(diagnosis.skipped.map(\.because) == ["lib-x"])
    }

    // MARK: - which field references are unknown

    static let header = "ruleset: lint-x\nversion: 1.0.0\nkind: lint-x\nimports: [common]\ntitle: T\n"
    static let structure = """
        types:
          line: {map: {amount: amount, extra: any, tags: {list: text}}}
        structure:
          plan: {map: {lines: {list: line}, note: text, detail: any}}
          byName: {map: {a: {map: {x: integer}}, b: {map: {y: integer}}}}

        """

    func lintErrors(_ rule: String) -> [String] {
        let text =
            Self.header + Self.structure + "rules:\n  - id: LNT-001\n    severity: error\n    title: T\n    source: s\n"
            + rule + "    message: m\n"
        return diagnose([("lint.yaml", text)]).errors.map(\.message)
    }

    @Test(arguments: [
        "    check: has(self.plan.lines) && self.plan.note != ''\n",
        "    for_each: plan.lines[*]\n    check: item.amount > 0 && item.tags.size() > 0 && item.extra.whatever\n",
        "    check: self.plan.detail.anything.below\n",
        "    check: self.plan.lines.all(item, item.unknown_but_bound)\n",
        "    let: {item: self.plan}\n    check: item.no_such\n",
        "    for_each: byName.*\n    check: has(item.x) || has(item.y)\n",
        "    for_each: [\"plan.lines[*]\", plan]\n    check: has(item.amount) || has(item.note)\n",
        "    check: self.dossier == 1 && self.kind != ''\n",
    ])
    func declaredOrUndecidableChainsPass(rule: String) {
        #expect(lintErrors(rule) == [])
    }

    @Test(arguments: [
        (
            "    check: has(self.plan.lnes)\n",
            "`self.plan.lnes` names a field the structure does not declare: `self.plan` has no field `lnes` for kind lint-x (did you mean `lines`?)"
        ),
        (
            "    for_each: plan.lines[*]\n    check: item.amont > 0\n",
            "`item.amont` names a field the structure does not declare: `item` has no field `amont` for kind lint-x (did you mean `amount`?)"
        ),
        (
            "    for_each: byName.*\n    check: has(item.other_field)\n",
            "`item.other_field` names a field the structure does not declare: `item` has no field `other_field` for kind lint-x (known: x, y)"
        ),
        (
            "    check: self.members.size() > 0\n",
            "`self.members` names a field the structure does not declare: `self` has no field `members` for kind lint-x (known: "
        ),
        (
            "    check: self.nowhere\n",
            "`self.nowhere` names a field the structure does not declare: `self` has no field `nowhere` for kind lint-x"
        ),
    ])
    func undeclaredFieldsAreErrors(rule: String, message: String) {
        let errors = lintErrors(rule)
        #expect(errors.count == 1)
        #expect(errors.first?.contains(message) == true, "\(errors)")
    }

    @Test(arguments: [
        ("    check: self.plan.lnes != ''\n", 22), ("    check: \"self.plan.lnes != ''\"\n", 23),
        ("    check: 'has(self.plan.lnes)'\n", 27),
    ])
    func theErrorPointsAtTheFieldWhateverTheQuoting(rule: String, column: Int) {
        let text =
            Self.header + Self.structure + "rules:\n  - id: LNT-001\n    severity: error\n    title: T\n    source: s\n"
            + rule + "    message: m\n"
        let errors = diagnose([("lint.yaml", text)]).errors
        #expect(errors.map { $0.mark.map { [$0.line, $0.column] } } == [[16, column]], "\(errors)")
    }

    @Test func aLibraryRuleIsCheckedAgainstEveryKindThatImportsIt() {
        // `members` exists in some kinds, `partners` in others: both are known to `common`'s rules.
        let library =
            "ruleset: lib-y\nversion: 1.0.0\ntitle: L\nrules:\n"
            + "  - {id: LBY-001, severity: error, title: T, source: s, check: 'has(self.members) || has(self.partners)', message: m}\n"
            + "  - {id: LBY-002, severity: error, title: T, source: s, check: 'has(self.membres)', message: m}\n"
        let users = ["reseau-dossier", "pole-project"].map { kind in
            (
                "\(kind).yaml",
                Self.bundledText(kind).replacingOccurrences(of: "imports: [common]", with: "imports: [common, lib-y]")
            )
        }
        let diagnosis = diagnose([("lib.yaml", library)] + users)
        #expect(
            diagnosis.errors.map(\.message) == [
                "rule LBY-002, `check`: `self.membres` names a field the structure does not declare: `self` has no field `membres` "
                    + "for kinds pole-project, reseau-dossier (did you mean `members`?)"
            ])
    }

    static func bundledText(_ name: String) -> String {
        BundledData.ruleFiles.first { $0.name == "\(name).yaml" }?.contents ?? ""
    }
}
