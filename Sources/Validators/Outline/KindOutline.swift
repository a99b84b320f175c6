import CEL
import DossierModel

/// A kind as its rule sets describe it, for what documents dossiers rather than checks them
/// (templates, schemas, explanations): the merged structure with the types it names, and the
/// parameters, definitions and rules in force.
public struct KindOutline: Sendable {
    public let kind: String
    /// The rule sets in force, libraries first.
    public let sets: [RuleSet]
    /// The top-level fields of a dossier of this kind, the header's first.
    public let fields: [FieldSpec]
    /// The types fields may name, merged over the sets.
    public let types: [String: TypeSpec]
    private let compiled: CompiledKind

    init(_ compiled: CompiledKind, kind: String) {
        self.kind = kind
        self.compiled = compiled
        self.sets = compiled.sets
        self.fields = compiled.structure
        self.types = compiled.structureChecker.types
    }

    /// Every rule in force, with the set that holds it, in the sets' order.
    public var rules: [(rule: Rule, set: RuleSet)] { sets.flatMap { set in set.rules.map { ($0, set) } } }

    public var parameters: [Parameter] { sets.flatMap(\.parameters).map { CompiledKind.inForce($0, sets: sets) } }

    public var definitions: [Definition] { sets.flatMap(\.definitions) }

    /// The type a named type stands for (a basic type, a list or a mapping).
    public func resolve(_ type: TypeSpec) -> TypeSpec { compiled.structureChecker.resolve(type) }

    /// Whether an `only_if` condition holds for this kind whatever the mapping holding the field
    /// (true or false), or nil when it depends on that mapping (`parent`).
    public func condition(_ source: String) -> Bool? {
        guard let program = try? compiled.environment.compile(source), !program.referencedVariables.contains("parent") else {
            return nil
        }
        guard case .success(.bool(let holds)) = program.evaluate(["kind": .string(kind), "params": compiled.parameters]) else {
            return nil
        }
        return holds
    }

    /// The value a field's `template` expression gives for a template in `language`.
    public func templateValue(_ field: FieldSpec, language: Language) -> CELValue? {
        guard let source = field.template?.source, let program = try? compiled.environment.compile(source) else { return nil }
        let variables: [String: CELValue] = [
            "kind": .string(kind), "language": .string(language.rawValue), "params": compiled.parameters,
        ]
        guard case .success(let value) = program.evaluate(variables) else { return nil }
        return value
    }

    /// A field's `doc` in `language`, showing the parameters in force where it names them
    /// (`one of {params.languages}`): a template, a schema or a hover tells the applicant the
    /// values of this kind's call, not where a rule author would look them up.
    public func doc(_ field: FieldSpec, in language: Language) -> String? {
        guard let text = field.doc?.text(in: language) else { return nil }
        guard text.contains("{params.") else { return text }
        return MessageTemplate.render(text, values: ["params": compiled.parameters], language: language)
    }

    /// What a template writes where a value is to be filled in (HDR-002 `placeholder.marker`).
    public func placeholder(in language: Language) -> String? {
        compiled.builtins[.types]?.builtinMessages["placeholder.marker"]?.text(in: language)
    }

    /// A word of the types builtin's vocabulary (`type.amount` …) in `language`, if the rule sets give it.
    public func vocabulary(_ key: String, in language: Language) -> String? {
        compiled.builtins[.types]?.builtinMessages[key]?.text(in: language)
    }
}
