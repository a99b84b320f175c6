/// Flags dossiers submitted twice. Unparsable documents take part only by identical bytes.
public enum DuplicateFinder {
    /// Groups of the same content first, then groups of one id whose members are not all the
    /// same content; each in the order of their first dossier.
    public static func groups(_ dossiers: [TriagedDossier]) -> [DuplicateGroup] {
        var byContent: [String: [Int]] = [:]
        var contentOrder: [String] = []
        var byID: [String: [Int]] = [:]
        var idOrder: [String] = []
        for (index, dossier) in dossiers.enumerated() {
            if byContent[dossier.contentDigest] == nil { contentOrder.append(dossier.contentDigest) }
            byContent[dossier.contentDigest, default: []].append(index)
            if let id = dossier.id, dossier.parseError == nil {
                if byID[id] == nil { idOrder.append(id) }
                byID[id, default: []].append(index)
            }
        }
        var groups: [DuplicateGroup] = []
        for digest in contentOrder {
            guard let members = byContent[digest], members.count > 1 else { continue }
            groups.append(DuplicateGroup(reason: .sameContent, id: dossiers[members[0]].id, dossiers: members))
        }
        for id in idOrder {
            guard let members = byID[id], members.count > 1 else { continue }
            let digests = Set(members.map { dossiers[$0].contentDigest })
            if digests.count > 1 { groups.append(DuplicateGroup(reason: .sameID, id: id, dossiers: members)) }
        }
        return groups.sorted {
            ($0.dossiers[0], $0.reason == .sameContent ? 0 : 1) < ($1.dossiers[0], $1.reason == .sameContent ? 0 : 1)
        }
    }
}
