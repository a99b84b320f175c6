import CEL
import DossierModel
import Foundation

/// The rule engine: dossiers and rule sets in, findings out. No files, no terminal.
///
/// Built once per run (every expression is compiled here); `check` may then be called
/// from many threads at once.
public final class Checker: Sendable {
    /// Every rule set, resolved; read whole on first use when the engine was built over files
    /// known to load (`init(knownFiles:)`).
    public var ruleSets: [RuleSet] {
        switch source {
        case .loaded(let sets): sets
        case .lazy(let files): files.all
        }
    }

    /// Name, version and catalogue of every rule set, without reading the sets whole.
    public var ruleSetVersions: [DocumentReport.RuleSetVersion] {
        switch source {
        case .loaded(let sets): sets.map { DocumentReport.RuleSetVersion($0) }
        case .lazy(let files): files.headers.map { DocumentReport.RuleSetVersion($0) }
        }
    }

    private enum Source: Sendable {
        case loaded([RuleSet])
        case lazy(LazyRuleSets)
    }

    private let source: Source
    /// Each kind's rule sets, one per call (one without a call when the kind has a single set).
    private let kinds: [String: [CallSlot]]
    /// Libraries only, for documents whose kind no rule set knows.
    private let fallbackSlot: KindSlot
    private var fallback: CompiledKind { fallbackSlot.compiled }

    /// Bounds on the work for one dossier and on the values messages show.
    public let limits: EvaluationLimits

    /// Builds the engine; a rule set that cannot be used (see `RuleSetLint` too) is a `RuleFileError`.
    ///
    /// `compilingOnDemand` names rule sets known to compile (the bundled ones, which the test suite
    /// compiles): a kind whose sets (its own and those it imports) are all among them is compiled
    /// when a dossier of that kind first needs it, not here, which spares a run the kinds it never
    /// meets. Every other kind is compiled here, so that its errors end the run before any check;
    /// and the sets are linted (`RuleSetLint`) unless all of them are among those known to compile.
    public convenience init(
        ruleSets: [RuleSet], iso: ISO3166, limits: EvaluationLimits = .default, compilingOnDemand: Set<String> = []
    ) throws {
        try self.init(ruleSets: ruleSets, iso: iso, limits: limits, lint: true, compilingOnDemand: compilingOnDemand)
    }

    /// The engine over rule files known to load and compile (the bundled ones, which the test suite
    /// loads and compiles): at start-up it reads each file's header only, and a kind's files whole
    /// when a dossier of that kind first needs them (`LazyRuleSets`), so that checking one dossier
    /// does not read every programme's rules with all their examples and languages.
    ///
    /// `compiled`: the same files as the build compiled them (`CompiledRuleSets`), read instead of
    /// the YAML when given and readable header first.
    public convenience init(
        knownFiles files: [(name: String, contents: String)], compiled: CompiledRuleSets? = nil, iso: ISO3166,
        limits: EvaluationLimits = .default
    )
        throws
    {
        if let compiled, compiled.fileNames == files.map(\.name) {
            try self.init(lazy: LazyRuleSets(compiled: compiled), iso: iso, limits: limits)
        } else if let lazy = LazyRuleSets(files: files) {
            try self.init(lazy: lazy, iso: iso, limits: limits)
        } else {
            let sets = try RuleSetCollection.parse(files)
            try self.init(ruleSets: sets, iso: iso, limits: limits, compilingOnDemand: Set(sets.map(\.name)))
        }
    }

