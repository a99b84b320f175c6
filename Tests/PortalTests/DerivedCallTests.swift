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

    /// The page of `dossier` checked through the form, in English.
    static func checkPage(_ dossier: String, on portal: RunningPortal) async throws -> RunningPortal.Answer {
        let body = PageTests.multipart([
            ("ui", nil, Array("en".utf8)), ("file", "d.yaml", Array(dossier.utf8)), ("dossier", nil, []),
            ("lang", nil, Array("en".utf8)),
        ])
        return try await portal.post("/check", body, contentType: PageTests.formType)
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
        let page = try await Self.checkPage(try Self.dossier(call: "E3-2027"), on: portal)
        #expect(page.status == 200)
        #expect(page.text.contains("data-rule=\"EST-005\""), "\(page.text)")
        // The finding's rule links to the page of the call the dossier was checked against.
        #expect(page.text.contains("href=\"/rules/EST-005?call=E3-2027&amp;lang=en\""), "\(page.text)")
        #expect(page.text.contains("at least 60% is needed"), "\(page.text)")
        #expect(page.text.contains("Eurostars project, call 2027; Eurostars guidelines, §2.2"), "\(page.text)")
        #expect(!page.text.contains("Clusterbeleid"), "a programme with its own document does not cite the report")
        // The rule table cites the programme's document, not a bare section.
        let rules = try await portal.get("/rules?lang=en")
        #expect(rules.text.contains("<td>Eurostars guidelines, §2.2</td>"), "\(rules.text)")
    }

    @Test func aRulePageShowsTheRuleAsTheCallAskedForHasIt() async throws {
        let portal = try await RunningPortal.start(checker: try Self.checker())
        defer { Task { await portal.stop() } }
        let base = try await portal.get("/rules/EST-005?call=E3-2026&lang=en")
        #expect(base.status == 200)
        #expect(base.text.contains("data-call=\"E3-2026\""), "\(base.text)")
        #expect(base.text.contains("SMEs carry at least 50% of the costs"), "\(base.text)")
        #expect(!base.text.contains("at least 60%"), "the 2026 call's page shows the 2026 threshold: \(base.text)")
        #expect(base.text.contains("carry 49% of the costs; at least 50% is needed"), "\(base.text)")
        // Its version in the other call is linked, the call shown is marked; the language links keep the call.
        #expect(
            base.text.contains(
                "This rule in call: <strong aria-current=\"page\">E3-2026</strong> · <a href=\"/rules/EST-005?call=E3-2027&amp;lang=en\""
            ),
            "\(base.text)")
        #expect(base.text.contains("href=\"/rules/EST-005?call=E3-2026&amp;lang=nl\""), "\(base.text)")

        let derived = try await portal.get("/rules/est-005?call=E3-2027&lang=de")
        #expect(derived.status == 200)
        // German formats the share as German does ("60 %").
        #expect(derived.text.contains("SMEs carry at least 60"), "\(derived.text)")
        #expect(!derived.text.contains("at least 50"), "\(derived.text)")
        // Its examples are the call's own, run with its parameters (the message in the set's English).
        #expect(derived.text.contains("carry 50% of the costs; at least 60% is needed"), "\(derived.text)")
        #expect(
            derived.text.contains(
                "Diese Regel im Aufruf: <a href=\"/rules/EST-005?call=E3-2026&amp;lang=de\" data-call=\"E3-2026\">E3-2026</a> · <strong"
            ),
            "\(derived.text)")

        // Without a call, the kind's default call: the newest derived one.
        let plain = try await portal.get("/rules/EST-005?lang=en")
        #expect(plain.text.contains("data-call=\"E3-2027\""), "\(plain.text)")
        // A rule of a kind with one set is the same in every loaded call.
        let single = try await portal.get("/rules/TKI-001?call=E3-2026&lang=en")
        #expect(single.status == 200)
        #expect(!single.text.contains("id=\"calls\""), "\(single.text)")
    }

    @Test func theRuleTableLinksEachCallsRulesToThatCallsPages() async throws {
        let portal = try await RunningPortal.start(checker: try Self.checker())
        defer { Task { await portal.stop() } }
        let rules = try await portal.get("/rules?lang=fr")
        #expect(rules.status == 200)
        for call in ["E3-2026", "E3-2027"] {
            #expect(rules.text.contains("appel <code>\(call)</code>"), "\(rules.text)")
            #expect(rules.text.contains("href=\"/rules/EST-005?call=\(call)&amp;lang=fr\""), "\(rules.text)")
        }
        // A kind with one set has no call to name.
        #expect(rules.text.contains("href=\"/rules/TKI-001?lang=fr\""), "\(rules.text)")
    }

    @Test func aCallThatDoesNotHaveTheRuleIsANotFoundPageInThePagesLanguage() async throws {
        let portal = try await RunningPortal.start(checker: try Self.checker())
        defer { Task { await portal.stop() } }
        let unknown = try await portal.get("/rules/EST-005?call=E3-1999&lang=nl")
        #expect(unknown.status == 404)
        #expect(unknown.text.contains("<html lang=\"nl\">"), "\(unknown.text)")
        #expect(
            unknown.text.contains("Deze regel hoort niet bij die oproep. De oproepen met deze regel: E3-2026, E3-2027."),
            "\(unknown.text)")
        // The call asked for is never repeated, let alone unescaped.
        let hostile = try await portal.get("/rules/EST-005?call=%3Cscript%3Ealert(1)%3C/script%3E&lang=en")
        #expect(hostile.status == 404)
        #expect(!hostile.text.contains("alert(1)"), "\(hostile.text)")
        #expect(hostile.text.contains("This rule is not in that call."), "\(hostile.text)")
        #expect(try await portal.get("/rules/TKI-001?call=E3-1999").status == 404)
    }

    @Test func aFindingOfTheBaseCallLinksToTheBaseCallsPage() async throws {
        let portal = try await RunningPortal.start(checker: try Self.checker())
        defer { Task { await portal.stop() } }
        let dossier = try String(
            contentsOf: Self.folder.appending(path: "dossiers/invalid-optiagro-2026-request.yaml"), encoding: .utf8)
        let page = try await Self.checkPage(dossier, on: portal)
        #expect(page.status == 200)
        #expect(page.text.contains("href=\"/rules/EST-007?call=E3-2026&amp;lang=en\""), "\(page.text)")
    }
}
