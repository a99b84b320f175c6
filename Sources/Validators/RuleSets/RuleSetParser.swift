import DossierModel
import Foundation

/// Reads one rule file into a `RuleSet`, rejecting anything it does not know, with its place.
public enum RuleSetParser {
    /// The set; else every error of the file (a `RuleFileError`, or `RuleSetCollection.Errors`).
    public static func parse(_ text: String, file: String) throws -> RuleSet {
        let (set, errors, _) = try parseCollecting(text, file: file)
        try RuleSetCollection.Errors.throwing(errors)
        return set
    }

    /// The set without the parts that cannot be read, and the error of each such part, in file
    /// order: a rule author sees all of them at once, and the rest of the set can still be
    /// checked. Throws when the file cannot be read as a rule set at all.
    static func parseCollecting(_ text: String, file: String) throws -> (set: RuleSet, errors: [RuleFileError], checkable: Bool) {
        let documents = YAMLLoader.load(Array(text.utf8))
        guard documents.count == 1, let document = documents.first else {
            throw RuleFileError(file: file, mark: nil, message: "a rule file holds exactly one YAML document")
        }
        if let problem = document.problem {
            throw RuleFileError(file: file, mark: problem.mark, message: problem.message)
        }
        guard let root = document.root else {
            throw RuleFileError(file: file, mark: document.start, message: "the rule file is empty")
        }
        // The default language first: every text of the file falls back to it.
        var reader = NodeReader(file: file)
        if let node = root["default_language"] {
            let tag = try reader.text(node, what: "`default_language`")
            guard let language = Language(rawValue: tag) else {
                throw reader.error(node, "`default_language`: `\(tag)` is not a language tag (en, es, pt-BR …)")
            }
            reader.fallback = language
        }
        let builder = RuleSetBuilder(reader: reader)
        var set = try builder.ruleSet(root)
        set.texts = reader.ledger.entries
        return (set, builder.errors.found, !builder.errors.sectionLeftOut)
    }

    /// True when the YAML text declares a rule set (a mapping with `ruleset:`): other YAML files
    /// in a rules folder (a dossier kept there, a CI file) are not rule files.
    public static func declaresRuleSet(_ text: String) -> Bool {
        let documents = YAMLLoader.load(Array(text.utf8))
        guard documents.count == 1, let root = documents.first?.root, root.mapping != nil else {
            return documents.count == 1 && documents.first?.problem != nil
        }
        return root["ruleset"] != nil
    }
}

private struct RuleSetBuilder {
    let reader: NodeReader
    /// The errors of the parts left out (a section, a rule), in file order.
    let errors = FoundErrors()

    final class FoundErrors {
        var found: [RuleFileError] = []
        /// Whether a whole section (not one rule) was left out: the rest of the set would then
        /// give misleading errors (every field unknown without its `structure`), so it is not checked.
        var sectionLeftOut = false
    }

    /// Runs `read`; its error is kept, and reading goes on with the next part.
    func recovering(_ read: () throws -> Void) {
        do {
            try read()
        } catch let error as RuleFileError {
            errors.found.append(error)
        } catch {
            errors.found.append(RuleFileError(file: reader.file, mark: nil, message: "\(error)"))
        }
    }

    static let topKeys: Set<String> = [
        "ruleset", "version", "catalogue", "kind", "imports", "title", "description", "parameters", "definitions", "types",
        "structure", "rules", "figures", "funding", "sources", "languages", "default_language", "extends", "call",
        "severities", "disabled", "rule_ids", "examples",
    ]
    static let ruleKeys: Set<String> = Set([
        "id", "severity", "title", "description", "source", "builtin", "messages", "examples", "checks",
    ]).union(checkKeys)
    static let checkKeys: Set<String> = ["for_each", "let", "when", "check", "at", "message", "help"]
    static let fieldKeys: Set<String> = [
        "type", "required", "one_of", "covered_by", "only_if", "doc", "template", "presence_rule",
    ]

