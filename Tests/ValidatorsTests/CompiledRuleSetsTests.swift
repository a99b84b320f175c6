import BundledData
import CEL
import DossierModel
import Foundation
import TestSupport
import Testing

@testable import Validators

/// The bundled rule sets are compiled at build time (`compile-rules`, `CompiledRuleSets`) and a run
/// reads that form instead of the YAML: it must hold exactly what parsing the files gives, so that
/// the two can never drift.
@Suite struct CompiledRuleSetsTests {
    static let files = BundledData.ruleFiles.map { ("rules/" + $0.name, $0.contents) }
    static let compiled = CompiledRuleSets(bytes: BundledData.compiledRules)

    @Test func theCompiledFormHoldsEveryBundledFile() throws {
        let compiled = try #require(Self.compiled, "the compiled form is missing or not readable header first")
        #expect(compiled.fileNames == Self.files.map(\.0))
    }

    @Test func eachCompiledSetEqualsTheParsedFile() throws {
        let compiled = try #require(Self.compiled)
        for (index, file) in Self.files.enumerated() {
            let parsed = try RuleSetParser.parse(file.1, file: file.0)
            let read = compiled.set(at: index)
            #expect(read == parsed, "\(file.0)")
            // Field by field as well, so that a difference says where it is.
            #expect(read.rules == parsed.rules, "\(file.0)")
            #expect(read.structure == parsed.structure, "\(file.0)")
            #expect(read.types == parsed.types, "\(file.0)")
            #expect(read.funding == parsed.funding, "\(file.0)")
            #expect(read.parameters == parsed.parameters, "\(file.0)")
            let header = try RuleSetParser.parse(try #require(RuleFileHeader.text(of: file.1)), file: file.0)
            #expect(compiled.headers[index] == header, "\(file.0)")
        }
    }

    /// The equality the tests above rely on is written by hand (`RuleSetEquality.swift`: some
    /// properties hold tuples): a stored property added to one of these types and not compared
    /// there would let the compiled form drop it unnoticed. Each list is what `==` compares, with the
    /// syntax trees (`syntax`, `bodySyntax`), which the next test compares.
    @Test func theHandWrittenEqualitiesCompareEveryStoredProperty() throws {
        func labels(_ value: Any) -> Set<String> { Set(Mirror(reflecting: value).children.compactMap(\.label)) }
        let set = try RuleSetParser.parse(try #require(Self.files.first { $0.0 == "rules/reseau-dossier.yaml" }).1, file: "r")
        #expect(
            labels(set) == [
                "name", "version", "catalogue", "kind", "imports", "title", "parameters", "definitions", "types", "structure",
                "rules", "figures", "funding", "file", "sources", "languages", "defaultLanguage", "extends", "derivedFrom",
                "call", "severityChanges", "disabledRules", "callExamples", "ruleIDPattern", "typeExtensions", "keyMarks",
                "texts", "unreadableRules",
            ])
        let check = try #require(set.rules.first?.checks.first)
        #expect(
            labels(check) == [
                "forEach", "lets", "when", "assertion", "at", "message", "help", "mark", "forEachMarks", "atMark",
                "messageTexts",
            ])
        let definition = try #require(set.definitions.first)
        #expect(labels(definition) == ["name", "parameters", "body", "mark", "bodySyntax"])
        #expect(labels(try #require(check.assertion)) == ["source", "mark", "isBlock", "syntax"])
    }

    @Test func everyCompiledExpressionCarriesTheTreeTheParserGives() throws {
        let compiled = try #require(Self.compiled)
        var count = 0
        for index in Self.files.indices {
            let set = compiled.set(at: index)
            for expression in Self.expressions(of: set) {
                let syntax = try #require(expression.syntax, "\(set.file) \(expression.mark): no syntax tree")
                let parsed = try CELSyntax(parsing: expression.source)
                #expect(Self.bytes(of: syntax) == Self.bytes(of: parsed), "\(expression.source)")
                count += 1
            }
            for definition in set.definitions {
                let syntax = try #require(definition.bodySyntax, "\(set.file) definition \(definition.name): no syntax tree")
                let parsed = try CELSyntax(parsing: definition.body)
                #expect(Self.bytes(of: syntax) == Self.bytes(of: parsed), "\(definition.name)")
                count += 1
            }
        }
        #expect(count > 200)
    }

