import CEL
import DossierModel
import Foundation

/// Checks a document against its kind's declared structure: reports wrong types, missing
/// required fields and unknown keys (HDR-002, HDR-003), and gives the rules a view of the
/// document where what is wrong counts as absent.
struct StructureChecker {
    let types: [String: TypeSpec]
    /// Compiled `only_if` conditions, by their source text.
    let conditions: [String: CELProgram]
    /// Variables `only_if` conditions may use besides `parent` (`kind`).
    let variables: [String: CELValue]
    /// The texts a template writes where a value is to be filled in (HDR-002 `placeholder.marker`).
    var placeholders: Set<String> = [] {
        didSet { placeholderStarts = PlaceholderStarts(placeholders) }
    }
    private(set) var placeholderStarts = PlaceholderStarts([])
    /// `variables` as bindings with a slot for `parent`, made once: a dossier evaluates many conditions.
    private let conditionBindings: CELBindings
    private let parentSlot: Int

    init(
        types: [String: TypeSpec], conditions: [String: CELProgram], variables: [String: CELValue], placeholders: Set<String> = []
    ) {
        self.types = types
        self.conditions = conditions
        self.variables = variables
        self.placeholders = placeholders
        self.placeholderStarts = PlaceholderStarts(placeholders)
        var bindings = CELBindings(variables)
        self.parentSlot = bindings.slot("parent")
        self.conditionBindings = bindings
    }

    func check(_ root: Node, fields: [FieldSpec]) -> (Located, [StructureIssue]) {
        var issues: [StructureIssue] = []
        let located = Located(node: root, keyMark: nil, parent: nil, component: nil)
        checkMapping(root, fields: fields, into: located, issues: &issues, strictKeys: true)
        return (located, issues)
    }

    /// Checks without a known structure (unknown kind): only the listed fields are judged, other keys pass as they are.
    func checkLoosely(_ root: Node, fields: [FieldSpec]) -> (Located, [StructureIssue]) {
        var issues: [StructureIssue] = []
        let located = Located(node: root, keyMark: nil, parent: nil, component: nil)
        checkMapping(root, fields: fields, into: located, issues: &issues, strictKeys: false)
        return (located, issues)
    }

    // MARK: -

    func resolve(_ type: TypeSpec) -> TypeSpec {
        var current = type
        var seen = 0
        while case .named(let name) = current, let next = types[name], seen < 32 {
            current = next
            seen += 1
        }
        return current
    }

    private func checkMapping(
        _ node: Node, fields: [FieldSpec], into located: Located, issues: inout [StructureIssue], strictKeys: Bool
    ) {
        guard case .mapping(let entries) = node.content else { return }
        located.reserveFields(entries.count)
        // Fields and entries by their positions: the specs and nodes are looked at where they are, not copied.
        var conditional: [(field: Int, entry: Int)] = []
        let cancelled = entries.withUnsafeBufferPointer { entries in
            for e in entries.indices {
                guard let key = entries[e].key.scalarText else { continue }
                guard let f = Self.index(of: key, in: fields) else {
                    if WorkCancellation.isRequested { return true }
                    if strictKeys {
                        issues.append(unknownKey(key, at: entries[e].key, known: fields.map(\.name), parent: located))
                    } else {
                        attachLoose(entries[e], to: located)
                    }
                    continue
                }
                if fields[f].onlyIf != nil {
                    conditional.append((f, e))
                    continue
                }
                attach(entries[e].value, keyStart: entries[e].key.start, spec: fields[f], to: located, issues: &issues)
            }
            return false
        }
        if cancelled { return }
        // Conditional fields are judged against their siblings as already checked (the mapping's
        // value, built when a condition needs it).
        var siblings: CELValue?
        var parentValue: CELValue {
            if let siblings { return siblings }
            let value = Self.mapValue(located)
            siblings = value
            return value
        }
        var attachedConditional = false
        for (f, e) in conditional {
            let spec = fields[f]
            let entry = entries[e]
            guard let applies = holdsIfKnown(spec.onlyIf!, parent: parentValue) else {
                // Whether it belongs here depends on a value still to be filled in: unknown too.
                if let issue = placeholderIssue(entry.value, path: Self.childPath(located, spec.name)) {
                    issues.append(named(issue, in: located))
                }
                located.add(unknownField: spec.name)
                continue
            }
            if applies {
                attach(entry.value, keyStart: entry.key.start, spec: spec, to: located, issues: &issues)
                attachedConditional = true
            } else {
                issues.append(
                    named(
                        StructureIssue(
                            rule: .unknownKeys, variant: "not_here",
                            values: ["key": spec.name, "path": Self.childPath(located, spec.name)],
                            location: entry.key.start, end: entry.key.end, path: Self.childPath(located, spec.name)), in: located)
                )
            }
        }
        for f in fields.indices
        where fields[f].required && fields[f].coveredBy == nil && fields[f].presenceRule == nil
            && located.field(fields[f].name) == nil
        {
            let spec = fields[f]
            if spec.onlyIf != nil && holdsIfKnown(spec.onlyIf!, parent: parentValue) != true { continue }
            if let entry = entries.first(where: { $0.key.scalarText == spec.name }), !Self.isEmpty(entry.value) {
                continue // present but wrongly typed: already reported
            }
            var values = ["field": spec.name, "path": Self.childPath(located, spec.name)]
            var help: String?
            if let codes = spec.oneOf ?? resolvedCodes(spec) {
                // What to write: the allowed values.
                values["allowed"] = codes.map { "`\($0)`" }.joined(separator: ", ")
                help = "required.allowed.help"
            }
            issues.append(
                named(
                    StructureIssue(
                        rule: .types, variant: "required", values: values, location: located.pointMark, end: nil,
                        path: located.path, help: help), in: located))
        }
        // The siblings' map is the mapping's value unless a conditional field joined them since.
        if let siblings, !attachedConditional {
            located.value = siblings
        } else {
            located.value = Self.mapValue(located)
        }
    }