    func ruleSet(_ root: Node) throws -> RuleSet {
        var set = RuleSet(
            name: "", version: "", kind: nil, imports: [], title: LocalizedText([:]), parameters: [], definitions: [],
            types: [:], structure: [], rules: [], file: reader.file)
        var sawName = false
        var sawVersion = false
        let known = Self.topKeys.sorted().joined(separator: ", ")
        for entry in root.mapping ?? [] where !Self.topKeys.contains(entry.key.scalar?.text ?? "") {
            errors.found.append(
                reader.error(entry.key, "unknown key `\(entry.key.scalar?.text ?? "?")` in a rule file (known: \(known))"))
        }
        let entries = try reader.mapping(root, what: "a rule file").filter { Self.topKeys.contains($0.0) }
        for (key, value) in entries {
            set.keyMarks[key] = root.mapping?.first { $0.key.scalar?.text == key }?.key.start ?? value.start
            let before = errors.found.count
            recovering { try read(key, value, into: &set, sawName: &sawName, sawVersion: &sawVersion) }
            if key != "rules", errors.found.count > before { errors.sectionLeftOut = true }
        }
        if !sawName { throw reader.error(root, "a rule file needs `ruleset:` (its name)") }
        if !sawVersion { throw reader.error(root, "rule set `\(set.name)` needs a `version:`") }
        return set
    }

    /// Reads one top-level section into `set`.
    func read(_ key: String, _ value: Node, into set: inout RuleSet, sawName: inout Bool, sawVersion: inout Bool) throws {
        switch key {
        case "ruleset":
            set.name = try reader.text(value, what: "`ruleset`")
            sawName = true
        case "version":
            set.version = try reader.text(value, what: "`version`")
            sawVersion = true
        case "catalogue": set.catalogue = try reader.text(value, what: "`catalogue` (write the version in quotes: \"1.1\")")
        case "kind": set.kind = try reader.text(value, what: "`kind`")
        case "imports": set.imports = try reader.texts(value, what: "`imports`")
        case "title": set.title = try reader.localized(value, what: "`title`")
        case "description": _ = try reader.localized(value, what: "`description`")
        case "parameters": set.parameters = try parameters(value)
        case "definitions": set.definitions = try definitions(value)
        case "types":
            for (name, spec) in try reader.mapping(value, what: "`types`") {
                if let base = spec["extends"] {
                    set.typeExtensions.append(try typeExtension(name, base: base, spec))
                } else {
                    set.types[name] = try type(spec, what: "type `\(name)`")
                }
            }
        case "sources": set.sources = try sources(value)
        case "languages":
            let tags = try reader.texts(value, what: "`languages`")
            var languages: [Language] = []
            for (index, tag) in tags.enumerated() {
                guard let language = Language(rawValue: tag) else {
                    throw reader.error(
                        value.sequence?[index] ?? value, "`languages`: `\(tag)` is not a language tag (en, es, pt-BR …)")
                }
                languages.append(language)
            }
            guard !languages.isEmpty else { throw reader.error(value, "`languages` names no language") }
            set.languages = languages
        case "default_language": set.defaultLanguage = reader.fallback
        case "extends":
            let fields = Dictionary(
                try reader.mapping(value, allowed: ["ruleset", "version"], what: "`extends`"), uniquingKeysWith: { a, _ in a }
            )
            guard let name = fields["ruleset"], let version = fields["version"] else {
                throw reader.error(value, "`extends` names the base set and its version: `{ruleset: NAME, version: 1.0.0}`")
            }
            set.extends = BaseReference(
                name: try reader.text(name, what: "`extends.ruleset`"),
                version: try reader.text(version, what: "`extends.version`"),
                mark: value.start)
        case "call": set.call = try call(value)
        case "severities":
            for (rule, severityNode) in try reader.mapping(value, what: "`severities`") {
                let text = try reader.text(severityNode, what: "a severity")
                guard let severity = Severity(rawValue: text) else {
                    throw reader.error(severityNode, "`severities`: \(rule) is error, warning or info, found `\(text)`")
                }
                let mark = value.mapping?.first { $0.key.scalar?.text == rule }?.key.start ?? severityNode.start
                set.severityChanges.append(RuleChange(rule: rule, value: severity, mark: mark))
            }
        case "disabled":
            for item in value.sequence ?? [value] {
                set.disabledRules.append(
                    RuleChange(rule: try reader.text(item, what: "a rule ID in `disabled`"), value: true, mark: item.start))
            }
        case "rule_ids":
            let pattern = try reader.text(value, what: "`rule_ids`")
            guard (try? NSRegularExpression(pattern: "^(?:\(pattern))$")) != nil else {
                throw reader.error(value, "`rule_ids`: `\(pattern)` is not a regular expression")
            }
            set.ruleIDPattern = (pattern, value.start)
        case "structure": set.structure = try fields(value, what: "`structure`")
        case "rules":
            guard let items = value.sequence else { throw reader.error(value, "`rules` must be a list") }
            // Each rule on its own: a broken one is left out, and the others are still read.
            for item in items {
                let before = errors.found.count
                recovering { set.rules.append(try rule(item)) }
                if errors.found.count > before, let id = item["id"]?.scalar?.text { set.unreadableRules.append(id) }
            }
        case "figures": set.figures = try figures(value)
        case "funding": set.funding = try FundingTableParser(reader: reader).tables(value)
        case "examples":
            // A derived call's own examples for inherited rules whose verdict its parameters change.
            for (rule, node) in try reader.mapping(value, what: "`examples`") {
                let mark = value.mapping?.first { $0.key.scalar?.text == rule }?.key.start ?? node.start
                set.callExamples.append(RuleChange(rule: rule, value: try examples(node, rule: rule), mark: mark))
            }
        default: break
        }
    }

