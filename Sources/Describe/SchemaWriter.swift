import CEL
import Reporting
import Validators

/// Writes a JSON Schema (draft 2020-12) of a kind's structure, from the same rule sets the
/// checker reads, for editors with the YAML language server: completion of the keys, hover
/// texts (the field's `doc` and the rules that judge it), and the types, code lists and
/// unknown keys flagged while typing. What only rules can say (sums, references) it leaves to
/// `dossiercheck check`.
public struct SchemaWriter {
    public let outline: KindOutline
    public let language: Language
    let index: RuleIndex
    let words: DescribeWords

    public init(outline: KindOutline, language: Language) {
        self.outline = outline
        self.language = language
        self.index = RuleIndex(outline)
        self.words = DescribeWords(language)
    }

    public func write() -> JSONValue {
        let programme = outline.sets.last?.title.text(in: language) ?? outline.kind
        var about = [words.schemaHeading(kind: outline.kind)]
        about += outline.sets.map { "\($0.name) \($0.version)" }
        about += index.rules(at: []).map { RuleLine.text($0, words: words) }
        var entries: [(String, JSONValue)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("urn:dossiercheck:schema:\(outline.kind):\(outline.sets.last?.version ?? "")")),
            ("title", .string(programme)),
            ("description", .string(about.joined(separator: "\n"))),
        ]
        entries += object(outline.fields, steps: [], expanding: [])
        return .object(entries)
    }

    /// The keywords of a mapping with these fields: unknown keys are not allowed (HDR-003).
    private func object(_ fields: [FieldSpec], steps: [PathPattern.Step], expanding: [String]) -> [(String, JSONValue)] {
        var properties: [(String, JSONValue)] = []
        var required: [JSONValue] = []
        for field in fields {
            if let condition = field.onlyIf, outline.condition(condition) == false { continue }
            properties.append((field.name, schema(field, steps: steps + [.key(field.name)], expanding: expanding)))
            if Self.isRequired(field), field.onlyIf == nil { required.append(.string(field.name)) }
        }
        var entries: [(String, JSONValue)] = [("type", .string("object")), ("properties", .object(properties))]
        if !required.isEmpty { entries.append(("required", .array(required))) }
        entries.append(("additionalProperties", .bool(false)))
        return entries
    }

    /// A field the dossier must hold: one the format requires (whichever rule reports it missing)
    /// or a section whose presence rule reports it missing.
    static func isRequired(_ field: FieldSpec) -> Bool { field.required || field.presenceRule != nil }

    private func schema(_ field: FieldSpec, steps: [PathPattern.Step], expanding: [String]) -> JSONValue {
        var expanding = expanding
        if case .named(let name) = field.type {
            // A type that contains itself is described once; deeper it accepts anything.
            if expanding.contains(name) { return .object([]) }
            expanding.append(name)
        }
        var entries: [(String, JSONValue)] = []
        var description: [String] = []
        if let doc = outline.doc(field, in: language) { description.append(doc) }
        var rules = index.rules(at: steps)
        let type = outline.resolve(field.type)
        if case .list = type {
            for rule in index.rules(at: steps + [.anyIndex]) where !rules.contains(where: { $0.id == rule.id }) {
                rules.append(rule)
            }
        }
        description += rules.map { RuleLine.text($0, words: words) }
        if !description.isEmpty { entries.append(("description", .string(description.joined(separator: "\n")))) }
        // Null is absent for the checker: allowed where nothing requires the field.
        let nullable = !Self.isRequired(field)
        func jsonType(_ name: String) -> JSONValue { nullable ? .array([.string(name), .string("null")]) : .string(name) }
        switch type {
        case .text:
            entries.append(("type", jsonType("string")))
        case .date:
            entries.append(("type", jsonType("string")))
            entries.append(("format", .string("date")))
            entries.append(("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")))
        case .integer:
            entries.append(("type", jsonType("integer")))
        case .amount:
            entries.append(("type", jsonType("number")))
            entries.append(("minimum", .int(0)))
        case .number:
            entries.append(("type", jsonType("number")))
        case .boolean:
            entries.append(("type", jsonType("boolean")))
        case .any, .named:
            break
        case .list(let item):
            entries.append(("type", jsonType("array")))
            entries.append(("items", schema(item, steps: steps + [.anyIndex], expanding: expanding)))
        case .map(let fields):
            var object = object(fields, steps: steps, expanding: expanding)
            if nullable { object[0].1 = jsonType("object") }
            entries += object
        }
        if field.oneOf == nil, field.template != nil {
            // A field the template fills in (the header's `kind`, `language` …): the values it can
            // give, in the four languages, are the ones to offer.
            var values: [JSONValue] = []
            for language in Language.allCases {
                if let value = outline.templateValue(field, language: language).flatMap(Self.json), !values.contains(value) {
                    values.append(value)
                }
            }
            if !values.isEmpty { entries.append(("enum", .array(values))) }
        }
        if let codes = field.oneOf {
            var values: [JSONValue] = codes.map { code in
                if case .integer = type, let number = Int(code) { return .int(number) }
                return .string(code)
            }
            if nullable { values.append(.null) }
            entries.append(("enum", .array(values)))
        }
        return .object(entries)
    }

    /// A template value as JSON (text, whole numbers and booleans).
    static func json(_ value: CELValue) -> JSONValue? {
        switch value {
        case .string(let text): .string(text)
        case .int(let i): .int(Int(i))
        case .bool(let b): .bool(b)
        default: nil
        }
    }
}
