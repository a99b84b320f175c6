import CEL
import DossierModel

/// One rule of the catalogue: a stable ID, what it checks, and the examples that prove it.
public struct Rule: Sendable, Equatable {
    public var id: String
    public var severity: Severity
    public var title: LocalizedText
    /// Why the rule exists and what exactly it asks, for `explain` and SARIF help.
    public var description: LocalizedText?
    /// The section(s) the rule comes from, as written: `§7.4.2` (of the set's first source
    /// document) or `format §1` (of the document with id `format`).
    public var source: String
    /// The document and section `source` names, once the sets are resolved (`EffectiveRuleSets`).
    public var citation: Citation? = nil
    public var checks: [Check]
    /// For the rules the engine itself carries out (well-formedness, types, unknown keys).
    public var builtin: Builtin?
    /// The builtin's messages, by variant (`wrong_type`, `required` …).
    public var builtinMessages: [String: LocalizedText]
    public var examples: RuleExamples
    public var mark: Mark
    /// Where its `id` and its `source` stand, for errors about them.
    public var idMark: Mark? = nil
    /// For a rule a derived call takes over from its base: the base's name.
    public var inheritedFrom: String? = nil
    public var sourceMark: Mark? = nil

    public enum Builtin: String, Sendable, CaseIterable {
        /// HDR-004: syntax, encoding, duplicate keys, a document that is not a mapping.
        case wellFormed = "well-formed"
        /// HDR-002: every value of the type the structure gives; required fields present.
        case types
        /// HDR-003: keys the structure does not know at that place.
        case unknownKeys = "unknown-keys"
    }
}

/// One way a rule is checked: for each node a path selects, when a condition holds, an assertion.
public struct Check: Sendable {
    /// Which nodes to check; the document itself when empty.
    public var forEach: [PathPattern]
    /// Named CEL values, evaluated in order; messages show them as `{name}`.
    public var lets: [(name: String, expression: Expression)]
    /// Only items for which this CEL expression is true are checked.
    public var when: Expression?
    /// The CEL assertion; false means a finding.
    public var assertion: Expression
    /// Where, relative to the item, the finding points (the nearest existing parent if absent).
    public var at: PathPattern?
    public var message: LocalizedText
    public var help: LocalizedText?
    public var mark: Mark
    /// Where each `for_each` path and the `at` path stand.
    public var forEachMarks: [Mark] = []
    public var atMark: Mark? = nil
    /// The texts of the message and help as written, with their places (placeholder errors).
    public var messageTexts: [(text: String, mark: Mark, isBlock: Bool)] = []
}

/// A rule's own examples: snippets that must pass and must fail, tested automatically.
public struct RuleExamples: Sendable, Equatable {
    public var passing: [Example]
    public var failing: [Example]

    public init(passing: [Example] = [], failing: [Example] = []) {
        self.passing = passing
        self.failing = failing
    }
}

public struct Example: Sendable, Equatable {
    /// The dossier snippet (YAML); the header is added when it has none.
    public var yaml: String
    /// The kind to check it as, when the rule set has none of its own.
    public var kind: String?
    /// Where the finding must point (a dotted path), for failing examples.
    public var path: String?
    /// Where the example stands in the rule file.
    public var mark: Mark
    /// The rule file it is written in when not its set's own: a derived call runs its base's
    /// examples of the rules it inherits.
    public var file: String? = nil
}

/// A CEL expression as written in a rule file, with its place for located errors.
public struct Expression: Sendable {
    public var source: String
    public var mark: Mark
    /// Block scalars (`|`) start on the line after their indicator.
    public var isBlock: Bool
    /// Its syntax tree, when the set comes from the compiled form (`CompiledRuleSets`): compiled
    /// without parsing it again.
    public var syntax: CELSyntax? = nil

    public init(source: String, mark: Mark, isBlock: Bool = false) {
        self.source = source
        self.mark = mark
        self.isBlock = isBlock
    }
}
