/// The name a call is recorded under in the history: the one given (`--call`), else the
/// `call:` every dossier that names one agrees on, else — when they disagree — those names
/// joined (`CALL-A + CALL-B`, a name the history shows as it is, with a warning naming them),
/// else a digest of the sorted dossier ids (`dossiers-3fd46f9e…`), so that triaging the same
/// dossiers again names the same call.
public enum CallLabel {
    /// A `call:` value and how many dossiers name it.
    public struct Named: Sendable, Equatable {
        public var call: String
        public var dossiers: Int
    }

    public static func of(_ dossiers: [TriagedDossier], given: String? = nil) -> String {
        if let given, !given.isEmpty { return given }
        let named = names(dossiers)
        if !named.isEmpty { return named.map(\.call).sorted().joined(separator: " + ") }
        let ids = dossiers.map(\.label).sorted().joined(separator: "\n")
        return "dossiers-" + ContentDigest.of(text: ids).prefix(16)
    }

    /// The `call:` values the dossiers name, most dossiers first (then by name).
    public static func names(_ dossiers: [TriagedDossier]) -> [Named] {
        var counts: [String: Int] = [:]
        for dossier in dossiers {
            if let call = dossier.call { counts[call, default: 0] += 1 }
        }
        return counts.map { Named(call: $0.key, dossiers: $0.value) }
            .sorted { $0.dossiers != $1.dossiers ? $0.dossiers > $1.dossiers : $0.call < $1.call }
    }

    /// The names when the dossiers disagree on `call:` (two or more), else empty.
    public static func conflict(_ dossiers: [TriagedDossier]) -> [Named] {
        let named = names(dossiers)
        return named.count > 1 ? named : []
    }
}
