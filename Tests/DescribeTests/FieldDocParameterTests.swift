import Describe
import Foundation
import TestSupport
import Testing
import Validators

/// A field's doc may show a parameter in force (`one of: {params.languages}`): a template, a
/// schema and a hover tell an applicant the values of the kind's own call, never the placeholder.
@Suite struct FieldDocParameterTests {
    @Test func theBundledTemplateListsTheKindsLanguages() throws {
        let template = try TemplateTests.template("pole-project", .fr)
        #expect(template.text.contains("# Langue des textes libres, au choix : en, nl, fr, de."), "\(template.text)")
        #expect(!template.text.contains("{params."))
    }

    @Test func aProgrammeWithItsOwnLanguagesListsThem() throws {
        let folder = Fixtures.repositoryFile("examples/rule-sets/eurostars")
        let bundled = Fixtures.repositoryFile("rules")
        var files: [(name: String, contents: String)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: bundled.path).sorted() where name.hasSuffix(".yaml") {
            files.append(("rules/" + name, try String(contentsOf: bundled.appending(path: name), encoding: .utf8)))
        }
        files.append(("eurostars.yaml", try String(contentsOf: folder.appending(path: "eurostars.yaml"), encoding: .utf8)))
        let checker = try Checker(ruleSets: try RuleSetCollection.parse(files), iso: Fixtures.iso)
        let template = try TemplateTests.template("eurostars-project", .en, checker: checker)
        #expect(template.text.contains("# Language of the free text, one of: en, es."), "\(template.text)")
        let outline = try #require(checker.outline(ofKind: "eurostars-project"))
        let schema = SchemaWriter(outline: outline, language: .en).write()
        #expect(!"\(schema)".contains("{params."))
    }
}
