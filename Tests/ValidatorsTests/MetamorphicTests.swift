import DossierModel
import Foundation
import TestSupport
import Testing
import Validators

/// A verdict never depends on how the YAML is written: every bundled example and a sample of
/// generated dossiers, rewritten from their node trees in every `YAMLForm`, get the same rule IDs
/// per document, each finding at the same node.
@Suite struct MetamorphicTests {
    /// The fixed sample of the shared generator (all six kinds); not the benchmark's seed 7.
    static let corpusSeed = 1121
    static let corpusCount = 240

    @Test(arguments: Fixtures.exampleFiles)
    func exampleReadsTheSameInEveryForm(_ file: String) throws {
        let bytes = Array(try Data(contentsOf: Fixtures.repositoryFile(file)))
        // A file with an HDR-004 problem has no tree to rewrite.
        for (form, differences) in MetamorphicCheck.differences(bytes) ?? [] {
            #expect(differences.isEmpty, "\(file) written \(form): \(differences.joined(separator: "; "))")
        }
    }

    @Test func generatedDossiersReadTheSameInEveryForm() async throws {
        guard GeneratedCorpus.available("metamorphic tests over generated dossiers") else { return }
        let corpus = try GeneratedCorpus(count: Self.corpusCount, seed: Self.corpusSeed)
        defer { corpus.remove() }
        #expect(Set(corpus.dossiers.map(\.kind)).count == 6, "the sample covers every kind the generator writes")
        let files = try corpus.dossiers.map { ($0.path, try corpus.bytes(of: $0)) }
        // Both cores: the files are independent.
        let outcomes = await withTaskGroup(of: (String, [String]?).self) { group in
            for (path, bytes) in files {
                group.addTask {
                    guard let outcome = MetamorphicCheck.differences(bytes) else { return (path, nil) }
                    return (path, outcome.flatMap { form, differences in differences.map { "written \(form): \($0)" } })
                }
            }
            var outcomes: [(String, [String]?)] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        let rewritten = outcomes.filter { $0.1 != nil }
        // Only the dossiers the generator made ill-formed (HDR-004) have no tree to rewrite.
        #expect(rewritten.count >= 200, "\(rewritten.count) generated dossiers rewritten")
        for (path, differences) in rewritten where !differences!.isEmpty {
            Issue.record("\(path): \(differences!.prefix(5).joined(separator: "; "))")
        }
        print("metamorphic: \(rewritten.count) generated dossiers × \(YAMLForm.allCases.count) forms")
    }

    // MARK: the rewriter itself

    @Test(arguments: YAMLForm.allCases)
    func everyFormReadsBackAsTheSameTree(_ form: YAMLForm) throws {
        let yaml = """
            dossier: 1
            list: [a, "b: c", 'it''s', 42, 1.5e3, 99999999999999999999, -7, .inf, null, true, "1", "#x", " padded ", "line\\nbreak"]
            nested:
              - {id: one, value: 0.7}
              - - deep
                - ~
              - {}
            again: a
            """
        let original = YAMLLoader.load(Array(yaml.utf8))
        let text = YAMLRewriter.rewrite(original.map { $0.root! }, as: form)
        let reread = YAMLLoader.load(Array(text.utf8))
        #expect(reread.count == form.copies)
        for document in reread {
            #expect(document.problem == nil, "\(form): \(document.problem?.message ?? "")\n\(text)")
            if let root = document.root { #expect(Self.sameValues(original[0].root!, root), "\(form):\n\(text)") }
        }
    }

    @Test func numberFormsRespellNumbers() {
        let root = YAMLLoader.load(Array("a: 12\nb: 0.5\n".utf8))[0].root!
        #expect(YAMLRewriter.rewrite([root], as: .decimalPoint).contains("a: 12.0"))
        #expect(YAMLRewriter.rewrite([root], as: .exponent).contains("a: 12e0"))
        #expect(YAMLRewriter.rewrite([root], as: .exponent).contains("b: 0.5e0"))
        #expect(YAMLRewriter.rewrite([root], as: .hexadecimal).contains("a: 0xc"))
        #expect(YAMLRewriter.rewrite([root], as: .plusSign).contains("b: +0.5"))
        #expect(YAMLRewriter.rewrite([root], as: .anchors) == "a: 12\nb: 0.5\n")
        let repeated = YAMLLoader.load(Array("a: x\nb: [x, x]\n".utf8))[0].root!
        #expect(YAMLRewriter.rewrite([repeated], as: .anchors) == "a: &v1 x\nb:\n  - *v1\n  - *v1\n")
    }

    /// The comparison fails when a finding moves to another node.
    @Test func aFindingAtAnotherNodeIsADifference() {
        let finding = Finding(
            rule: "X-001", severity: .error, message: "m", location: Mark(line: 3, column: 1), end: nil, path: "a")
        let moved = Finding(
            rule: "X-001", severity: .error, message: "m", location: Mark(line: 4, column: 1), end: nil, path: "a")
        var places = MetamorphicCheck.PlaceMap()
        places.add(Mark(line: 3, column: 1), Mark(line: 5, column: 1))
        #expect(!MetamorphicCheck.compare([finding], [moved], places: places).isEmpty)
        #expect(MetamorphicCheck.compare([finding], [finding], places: places).count == 1)
        places.add(Mark(line: 3, column: 1), Mark(line: 4, column: 1))
        #expect(MetamorphicCheck.compare([finding], [moved], places: places).isEmpty)
        #expect(!MetamorphicCheck.compare([finding], [], places: places).isEmpty)
    }

    /// A rule that (wrongly) depends on key order is caught: the suite can fail.
    @Test func aRuleThatDependsOnTheWritingIsCaught() throws {
        let probe = try RuleSetParser.parse(
            """
            ruleset: probe
            version: 1.0.0
            kind: probe
            structure: {dossier: any, kind: any, a: any, b: any}
            rules:
              - id: PRB-001
                severity: error
                title: The first key is `dossier`
                source: test
                check: "self.map(k, k)[0] == 'dossier'"
                message: the first key is not `dossier`
                examples: {pass: ["{dossier: 1, kind: probe}"], fail: ["{kind: probe, dossier: 1}"]}
            """, file: "probe.yaml")
        let checker = try Checker(ruleSets: [probe], iso: Fixtures.iso)
        let outcome = try #require(
            MetamorphicCheck.differences(Array("dossier: 1\nkind: probe\na: 1\nb: x\n".utf8), checker: checker))
        let failing = outcome.filter { !$0.differences.isEmpty }.map(\.form)
        #expect(failing == [.reversedKeys], "\(outcome)")
    }

    /// Same values as the core schema reads them (numbers by their exact value), same keys, same order of items.
    static func sameValues(_ a: Node, _ b: Node) -> Bool {
        switch (a.content, b.content) {
        case (.scalar(let x), .scalar(let y)):
            if let m = x.number, let n = y.number { return m == n || (m == .nan && n == .nan) }
            return x.value == y.value
        case (.sequence(let x), .sequence(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { sameValues($0, $1) }
        case (.mapping(let x), .mapping(let y)):
            return x.count == y.count
                && x.allSatisfy { entry in
                    y.contains { $0.key.scalar?.text == entry.key.scalar?.text && sameValues(entry.value, $0.value) }
                }
        default:
            return false
        }
    }
}