    /// `sources: {report: {title, publisher, edition, url, language, cite}}`, in order.
    func sources(_ node: Node) throws -> [SourceDocument] {
        try reader.mapping(node, what: "`sources`").map { id, value in
            let fields = Dictionary(
                try reader.mapping(
                    value, allowed: ["title", "publisher", "edition", "date", "url", "language", "cite"], what: "source `\(id)`"),
                uniquingKeysWith: { a, _ in a })
            guard let title = fields["title"] else { throw reader.error(value, "source `\(id)` needs a `title`") }
            let titleText = try reader.text(title, what: "the title of source `\(id)`")
            var language: Language?
            if let node = fields["language"] {
                let tag = try reader.text(node, what: "the language of source `\(id)`")
                guard let parsed = Language(rawValue: tag) else {
                    throw reader.error(node, "source `\(id)`: `\(tag)` is not a language tag (en, es, pt-BR …)")
                }
                language = parsed
            }
            return SourceDocument(
                id: id, title: titleText, publisher: try fields["publisher"].map { try reader.text($0, what: "a publisher") },
                edition: try (fields["edition"] ?? fields["date"]).map { try reader.text($0, what: "an edition or date") },
                url: try fields["url"].map { try reader.text($0, what: "a URL") }, language: language,
                cite: try fields["cite"].map { try reader.localized($0, what: "the `cite` of source `\(id)`") }
                    ?? LocalizedText(english: "\"\(titleText)\""))
        }
    }

    /// `call: {name, title, opens, closes}`.
    func call(_ node: Node) throws -> CallIdentity {
        let fields = Dictionary(
            try reader.mapping(node, allowed: ["name", "title", "opens", "closes"], what: "`call`"),
            uniquingKeysWith: { a, _ in a })
        guard let name = fields["name"] else {
            throw reader.error(node, "`call` needs a `name` (what dossiers write as `call:`)")
        }
        func date(_ key: String) throws -> String? {
            guard let node = fields[key] else { return nil }
            let text = try reader.text(node, what: "`call.\(key)`")
            guard StructureChecker.isCalendarDate(text) else {
                throw reader.error(node, "`call.\(key)` is a date (YYYY-MM-DD), found `\(text)`")
            }
            return text
        }
        return CallIdentity(
            name: try reader.text(name, what: "`call.name`"),
            title: try fields["title"].map { try reader.localized($0, what: "`call.title`") },
            opens: try date("opens"), closes: try date("closes"), mark: node.start)
    }

    /// `{extends: organisation, map: {field: TYPE, …}}`: fields added to an imported type.
    func typeExtension(_ name: String, base: Node, _ node: Node) throws -> TypeExtension {
        let entries = try reader.mapping(node, allowed: ["extends", "map"], what: "type `\(name)`")
        let baseName = try reader.text(base, what: "`extends` of type `\(name)`")
        guard baseName == name else {
            throw reader.error(base, "type `\(name)` extends `\(baseName)`: an extension keeps the name of the type it extends")
        }
        guard let fields = entries.first(where: { $0.0 == "map" })?.1 else {
            throw reader.error(node, "type `\(name)`: an extension adds fields under `map:`")
        }
        return TypeExtension(name: name, fields: try self.fields(fields, what: "type `\(name)`"), mark: node.start)
    }

