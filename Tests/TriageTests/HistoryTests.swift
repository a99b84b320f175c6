import Foundation
import GRDB
import TestSupport
import Testing
import Triage

/// The call history (`--history calls.sqlite`): new partners and rotation across two calls,
/// re-running a call, and files that are not a history.
@Suite struct HistoryTests {
    /// A small dossier with these partners (name, and registration number when given).
    static func dossier(_ id: String, _ partners: [(String, String?)]) -> String {
        var text =
            "dossier: 1\nkind: zim-nemo\nid: \(id)\ntitle: Netzwerk \(id)\nlanguage: de\nnetwork: {name: Netzwerk \(id), theme: Sensorik}\nphase: 1\npartners:\n"
        for (index, partner) in partners.enumerated() {
            text += "  - {id: p\(index), name: \"\(partner.0)\", category: enterprise, employees: 20, country: DE, region: DE-BY"
            if let registration = partner.1 { text += ", registration: \"\(registration)\"" }
            text += "}\n"
        }
        return text
    }

    struct Call {
        let folder: URL
        init(_ files: [String: String]) throws {
            folder = try Fixtures.temporaryFolder()
            for (name, text) in files { try Data(text.utf8).write(to: folder.appending(path: name)) }
        }
    }

    static func triage(_ call: Call, history: URL, label: String) throws -> (Fixtures.Run, [String: Any]) {
        let out = call.folder.appending(path: "out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let json = out.appending(path: "report.json")
        let run = try Fixtures.run([
            "triage", call.folder.path, "--out", out.appending(path: "report.html").path, "--json", json.path,
            "--history", history.path, "--call", label,
        ])
        let report =
            run.status == 0 ? (try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any] ?? [:]) : [:]
        return (run, report)
    }

    static func newPartners(_ report: [String: Any]) -> [String: Int?] {
        var result: [String: Int?] = [:]
        for dossier in report["dossiers"] as? [[String: Any]] ?? [] {
            result[(dossier["id"] as? String) ?? ""] = dossier["newPartners"] as? Int
        }
        return result
    }

    let first = try! Call([
        "a1.yaml": dossier("A1", [("Alpha Sensorik GmbH", nil), ("Beta Werkstoffe AG", "HRB 1001"), ("Gamma Software SE", nil)]),
        "a2.yaml": dossier("A2", [("Alpha Sensorik GmbH", nil), ("Delta Gerätebau GmbH", nil)]),
    ])
    let second = try! Call([
        // alpha as written differently (case, accents, legal form), beta by its number under a new name
        "b1.yaml": dossier("B1", [("ALPHA SENSORIK", nil), ("Beta Materials", "HRB-1001"), ("Epsilon Optik GmbH", nil)]),
        "b2.yaml": dossier("B2", [("Zeta Präzision GmbH", nil), ("Gamma Software", nil), ("Eta Lösungen GmbH", "HRB 2002")]),
    ])

    @Test func twoSuccessiveCallsGiveNewPartnersAndRotation() throws {
        let history = try Fixtures.temporaryFolder().appending(path: "calls.sqlite")
        let (run1, report1) = try Self.triage(first, history: history, label: "2026-1")
        #expect(run1.status == 0, "\(run1.stderr)")
        let history1 = try #require(report1["history"] as? [String: Any])
        #expect(history1["earlierCalls"] as? Int == 0)
        #expect(history1["rotationRate"] is NSNull, "no earlier call: no rotation rate")
        #expect(history1["organisations"] as? Int == 4)
        #expect(Self.newPartners(report1) == ["A1": nil, "A2": nil])

        let (run2, report2) = try Self.triage(second, history: history, label: "2026-2")
        #expect(run2.status == 0, "\(run2.stderr)")
        let history2 = try #require(report2["history"] as? [String: Any])
        #expect(history2["earlierCalls"] as? Int == 1)
        // B1: alpha and beta (by registration) known, epsilon new; B2: gamma known, zeta and eta new.
        #expect(Self.newPartners(report2) == ["B1": 1, "B2": 2])
        // Six distinct organisations, three new to the history.
        #expect(history2["organisations"] as? Int == 6)
        #expect(history2["newOrganisations"] as? Int == 3)
        #expect((history2["rotationRate"] as? NSNumber)?.doubleValue == 0.5)
        #expect(history2["rerun"] as? Bool == false)
    }