    /// `lint: false` leaves out `RuleSetLint`'s checks (for `RuleSetDiagnosis`, which made them already).
    init(ruleSets given: [RuleSet], iso: ISO3166, limits: EvaluationLimits, lint: Bool, compilingOnDemand: Set<String> = [])
        throws
    {
        // Derived calls merged, sources cited, texts checked; parameters shown in titles filled in.
        let ruleSets = ParameterTexts.fill(try EffectiveRuleSets.resolve(given))
        self.source = .loaded(ruleSets)
        self.limits = limits
        // Sets known to compile are linted by the test suite too: a run of them alone skips the lint
        // (a third of a one-dossier run's start-up).
        let known = Set(ruleSets.map(\.name)).isSubset(of: compilingOnDemand)
        // The lint's errors and those of compiling each kind are reported together, in file order.
        let linting = lint && !known
        var errors = linting ? RuleSetLint.errors(ruleSets) : []
        var byName: [String: RuleSet] = [:]
        for set in ruleSets {
            if let other = byName[set.name] {
                throw RuleFileError(file: set.file, mark: nil, message: "rule set `\(set.name)` is also defined in \(other.file)")
            }
            byName[set.name] = set
        }
        // (`RuleSetLint` reports them all, where it runs.)
        if lint && !linting { try Self.checkRuleIDs(ruleSets) }
        let knownKinds = ruleSets.compactMap(\.kind).sorted()
        func slot(_ kind: String?, _ sets: [RuleSet]) throws -> KindSlot {
            let build = { try CompiledKind(kind: kind, sets: sets, knownKinds: knownKinds, iso: iso) }
            if sets.allSatisfy({ compilingOnDemand.contains($0.name) }) { return KindSlot(onDemand: build) }
            do {
                return KindSlot(try build())
            } catch {
                guard let found = RuleSetCollection.Errors.of(error) else { throw error }
                errors += found
                return KindSlot(onDemand: build)
            }
        }
        let kinds = try Self.callSlots(ruleSets.filter { $0.kind != nil }) { set in
            try slot(set.kind, try Self.importOrder(set, byName))
        }
        let fallbackSets = try ruleSets.filter { $0.kind == nil }.flatMap { try Self.importOrder($0, byName) }
        var seen: Set<String> = []
        let fallbackSlot = try slot(nil, fallbackSets.filter { seen.insert($0.name).inserted })
        // A library's errors are found once per kind importing it: each is reported once.
        var reported: Set<String> = []
        try RuleSetCollection.Errors.throwing(
            RuleFileError.inFileOrder(errors.filter { reported.insert($0.description).inserted }))
        self.kinds = kinds
        self.fallbackSlot = fallbackSlot
        self.knownKinds = knownKinds.map { CELValue.string($0) }
    }

    /// The engine over files read as far as a run needs them: the kinds and calls from the headers,
    /// each kind compiled with its sets read whole when a dossier of it first comes.
    private init(lazy files: LazyRuleSets, iso: ISO3166, limits: EvaluationLimits) throws {
        self.source = .lazy(files)
        self.limits = limits
        let knownKinds = files.headers.compactMap(\.kind).sorted()
        func sets(importedBy names: [String]) throws -> [RuleSet] {
            var seen: Set<String> = []
            return try names.flatMap { name in
                let byName = files.closure(of: name)
                return try Self.importOrder(byName[name]!, byName)
            }.filter { seen.insert($0.name).inserted }
        }
        self.kinds = try Self.callSlots(files.headers.filter { $0.kind != nil }) { set in
            KindSlot(onDemand: {
                try CompiledKind(
                    kind: set.kind, sets: try sets(importedBy: [set.name]), knownKinds: knownKinds, iso: iso,
                    checkedAtBuild: files.checkedAtBuild)
            })
        }
        let libraries = files.headers.filter { $0.kind == nil }.map(\.name)
        self.fallbackSlot = KindSlot(onDemand: {
            try CompiledKind(
                kind: nil, sets: try sets(importedBy: libraries), knownKinds: knownKinds, iso: iso,
                checkedAtBuild: files.checkedAtBuild)
        })
        self.knownKinds = knownKinds.map { CELValue.string($0) }
    }