    /// The position of the field named `key`.
    @inline(__always)
    private static func index(of key: String, in fields: [FieldSpec]) -> Int? {
        // ASCII texts of different lengths differ: most fields are passed over without comparing
        // their names (other texts are compared, as they may be equal canonically).
        let keyLength = FieldSpec.asciiLength(key)
        for f in fields.indices {
            if let keyLength, let nameLength = fields[f].asciiNameLength, nameLength != keyLength { continue }
            if fields[f].name == key { return f }
        }
        return nil
    }

    /// The value of a mapping: its fields as rules see them.
    private static func mapValue(_ located: Located) -> CELValue {
        var map = CELMap(strings: located.fields.map { ($0.name, $0.value.value) })
        map.unknownKeys = located.unknownFields
        return .map(map)
    }

    private func holds(_ condition: String, parent: CELValue) -> Bool {
        holdsIfKnown(condition, parent: parent) ?? false
    }

    /// Whether the condition holds; nil when it reads a value still to be filled in.
    private func holdsIfKnown(_ condition: String, parent: CELValue) -> Bool? {
        guard let program = conditions[condition] else { return false }
        var variables = conditionBindings
        variables.bind(parentSlot, to: parent)
        switch program.evaluate(variables) {
        case .success(.bool(true)): return true
        case .failure(let error) where error.isUnknown: return nil
        default: return false
        }
    }

    /// Judges the value of a declared field (its key at `keyStart`) and adds what rules see of it to `parent`.
    private func attach(_ value: Node, keyStart: Mark, spec: FieldSpec, to parent: Located, issues: inout [StructureIssue]) {
        guard !Self.isEmpty(value) else { return }
        if let issue = placeholderIssue(value, path: Self.childPath(parent, spec.name)) {
            issues.append(named(issue, in: parent))
            parent.add(unknownField: spec.name)
            return
        }
        let child = Located(node: value, keyMark: keyStart, parent: parent, component: .key(spec.name))
        if spec.presenceRule != nil, !Self.fitsShape(value, resolve(spec.type)) {
            return // absent: its presence rule reports it, HDR-002 does not (catalogue 1.1, clarification 11)
        }
        if spec.coveredBy != nil {
            // The covering rule judges it: read it as typed when it fits (5.0 is 5), as written when not.
            var ignored: [StructureIssue] = []
            if !judge(value, spec: FieldSpec(name: spec.name, type: spec.type), as: child, issues: &ignored) {
                child.value = Self.generic(value)
            }
            parent.add(field: spec.name, child)
            return
        }
        if judge(value, spec: spec, as: child, issues: &issues) {
            if child.isUnknown { parent.add(unknownField: spec.name) } else { parent.add(field: spec.name, child) }
        }
    }

    private func attachLoose(_ entry: Node.Entry, to parent: Located) {
        guard !Self.isEmpty(entry.value), let key = entry.key.scalarText else { return }
        let child = Located(node: entry.value, keyMark: entry.key.start, parent: parent, component: .key(key))
        fillLoosely(child)
        parent.add(field: key, child)
    }

    /// The plain YAML value of an undeclared part, with its children located too.
    private func fillLoosely(_ located: Located) {
        switch located.node.content {
        case .scalar:
            located.value = Self.generic(located.node)
        case .sequence(let items):
            for (index, item) in items.enumerated() where !Self.isEmpty(item) {
                let child = Located(node: item, keyMark: nil, parent: located, component: .index(index))
                fillLoosely(child)
                located.add(item: child)
            }
            located.value = .list(located.items.map(\.value))
        case .mapping(let entries):
            for entry in entries { attachLoose(entry, to: located) }
            located.value = Self.mapValue(located)
        }
    }