    @Test func aFormOfOtherFilesIsNotTaken() throws {
        #expect(CompiledRuleSets(bytes: Array("not a form".utf8)) == nil)
        let compiled = try #require(Self.compiled)
        // Local files of the same count but other names: the engine reads them, not the form.
        let renamed = Self.files.map { ("elsewhere/" + $0.0, $0.1) }
        let checker = try Checker(knownFiles: renamed, compiled: compiled, iso: Fixtures.iso)
        #expect(checker.ruleSets.map(\.file) == renamed.map(\.0))
    }

    /// `compile-rules` makes the form with this: a broken rule file gives no form but its errors,
    /// each at its place, and the build stops on them.
    @Test func aBrokenRuleFileGivesItsLocatedErrorsAndNoForm() throws {
        let broken = try String(
            contentsOf: Fixtures.repositoryFile("Tests/Fixtures/BrokenRules/bad-expression.yaml"), encoding: .utf8)
        let files = Self.files + [("rules/bad-expression.yaml", broken)]
        #expect {
            _ = try CompiledRuleSets.form(of: files, iso: Fixtures.iso)
        } throws: { error in
            "\(error)".contains("rules/bad-expression.yaml:14:32: error: rule BBE-001, `check`: unexpected '>'")
        }
        #expect(try CompiledRuleSets.form(of: Self.files, iso: Fixtures.iso) == BundledData.compiledRules)
    }

    @Test(arguments: Fixtures.exampleFiles)
    func aDossierGetsTheSameReportFromTheCompiledForm(_ path: String) throws {
        let fromForm = try Checker(knownFiles: Self.files, compiled: try #require(Self.compiled), iso: Fixtures.iso)
        let fromYAML = try Checker(knownFiles: Self.files, iso: Fixtures.iso)
        let bytes = Array(try Data(contentsOf: Fixtures.repositoryFile(path)))
        for language in [nil, Language.fr] {
            let expected = fromYAML.check(fileBytes: bytes, language: language)
            let got = fromForm.check(fileBytes: bytes, language: language)
            #expect(got.map(\.ruleSets) == expected.map(\.ruleSets), "\(path)")
            #expect(got.map(\.notYetCheckable) == expected.map(\.notYetCheckable), "\(path)")
            #expect(got.map { $0.findings.map(Self.line) } == expected.map { $0.findings.map(Self.line) }, "\(path)")
        }
    }

    static func line(_ finding: Finding) -> String {
        "\(finding.location) \(finding.rule) \(finding.severity) \(finding.path): \(finding.message) \(finding.help ?? "")"
    }

    static func bytes(of syntax: CELSyntax) -> [UInt8] {
        var writer = BinaryWriter()
        syntax.write(to: &writer)
        return writer.bytes
    }

    /// Every CEL expression of a set: checks, fields' templates, funding rows.
    static func expressions(of set: RuleSet) -> [Validators.Expression] {
        var found: [Validators.Expression] = []
        for rule in set.rules {
            for check in rule.checks {
                found += check.lets.map(\.expression)
                found += [check.when, check.assertion].compactMap { $0 }
            }
        }
        for field in CompiledKind.allFields(set.structure, set.types) { found += [field.template].compactMap { $0 } }
        for table in set.funding {
            for rows in table.rows {
                found += rows.lets.map(\.expression)
                found += rows.columns.map(\.expression)
                found += [rows.when].compactMap { $0 }
            }
        }
        return found
    }
}
