import DossierModel

/// An exception a jury granted: one rule, on one node of one dossier, for a reason, until a day.
///
/// A waivers file:
/// ```yaml
/// waivers:
///   - rule: RES-008
///     dossier: RES-2026-104
///     path: members              # the node path the finding shows ("" for the whole dossier)
///     reason: Jury decision of 14 March 2026, minutes §4
///     expires: 2026-12-31        # the last day it holds
/// ```
public struct Waiver: Sendable, Equatable {
    public var rule: String
    public var dossier: String
    public var path: String
    public var reason: String
    /// `YYYY-MM-DD`, the last day the waiver holds.
    public var expires: String
    /// The waivers file, as reports name it, and the line of this waiver.
    public var file: String
    public var line: Int

    public init(rule: String, dossier: String, path: String, reason: String, expires: String, file: String, line: Int) {
        self.rule = rule
        self.dossier = dossier
        self.path = path
        self.reason = reason
        self.expires = expires
        self.file = file
        self.line = line
    }

    /// Whether the waiver no longer holds on `today` (`YYYY-MM-DD`).
    public func hasExpired(on today: String) -> Bool { expires < today }

    static let keys = ["rule", "dossier", "path", "reason", "expires"]

    /// Reads a waivers file; every rule it names must be one of `knownRules`.
    public static func parse(_ text: String, file: String, knownRules: Set<String>) throws -> [Waiver] {
        let reader = StrictReader(file: file)
        guard let root = try reader.root(text) else { return [] }
        var waivers: [Waiver] = []
        for (_, _, list) in try reader.mapping(root, allowed: ["waivers"], what: "the waivers file") {
            guard let items = list.sequence else { throw reader.error(list, "`waivers` must be a list") }
            for item in items {
                var values: [String: String] = [:]
                for (key, _, value) in try reader.mapping(item, allowed: keys, what: "a waiver") {
                    if key == "path", value.scalar?.text == "" {
                        values[key] = ""
                        continue
                    }
                    values[key] = try reader.text(value, what: "`\(key)`")
                    if key == "rule", !knownRules.contains(values[key]!) {
                        throw reader.error(value, "unknown rule `\(values[key]!)` in a waiver: no loaded rule set has it")
                    }
                    if key == "expires", !isDate(values[key]!) {
                        throw reader.error(value, "`expires` must be a date, YYYY-MM-DD, not `\(values[key]!)`")
                    }
                }
                for key in keys where values[key] == nil {
                    throw reader.error(
                        item, "a waiver needs `\(key)` (it gives: \(values.keys.sorted().joined(separator: ", ")))")
                }
                waivers.append(
                    Waiver(
                        rule: values["rule"]!, dossier: values["dossier"]!, path: values["path"]!, reason: values["reason"]!,
                        expires: values["expires"]!, file: file, line: item.start.line))
            }
        }
        return waivers
    }

    /// A real calendar date written `YYYY-MM-DD`.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}
