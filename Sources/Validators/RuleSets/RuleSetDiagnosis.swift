import DossierModel

/// Everything wrong with a collection of rule files, at once, and an engine over the sets that
/// are sound — what `dossiercheck rules test` shows a rule author.
///
/// Building a `Checker` stops at the first error; a diagnosis carries on: each file's parse
/// error, every `RuleSetLint` error (duplicate rule IDs, fields the structure does not declare),
/// then, set by set, what the engine's build rejects (expressions that do not parse, unknown names
/// and parameters, unknown types …). A set with an error is left out, and so is every set that
/// imports it (`skipped`, not reported as broken itself); the others are still built and tested.
public struct RuleSetDiagnosis: Sendable {
    /// A set left out because one it imports has errors.
    public struct Skipped: Sendable {
        public var file: String
        public var ruleSet: String
        /// The imported set that has errors.
        public var because: String
    }

    public private(set) var errors: [RuleFileError] = []
    public private(set) var skipped: [Skipped] = []
    /// The engine over the sets without errors; nil when none could be built.
    public private(set) var checker: Checker?

    /// Diagnoses `files` laid over `base` (a local set replaces a base set of the same name).
    public init(files: [(name: String, contents: String)], base: [RuleSet], iso: ISO3166, limits: EvaluationLimits = .default) {
        let (local, parseErrors) = RuleSetCollection.parseEach(files)
        errors = parseErrors
        let (resolved, resolveErrors) = EffectiveRuleSets.resolveEach(RuleSetCollection.overriding(base, with: local))
        errors += resolveErrors
        var sets = resolved
        let unresolved = Set(RuleSetCollection.overriding(base, with: local).map(\.name)).subtracting(resolved.map(\.name))
        if !unresolved.isEmpty { remove(names: unresolved, from: &sets) }
        let lint = RuleSetLint.errors(sets)
        errors += lint
        remove(files: Set(lint.map(\.file)), from: &sets)
        // Build; on an error, leave its file out and build again (at most once per set).
        for _ in 0...sets.count {
            do {
                checker = try Checker(ruleSets: sets, iso: iso, limits: limits, lint: false)
                break
            } catch let error as RuleFileError {
                errors.append(error)
                let before = sets.count
                remove(files: [error.file], from: &sets)
                if sets.count == before { break }
            } catch {
                break
            }
        }
        // In the order of the files and of the places in them, whichever check found them.
        errors = errors.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.file != y.file { return x.file < y.file }
            let (p, q) = (x.mark ?? Mark(line: 0, column: 0), y.mark ?? Mark(line: 0, column: 0))
            return p != q ? p < q : a.offset < b.offset
        }.map(\.element)
    }

    /// Leaves out the sets read from `files`, then every set importing a set no longer there.
    private mutating func remove(files: Set<String>, from sets: inout [RuleSet]) {
        guard !files.isEmpty else { return }
        remove(names: Set(sets.filter { files.contains($0.file) }.map(\.name)), from: &sets)
    }

    /// Leaves out the sets `names` names (some may be gone already), then every set importing one.
    private mutating func remove(names: Set<String>, from sets: inout [RuleSet]) {
        var removed = names
        sets.removeAll { names.contains($0.name) }
        while true {
            let names = Set(sets.map(\.name))
            guard
                let index = sets.firstIndex(where: { set in set.imports.contains { removed.contains($0) && !names.contains($0) } }
                )
            else { return }
            let set = sets.remove(at: index)
            let cause = set.imports.first { removed.contains($0) && !names.contains($0) }!
            skipped.append(Skipped(file: set.file, ruleSet: set.name, because: cause))
            removed.insert(set.name)
        }
    }
}