    /// Each kind's calls, a set of a kind each (`slot` compiles it); several sets of one kind
    /// must each name their own call.
    private static func callSlots(_ kindSets: [RuleSet], slot: (RuleSet) throws -> KindSlot) throws -> [String: [CallSlot]] {
        var kinds: [String: [CallSlot]] = [:]
        for set in kindSets {
            let kind = set.kind!
            if let others = kinds[kind] {
                // Several sets of one kind are several calls: each names its own.
                let first = kindSets.first { $0.kind == kind }!
                guard let call = set.call, first.call != nil else {
                    let without = set.call == nil ? set : first
                    throw RuleFileError(
                        file: without.file, mark: without.keyMarks["ruleset"],
                        message:
                            "kind `\(kind)` has two rule sets, `\(first.name)` (\(first.file)) and `\(set.name)` (\(set.file)): give each a `call:` with its own `name`, so that a dossier's `call:` picks one"
                    )
                }
                if let same = others.first(where: { $0.call == call.name }) {
                    throw RuleFileError(
                        file: set.file, mark: call.mark,
                        message: "call `\(call.name)` of kind `\(kind)` is also the call of rule set `\(same.ruleSet)`")
                }
            }
            let calls = kindSets.filter { $0.kind == kind }.count > 1
            kinds[kind, default: []].append(
                CallSlot(
                    call: calls ? set.call?.name : nil, ruleSet: set.name, ownCall: set.call?.name,
                    isDerived: set.derivedFrom != nil,
                    slot: try slot(set))
            )
        }
        return kinds
    }

    private let knownKinds: [CELValue]

    /// The kinds some rule set checks.
    public var kindNames: [String] { kinds.keys.sorted() }

    /// The calls loaded for a kind, in the order of their sets; empty when the kind has one set.
    public func calls(ofKind kind: String) -> [String] { kinds[kind]?.compactMap(\.call) ?? [] }

    /// The call a command that describes a kind shows by default: the one set no other set of the
    /// kind derives from (the newest call of a chain), else the first.
    public func defaultCall(ofKind kind: String) -> String? {
        guard let slots = kinds[kind], slots.count > 1 else { return nil }
        let sets = slots.compactMap { slot in ruleSets.first { $0.name == slot.ruleSet } }
        let bases = Set(sets.compactMap(\.derivedFrom?.name))
        let leaves = slots.filter { !bases.contains($0.ruleSet) }
        return (leaves.count == 1 ? leaves[0] : slots[0]).call
    }

    /// The rule with this ID and the rule set that holds it; of a kind's several calls, the
    /// set of `call` (else of the kind's default call).
    public func rule(_ id: String, call: String? = nil) -> (rule: Rule, ruleSet: RuleSet)? {
        let holders = ruleSets.filter { set in set.rules.contains { $0.id == id } }
        guard let first = holders.first else { return nil }
        var chosen = first
        if holders.count > 1, let kind = first.kind, let slots = kinds[kind] {
            let name = call ?? defaultCall(ofKind: kind)
            if let slot = slots.first(where: { $0.call == name }), let set = holders.first(where: { $0.name == slot.ruleSet }) {
                chosen = set
            }
        }
        return (chosen.rules.first { $0.id == id }!, chosen)
    }

    /// Checks one document of a file. `language` overrides the dossier's own.
    public func check(_ document: LoadedDocument, language requested: Language? = nil) -> DocumentReport {
        var report = DocumentReport(
            index: document.index, id: nil, kind: nil, title: nil, language: requested ?? .en, findings: [], ruleSets: [])
        if let problem = document.problem {
            report.findings = [wellFormedFinding(problem, language: report.language)]
            report.ruleSets = versions(fallback)
            return report
        }
        guard let root = document.root else { return report }
        let header = DossierHeader(root)
        report.id = header.id
        report.kind = header.kind
        report.title = header.title
        report.language = requested ?? header.language.flatMap(Language.init(rawValue:)) ?? .en
        let compiled = compiledKind(header.kind, call: header.call)
        report.ruleSets = versions(compiled)
        var unchecked: Set<String> = []
        if compiled.kind == nil {
            // A kind no rule set knows gets HDR-001 (and HDR-004) and nothing else: no other rule knows
            // its structure (catalogue 1.1, clarification 12). The rules see its header alone.
            report.findings = check(
                Self.header(of: root, fields: compiled.structure), with: compiled, language: report.language,
                reportStructure: false,
                notYetCheckable: &unchecked)
        } else {
            report.findings = check(root, with: compiled, language: report.language, notYetCheckable: &unchecked)
        }
        report.notYetCheckable = unchecked.sorted()
        return report
    }

