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
        // A file with parse errors is still checked (without its unreadable parts), then left out.
        let (local, parseErrors) = RuleSetCollection.parseEach(files, keepingPartial: true)
        errors = parseErrors
        let (resolved, resolveErrors) = EffectiveRuleSets.resolveEach(RuleSetCollection.overriding(base, with: local))
        errors += resolveErrors
        var sets = resolved
        let unresolved = Set(RuleSetCollection.overriding(base, with: local).map(\.name)).subtracting(resolved.map(\.name))
        if !unresolved.isEmpty { remove(names: unresolved, from: &sets) }
        let lint = RuleSetLint.errors(sets)
        errors += lint
        // Build; on an error, leave its file out and build again (at most once per set). The files
        // with parse or lint errors are kept in until a build succeeds, so that their compile errors
        // show beside those; then they are left out too.
        var pending = Set(lint.map(\.file)).union(parseErrors.map(\.file))
        for _ in 0...sets.count + 1 {
            let before = sets.count
            do {
                let built = try Checker(ruleSets: sets, iso: iso, limits: limits, lint: false)
                if pending.isEmpty {
                    checker = built
                    break
                }
                remove(files: pending, from: &sets)
                pending = []
                continue
            } catch {
                guard let found = RuleSetCollection.Errors.of(error) else { break }
                errors += found
                remove(files: Set(found.map(\.file)), from: &sets)
            }
            // An error no set left out would mend: leave out the pending ones at least.
            if sets.count == before {
                guard !pending.isEmpty else { break }
                remove(files: pending, from: &sets)
                pending = []
            }
        }
        // In the order of the files and of the places in them, whichever check found them; each once.
        var reported: Set<String> = []
        errors = RuleFileError.inFileOrder(errors.filter { reported.insert($0.description).inserted })
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
