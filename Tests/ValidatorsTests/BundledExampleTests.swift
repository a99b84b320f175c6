import Foundation
import TestSupport
import Testing
import Validators

/// The dossiers in `examples/` give exactly the findings their `# expect:` line lists,
/// and the valid ones none at all.
@Suite struct BundledExampleTests {
    @Test(arguments: Fixtures.exampleFiles)
    func exampleGivesExactlyItsExpectedFindings(_ path: String) throws {
        let text = try String(contentsOf: Fixtures.repositoryFile(path), encoding: .utf8)
        let findings = Fixtures.findings(text)
        let found = Set(findings.map(\.rule)).sorted()
        let name = (path as NSString).lastPathComponent
        if name.hasPrefix("valid") {
            #expect(findings.isEmpty, "\(path): \(findings.map { "\($0.location) \($0.rule): \($0.message)" })")
        } else {
            let expected = try #require(Fixtures.expectedRules(in: text), "\(path) needs a first line `# expect: RULE, …`")
            #expect(found == expected, "\(path): \(findings.map { "\($0.location) \($0.rule): \($0.message)" })")
        }
    }

    @Test func thereAreValidAndInvalidExamples() {
        let names = Fixtures.exampleFiles.map { ($0 as NSString).lastPathComponent }
        #expect(names.contains { $0.hasPrefix("valid") })
        #expect(names.contains { $0.hasPrefix("invalid") })
    }
}
