import Describe
import DossierModel
import Foundation
import Reporting
import TestSupport
import Testing
import Validators

/// `dossiercheck schema`: the JSON Schema of every kind, checked by a real validator (PyPI
/// `jsonschema`, draft 2020-12), accepts every valid example of the kind and a filled-in
/// template, and rejects what is structurally broken.
@Suite struct SchemaTests {
    static let kinds = Fixtures.checker.kindNames

    static func schema(_ kind: String, language: Language = .en) throws -> URL {
        let outline = try #require(Fixtures.checker.outline(ofKind: kind))
        let file = try Fixtures.temporaryFolder().appending(path: "\(kind).schema.json")
        try Data(SchemaWriter(outline: outline, language: language).write().serialized().utf8).write(to: file)
        return file
    }

    /// The valid examples' dossiers of a kind, as JSON, with where they come from.
    static func validExamples(of kind: String) throws -> [(name: String, json: JSONValue)] {
        try Fixtures.exampleFiles.filter { $0.split(separator: "/").last?.hasPrefix("valid-") == true }.flatMap { path in
            let text = try String(contentsOf: Fixtures.repositoryFile(path), encoding: .utf8)
            return YAMLLoader.load(Array(text.utf8)).compactMap { document -> (String, JSONValue)? in
                guard let root = document.root, DossierHeader(root).kind == kind else { return nil }
                return ("\(path)#\(document.index)", DossierJSON.json(root))
            }
        }
    }