    /// Checks `node` against `spec`, filling `located`; false when the value must count as absent.
    private func judge(_ node: Node, spec: FieldSpec, as located: Located, issues: inout [StructureIssue]) -> Bool {
        let type = resolve(spec.type)
        func wrongType() -> Bool {
            issues.append(
                named(
                    StructureIssue(
                        rule: .types, variant: "wrong_type",
                        values: [
                            "field": spec.name, "path": located.path, "expected": "type." + type.vocabularyKey,
                            "found": Self.describe(node),
                        ],
                        location: located.pointMark, end: located.pointEnd, path: located.path), in: located))
            return false
        }
        func issue(_ variant: String, _ extra: [String: String] = [:], help: String? = nil) -> Bool {
            var values = ["field": spec.name, "path": located.path, "value": Self.describe(node)]
            values.merge(extra) { $1 }
            issues.append(
                named(
                    StructureIssue(
                        rule: .types, variant: variant, values: values, location: located.pointMark, end: located.pointEnd,
                        path: located.path, help: help), in: located))
            return false
        }
        switch type {
        case .any, .named:
            located.value = Self.generic(node)
        case .text, .date:
            guard let scalar = node.scalar, case .string(let text) = scalar.value else { return wrongType() }
            if case .date = type, !Self.isCalendarDate(text) { return issue("bad_date") }
            located.value = .string(text)
        case .integer:
            // Catalogue 1.1, clarification 8: `23.0` is 23, and whole numbers of any size are exact.
            guard let number = node.scalar?.number else { return wrongType() }
            switch number {
            case .integer(let value): located.value = .int(value)
            case .decimal(let value) where ExactNumber.isWholeDecimal(value): located.value = .decimal(value)
            case .decimal: return issue("not_integer")
            case .beyondRange, .infinite, .nan: return issue("not_finite")
            }
        case .amount, .number:
            guard let number = node.scalar?.number else { return wrongType() }
            let decimal: Decimal
            switch number {
            case .integer(let value): decimal = Decimal(value)
            case .decimal(let value): decimal = value
            case .beyondRange, .infinite, .nan: return issue("not_finite")
            }
            if case .amount = type, decimal < 0 { return issue("negative") }
            located.value = .decimal(decimal)
        case .boolean:
            guard case .bool(let value)? = node.scalar?.value else { return wrongType() }
            located.value = .bool(value)
        case .list(let itemSpec):
            guard let items = node.sequence else { return wrongType() }
            let itemFieldSpec = FieldSpec(name: spec.name, type: itemSpec.type, oneOf: itemSpec.oneOf)
            located.reserveItems(items.count)
            // Empty items are dropped before anything counts them; a wrong-typed item is HDR-002's and
            // then absent, and the items after it keep their own places (catalogue 1.1, clarification 7).
            for (index, item) in items.enumerated() where !Self.isEmpty(item) {
                let child = Located(node: item, keyMark: nil, parent: located, component: .index(index))
                if let issue = placeholderIssue(item, path: child.path) {
                    issues.append(named(issue, in: located))
                    located.isUnknown = true
                    continue
                }
                if itemSpec.coveredBy != nil {
                    // Items a specific rule judges (references: ORG-001) stay as written when they do not fit.
                    var ignored: [StructureIssue] = []
                    if !judge(item, spec: itemFieldSpec, as: child, issues: &ignored) { child.value = Self.generic(item) }
                    located.add(item: child)
                } else if judge(item, spec: itemFieldSpec, as: child, issues: &issues) {
                    located.add(item: child)
                }
                if child.isUntouched { located.isUnknown = true }
            }
            located.value = .list(located.items.map(\.value))
        case .map(let fields):
            guard node.mapping != nil else { return wrongType() }
            checkMapping(node, fields: fields, into: located, issues: &issues, strictKeys: true)
        }
        if let codes = spec.oneOf {
            let text: String? =
                switch located.value {
                case .string(let s): s
                case .int(let i): String(i)
                default: nil
                }
            if text == nil || !codes.contains(text!) {
                guard let text, let closest = CodeSuggestion.closest(to: text, in: codes) else {
                    return issue("not_in_list", ["allowed": codes.joined(separator: ", ")])
                }
                return issue("not_in_list", ["allowed": codes.joined(separator: ", "), "closest": closest], help: "closest.help")
            }
        }
        return true
    }

