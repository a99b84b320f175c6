import CEL
import DossierModel
import Foundation

/// Everything needed to check dossiers of one kind: its rule set with the libraries it
/// imports, the merged structure, parameters and definitions, and the compiled rules.
final class CompiledKind: @unchecked Sendable {
    /// A parameter as a kind's rules see it: the languages dossiers of a kind may be in are those
    /// its set declares (HDR-001), not the library's four; templates and explanations show the same.
    static func inForce(_ parameter: Parameter, sets: [RuleSet]) -> Parameter {
        guard parameter.name == "languages", let declared = sets.last?.languages, sets.last?.kind != nil else { return parameter }
        var shown = parameter
        shown.value = .list(declared.map { .text($0.rawValue) })
        return shown
    }

    let kind: String?
    /// The sets in force, libraries first.
    let sets: [RuleSet]
    let structure: [FieldSpec]
    let structureChecker: StructureChecker
    let parameters: CELValue
    let rules: [CompiledRule]
    /// The `funding:` tables, compiled (and the fields' `template` expressions, checked).
    let funding: CompiledFunding
    /// Rules the engine carries out itself, by builtin.
    let builtins: [Rule.Builtin: Rule]
    /// Standard CEL, our functions and the sets' definitions.
    let environment: CELEnvironment

    /// The types a field may have without a declaration under `types:`.
    static let basicTypes = ["text", "integer", "amount", "number", "boolean", "date", "any"]

    static let itemNames: Set<String> = ["self", "params", "kind", "kinds", "calls", "item", "key", "index", "position"]