    /// Checks `root` with every rule in force, or with the named rules only (for rule examples).
    /// `reportStructure: false` leaves out HDR-002 and HDR-003.
    func check(
        _ root: Node, with compiled: CompiledKind, language: Language, only: Set<String>? = nil, reportStructure: Bool = true
    ) -> [Finding] {
        var unchecked: Set<String> = []
        return check(
            root, with: compiled, language: language, only: only, reportStructure: reportStructure, notYetCheckable: &unchecked)
    }

    /// As `check`, collecting in `notYetCheckable` the rules whose verdict depends on a value still
    /// to be filled in (a template's placeholder): those are not evaluated where it matters.
    func check(
        _ root: Node, with compiled: CompiledKind, language: Language, only: Set<String>? = nil, reportStructure: Bool = true,
        notYetCheckable: inout Set<String>
    ) -> [Finding] {
        let (located, issues) =
            compiled.kind == nil
            ? compiled.structureChecker.checkLoosely(root, fields: compiled.structure)
            : compiled.structureChecker.check(root, fields: compiled.structure)
        var findings = reportStructure ? issues.compactMap { structureFinding($0, compiled: compiled, language: language) } : []
        if let only { findings.removeAll { !only.contains($0.rule) } }
        // Every evaluation of this document sees the same `self`, `params`, `kinds` and `kind`:
        // argument-less functions that read only those are computed once for the whole document.
        let memo = CELMemo(constantVariables: Self.documentConstants)
        var base = CELBindings()
        base["self"] = located.value
        base["params"] = compiled.parameters
        base["kinds"] = .list(knownKinds)
        base["kind"] = compiled.kind.map { .string($0) } ?? .null
        base["calls"] = callsValue(compiled.kind)
        base["item"] = located.value
        base["key"] = .null
        base["index"] = .null
        base["position"] = .null
        for rule in compiled.rules where only?.contains(rule.rule.id) ?? true {
            if WorkCancellation.isRequested { break }
            // One budget for all the evaluations of one rule on this dossier (EvaluationLimits).
            var remaining = limits.maxEvaluationCost
            var unknown = false
            for check in rule.checks {
                findings += evaluate(
                    check, of: rule.rule, root: located, base: base, memo: memo, language: language, budget: &remaining,
                    unknown: &unknown)
                if remaining < 0 { break }
            }
            if unknown { notYetCheckable.insert(rule.rule.id) }
        }
        if reportStructure { relateMisspeltKeys(issues, to: &findings, compiled: compiled, language: language) }
        return findings.sorted { ($0.location, $0.rule) < ($1.location, $1.rule) }
    }

    /// A misspelt key (HDR-003, with the key it likely meant) makes that key absent, and the
    /// presence finding that reports it (catalogue rule 4) points back to the misspelt key as a
    /// related place: a finding at the key's mapping that names the meant key.
    private func relateMisspeltKeys(
        _ issues: [StructureIssue], to findings: inout [Finding], compiled: CompiledKind, language: Language
    ) {
        guard let rule = compiled.builtins[.unknownKeys], let wording = rule.builtinMessages["related.misspelt"] else { return }
        for issue in issues where issue.variant == "unknown_key_suggestion" {
            guard let key = issue.values["key"], let suggestion = issue.values["suggestion"], let path = issue.values["path"]
            else { continue }
            let parent = path == key ? "" : String(path.dropLast(key.count + 1))
            let note = MessageTemplate.render(wording.text(in: language), texts: ["key": key, "suggestion": suggestion])
            for index in findings.indices
            where findings[index].rule != rule.id && findings[index].path == parent
                && KeySuggestion.names(findings[index].message + " " + (findings[index].help ?? ""), suggestion)
            {
                findings[index].notes.append(Finding.Note(message: note, location: issue.location))
            }
        }
    }

