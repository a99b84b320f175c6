import CEL
import DossierModel

/// Checks of the rule sets as a whole that no single file's parser can make, run when the
/// engine is built (so `check` refuses such sets too) and by `dossiercheck rules test`, which
/// shows every one of them at once.
///
/// - A rule ID defined twice.
/// - An expression naming a field the kind's structure does not declare: `self.x…` against the
///   dossier's structure, `item.x…` against the structure of what `for_each` selects. Only what
///   is certainly wrong is reported: a chain is followed while it goes through declared mappings,
///   and stops without complaint at a list, a scalar, `any`, or a path the structure does not
///   give. A rule or definition of a library (`common`) is checked against every kind that
///   imports it: a field is unknown only when none of them declares it.
enum RuleSetLint {
    static func errors(_ sets: [RuleSet]) -> [RuleFileError] {
        duplicateRuleIDs(sets) + unknownFields(sets)
    }

    /// Each set's first base (itself when it derives from none): the calls derived from one base
    /// share its rules and their IDs.
    static func derivationRoots(_ sets: [RuleSet]) -> [String: String] {
        let byName = Dictionary(sets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var roots: [String: String] = [:]
        for set in sets {
            var current = set
            for _ in 0..<sets.count {
                guard let base = current.derivedFrom.flatMap({ byName[$0.name] }) else { break }
                current = base
            }
            roots[set.name] = current.name
        }
        return roots
    }

    // MARK: - duplicate rule IDs

    static func duplicateRuleIDs(_ sets: [RuleSet]) -> [RuleFileError] {
        var first: [String: (file: String, mark: Mark, set: String)] = [:]
        var errors: [RuleFileError] = []
        let roots = derivationRoots(sets)
        for set in sets {
            for rule in set.rules {
                guard let other = first[rule.id] else {
                    first[rule.id] = (set.file, rule.mark, set.name)
                    continue
                }
                // The calls derived from one base share its rules.
                if other.set != set.name, let root = roots[set.name], root == roots[other.set] { continue }
                let place = other.file == set.file ? "line \(other.mark.line)" : "\(other.file):\(other.mark.line)"
                errors.append(
                    RuleFileError(
                        file: set.file, mark: rule.mark,
                        message: "rule \(rule.id) is also defined at \(place): a rule ID names one rule"))
            }
        }
        return errors
    }

    // MARK: - unknown fields

    /// The structure a dossier of one kind has: its set's and its imports' fields and types.
    struct Shape {
        var kind: String?
        var structure: [FieldSpec]
        var types: [String: TypeSpec]

        var root: TypeSpec { .map(structure) }

        /// A named type followed to its definition; nil when it names nothing known.
        func resolve(_ type: TypeSpec) -> TypeSpec? {
            var current = type
            for _ in 0..<32 {
                guard case .named(let name) = current else { return current }
                guard let next = types[name] else { return nil }
                current = next
            }
            return nil
        }

        /// The types a path pattern may reach from the root; nil for "cannot tell".
        func types(of pattern: PathPattern) -> [TypeSpec?] {
            var current: [TypeSpec?] = [root]
            for step in pattern.steps {
                var next: [TypeSpec?] = []
                for type in current {
                    guard let type, let resolved = resolve(type) else {
                        next.append(nil)
                        continue
                    }
                    switch (step, resolved) {
                    case (.key(let key), .map(let fields)):
                        if let field = fields.first(where: { $0.name == key }) {
                            next.append(field.type)
                        } else {
                            next.append(nil)
                        }
                    case (.anyKey, .map(let fields)):
                        next += fields.map { Optional($0.type) }
                    case (.index, .list(let item)), (.anyIndex, .list(let item)):
                        next.append(item.type)
                    default:
                        next.append(nil)
                    }
                }
                current = next
            }
            return current
        }
    }

    /// Where a chain of fields stops being declared.
    struct Miss {
        /// Index of the first undeclared field.
        var depth: Int
        /// The fields known where it stops.
        var known: [String]
    }

    /// Follows `fields` from `start`; nil when nothing is certainly wrong.
    static func miss(_ fields: [String], from start: TypeSpec?, in shape: Shape) -> Miss? {
        var current = start
        for (depth, name) in fields.enumerated() {
            guard let type = current, let resolved = shape.resolve(type), case .map(let declared) = resolved else { return nil }
            guard let field = declared.first(where: { $0.name == name }) else {
                return Miss(depth: depth, known: declared.map(\.name))
            }
            current = field.type
        }
        return nil
    }

    static func unknownFields(_ sets: [RuleSet]) -> [RuleFileError] {
        let byName = Dictionary(sets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func closure(_ set: RuleSet) -> [RuleSet] {
            var order: [RuleSet] = []
            var seen: Set<String> = []
            func visit(_ set: RuleSet) {
                guard seen.insert(set.name).inserted else { return }
                for name in set.imports { if let imported = byName[name] { visit(imported) } }
                order.append(set)
            }
            visit(set)
            return order
        }
        func shape(_ set: RuleSet) -> Shape {
            let members = closure(set)
            var types: [String: TypeSpec] = [:]
            for member in members { types.merge(member.types) { _, new in new } }
            for member in members {
                for extensionSpec in member.typeExtensions {
                    if case .map(let fields)? = types[extensionSpec.name] {
                        types[extensionSpec.name] = .map(fields + extensionSpec.fields)
                    }
                }
            }
            return Shape(kind: set.kind, structure: members.flatMap(\.structure), types: types)
        }
        let kindShapes = sets.filter { $0.kind != nil }.map { (closure($0).map(\.name), shape($0)) }

        var errors: [RuleFileError] = []
        for set in sets {
            // The shapes a dossier judged by this set's rules may have.
            var shapes = set.kind != nil ? [shape(set)] : kindShapes.filter { $0.0.contains(set.name) }.map(\.1)
            if shapes.isEmpty {
                let own = shape(set)
                if own.structure.isEmpty { continue } // a library nobody imports, without structure: nothing to check against
                shapes = [own]
            }
            let lint = ExpressionLint(file: set.file, shapes: shapes)
            for definition in set.definitions {
                errors += lint.check(
                    Expression(source: definition.body, mark: definition.mark), what: "definition `\(definition.name)`",
                    items: nil, shadowed: Set(definition.parameters))
            }
            for rule in set.rules where rule.builtin == nil {
                for check in rule.checks {
                    errors += undeclaredPaths(check, rule: rule, shapes: shapes, file: set.file)
                    let items: [[TypeSpec?]] = shapes.map { shape in
                        check.forEach.isEmpty ? [shape.root] : check.forEach.flatMap { shape.types(of: $0) }
                    }
                    var shadowed: Set<String> = []
                    for (name, expression) in check.lets {
                        errors += lint.check(expression, what: "rule \(rule.id), `\(name)`", items: items, shadowed: shadowed)
                        shadowed.insert(name)
                    }
                    if let when = check.when {
                        errors += lint.check(when, what: "rule \(rule.id), `when`", items: items, shadowed: shadowed)
                    }
                    errors += lint.check(check.assertion, what: "rule \(rule.id), `check`", items: items, shadowed: shadowed)
                }
            }
        }
        return errors
    }

    /// `for_each` and `at` paths that lead through a declared mapping to a key it does not declare
    /// (in none of the shapes): a misspelt path would select nothing, or point at the parent.
    static func undeclaredPaths(_ check: Check, rule: Rule, shapes: [Shape], file: String) -> [RuleFileError] {
        var errors: [RuleFileError] = []
        for (index, pattern) in check.forEach.enumerated() {
            if let miss = pathMiss(pattern, from: shapes.map { [$0.root] }, shapes: shapes) {
                errors.append(
                    RuleFileError(
                        file: file, mark: index < check.forEachMarks.count ? check.forEachMarks[index] : check.mark,
                        message: "rule \(rule.id), `for_each`: `\(pattern)` \(miss)"))
            }
        }
        if let at = check.at {
            let starts: [[TypeSpec?]] = shapes.map { shape in
                check.forEach.isEmpty ? [shape.root] : check.forEach.flatMap { shape.types(of: $0) }
            }
            if let miss = pathMiss(at, from: starts, shapes: shapes) {
                errors.append(
                    RuleFileError(file: file, mark: check.atMark ?? check.mark, message: "rule \(rule.id), `at`: `\(at)` \(miss)")
                )
            }
        }
        return errors
    }

    /// What is certainly wrong with a path followed from `starts` (per shape), or nil.
    static func pathMiss(_ pattern: PathPattern, from starts: [[TypeSpec?]], shapes: [Shape]) -> String? {
        var misses: [(depth: Int, holder: String, field: String, known: [String])] = []
        for (shape, types) in zip(shapes, starts) {
            for start in types {
                var current: [TypeSpec?] = [start]
                var found = false
                for (depth, step) in pattern.steps.enumerated() {
                    var next: [TypeSpec?] = []
                    for type in current {
                        guard let type, let resolved = shape.resolve(type) else {
                            next.append(nil)
                            continue
                        }
                        switch (step, resolved) {
                        case (.key(let key), .map(let fields)):
                            if let field = fields.first(where: { $0.name == key }) {
                                next.append(field.type)
                            } else {
                                let holder = PathPattern.text(pattern.steps.prefix(depth))
                                misses.append((depth, holder, key, fields.map(\.name)))
                            }
                        case (.anyKey, .map(let fields)): next += fields.map { Optional($0.type) }
                        case (.index, .list(let item)), (.anyIndex, .list(let item)): next.append(item.type)
                        default: next.append(nil)
                        }
                    }
                    current = next
                    if current.isEmpty { break }
                }
                if !current.isEmpty { found = true }
                if found { return nil }
            }
        }
        guard let miss = misses.max(by: { $0.depth < $1.depth }) else { return nil }
        var message =
            "leads to `\(miss.field)`, which \(miss.holder.isEmpty ? "the structure" : "`\(miss.holder)`") does not declare"
        if let suggestion = StructureChecker.closest(to: miss.field, in: miss.known) {
            message += " (did you mean `\(suggestion)`?)"
        } else if !miss.known.isEmpty, miss.known.count <= 12 {
            message += " (known: \(miss.known.joined(separator: ", ")))"
        }
        return message
    }

    /// Checks the field chains of expressions against the shapes their dossiers may have.
    struct ExpressionLint {
        let file: String
        let shapes: [Shape]

        /// `items[i]`: the types `item` may have in `shapes[i]` (nil: `item` is not defined here).
        func check(_ expression: Expression, what: String, items: [[TypeSpec?]]?, shadowed: Set<String>) -> [RuleFileError] {
            // An expression that does not parse is the compiler's to report.
            guard let references = try? CELEnvironment.fieldReferences(in: expression.source) else { return [] }
            var errors: [RuleFileError] = []
            for reference in references where !shadowed.contains(reference.root) {
                var starts: [(Shape, TypeSpec?)] = []
                switch reference.root {
                case "self": starts = shapes.map { ($0, $0.root) }
                case "item":
                    guard let items else { continue }
                    for (shape, types) in zip(shapes, items) { starts += types.map { (shape, $0) } }
                default: continue
                }
                var misses: [(Shape, Miss)] = []
                for (shape, start) in starts {
                    guard let miss = RuleSetLint.miss(reference.fields, from: start, in: shape) else {
                        misses = []
                        break
                    }
                    misses.append((shape, miss))
                }
                guard !starts.isEmpty, misses.count == starts.count else { continue }
                // Report where the chain got furthest.
                let (_, miss) = misses.max { $0.1.depth < $1.1.depth }!
                let field = reference.fields[miss.depth]
                let chain = ([reference.root] + reference.fields).joined(separator: ".")
                let holder = ([reference.root] + reference.fields.prefix(miss.depth)).joined(separator: ".")
                let kinds = Set(misses.compactMap(\.0.kind)).sorted()
                let whose = kinds.isEmpty ? "" : " for kind\(kinds.count == 1 ? "" : "s") \(kinds.joined(separator: ", "))"
                var message =
                    "\(what): `\(chain)` names a field the structure does not declare: `\(holder)` has no field `\(field)`\(whose)"
                let known = Set(misses.filter { $0.1.depth == miss.depth }.flatMap(\.1.known)).sorted()
                if let suggestion = StructureChecker.closest(to: field, in: known) {
                    message += " (did you mean `\(suggestion)`?)"
                } else if !known.isEmpty, known.count <= 12 {
                    message += " (known: \(known.joined(separator: ", ")))"
                }
                let position = reference.positions[miss.depth]
                errors.append(
                    RuleFileError(
                        file: file, mark: expression.place(line: position.line, column: position.column), message: message))
            }
            return errors
        }
    }
}