    func parameters(_ node: Node) throws -> [Parameter] {
        try reader.mapping(node, what: "`parameters`").map { name, value in
            if let entries = value.mapping, !entries.isEmpty,
                entries.allSatisfy({ ["value", "description"].contains($0.key.scalar?.text ?? "") }),
                let valueNode = value["value"]
            {
                return Parameter(
                    name: name, value: try reader.parameterValue(valueNode),
                    description: try value["description"].map { try reader.localized($0, what: "a description") },
                    mark: value.start)
            }
            return Parameter(name: name, value: try reader.parameterValue(value), description: nil, mark: value.start)
        }
    }

    /// `figures: {organisations: partners[*], eligible: [costs[*].eligible_eur], sme: isSME, …}`.
    func figures(_ node: Node) throws -> FigureSpec {
        var spec = FigureSpec()
        func path(_ value: Node, _ key: String) throws -> PathPattern {
            let text = try reader.text(value, what: "`figures.\(key)`")
            guard let pattern = PathPattern(text), !pattern.steps.isEmpty else {
                throw reader.error(value, "`figures.\(key)`: `\(text)` is not a path (write `a.b[*].c`, `a.*`, `a[0]`)")
            }
            return pattern
        }
        func paths(_ value: Node, _ key: String) throws -> [PathPattern] {
            if let items = value.sequence {
                guard !items.isEmpty else { throw reader.error(value, "`figures.\(key)` lists no path") }
                return try items.map { try path($0, key) }
            }
            return [try path(value, key)]
        }
        func definition(_ value: Node, _ key: String) throws -> String {
            let name = try reader.text(value, what: "`figures.\(key)`")
            guard isIdentifier(name) else {
                throw reader.error(value, "`figures.\(key)` names a definition of one parameter (`isSME`), found `\(name)`")
            }
            return name
        }
        for (key, value) in try reader.mapping(node, allowed: FigureSpec.keys, what: "`figures`") {
            spec.marks[key] = value.start
            switch key {
            case "organisations": spec.organisations = try paths(value, key)
            case "organisation_name": spec.organisationName = try path(value, key)
            case "registration": spec.registration = try path(value, key)
            case "applicant": spec.applicant = try paths(value, key)
            case "eligible": spec.eligible = try paths(value, key)
            case "requested": spec.requested = try paths(value, key)
            case "sme": spec.sme = try definition(value, key)
            case "research": spec.research = try definition(value, key)
            default: break
            }
        }
        return spec
    }

    /// `isSME(org): <CEL>` — a name with its parameters, and a body.
    func definitions(_ node: Node) throws -> [Definition] {
        guard let entries = node.mapping else { throw reader.error(node, "`definitions` must be a mapping") }
        return try entries.map { entry in
            let signature = try reader.text(entry.key, what: "a definition's name")
            guard let open = signature.firstIndex(of: "("), signature.hasSuffix(")") else {
                throw reader.error(entry.key, "a definition is written `name(parameter, …): expression`, found `\(signature)`")
            }
            let name = String(signature[..<open]).trimmingCharacters(in: .whitespaces)
            let inner = signature[signature.index(after: open)..<signature.index(before: signature.endIndex)]
            let parameters = inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard isIdentifier(name), parameters.allSatisfy(isIdentifier) else {
                throw reader.error(entry.key, "`\(signature)` is not a valid definition signature")
            }
            return Definition(
                name: name, parameters: parameters, body: try reader.text(entry.value, what: "definition `\(name)`"),
                mark: entry.value.start)
        }
    }

