import DossierModel
import Validators

/// Checks a file as written and rewritten in a `YAMLForm`, and says where the findings differ:
/// the rule IDs of each document must be the same, and each finding must point at the same
/// node (the node at the same place of the rewritten tree) with the same path.
public enum MetamorphicCheck {
    /// The differences between `bytes` and its rewriting in each of `forms`, one line each, by
    /// form; nil when the file cannot be rewritten (a document has an HDR-004 problem, so there
    /// is no tree to write). The file as written is checked once.
    public static func differences(
        _ bytes: [UInt8], forms: [YAMLForm] = YAMLForm.allCases, checker: Checker = Fixtures.checker
    ) -> [(form: YAMLForm, differences: [String])]? {
        let documents = YAMLLoader.load(bytes)
        guard documents.allSatisfy({ $0.problem == nil && $0.root != nil }) else { return nil }
        let roots = documents.map { $0.root! }
        let before = documents.map { checker.check($0, language: .en).findings }
        return forms.map { form in
            (form, differences(documents, roots: roots, findings: before, form: form, checker: checker))
        }
    }

    private static func differences(
        _ documents: [LoadedDocument], roots: [Node], findings before: [[Finding]], form: YAMLForm, checker: Checker
    ) -> [String] {
        let rewritten = YAMLRewriter.rewrite(roots, as: form)
        let reread = YAMLLoader.load(Array(rewritten.utf8))
        guard reread.count == roots.count * form.copies else {
            return ["the rewritten file holds \(reread.count) documents, not \(roots.count * form.copies)"]
        }
        var differences: [String] = []
        for (i, document) in documents.enumerated() {
            for copy in 0..<form.copies {
                let other = reread[i * form.copies + copy]
                guard let otherRoot = other.root, other.problem == nil else {
                    differences.append("document \(i + 1) does not read back: \(other.problem?.message ?? "no tree")")
                    continue
                }
                var places = PlaceMap()
                places.add(document.start, other.start)
                places.match(roots[i], otherRoot)
                let after = checker.check(other, language: .en).findings
                differences += compare(before[i], after, places: places).map {
                    "document \(i + 1)\(form.copies > 1 ? " (copy \(copy + 1))" : ""): \($0)"
                }
            }
        }
        return differences
    }

    public static func compare(_ before: [Finding], _ after: [Finding], places: PlaceMap) -> [String] {
        let rulesBefore = before.map(\.rule).sorted()
        let rulesAfter = after.map(\.rule).sorted()
        guard rulesBefore == rulesAfter else {
            return ["rule IDs \(rulesBefore) became \(rulesAfter)"]
        }
        var unmatched = after
        var differences: [String] = []
        for finding in before {
            let targets = places.targets(of: finding.location)
            if let k = unmatched.firstIndex(where: {
                $0.rule == finding.rule && $0.path == finding.path && targets.contains($0.location)
            }) {
                unmatched.remove(at: k)
            } else {
                let near = after.filter { $0.rule == finding.rule }.map { "\($0.location) `\($0.path)`" }
                differences.append(
                    "\(finding.rule) at \(finding.location) `\(finding.path)` (now expected at \(targets.sorted())) is at \(near) instead"
                )
            }
        }
        return differences
    }

    /// Where each node (and key) of one tree is in the other: places can be shared by a block
    /// mapping and its first key, so a place maps to every place of the nodes that start there.
    public struct PlaceMap {
        private var map: [Mark: Set<Mark>] = [:]

        public init() {}

        public mutating func add(_ from: Mark, _ to: Mark) { map[from, default: []].insert(to) }

        public func targets(of mark: Mark) -> Set<Mark> { map[mark] ?? [] }

        public mutating func match(_ a: Node, _ b: Node) {
            add(a.start, b.start)
            switch (a.content, b.content) {
            case (.sequence(let left), .sequence(let right)):
                for (x, y) in zip(left, right) { match(x, y) }
            case (.mapping(let left), .mapping(let right)):
                for entry in left {
                    guard let key = entry.key.scalar,
                        let other = right.first(where: { $0.key.scalar?.text == key.text && $0.key.scalar?.value == key.value })
                    else { continue }
                    add(entry.key.start, other.key.start)
                    match(entry.value, other.value)
                }
            default:
                break
            }
        }
    }
}
