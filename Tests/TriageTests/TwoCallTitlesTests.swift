import Foundation
import TestSupport
import Testing
import Triage
import Validators

/// A triage that loads two calls of one kind (`examples/rule-sets/eurostars`: the 2026 call and
/// the 2027 call derived from it) counts a shared rule once in its summary; a title that shows a
/// parameter differs between the calls, so the summary names each call's.
@Suite struct TwoCallTitlesTests {
    static func sets() throws -> [RuleSet] {
        let folder = Fixtures.repositoryFile("examples/rule-sets/eurostars")
        var files: [(name: String, contents: String)] = []
        for name in ["eurostars.yaml", "eurostars-2027.yaml"] {
            files.append((name, try String(contentsOf: folder.appending(path: name), encoding: .utf8)))
        }
        let bundled = Fixtures.repositoryFile("rules")
        for name in try FileManager.default.contentsOfDirectory(atPath: bundled.path).sorted() where name.hasSuffix(".yaml") {
            files.append(("rules/" + name, try String(contentsOf: bundled.appending(path: name), encoding: .utf8)))
        }
        return try Checker(ruleSets: try RuleSetCollection.parse(files), iso: Fixtures.iso).ruleSets
    }

    @Test func aTitleThatDiffersBetweenCallsNamesEachCall() throws {
        let titles = CallReport.ruleTitles(try Self.sets(), language: .en)
        let shared = try #require(titles["EST-005"])
        #expect(shared.contains("50%") && shared.contains("(E3-2026)"), "\(shared)")
        #expect(shared.contains("60%") && shared.contains("(E3-2027)"), "\(shared)")
    }

    @Test func aTitleTheCallsShareIsShownOnce() throws {
        let titles = CallReport.ruleTitles(try Self.sets(), language: .en)
        let plain = try #require(titles["HDR-001"])
        #expect(!plain.contains(" / ") && !plain.contains("(E3-"), "\(plain)")
    }
}