    func rule(_ node: Node) throws -> Rule {
        let entries = try reader.mapping(node, allowed: Self.ruleKeys, what: "a rule")
        let get = { (key: String) in entries.first { $0.0 == key }?.1 }
        guard let idNode = get("id") else { throw reader.error(node, "a rule needs an `id`") }
        let id = try reader.text(idNode, what: "a rule id")
        func required(_ key: String) throws -> Node {
            guard let value = get(key) else { throw reader.error(node, "rule \(id) needs `\(key)`") }
            return value
        }
        let severityText = try reader.text(try required("severity"), what: "severity")
        guard let severity = Severity(rawValue: severityText) else {
            throw reader.error(get("severity"), "rule \(id): severity is error, warning or info, found `\(severityText)`")
        }
        var builtin: Rule.Builtin?
        if let node = get("builtin") {
            let name = try reader.text(node, what: "builtin")
            guard let value = Rule.Builtin(rawValue: name) else {
                let known = Rule.Builtin.allCases.map(\.rawValue).joined(separator: ", ")
                throw reader.error(node, "rule \(id): unknown builtin `\(name)` (known: \(known))")
            }
            builtin = value
        }
        var messages: [String: LocalizedText] = [:]
        if let node = get("messages") {
            for (variant, text) in try reader.mapping(node, what: "rule \(id) messages") {
                messages[variant] = try reader.message(text, what: "rule \(id) message `\(variant)`")
            }
        }
        var checks: [Check] = []
        if let list = get("checks") {
            guard let items = list.sequence else { throw reader.error(list, "rule \(id): `checks` must be a list") }
            checks = try items.map { item in
                try check(
                    Dictionary(
                        try reader.mapping(item, allowed: Self.checkKeys, what: "a check"), uniquingKeysWith: { a, _ in a }),
                    at: item, rule: id)
            }
            if let inline = Self.checkKeys.first(where: { get($0) != nil }) {
                throw reader.error(get(inline), "rule \(id): `\(inline)` belongs inside one of its `checks`")
            }
        } else if builtin == nil {
            checks = [
                try check(
                    Dictionary(entries.filter { Self.checkKeys.contains($0.0) }, uniquingKeysWith: { a, _ in a }), at: node,
                    rule: id)
            ]
        }
        return Rule(
            id: id, severity: severity, title: try reader.localized(try required("title"), what: "rule \(id) title"),
            description: try get("description").map { try reader.localized($0, what: "rule \(id) description") },
            source: try reader.text(try required("source"), what: "rule \(id) source"), checks: checks, builtin: builtin,
            builtinMessages: messages, examples: try examples(get("examples"), rule: id), mark: node.start,
            idMark: idNode.start, sourceMark: get("source")?.start)
    }

    func check(_ entries: [String: Node], at node: Node, rule id: String) throws -> Check {
        guard let assertion = entries["check"] else { throw reader.error(node, "rule \(id) needs `check:` (a CEL expression)") }
        guard let message = entries["message"] else { throw reader.error(node, "rule \(id) needs a `message`") }
        var lets: [(name: String, expression: Expression)] = []
        if let node = entries["let"] {
            for (name, value) in try reader.mapping(node, what: "rule \(id) `let`") {
                guard isIdentifier(name) else { throw reader.error(node, "rule \(id): `\(name)` is not a valid name") }
                lets.append((name, try expression(value, what: "rule \(id) let `\(name)`")))
            }
        }
        return Check(
            forEach: try entries["for_each"].map { try patterns($0, rule: id) } ?? [],
            lets: lets,
            when: try entries["when"].map { try expression($0, what: "rule \(id) `when`") },
            assertion: try expression(assertion, what: "rule \(id) `check`"),
            at: try entries["at"].map { try pattern($0, rule: id) },
            message: try reader.message(message, what: "rule \(id) message"),
            help: try entries["help"].map { try reader.message($0, what: "rule \(id) help") },
            mark: assertion.start,
            forEachMarks: (entries["for_each"].map { $0.sequence ?? [$0] } ?? []).map(\.start),
            atMark: entries["at"]?.start,
            messageTexts: Self.textMarks(message) + (entries["help"].map(Self.textMarks) ?? []))
    }

    func expression(_ node: Node, what: String) throws -> Expression {
        try reader.expression(node, what: what)
    }

    /// Each text of a message or help line with the place of its first character (inside a quote),
    /// so that a placeholder can be located in it.
    static func textMarks(_ node: Node) -> [(text: String, mark: Mark, isBlock: Bool)] {
        let nodes = node.mapping?.map(\.value) ?? [node]
        return nodes.compactMap { value in
            guard let scalar = value.scalar else { return nil }
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            return (
                scalar.text, quoted ? Mark(line: value.start.line, column: value.start.column + 1) : value.start,
                scalar.style == .literal || scalar.style == .folded
            )
        }
    }

    func patterns(_ node: Node, rule id: String) throws -> [PathPattern] {
        if let items = node.sequence { return try items.map { try pattern($0, rule: id) } }
        return [try pattern(node, rule: id)]
    }

    func pattern(_ node: Node, rule id: String) throws -> PathPattern {
        let text = try reader.text(node, what: "a path")
        guard let pattern = PathPattern(text) else {
            throw reader.error(node, "rule \(id): `\(text)` is not a path (write `a.b[*].c`, `a.*`, `a[0]`)")
        }
        return pattern
    }