    /// `checkedAtBuild`: the sets come from the build's compiled form (`CompiledRuleSets`), whose
    /// build ran the checks a load makes (undeclared types, unknown names, parameters and
    /// placeholders): they are not made again, and the expressions are compiled from their trees.
    init(kind: String?, sets: [RuleSet], knownKinds: [String], iso: ISO3166, checkedAtBuild: Bool = false) throws {
        self.kind = kind
        self.sets = sets

        let environment = CELEnvironment()
        RuleFunctions.register(in: environment, iso: iso)
        self.environment = environment

        var parameterEntries: [(CELValue, CELValue)] = []
        var parameterOwner: [String: String] = [:]
        var types: [String: TypeSpec] = [:]
        var structure: [FieldSpec] = []
        var builtins: [Rule.Builtin: Rule] = [:]
        for set in sets {
            for parameter in set.parameters {
                if let owner = parameterOwner[parameter.name] {
                    throw RuleFileError(
                        file: set.file, mark: parameter.mark,
                        message: "parameter `\(parameter.name)` is already defined by rule set `\(owner)`")
                }
                parameterOwner[parameter.name] = set.name
                parameterEntries.append((.string(parameter.name), Self.celValue(Self.inForce(parameter, sets: sets).value)))
            }
            for (name, _) in set.types.sorted(by: { $0.key < $1.key }) where types[name] != nil {
                let owner = sets.first { $0.name != set.name && $0.types[name] != nil }?.name ?? "an imported set"
                throw RuleFileError(
                    file: set.file, mark: set.keyMarks["types"],
                    message:
                        "type `\(name)` is already declared by `\(owner)`: to add fields, write `\(name): {extends: \(name), map: {…}}`; to declare another type, give it another name"
                )
            }
            types.merge(set.types) { _, new in new }
            for extensionSpec in set.typeExtensions {
                guard let existing = types[extensionSpec.name] else {
                    throw RuleFileError(
                        file: set.file, mark: extensionSpec.mark,
                        message:
                            "type `\(extensionSpec.name)` extends a type no imported set declares (known: \(types.keys.sorted().joined(separator: ", ")))"
                    )
                }
                guard case .map(var fields) = existing else {
                    throw RuleFileError(
                        file: set.file, mark: extensionSpec.mark,
                        message: "type `\(extensionSpec.name)` is not a mapping: only a mapping's fields can be extended")
                }
                for field in extensionSpec.fields {
                    if fields.contains(where: { $0.name == field.name }) {
                        throw RuleFileError(
                            file: set.file, mark: extensionSpec.mark,
                            message:
                                "type `\(extensionSpec.name)` already has a field `\(field.name)`: an extension adds fields, it does not replace them"
                        )
                    }
                    fields.append(field)
                }
                types[extensionSpec.name] = .map(fields)
            }
            for field in set.structure {
                if structure.contains(where: { $0.name == field.name }) {
                    throw RuleFileError(file: set.file, mark: nil, message: "structure field `\(field.name)` is declared twice")
                }
                structure.append(field)
            }
            for rule in set.rules { if let builtin = rule.builtin { builtins[builtin] = rule } }
        }
        // From here on every error is collected, so that a rule author sees all of a file's at once.
        var errors: [RuleFileError] = []
        func collect(_ work: () throws -> Void) throws {
            do {
                try work()
            } catch {
                guard let found = RuleSetCollection.Errors.of(error) else { throw error }
                errors += found
            }
        }
        for set in sets where !checkedAtBuild {
            for field in Self.allFields(set.structure, set.types) {
                if case .named(let name) = field.type, types[name] == nil {
                    var message =
                        "field `\(field.name)` has type `\(name)`, which is neither a basic type (text, integer, amount, number, boolean, date, any) nor declared under `types:`"
                    if let suggestion = KeySuggestion.closest(to: name, in: Self.basicTypes + types.keys.sorted()) {
                        message += " (did you mean `\(suggestion)`?)"
                    }
                    errors.append(RuleFileError(file: set.file, mark: field.typeMark, message: message))
                }
            }
        }
        self.parameters = .map(CELMap(parameterEntries))
        self.structure = structure
        self.builtins = builtins

        let parameterNames = Set(parameterOwner.keys)
        for set in sets {
            for definition in set.definitions {
                let body = Expression(source: definition.body, mark: definition.mark)
                do {
                    try environment.defineFunction(
                        definition.name, parameters: definition.parameters, body: definition.body, syntax: definition.bodySyntax)
                } catch let error as CELParseError {
                    // With the name meant, the hint about what a definition may call is not needed.
                    let suggestion = error.callProblem.map { ExpressionCompiler.suggestion(for: $0, in: environment) } ?? ""
                    let message = suggestion.isEmpty ? error.message : error.callProblem!.message + suggestion
                    errors.append(
                        RuleFileError(
                            file: set.file, mark: body.place(line: error.line, column: error.column),
                            message: "definition `\(definition.name)`: \(message)"))
                } catch {
                    errors.append(
                        RuleFileError(file: set.file, mark: definition.mark, message: "definition `\(definition.name)`: \(error)")
                    )
                }
                let referenced = checkedAtBuild ? [] : ExpressionCompiler.parameterReferences(in: definition.body)
                for name in referenced where !parameterNames.contains(name) {
                    errors.append(
                        RuleFileError(
                            file: set.file, mark: body.placeOfParameter(name) ?? definition.mark,
                            message: "definition `\(definition.name)`: unknown parameter `params.\(name)`"))
                }
            }
        }

        // Rules a set of this kind turns off or changes the severity of (its own or imported ones).
        let disabled = Set(sets.flatMap { $0.disabledRules.map(\.rule) })
        var severities: [String: Severity] = [:]
        for set in sets { for change in set.severityChanges { severities[change.rule] = change.value } }

        var conditions: [String: CELProgram] = [:]
        var compiledRules: [CompiledRule] = []
        for set in sets {
            let compiler = ExpressionCompiler(
                environment: environment, file: set.file, parameterNames: parameterNames, checkedAtBuild: checkedAtBuild)
            for field in Self.allFields(set.structure, set.types) {
                guard let condition = field.onlyIf, conditions[condition] == nil else { continue }
                try collect {
                    conditions[condition] = try compiler.compile(
                        Expression(source: condition, mark: field.typeMark ?? Mark(line: 1, column: 1)),
                        names: ["parent", "kind", "params"], what: "`only_if` of `\(field.name)`")
                }
            }
            for var rule in set.rules where rule.builtin == nil && !disabled.contains(rule.id) {
                if let severity = severities[rule.id] { rule.severity = severity }
                var checks: [CompiledRule.CompiledCheck] = []
                for check in rule.checks {
                    var names = Self.itemNames
                    var lets: [(String, CELProgram)] = []
                    for (name, expression) in check.lets {
                        try collect {
                            lets.append(
                                (name, try compiler.compile(expression, names: names, what: "rule \(rule.id), `\(name)`")))
                        }
                        names.insert(name)
                    }
                    var when: CELProgram?
                    var assertion: CELProgram?
                    try collect {
                        when = try check.when.map { try compiler.compile($0, names: names, what: "rule \(rule.id), `when`") }
                    }
                    try collect {
                        assertion = try compiler.compile(check.assertion, names: names, what: "rule \(rule.id), `check`")
                    }
                    if !checkedAtBuild {
                        errors += Self.placeholderErrors(
                            check, names: names, parameters: parameterNames, rule: rule, file: set.file)
                    }
                    if let assertion, lets.count == check.lets.count, when != nil || check.when == nil {
                        checks.append(CompiledRule.CompiledCheck(check: check, lets: lets, when: when, assertion: assertion))
                    }
                }
                compiledRules.append(CompiledRule(rule: rule, ruleSet: set.name, checks: checks))
            }
        }
        var funding: CompiledFunding?
        try collect {
            funding = try CompiledFunding(
                sets: sets, environment: environment, parameterNames: parameterNames, checkedAtBuild: checkedAtBuild)
        }
        try RuleSetCollection.Errors.throwing(errors)
        self.rules = compiledRules
        self.funding = funding!
        var variables: [String: CELValue] = ["params": parameters]
        variables["kind"] = kind.map { .string($0) } ?? .null
        self.structureChecker = StructureChecker(
            types: types, conditions: conditions, variables: variables, placeholders: Self.placeholderMarkers(builtins[.types]))
        _ = knownKinds
    }