    /// The entries of `root` that the libraries' structure declares (the header), for a dossier of unknown kind.
    private static func header(of root: Node, fields: [FieldSpec]) -> Node {
        let names = Set(fields.map(\.name))
        let entries = root.mapping?.filter { $0.key.scalar.map { names.contains($0.text) } ?? false } ?? []
        return Node(.mapping(entries), start: root.start, end: root.end)
    }

    /// The compiled rule set for a kind (of a kind's several calls: the one `call` names, else
    /// the first); the libraries alone for a kind no set knows.
    func compiledKind(_ kind: String?, call: String? = nil) -> CompiledKind {
        guard let kind, let slots = kinds[kind], let first = slots.first else { return fallback }
        // An unknown call (HDR-001 reports it) is checked against the base of the kind's calls.
        let base = slots.first { !$0.isDerived } ?? first
        return (slots.first { $0.call != nil && $0.call == call } ?? base).slot.compiled
    }

    /// `calls` as rules see it: the calls loaded for the kind; with a single set, its own call when
    /// it names one (a dossier that names another call is not checked against it in silence).
    func callsValue(_ kind: String?) -> CELValue {
        guard let kind else { return .list([]) }
        var names = calls(ofKind: kind)
        if names.isEmpty, let call = kinds[kind]?.first?.ownCall { names = [call] }
        return .list(names.map { CELValue.string($0) })
    }

    // MARK: - rules

    /// The variables that keep their values through all the evaluations of one document.
    static let documentConstants: Set<String> = ["self", "params", "kinds", "kind", "calls"]