    /// The validator's verdict: nil when it cannot run here (skipped, or an issue under CI=true).
    static func accepts(_ dossier: JSONValue, _ schema: URL, _ what: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> (Bool, String)?
    {
        if let reason = PythonValidator.unavailable(module: "jsonschema") {
            PythonValidator.skip("\(what) not validated against its schema", because: reason, sourceLocation: sourceLocation)
            return nil
        }
        let file = try Fixtures.temporaryFolder().appending(path: "dossier.json")
        try Data(dossier.serialized().utf8).write(to: file)
        let result = try PythonValidator.validate(["dossier", schema.path, file.path])
        #expect(result.status == 0 || result.status == 1, "\(result.output)", sourceLocation: sourceLocation)
        return (result.status == 0, result.output)
    }

    @Test(arguments: kinds)
    func theSchemaAcceptsEveryValidExampleAndAFilledInTemplate(_ kind: String) throws {
        let schema = try Self.schema(kind)
        let examples = try Self.validExamples(of: kind)
        #expect(!examples.isEmpty)
        for (name, json) in examples {
            guard let (valid, output) = try Self.accepts(json, schema, name) else { return }
            #expect(valid, "\(name): \(output)")
        }
        let template = try TemplateTests.template(kind, .de).filled(with: TemplateTests.sample)
        let filled = try #require(DossierJSON.documents(template).first)
        guard let (valid, output) = try Self.accepts(filled, schema, "the filled-in \(kind) template") else { return }
        #expect(valid, "\(output)")
    }

    @Test(arguments: kinds)
    func theSchemaRejectsAStructurallyBrokenDossier(_ kind: String) throws {
        let schema = try Self.schema(kind)
        let (name, example) = try #require(try Self.validExamples(of: kind).first)
        guard case .object(var entries) = example else {
            Issue.record("\(name) is not a mapping")
            return
        }
        // A misspelt key (HDR-003).
        var typo = entries
        typo.append(("statuts", .string("x")))
        if let (valid, _) = try Self.accepts(.object(typo), schema, "\(name) with an unknown key") { #expect(!valid) }
        // An organisation's name that is not text (HDR-002).
        let list = try #require(entries.firstIndex { $0.0 == "members" || $0.0 == "partners" })
        guard case .array(var organisations) = entries[list].1, case .object(var first) = organisations.first else {
            Issue.record("\(name) has no organisations")
            return
        }
        let nameIndex = try #require(first.firstIndex { $0.0 == "name" })
        first[nameIndex].1 = .int(5)
        organisations[0] = .object(first)
        entries[list].1 = .array(organisations)
        if let (valid, output) = try Self.accepts(.object(entries), schema, "\(name) with a number as a name") {
            #expect(!valid)
            #expect(output.contains("name"), "\(output)")
        }
        // A fresh template: placeholders where numbers belong.
        let fresh = try #require(DossierJSON.documents(try TemplateTests.template(kind, .en).text).first)
        if let (valid, _) = try Self.accepts(fresh, schema, "a fresh \(kind) template") { #expect(!valid) }
    }

    /// The header's keys and the sections a presence rule asks for are required, at the top level
    /// and inside sections: an editor flags a dossier without `id`, or a section without its parts.
    @Test(arguments: kinds)
    func theSchemaMarksRequiredKeysAndSections(_ kind: String) throws {
        let outline = try #require(Fixtures.checker.outline(ofKind: kind))
        let schema = SchemaWriter(outline: outline, language: .en).write()
        guard case .object(let top) = schema, case .array(let required)? = top.first(where: { $0.0 == "required" })?.1 else {
            Issue.record("\(kind): no top-level `required`")
            return
        }
        for key in ["dossier", "kind", "id", "title", "language"] {
            #expect(required.contains(.string(key)), "\(kind): `\(key)` is not required")
        }
        let file = try Self.schema(kind)
        let (name, example) = try #require(try Self.validExamples(of: kind).first)
        guard case .object(let entries) = example else { return }
        let withoutID = entries.filter { $0.0 != "id" }
        if let (valid, output) = try Self.accepts(.object(withoutID), file, "\(name) without `id`") {
            #expect(!valid, "\(name) without `id` passes the schema")
            #expect(output.contains("'id' is a required property"), "\(output)")
        }
    }

    @Test func aSectionsRequiredPartsAreRequiredInside() throws {
        let file = try Self.schema("pole-cahier-des-charges")
        let (name, example) = try #require(try Self.validExamples(of: "pole-cahier-des-charges").first)
        guard case .object(var entries) = example, let at = entries.firstIndex(where: { $0.0 == "strategy" }),
            case .object(let strategy) = entries[at].1
        else {
            Issue.record("\(name) has no strategy")
            return
        }
        // PCC-001 asks for the strategy's objectives.
        entries[at].1 = .object(strategy.filter { $0.0 != "objectives" })
        if let (valid, output) = try Self.accepts(.object(entries), file, "\(name) without strategy.objectives") {
            #expect(!valid)
            #expect(output.contains("'objectives' is a required property"), "\(output)")
        }
        // Without the whole section.
        entries.remove(at: at)
        if let (valid, output) = try Self.accepts(.object(entries), file, "\(name) without strategy") {
            #expect(!valid)
            #expect(output.contains("'strategy' is a required property"), "\(output)")
        }
    }

    @Test func typosAndAmountsWrittenAsTextAreRejected() throws {
        let schema = try Self.schema("reseau-dossier")
        for example in ["invalid-typo-statutes", "invalid-amounts-as-text"] {
            let text = try String(contentsOf: Fixtures.repositoryFile("examples/reseau-dossier/\(example).yaml"), encoding: .utf8)
            let json = try #require(DossierJSON.documents(text).first)
            if let (valid, _) = try Self.accepts(json, schema, example) { #expect(!valid, "\(example)") }
        }
    }

    @Test func fieldsCarryTheirDocumentationAndRulesInTheLanguageAskedFor() throws {
        let outline = try #require(Fixtures.checker.outline(ofKind: "reseau-dossier"))
        let text = SchemaWriter(outline: outline, language: .nl).write().serialized()
        #expect(text.contains(#""$schema": "https://json-schema.org/draft/2020-12/schema""#))
        #expect(text.contains("1, 2 of 3: de driejarige erkenningsperiode waarvoor het dossier wordt ingediend."))
        #expect(text.contains("RES-003 (fout): Subsidiabele kosten van ten hoogste € 160.000 per jaar (§7.4.2)"))
        #expect(text.contains(#""enum": [\n          "reseau-dossier"\n        ]"#) || text.contains("\"reseau-dossier\""))
    }
}