    private func unknownKey(_ key: String, at keyNode: Node, known: [String], parent: Located) -> StructureIssue {
        let path = Self.childPath(parent, key)
        if let suggestion = Self.closest(to: key, in: known) {
            return named(
                StructureIssue(
                    rule: .unknownKeys, variant: "unknown_key_suggestion",
                    values: ["key": key, "path": path, "suggestion": suggestion],
                    location: keyNode.start, end: keyNode.end, path: path), in: parent)
        }
        return named(
            StructureIssue(
                rule: .unknownKeys, variant: "unknown_key", values: ["key": key, "path": path], location: keyNode.start,
                end: keyNode.end, path: path), in: parent)
    }

    /// The code list of a field whose type is a list of codes, for the help of a missing one.
    private func resolvedCodes(_ spec: FieldSpec) -> [String]? {
        if case .list(let item) = resolve(spec.type) { return item.oneOf }
        return nil
    }

    /// An issue inside a list item that names itself by an `id` (an organisation) names it so in
    /// its message — `laserval`: `category` … — rather than by its place in the list
    /// (`members[1].category`): the item's id and the path inside it, for the builtin's
    /// `in_organisation` message.
    func named(_ issue: StructureIssue, in located: Located) -> StructureIssue {
        var current: Located? = located
        while let item = current {
            if case .index? = item.component, let entries = item.node.mapping,
                let idNode = entries.first(where: { $0.key.scalar?.text == "id" })?.value,
                case .string(let id)? = idNode.scalar?.value, !id.isEmpty, placeholderIssue(idNode, path: "") == nil,
                let path = issue.values["path"], path.hasPrefix(item.path + ".")
            {
                var issue = issue
                issue.values["organisation"] = id
                issue.values["organisation_path"] = String(path.dropFirst(item.path.count + 1))
                return issue
            }
            current = item.parent
        }
        return issue
    }

    private static func childPath(_ parent: Located, _ key: String) -> String {
        let base = parent.path
        return base.isEmpty ? key : base + "." + key
    }

    // MARK: - values

    /// Null, blank text, and empty lists or mappings count as absent ("present" means present and not empty).
    static func isEmpty(_ node: Node) -> Bool {
        switch node.content {
        case .scalar(let scalar):
            if scalar.isNull { return true }
            if let text = scalar.textValue {
                // A character is whitespace by its first scalar: text that starts with a visible
                // ASCII character is not blank (the common case, decided without walking it).
                if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
                return text.allSatisfy(\.isWhitespace)
            }
            return false
        // A list of nothing but empty items is empty (`actors: [~]` names no actor); a mapping with
        // an entry is present, whatever its entries hold (presence is shallow).
        case .sequence(let items): return items.allSatisfy(Self.isEmpty)
        case .mapping(let entries): return entries.isEmpty
        }
    }

    /// Whether `node` has the shape `type` asks for at its top level (a mapping for a map, a number
    /// for an amount …), whatever its content.
    static func fitsShape(_ node: Node, _ type: TypeSpec) -> Bool {
        switch type {
        case .any, .named: return true
        case .list: return node.sequence != nil
        case .map: return node.mapping != nil
        case .text, .date:
            if case .string? = node.scalar?.value { return true }
            return false
        case .integer, .amount, .number: return node.scalar?.number != nil
        case .boolean:
            if case .bool? = node.scalar?.value { return true }
            return false
        }
    }

    /// The plain YAML 1.2 reading of a node, for fields whose type is not declared.
    static func generic(_ node: Node) -> CELValue {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            case .double(let d):
                // A number's value does not depend on its spelling (catalogue 1.1, clarification 8):
                // a whole number is an int (`1.0` is 1), or an exact decimal beyond Int64.
                switch scalar.number {
                case .integer(let i)?: return .int(i)
                case .decimal(let exact)? where ExactNumber.isWholeDecimal(exact): return .decimal(exact)
                default: return .double(d)
                }
            case .string(let s): return .string(s)
            }
        case .sequence(let items): return .list(items.map(generic))
        case .mapping(let entries):
            return .map(CELMap(strings: entries.compactMap { entry in entry.key.scalar.map { ($0.text, generic(entry.value)) } }))
        }
    }

    /// How a value is shown in a message: scalars as written (quoted if they were), containers by their kind.
    static func describe(_ node: Node) -> String {
        switch node.content {
        case .scalar(let scalar):
            let text = scalar.text.count > 40 ? String(scalar.text.prefix(37)) + "…" : scalar.text
            switch scalar.style {
            case .singleQuoted, .doubleQuoted: return "\"\(text)\""
            default: return text
            }
        case .sequence: return "type.list"
        case .mapping: return "type.map"
        }
    }

    static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && (1...days[month - 1]).contains(day)
    }

    /// The known key a misspelt one most likely meant, if any is close enough.
    static func closest(to key: String, in known: [String]) -> String? { KeySuggestion.closest(to: key, in: known) }
}