    private func evaluate(
        _ compiled: CompiledRule.CompiledCheck, of rule: Rule, root: Located, base: CELBindings, memo: CELMemo,
        language: Language, budget remaining: inout Int, unknown: inout Bool
    ) -> [Finding] {
        let check = compiled.check
        var findings: [Finding] = []
        let targets =
            check.forEach.isEmpty
            ? [Target(item: root, key: nil, index: nil)]
            : check.forEach.flatMap { Self.select($0, from: root, unknown: &unknown) }
        // Each target starts from `base` with its `item`, `key` and `index`; a let that succeeds
        // binds its name, one that fails leaves it as it was (unbound, unless it shadows a variable).
        var variables = base
        let letStart = compiled.lets.map { base[$0.name] }
        let letSlots = compiled.lets.map { variables.slot($0.name) }
        let itemSlot = variables.slot("item")
        let keySlot = variables.slot("key")
        let indexSlot = variables.slot("index")
        let positionSlot = variables.slot("position")
        // Allocated once for all the targets (an array costs an allocation and a type lookup).
        let allLets = Array(compiled.lets.indices)
        var computed = [Bool](repeating: false, count: compiled.lets.count)
        for target in targets {
            if WorkCancellation.isRequested { break }
            for i in letSlots.indices { variables.bind(letSlots[i], to: letStart[i]) }
            variables.bind(itemSlot, to: target.item.value)
            variables.bind(keySlot, to: target.key.map { .string($0) } ?? .null)
            variables.bind(indexSlot, to: target.index.map { .int(Int64($0)) } ?? .null)
            variables.bind(positionSlot, to: target.position.map { .int(Int64($0)) } ?? .null)
            // A `let` whose value is not needed is not computed: those `when` and `check` read first,
            // the others only for the message of a finding.
            for i in computed.indices { computed[i] = false }
            // A let that reads a value still to be filled in leaves the verdict unknown if it fails.
            var letUnknown = false
            func bind(_ indexes: [Int]) {
                for i in indexes where !computed[i] {
                    computed[i] = true
                    switch compiled.lets[i].program.evaluate(variables, memo: memo, remaining: &remaining) {
                    case .success(let value): variables.bind(letSlots[i], to: value)
                    case .failure(let error): if error.isUnknown { letUnknown = true }
                    }
                }
            }
            if let letsForWhen = compiled.letsForWhen {
                bind(letsForWhen)
            } else {
                bind(allLets)
            }
            if remaining < 0 { return findings + [budgetExceeded(rule, target)] }
            if let when = compiled.when {
                let outcome = when.evaluate(variables, memo: memo, remaining: &remaining)
                if remaining < 0 { return findings + [budgetExceeded(rule, target)] }
                switch outcome {
                case .success(.bool(true)): break
                case .success(.bool(false)): continue
                case .success(let other):
                    findings.append(evaluationFailure(rule, target, "`when` gave \(other), not true or false"))
                    continue
                case .failure(let error):
                    if error.isUnknown || letUnknown {
                        unknown = true
                    } else {
                        findings.append(evaluationFailure(rule, target, error.message))
                    }
                    continue
                }
            }
            bind(compiled.letsForCheck)
            if remaining < 0 { return findings + [budgetExceeded(rule, target)] }
            let outcome = compiled.assertion.evaluate(variables, memo: memo, remaining: &remaining)
            if remaining < 0 { return findings + [budgetExceeded(rule, target)] }
            switch outcome {
            case .success(.bool(true)):
                continue
            case .success(.bool(false)):
                bind(allLets)
                if remaining < 0 { return findings + [budgetExceeded(rule, target)] }
                let values = variables.dictionary
                let cap = limits.maxMessageValueLength
                let (place, path) = Self.point(check.at, from: target.item)
                // A message the set lacks in `language` falls back whole: its figures are written as in
                // the language its words are in, and the finding says which that is.
                let shown = check.message.language(for: language)
                var finding = Finding(
                    rule: rule.id, severity: rule.severity,
                    message: MessageTemplate.render(
                        check.message.text(in: language), values: values, language: shown, maxValueLength: cap),
                    location: place.mark, end: place.end, path: path,
                    help: check.help.map {
                        MessageTemplate.render($0.text(in: language), values: values, language: shown, maxValueLength: cap)
                    }, remedy: Self.complying(values, language: language))
                if shown != language { finding.language = shown }
                findings.append(finding)
            case .success(let other):
                findings.append(evaluationFailure(rule, target, "`check` gave \(other), not true or false"))
            case .failure(let error):
                if error.isUnknown || letUnknown {
                    unknown = true
                } else {
                    findings.append(evaluationFailure(rule, target, error.message))
                }
            }
        }
        return findings
    }

    /// A rule that cannot be evaluated on this dossier is reported, never passed silently.
    private func evaluationFailure(_ rule: Rule, _ target: Target, _ message: String) -> Finding {
        Finding(
            rule: rule.id, severity: .error,
            message: "rule \(rule.id) could not be checked here: \(limits.capped(message))",
            location: target.item.pointMark, path: target.item.path,
            notes: [
                Finding.Note(
                    message: "this is a defect of the rule set, not necessarily of the dossier; please report it", location: nil)
            ])
    }

    struct Target {
        var item: Located
        var key: String?
        var index: Int?
        /// The item's place among the items rules see (`index` is its place in the file, counting
        /// the empty and wrong-typed items that rules do not see).
        var position: Int? = nil
    }

    /// Every value the pattern reaches from `root`.
    static func select(_ pattern: PathPattern, from root: Located) -> [Target] {
        var unknown = false
        return select(pattern, from: root, unknown: &unknown)
    }

