import Foundation
import TestSupport
import Testing
import Validators

@testable import Triage

/// A dossier that does not load keeps the id, kind and call written before its error, and a
/// call whose dossiers disagree on `call:` is named and reported as such.
@Suite struct IdentityTests {
    static func lines(_ text: String) -> [Substring] { DossierTriager.lines(of: Array(text.utf8)) }

    @Test func theTopLevelLinesBeforeTheErrorAreRead() {
        let text = """
            dossier: 1
            kind: reseau-dossier   # a comment
            id: "RES-2026-218"
            partners:
              - id: NOT-THIS-ONE
            call: '2026-2'
            call: "2026-3"
            title: After the error
            """
        let identity = BrokenDossierIdentity(lines: Self.lines(text), from: 1, upTo: 7)
        #expect(
            identity
                == BrokenDossierIdentity(lines: [], from: 1, upTo: 1).with(
                    id: "RES-2026-218", kind: "reseau-dossier", call: "2026-2"))
        // Nothing is read from the line of the error or after it.
        #expect(BrokenDossierIdentity(lines: Self.lines(text), from: 1, upTo: 3).id == nil)
        // A value that is not a plain scalar is not a name.
        #expect(BrokenDossierIdentity(lines: Self.lines("id: [A, B\nkind: {x: 1}\n"), from: 1, upTo: 3).isEmpty)
    }

    @Test func aDuplicateCallKeyKeepsTheRowsIdentity() throws {
        let triager = DossierTriager(
            checker: Fixtures.checker, calculator: try FigureCalculator(checker: Fixtures.checker), language: .en)
        let text =
            "dossier: 1\nkind: reseau-dossier\nid: RES-9\ncall: A\ncall: B\n---\ndossier: 1\nkind: tki-project\nid: TKI-1\ncall: [\n"
        let rows = triager.triage(file: "two.yaml", bytes: Array(text.utf8))
        #expect(rows.count == 2)
        #expect(rows.map(\.id) == ["RES-9", "TKI-1"])
        #expect(rows.map(\.kind) == ["reseau-dossier", "tki-project"])
        #expect(rows.map(\.call) == ["A", nil])
        #expect(rows.allSatisfy { $0.identityFromBrokenFile && !$0.admissible && $0.parseError != nil && $0.figures == nil })
        #expect(rows.map(\.label) == ["RES-9", "TKI-1"])
    }

    @Test func theBundledBrokenExampleShowsItsIdentityEverywhere() throws {
        let examples = try TriagedExamples.shared.get()
        let row = try #require(
            examples.dossiers.first { ($0["file"] as? String)?.hasSuffix("invalid-duplicate-key.yaml") == true })
        #expect(row["id"] as? String == "RES-2026-218")
        #expect(row["kind"] as? String == "reseau-dossier")
        #expect(row["call"] as? String == "2026-2")
        #expect(row["identityFromBrokenFile"] as? Bool == true)
        #expect(row["admissible"] as? Bool == false)
        #expect(row["failedRules"] as? [String] == ["HDR-004"])
        let html = try String(contentsOf: examples.html, encoding: .utf8)
        #expect(html.contains("<td class=\"id\" data-v=\"RES-2026-218\" title=\"RES-2026-218\"><a href=\"#d-"))
        #expect(html.contains("RES-2026-218</a> <span class=\"broken\" title=\"read from a broken file\">"))
        // Parsed rows are not marked.
        #expect(
            examples.dossiers.count { $0["identityFromBrokenFile"] as? Bool == true }
                == examples.dossiers.count { $0["parseError"] is String && $0["id"] is String })
    }

    @Test func aCallWhoseDossiersDisagreeIsNamedAndWarnedAbout() throws {
        let examples = try TriagedExamples.shared.get()
        let conflict = examples.json["callConflict"] as? [[String: Any]] ?? []
        let names = conflict.compactMap { $0["call"] as? String }
        #expect(names.count > 1, "the examples name several calls")
        #expect(examples.json["call"] as? String == names.sorted().joined(separator: " + "))
        #expect(examples.run.stderr.contains("warning: the dossiers name different calls: "))
        #expect(examples.run.stderr.contains("choose the name with --call NAME"))
        let html = try String(contentsOf: examples.html, encoding: .utf8)
        #expect(html.contains("id=\"call-conflict\" role=\"alert\""))
        // Counted per dossier, most first.
        let counts = conflict.compactMap { $0["dossiers"] as? Int }
        #expect(counts == counts.sorted(by: >))
        #expect(counts.reduce(0, +) == examples.dossiers.count { $0["call"] is String })
    }

    @Test func theCallLabelIsTheOneGivenOrTheNamesOrADigest() {
        func row(_ id: String, _ call: String?) -> TriagedDossier {
            TriagedDossier(
                file: "\(id).yaml", document: 0, id: id, title: nil, kind: nil, call: call, language: .en, figures: nil,
                findings: [], parseError: nil, contentDigest: id)
        }
        let mixed = [row("A", "CALL-B"), row("B", "CALL-A"), row("C", "CALL-B"), row("D", nil)]
        #expect(CallLabel.of(mixed) == "CALL-A + CALL-B")
        #expect(CallLabel.of(mixed, given: "Chosen") == "Chosen")
        #expect(
            CallLabel.conflict(mixed) == [
                CallLabel.Named(call: "CALL-B", dossiers: 2), CallLabel.Named(call: "CALL-A", dossiers: 1),
            ])
        #expect(CallLabel.of([row("A", "ONE"), row("B", nil)]) == "ONE")
        #expect(CallLabel.conflict([row("A", "ONE"), row("B", "ONE")]).isEmpty)
        #expect(CallLabel.of([row("A", nil)]).hasPrefix("dossiers-"))
    }
}

extension BrokenDossierIdentity {
    func with(id: String? = nil, title: String? = nil, kind: String? = nil, call: String? = nil) -> Self {
        var copy = self
        copy.id = id
        copy.title = title
        copy.kind = kind
        copy.call = call
        return copy
    }
}
