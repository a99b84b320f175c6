import Foundation
import Portal
import TestSupport
import Testing
import Validators

/// A portal with two open calls of one kind (`examples/rule-sets/eurostars`: the 2026 call and the
/// 2027 call derived from it): a dossier checked through the portal gets the thresholds of the call
/// its `call:` names, and its findings name that call and cite the programme's own guidelines.
@Suite(.serialized) struct DerivedCallPortalTests {
    static let folder = Fixtures.repositoryFile("examples/rule-sets/eurostars")

    static func checker() throws -> Checker {
        let bundled = Fixtures.repositoryFile("rules")
        var files: [(name: String, contents: String)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: bundled.path).sorted() where name.hasSuffix(".yaml") {
            files.append(("rules/" + name, try String(contentsOf: bundled.appending(path: name), encoding: .utf8)))
        }
        for name in ["eurostars.yaml", "eurostars-2027.yaml"] {
            files.append((name, try String(contentsOf: folder.appending(path: name), encoding: .utf8)))
        }
        return try Checker(ruleSets: try RuleSetCollection.parse(files), iso: Fixtures.iso)
    }

    /// 55 % of the costs by R&D-performing SMEs: enough for the 2026 call (50 %), not for 2027 (60 %).
    static func dossier(call: String) throws -> String {
        let text = try String(
            contentsOf: folder.appending(path: "dossiers/invalid-optiagro-2027-sme-share.yaml"), encoding: .utf8)
        return text.replacingOccurrences(of: "call: E3-2027", with: "call: \(call)")
    }

    static func findings(_ answer: RunningPortal.Answer) -> [[String: Any]] {
        let files = answer.json?["files"] as? [[String: Any]] ?? []
        let documents = files.flatMap { $0["documents"] as? [[String: Any]] ?? [] }
        return documents.flatMap { $0["findings"] as? [[String: Any]] ?? [] }
    }

    @Test func theAPIChecksADossierAgainstTheThresholdsOfItsCall() async throws {
        let portal = try await RunningPortal.start(checker: try Self.checker())
        defer { Task { await portal.stop() } }
        let derived = try await portal.post("/api/v1/check?name=d.yaml&lang=en", Data(try Self.dossier(call: "E3-2027").utf8))
        #expect(derived.status == 200)
        let found = Self.findings(derived)
        #expect(found.map { $0["rule"] as? String } == ["EST-005"], "\(derived.text)")
        #expect(
            (found.first?["message"] as? String)
                == "R&D-performing SMEs carry 55% of the costs; at least 60% is needed", "\(derived.text)")
        let base = try await portal.post("/api/v1/check?name=d.yaml&lang=en", Data(try Self.dossier(call: "E3-2026").utf8))
        #expect(base.status == 200)
        #expect(Self.findings(base).isEmpty, "the 2026 call asks 50 %: \(base.text)")
    }

    @Test func thePageNamesTheCallAndCitesTheGuidelines() async throws {
        let portal = try await RunningPortal.start(checker: try Self.checker())
        defer { Task { await portal.stop() } }
        let body = PageTests.multipart([
            ("ui", nil, Array("en".utf8)), ("file", "d.yaml", Array(try Self.dossier(call: "E3-2027").utf8)),
            ("dossier", nil, []), ("lang", nil, Array("en".utf8)),
        ])
        let page = try await portal.post("/check", body, contentType: PageTests.formType)
        #expect(page.status == 200)
        #expect(page.text.contains("data-rule=\"EST-005\""), "\(page.text)")
        #expect(page.text.contains("at least 60% is needed"), "\(page.text)")
        #expect(page.text.contains("Eurostars project, call 2027; Eurostars guidelines, §2.2"), "\(page.text)")
        #expect(!page.text.contains("Clusterbeleid"), "a programme with its own document does not cite the report")
        // The rule table cites the programme's document, not a bare section.
        let rules = try await portal.get("/rules?lang=en")
        #expect(rules.text.contains("<td>Eurostars guidelines, §2.2</td>"), "\(rules.text)")
    }
}