    /// As `select`; `unknown` becomes true when the pattern passes a value still to be filled in.
    static func select(_ pattern: PathPattern, from root: Located, unknown: inout Bool) -> [Target] {
        var current = [Target(item: root, key: nil, index: nil)]
        for step in pattern.steps {
            var next: [Target] = []
            for target in current {
                switch step {
                case .key(let key):
                    if let child = target.item.field(key) {
                        next.append(Target(item: child, key: target.key, index: target.index, position: target.position))
                    } else if target.item.unknownFields.contains(key) {
                        unknown = true
                    }
                case .anyKey:
                    if !target.item.unknownFields.isEmpty { unknown = true }
                    for (name, child) in target.item.fields {
                        next.append(Target(item: child, key: name, index: target.index, position: target.position))
                    }
                case .index(let wanted):
                    for (position, child) in target.item.items.enumerated() where child.sourceIndex == wanted {
                        next.append(Target(item: child, key: target.key, index: wanted, position: position))
                    }
                case .anyIndex:
                    for (position, child) in target.item.items.enumerated() {
                        next.append(Target(item: child, key: target.key, index: child.sourceIndex, position: position))
                    }
                }
            }
            current = next
        }
        return current
    }

    /// Where a finding points: the node `at` names, or the nearest of its parents that exists.
    static func point(_ at: PathPattern?, from item: Located) -> (place: (mark: Mark, end: Mark?), path: String) {
        var current = item
        var missing = false
        for step in at?.steps ?? [] {
            var child: Located?
            switch step {
            case .key(let key): child = current.field(key)
            case .anyKey: child = current.fields.first?.value
            case .index(let wanted): child = current.items.first { $0.sourceIndex == wanted }
            case .anyIndex: child = current.items.first
            }
            guard let child else {
                missing = true
                break
            }
            current = child
        }
        let mark = missing ? (current.keyMark ?? current.node.start) : current.pointMark
        return ((mark, missing ? nil : current.pointEnd), current.path)
    }

    // MARK: - builtin rules

    private func structureFinding(_ issue: StructureIssue, compiled: CompiledKind, language: Language) -> Finding? {
        let builtin: Rule.Builtin = issue.rule == .types ? .types : .unknownKeys
        guard let rule = compiled.builtins[builtin] else { return nil }
        var texts = issue.values
        for (name, value) in texts where value.hasPrefix("type.") {
            texts[name] = rule.builtinMessages[value]?.text(in: language) ?? String(value.dropFirst(5))
        }
        let template = rule.builtinMessages[issue.variant]?.text(in: language) ?? issue.variant
        let cap = limits.maxMessageValueLength
        var message: String
        if let organisation = texts["organisation"], let inside = texts["organisation_path"],
            let named = rule.builtinMessages["in_organisation"]?.text(in: language)
        {
            // Inside an organisation: named by its id, the path taken from it (`laserval`: `category` …).
            texts["path"] = inside
            let wording = MessageTemplate.render(template, texts: texts, maxValueLength: cap)
            message = MessageTemplate.render(
                named, texts: ["organisation": organisation, "message": "\u{0}"], maxValueLength: cap)
            message = message.replacingOccurrences(of: "\u{0}", with: wording)
        } else {
            message = MessageTemplate.render(template, texts: texts, maxValueLength: cap)
        }
        var finding = Finding(
            rule: rule.id, severity: rule.severity, message: message, location: issue.location, end: issue.end, path: issue.path,
            help: rule.builtinMessages[issue.help ?? issue.variant + ".help"].map {
                MessageTemplate.render($0.text(in: language), texts: texts, maxValueLength: cap)
            }, remedy: issue.values["suggestion"].map { .renameKey(to: $0) })
        if let shown = rule.builtinMessages[issue.variant]?.language(for: language), shown != language {
            finding.language = shown
        }
        return finding
    }