    func examples(_ node: Node?, rule id: String) throws -> RuleExamples {
        guard let node else { return RuleExamples() }
        var result = RuleExamples()
        for (key, value) in try reader.mapping(node, allowed: ["pass", "fail"], what: "rule \(id) examples") {
            guard let items = value.sequence else { throw reader.error(value, "rule \(id): `\(key)` examples must be a list") }
            let parsed = try items.map { item -> Example in
                if item.scalar != nil {
                    return Example(yaml: try reader.text(item, what: "an example"), kind: nil, path: nil, mark: item.start)
                }
                let fields = Dictionary(
                    try reader.mapping(item, allowed: ["yaml", "kind", "at"], what: "an example"), uniquingKeysWith: { a, _ in a }
                )
                guard let yaml = fields["yaml"] else { throw reader.error(item, "rule \(id): an example needs `yaml:`") }
                return Example(
                    yaml: try reader.text(yaml, what: "an example"),
                    kind: try fields["kind"].map { try reader.text($0, what: "an example kind") },
                    path: try fields["at"].map { try reader.text($0, what: "an example path") }, mark: yaml.start)
            }
            if key == "pass" { result.passing = parsed } else { result.failing = parsed }
        }
        return result
    }

    // MARK: structure

    func fields(_ node: Node, what: String) throws -> [FieldSpec] {
        try reader.mapping(node, what: what).map { name, value in try field(name: name, value) }
    }

    /// `TYPE` or `{type: TYPE, required, one_of, covered_by, presence_rule, only_if, doc}`.
    func field(name: String, _ node: Node) throws -> FieldSpec {
        let keys = node.mapping?.compactMap { $0.key.scalar?.text } ?? []
        let container = keys.first { $0 == "list" || $0 == "map" }
        guard keys.contains("type") || (container != nil && keys.count > 1) else {
            var spec = FieldSpec(name: name, type: try type(node, what: "field `\(name)`"))
            spec.typeMark = node.start
            return spec
        }
        var spec = FieldSpec(name: name, type: .any)
        spec.typeMark = node.start
        // `{list: T, doc: …}` and `{map: {…}, required: true}` are short for `{type: {list: T}, doc: …}`.
        let allowed = container.map { Self.fieldKeys.subtracting(["type"]).union([$0]) } ?? Self.fieldKeys
        for (key, value) in try reader.mapping(node, allowed: allowed, what: "field `\(name)`") {
            switch key {
            case "list": spec.type = .list(try field(name: "[*]", value))
            case "map": spec.type = .map(try fields(value, what: "field `\(name)`"))
            case "type":
                spec.type = try type(value, what: "field `\(name)`")
                spec.typeMark = value.start
            case "required": spec.required = try reader.bool(value, what: "`required`")
            case "one_of":
                guard let items = value.sequence else { throw reader.error(value, "`one_of` must be a list") }
                spec.oneOf = try items.map { try reader.text($0, what: "a code") }
            case "covered_by": spec.coveredBy = try reader.text(value, what: "`covered_by`")
            case "presence_rule": spec.presenceRule = try reader.text(value, what: "`presence_rule`")
            case "only_if": spec.onlyIf = try reader.text(value, what: "`only_if`")
            case "doc": spec.doc = try reader.localized(value, what: "`doc`")
            case "template": spec.template = try reader.expression(value, what: "`template` of field `\(name)`")
            default: break
            }
        }
        return spec
    }

    /// `text` | `integer` | … | a type name | `{list: FIELD}` | `{map: {name: FIELD}}`.
    func type(_ node: Node, what: String) throws -> TypeSpec {
        if node.scalar != nil {
            switch try reader.text(node, what: what) {
            case "text": return .text
            case "integer": return .integer
            case "amount": return .amount
            case "number": return .number
            case "boolean": return .boolean
            case "date": return .date
            case "any": return .any
            case let name: return .named(name)
            }
        }
        let entries = try reader.mapping(node, allowed: ["list", "map"], what: what)
        guard entries.count == 1, let (key, value) = entries.first else {
            throw reader.error(node, "\(what): write `{list: TYPE}` or `{map: {field: TYPE, …}}`")
        }
        if key == "list" { return .list(try field(name: "[*]", value)) }
        return .map(try fields(value, what: what))
    }
}

func isIdentifier(_ text: String) -> Bool {
    guard let first = text.first, first.isLetter || first == "_" else { return false }
    return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
}
