/// The name a call is recorded under in the history: the one given (`--call`), else the
/// `call:` every dossier that names one agrees on, else a digest of the sorted dossier ids
/// (`dossiers-3fd46f9e…`), so that triaging the same dossiers again names the same call.
public enum CallLabel {
    public static func of(_ dossiers: [TriagedDossier], given: String? = nil) -> String {
        if let given, !given.isEmpty { return given }
        let named = Set(dossiers.compactMap(\.call))
        if named.count == 1, let only = named.first { return only }
        let ids = dossiers.map(\.label).sorted().joined(separator: "\n")
        return "dossiers-" + ContentDigest.of(text: ids).prefix(16)
    }
}