    private func wellFormedFinding(_ problem: LoadProblem, language: Language) -> Finding {
        let rule = fallback.builtins[.wellFormed]
        var texts = problem.detail
        texts["message"] = problem.message
        let template = rule?.builtinMessages[problem.kind.rawValue]?.text(in: language) ?? "{message}"
        return Finding(
            rule: rule?.id ?? "HDR-004", severity: rule?.severity ?? .error,
            message: MessageTemplate.render(template, texts: texts, maxValueLength: limits.maxMessageValueLength),
            location: problem.mark, end: problem.end, path: "",
            notes: problem.related.map {
                let note = rule?.builtinMessages["related." + problem.kind.rawValue] ?? rule?.builtinMessages["related"]
                return Finding.Note(message: note?.text(in: language) ?? "see also", location: $0)
            })
    }

    private func versions(_ compiled: CompiledKind) -> [DocumentReport.RuleSetVersion] {
        compiled.sets.map { DocumentReport.RuleSetVersion($0) }
    }

    // MARK: - validation of the rule sets as a whole

    private static func checkRuleIDs(_ sets: [RuleSet]) throws {
        var owner: [String: String] = [:]
        let roots = RuleSetLint.derivationRoots(sets)
        for set in sets {
            for rule in set.rules {
                if let other = owner[rule.id] {
                    // The calls derived from one base share its rules.
                    if let a = roots[set.name],
                        let b = sets.first(where: { $0.file == other && $0.rules.contains { $0.id == rule.id } }),
                        b.name != set.name, a == roots[b.name]
                    {
                        continue
                    }
                    throw RuleFileError(file: set.file, mark: rule.mark, message: "rule \(rule.id) is also defined in \(other)")
                }
                owner[rule.id] = set.file
            }
        }
    }

    /// The set and what it imports, libraries first, each once.
    private static func importOrder(_ set: RuleSet, _ byName: [String: RuleSet]) throws -> [RuleSet] {
        var order: [RuleSet] = []
        var visiting: Set<String> = []
        func visit(_ set: RuleSet) throws {
            if order.contains(where: { $0.name == set.name }) { return }
            guard visiting.insert(set.name).inserted else {
                throw RuleFileError(
                    file: set.file, mark: nil,
                    message: "rule set `\(set.name)` imports itself (through \(visiting.sorted().joined(separator: ", ")))")
            }
            for name in set.imports {
                guard let imported = byName[name] else {
                    throw RuleFileError(
                        file: set.file, mark: nil, message: "rule set `\(set.name)` imports `\(name)`, which no rule file defines"
                    )
                }
                guard imported.kind == nil else {
                    throw RuleFileError(
                        file: set.file, mark: nil,
                        message: "rule set `\(set.name)` imports `\(name)`, which is a kind's rule set, not a library")
                }
                try visit(imported)
            }
            visiting.remove(set.name)
            order.append(set)
        }
        try visit(set)
        return order
    }
}

extension Checker {
    /// Checks every document of one file's bytes.
    public func check(fileBytes bytes: [UInt8], language: Language? = nil, limits: LoadLimits = .default) -> [DocumentReport] {
        YAMLLoader.load(bytes, limits: limits).map { check($0, language: language) }
    }
}

/// One call of a kind: its rule set's compiled form.
struct CallSlot: Sendable {
    /// The call's name, nil when the kind has one set only.
    var call: String?
    var ruleSet: String
    /// The call its set names, even when it is the kind's only set (read from the header, so that
    /// a lazily read set need not be read whole to know it).
    var ownCall: String?
    /// Whether its set derives from another (`extends`).
    var isDerived: Bool
    var slot: KindSlot
}

/// A kind's compiled rule sets: compiled when the engine is built, or on first use.
final class KindSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var value: CompiledKind?
    private var build: (() throws -> CompiledKind)?

    init(_ compiled: CompiledKind) {
        value = compiled
    }

    init(onDemand build: @escaping () throws -> CompiledKind) {
        self.build = build
    }

    var compiled: CompiledKind {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        do {
            let compiled = try build!()
            value = compiled
            build = nil
            return compiled
        } catch {
            // Only sets known to compile are compiled on demand (see `Checker.init`).
            preconditionFailure("a rule set given as known to compile does not: \(error)")
        }
    }
}
