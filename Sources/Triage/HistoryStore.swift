import Foundation
import GRDB

/// The call history: an SQLite file recording each triaged call — its dossiers, their figures
/// and partners — so that later calls can be compared with it.
///
/// A file that is not an SQLite database, is damaged, or belongs to another program is never
/// written: opening it throws `HistoryError` after reading it only. A call recorded again under
/// the same label replaces its earlier record and keeps its place in the order of calls.
public final class HistoryStore {
    /// `PRAGMA application_id` of a dossiercheck history ("DCKH").
    public static let applicationID: Int32 = 0x4443_4B48
    public static let schemaVersion = 1

    public let path: String
    private let queue: DatabaseQueue

    /// A call as the history holds it.
    public struct RecordedCall: Sendable, Equatable {
        public var label: String
        /// 1 for the first call recorded, 2 for the next…
        public var sequence: Int
        public var dossiers: Int
        public var participations: Int
    }

    private init(path: String, queue: DatabaseQueue) {
        self.path = path
        self.queue = queue
    }

    /// Opens the history at `path`, creating it when the file does not exist (or is empty).
    public static func open(_ path: String) throws(HistoryError) -> HistoryStore {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue { throw HistoryError(path: path, reason: .unusable, detail: "it is a folder") }
        let size = exists ? ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0) : 0
        if exists, size > 0 { try inspect(path) }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try createSchema(db) }
            return HistoryStore(path: path, queue: queue)
        } catch {
            throw HistoryError(path: path, reason: .unusable, detail: describe(error))
        }
    }

    /// Reads an existing file without writing to it: it must be an intact dossiercheck history
    /// of a schema this version knows, or an SQLite database with no table at all.
    private static func inspect(_ path: String) throws(HistoryError) {
        var configuration = Configuration()
        configuration.readonly = true
        let found: (application: Int32, version: Int, tables: Set<String>, check: String)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            found = try queue.read { db in
                let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check").joined(separator: "; ")
                return (application, version, tables, check)
            }
            try queue.close()
        } catch {
            throw HistoryError(path: path, reason: .corrupt, detail: describe(error))
        }
        guard found.check == "ok" else {
            throw HistoryError(path: path, reason: .corrupt, detail: "integrity check: \(found.check)")
        }
        if found.application == 0, found.tables.isEmpty { return }
        guard found.application == applicationID else {
            let tables = found.tables.sorted().prefix(5).joined(separator: ", ")
            throw HistoryError(
                path: path, reason: .foreign,
                detail: String(format: "application id 0x%08x", UInt32(bitPattern: found.application))
                    + (tables.isEmpty ? "" : ", tables \(tables)"))
        }
        guard found.version <= schemaVersion else {
            throw HistoryError(
                path: path, reason: .newer, detail: "schema version \(found.version), this version knows \(schemaVersion)")
        }
        let missing = ["calls", "dossiers", "participations"].filter { !found.tables.contains($0) }
        guard missing.isEmpty else {
            throw HistoryError(
                path: path, reason: .corrupt,
                detail:
                    "the table\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") missing"
            )
        }
    }

    private static func createSchema(_ db: Database) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        guard version == 0 else { return }
        try db.execute(
            sql: """
                CREATE TABLE calls (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    label TEXT NOT NULL UNIQUE,
                    first_recorded TEXT NOT NULL,
                    last_recorded TEXT NOT NULL,
                    dossiers INTEGER NOT NULL
                );
                CREATE TABLE dossiers (
                    call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    file TEXT NOT NULL,
                    document INTEGER NOT NULL,
                    dossier_id TEXT,
                    kind TEXT,
                    title TEXT,
                    applicant TEXT,
                    admissible INTEGER NOT NULL,
                    errors INTEGER NOT NULL,
                    warnings INTEGER NOT NULL,
                    partners INTEGER,
                    smes INTEGER,
                    research_units INTEGER,
                    eligible_eur TEXT,
                    requested_eur TEXT,
                    new_partners INTEGER,
                    content_digest TEXT NOT NULL,
                    PRIMARY KEY (call_id, position)
                );
                CREATE TABLE participations (
                    call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    name TEXT,
                    name_key TEXT NOT NULL,
                    registration TEXT
                );
                CREATE INDEX participations_by_call ON participations(call_id);
                PRAGMA application_id = \(applicationID);
                PRAGMA user_version = \(schemaVersion);
                """)
    }

    /// The organisations of the calls recorded before `label` (all recorded calls when it is new).
    public func earlierOrganisations(than label: String) throws(HistoryError) -> (EarlierOrganisations, rerun: Bool) {
        do {
            return try queue.read { db in
                let own = try Int64.fetchOne(db, sql: "SELECT id FROM calls WHERE label = ?", arguments: [label])
                let bound = own ?? Int64.max
                var earlier = EarlierOrganisations()
                earlier.calls = try Int.fetchOne(db, sql: "SELECT count(*) FROM calls WHERE id < ?", arguments: [bound]) ?? 0
                let rows = try Row.fetchCursor(
                    db,
                    sql: "SELECT p.name_key, p.registration FROM participations p WHERE p.call_id < ?",
                    arguments: [bound])
                while let row = try rows.next() {
                    let name: String = row[0]
                    let registration: String? = row[1]
                    if !name.isEmpty { earlier.names.insert(name) }
                    if let registration, !registration.isEmpty {
                        earlier.registrations.insert(registration)
                    } else if !name.isEmpty {
                        earlier.unregisteredNames.insert(name)
                    }
                }
                return (earlier, own != nil)
            }
        } catch {
            throw HistoryError(path: path, reason: .unusable, detail: Self.describe(error))
        }
    }

    /// Records the call under `label`, replacing an earlier record of the same label, in one transaction.
    public func record(label: String, dossiers: [TriagedDossier], comparison: HistoryComparison?, now: Date = Date())
        throws(HistoryError)
    {
        let stamp = ISO8601DateFormatter().string(from: now)
        do {
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO calls (label, first_recorded, last_recorded, dossiers) VALUES (?, ?, ?, ?)
                        ON CONFLICT(label) DO UPDATE SET last_recorded = excluded.last_recorded, dossiers = excluded.dossiers
                        """,
                    arguments: [label, stamp, stamp, dossiers.count])
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM calls WHERE label = ?", arguments: [label]) else {
                    return
                }
                try db.execute(sql: "DELETE FROM participations WHERE call_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM dossiers WHERE call_id = ?", arguments: [id])
                let insertDossier = try db.makeStatement(
                    sql: """
                        INSERT INTO dossiers (call_id, position, file, document, dossier_id, kind, title, applicant, admissible, errors,
                            warnings, partners, smes, research_units, eligible_eur, requested_eur, new_partners, content_digest)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                let insertParticipation = try db.makeStatement(
                    sql: "INSERT INTO participations (call_id, position, name, name_key, registration) VALUES (?, ?, ?, ?, ?)")
                for (position, dossier) in dossiers.enumerated() {
                    let figures = dossier.figures
                    let values: [(any DatabaseValueConvertible)?] = [
                        id, position, dossier.file, dossier.document, dossier.id, dossier.kind, dossier.title,
                        figures?.applicant, dossier.admissible, dossier.errors, dossier.warnings, figures?.partners,
                        figures?.smes, figures?.researchUnits, figures?.eligible.map { "\($0)" },
                        figures?.requested.map { "\($0)" }, comparison?.newPartners[position] ?? nil, dossier.contentDigest,
                    ]
                    try insertDossier.execute(arguments: StatementArguments(values))
                    for organisation in figures?.organisations ?? [] {
                        let registration = organisation.registration.map(OrganisationKey.normalisedRegistration)
                        try insertParticipation.execute(arguments: [
                            id, position, organisation.name, OrganisationKey.normalisedName(organisation.name ?? ""),
                            registration?.isEmpty == false ? registration : nil,
                        ])
                    }
                }
            }
        } catch {
            throw HistoryError(path: path, reason: .unusable, detail: Self.describe(error))
        }
    }

    /// The calls recorded, in order.
    public func calls() throws(HistoryError) -> [RecordedCall] {
        do {
            return try queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.label, c.id, c.dossiers, (SELECT count(*) FROM participations p WHERE p.call_id = c.id)
                        FROM calls c ORDER BY c.id
                        """
                ).enumerated().map { index, row in
                    RecordedCall(label: row[0], sequence: index + 1, dossiers: row[2], participations: row[3])
                }
            }
        } catch {
            throw HistoryError(path: path, reason: .unusable, detail: Self.describe(error))
        }
    }

    /// Closes the database file.
    public func close() throws(HistoryError) {
        do {
            try queue.close()
        } catch {
            throw HistoryError(path: path, reason: .unusable, detail: Self.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
