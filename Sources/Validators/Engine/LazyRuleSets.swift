import DossierModel
import Foundation

/// Rule files known to load and compile (the bundled ones), read as far as a run needs them: at
/// start-up each file's header (`RuleFileHeader`), a whole file when a dossier of its kind, or of
/// a kind that imports it, first comes; every file when something describes all the rules.
///
/// The sets may come from the build's compiled form instead (`CompiledRuleSets`): the same sets,
/// already read, with their expressions parsed.
///
/// A set read this way equals the set of a full read: its imports are read and resolved with it
/// (`EffectiveRuleSets`, `ParameterTexts`), which is all resolving a set reads beyond itself.
final class LazyRuleSets: @unchecked Sendable {
    /// Each set as its header gives it: name, version, catalogue, kind, imports and call.
    let headers: [RuleSet]
    private let origin: Origin
    /// True for sets from the compiled form, which the build checked as a load checks them.
    let checkedAtBuild: Bool
    private let lock = NSLock()
    /// Whole sets read so far, as read and resolved, by name.
    private var read: [String: RuleSet] = [:]
    private var resolved: [String: RuleSet] = [:]
    private var everything: [RuleSet]?

    /// Nil when the files cannot be read this way: a header that does not stand alone, two sets of
    /// one name, or a set derived from another (`extends`), which takes its kind from its base.
    init?(files: [(name: String, contents: String)]) {
        var headers: [RuleSet] = []
        for file in files {
            guard let text = RuleFileHeader.text(of: file.contents),
                let header = try? RuleSetParser.parse(text, file: file.name), header.extends == nil
            else { return nil }
            headers.append(header)
        }
        guard Set(headers.map(\.name)).count == headers.count else { return nil }
        self.headers = headers
        self.origin = .files(files)
        self.checkedAtBuild = false
    }

    /// The sets of the build's compiled form.
    init(compiled: CompiledRuleSets) {
        self.headers = compiled.headers
        self.origin = .compiled(compiled)
        self.checkedAtBuild = true
    }

    private enum Origin {
        case files([(name: String, contents: String)])
        case compiled(CompiledRuleSets)
    }

    /// Every set, read whole and resolved, in the order of the files.
    var all: [RuleSet] {
        lock.withLock {
            if let everything { return everything }
            let sets = ParameterTexts.fill(Self.mustResolve(headers.map { set(named: $0.name) }))
            everything = sets
            return sets
        }
    }

    /// The set named `name` and those it imports, read whole and resolved, by name.
    func closure(of name: String) -> [String: RuleSet] {
        lock.withLock {
            var wanted: [String] = []
            func visit(_ name: String) {
                guard !wanted.contains(name), let index = headers.firstIndex(where: { $0.name == name }) else { return }
                wanted.append(name)
                for imported in headers[index].imports { visit(imported) }
            }
            visit(name)
            let missing = wanted.filter { resolved[$0] == nil }
            if !missing.isEmpty {
                let sets = wanted.map(set(named:))
                for set in ParameterTexts.fill(Self.mustResolve(sets)) where resolved[set.name] == nil {
                    resolved[set.name] = set
                }
            }
            return Dictionary(uniqueKeysWithValues: wanted.map { ($0, resolved[$0]!) })
        }
    }

    /// The set as its file (or the compiled form) gives it, read once.
    private func set(named name: String) -> RuleSet {
        if let set = read[name] { return set }
        let index = headers.firstIndex { $0.name == name }!
        let set: RuleSet
        switch origin {
        case .compiled(let compiled):
            set = compiled.set(at: index)
        case .files(let files):
            do {
                set = try RuleSetParser.parse(files[index].contents, file: files[index].name)
            } catch {
                preconditionFailure("a rule file given as known to load does not: \(error)")
            }
        }
        read[name] = set
        return set
    }

    private static func mustResolve(_ sets: [RuleSet]) -> [RuleSet] {
        do {
            return try EffectiveRuleSets.resolve(sets)
        } catch {
            preconditionFailure("a rule set given as known to load does not resolve: \(error)")
        }
    }
}