    /// Every field declared in a structure and its types, nested ones included.
    static func allFields(_ fields: [FieldSpec], _ types: [String: TypeSpec]) -> [FieldSpec] {
        var result: [FieldSpec] = []
        func visit(_ type: TypeSpec) {
            switch type {
            case .list(let item):
                result.append(item)
                visit(item.type)
            case .map(let fields):
                for field in fields {
                    result.append(field)
                    visit(field.type)
                }
            default: break
            }
        }
        for field in fields {
            result.append(field)
            visit(field.type)
        }
        for type in types.values { visit(type) }
        return result
    }

    /// A message may only name values the check computes, and parameters (`{params.x}`); an
    /// error points at the placeholder.
    static func placeholderErrors(_ check: Check, names: Set<String>, parameters: Set<String>, rule: Rule, file: String)
        -> [RuleFileError]
    {
        var errors: [RuleFileError] = []
        func known(_ placeholder: String) -> Bool {
            if placeholder.hasPrefix("params.") { return parameters.contains(String(placeholder.dropFirst("params.".count))) }
            return names.contains(placeholder)
        }
        for text in [check.message] + (check.help.map { [$0] } ?? []) {
            for (language, template) in text.texts.sorted(by: { $0.key < $1.key }) {
                for placeholder in PlaceholderCache.shared.placeholders(in: template) where !known(placeholder) {
                    let what =
                        placeholder.hasPrefix("params.")
                        ? "which is not a parameter of the set or its imports" : "which no `let` defines"
                    errors.append(
                        RuleFileError(
                            file: file, mark: placeMark(of: placeholder, in: template, check: check) ?? check.assertion.mark,
                            message: "rule \(rule.id): the \(language.rawValue) message names `{\(placeholder)}`, \(what)"))
                }
            }
        }
        return errors
    }

    /// Where `{placeholder}` stands in the rule file: in the text as written, when it is one line.
    static func placeMark(of placeholder: String, in template: String, check: Check) -> Mark? {
        guard let written = check.messageTexts.first(where: { $0.text == template }) else { return nil }
        guard let range = template.range(of: "{" + placeholder) else { return written.mark }
        let before = template[..<range.lowerBound]
        guard !written.isBlock, !before.contains("\n") else { return written.mark }
        return Mark(line: written.mark.line, column: written.mark.column + before.count)
    }

    static func celValue(_ value: ParameterValue) -> CELValue {
        switch value {
        case .null: .null
        case .bool(let b): .bool(b)
        case .integer(let i): .int(i)
        case .decimal(let text): .decimal(Decimal(string: text, locale: nil) ?? 0)
        case .text(let s): .string(s)
        case .list(let items): .list(items.map(celValue))
        case .map(let entries): .map(CELMap(entries.map { (.string($0.0), celValue($0.1)) }))
        }
    }
}

/// The placeholders of message templates, worked out once per text: the templates of a library's
/// rules are checked again for every kind that imports it.
final class PlaceholderCache: @unchecked Sendable {
    static let shared = PlaceholderCache()
    private let lock = NSLock()
    private var known: [String: [String]] = [:]

    func placeholders(in template: String) -> [String] {
        if let found = lock.withLock({ known[template] }) { return found }
        let found = MessageTemplate.placeholders(in: template)
        lock.withLock { known[template] = found }
        return found
    }
}