    @Test func rerunningACallDoesNotDuplicateIt() throws {
        let history = try Fixtures.temporaryFolder().appending(path: "calls.sqlite")
        _ = try Self.triage(first, history: history, label: "2026-1")
        _ = try Self.triage(second, history: history, label: "2026-2")
        let (again, report) = try Self.triage(second, history: history, label: "2026-2")
        #expect(again.status == 0, "\(again.stderr)")
        let comparison = try #require(report["history"] as? [String: Any])
        #expect(comparison["rerun"] as? Bool == true)
        #expect(comparison["earlierCalls"] as? Int == 1, "compared with the first call only, not with itself")
        #expect(Self.newPartners(report) == ["B1": 1, "B2": 2])
        // The first call triaged again keeps its place: nothing came before it.
        let (firstAgain, report1) = try Self.triage(first, history: history, label: "2026-1")
        #expect(firstAgain.status == 0)
        #expect((report1["history"] as? [String: Any])?["earlierCalls"] as? Int == 0)

        let store = try HistoryStore.open(history.path)
        let calls = try store.calls()
        try store.close()
        #expect(calls.map(\.label) == ["2026-1", "2026-2"])
        #expect(calls.map(\.dossiers) == [2, 2])
        #expect(calls.map(\.participations) == [5, 6])
        let queue = try DatabaseQueue(path: history.path)
        let rows = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM dossiers") }
        #expect(rows == 4)
    }

    /// The file's bytes, and the files beside it (no journal left behind).
    static func snapshot(_ file: URL) throws -> (Data, [String]) {
        let folder = file.deletingLastPathComponent()
        return (try Data(contentsOf: file), try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted())
    }

    func expectRefused(_ file: URL, saying words: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try? FileManager.default.removeItem(at: first.folder.appending(path: "out"))
        let before = try Self.snapshot(file)
        let (run, _) = try Self.triage(first, history: file, label: "2026-1")
        #expect(run.status == 2, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(file.path), "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(words), "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains("left untouched"), "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(
            !FileManager.default.fileExists(atPath: first.folder.appending(path: "out/report.html").path), "no report written",
            sourceLocation: sourceLocation)
        let after = try Self.snapshot(file)
        #expect(after.0 == before.0, "the file is unchanged", sourceLocation: sourceLocation)
        #expect(after.1 == before.1, "no file was added beside it", sourceLocation: sourceLocation)
    }

    @Test func aFileThatIsNotADatabaseIsLeftUntouched() throws {
        let file = try Fixtures.temporaryFolder().appending(path: "calls.sqlite")
        try Data(String(repeating: "these are the minutes of the jury, not a database\n", count: 200).utf8).write(to: file)
        try expectRefused(file, saying: "is not a readable SQLite database")
    }

    @Test func aDamagedHistoryIsLeftUntouched() throws {
        let folder = try Fixtures.temporaryFolder()
        let good = folder.appending(path: "good.sqlite")
        _ = try Self.triage(first, history: good, label: "2026-1")
        _ = try Self.triage(second, history: good, label: "2026-2")
        var bytes = try Data(contentsOf: good)
        #expect(bytes.count >= 8192)
        // Keep the header, scramble the pages that hold the tables.
        for index in stride(from: 4096, to: bytes.count, by: 7) { bytes[index] = 0xA5 }
        let damaged = try Fixtures.temporaryFolder().appending(path: "calls.sqlite")
        try bytes.write(to: damaged)
        try expectRefused(damaged, saying: "is not a readable SQLite database")
    }

    @Test func anotherProgramsDatabaseIsLeftUntouched() throws {
        let file = try Fixtures.temporaryFolder().appending(path: "calls.sqlite")
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { db in
            try db.execute(
                sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices (amount) VALUES (12.5)")
        }
        try queue.close()
        try expectRefused(file, saying: "an SQLite database of another program")
    }

    @Test func registrationNumbersMatchOrganisationsAcrossDossiers() throws {
        let call = try Call([
            "r1.yaml": Self.dossier("R1", [("Omega Antriebe GmbH", "HRB 77"), ("Sigma Labs", "HRB 1")]),
            "r2.yaml": Self.dossier("R2", [("Omega Drives", "hrb-77"), ("Sigma Labs", "HRB 2")]),
        ])
        let json = call.folder.appending(path: "report.json")
        let run = try Fixtures.run([
            "triage", call.folder.path, "--out", call.folder.appending(path: "r.html").path, "--json", json.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let shared = report["sharedOrganisations"] as? [[String: Any]] ?? []
        // Omega by its number under two names; the two Sigma Labs have different numbers.
        #expect(shared.count == 1)
        #expect(shared.first?["registration"] as? String == "HRB77")
        #expect(shared.first?["dossiers"] as? [String] == ["R1", "R2"])
    }
}
