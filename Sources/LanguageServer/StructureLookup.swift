import DossierModel
import Foundation
import Validators

/// The kind's declared structure at a place of a dossier, and what the rule sets say may stand
/// there: the field and its type, the keys a mapping allows, the values a code list, a
/// parameter list, the ISO tables or the organisations offer.
struct StructureLookup {
    let outline: KindOutline
    /// The places the rules compare with a list, a table or the organisations, and with what.
    let placed: [(pattern: [PathPattern.Step], source: ValueSource)]

    init(_ outline: KindOutline) {
        self.outline = outline
        var placed: [(pattern: [PathPattern.Step], source: ValueSource)] = []
        for (rule, _) in outline.rules where rule.builtin == nil {
            for check in rule.checks {
                let texts = check.lets.map(\.expression.source) + [check.when?.source, check.assertion.source].compactMap { $0 }
                for base in check.forEach.isEmpty ? [[]] : check.forEach.map(\.steps) {
                    for text in texts { placed += Self.comparisons(in: text, base: base) }
                }
            }
        }
        self.placed = placed
    }

    /// The places where an organisation id is expected.
    var referencePlaces: [[PathPattern.Step]] { placed.filter { $0.source == .organisations }.map(\.pattern) }

    /// The field at `path` (keys and list indexes from the document's root), named types resolved.
    func field(at path: [PathComponent]) -> FieldSpec? {
        var fields = outline.fields
        var current: FieldSpec?
        var index = 0
        while index < path.count {
            switch path[index] {
            case .key(let key):
                guard let found = fields.first(where: { $0.name == key }) else { return nil }
                current = found
            case .index:
                guard let list = current, case .list(let item) = outline.resolve(list.type) else { return nil }
                current = item
            }
            if let current, case .map(let inner) = outline.resolve(current.type) { fields = inner } else { fields = [] }
            index += 1
        }
        return current
    }

    /// The fields a mapping at `path` may hold (the top level for the empty path), those that
    /// do not apply to this kind left out.
    func fields(inMappingAt path: [PathComponent]) -> [FieldSpec] {
        let fields: [FieldSpec]
        if path.isEmpty {
            fields = outline.fields
        } else {
            guard let field = field(at: path) else { return [] }
            switch outline.resolve(field.type) {
            case .map(let inner): fields = inner
            case .list(let item):
                guard case .map(let inner) = outline.resolve(item.type) else { return [] }
                fields = inner
            default: return []
            }
        }
        return fields.filter { $0.onlyIf.map { outline.condition($0) != false } ?? true }
    }

    /// Where values come from, for the place at `path`.
    enum ValueSource: Equatable {
        case codes([String])
        case parameter(String)
        case countries
        case subdivisions
        case organisations
    }

    /// What may stand at `path`: its code list or template values, and what the rules compare it with.
    func valueSources(at path: [PathComponent]) -> [ValueSource] {
        var sources: [ValueSource] = []
        if let field = field(at: path) {
            if let codes = field.oneOf { sources.append(.codes(codes)) }
            if field.template != nil {
                var values: [String] = []
                for language in Language.allCases {
                    if let value = outline.templateValue(field, language: language), case .string(let text) = value,
                        !values.contains(text)
                    {
                        values.append(text)
                    }
                }
                // `kind`: the template gives this kind; any kind the rule sets know may stand there.
                if field.name == "kind", path.count == 1 { values = outline.sets.compactMap(\.kind) }
                if !values.isEmpty { sources.append(.codes(values)) }
            }
        }
        sources += placed.filter { Self.matches($0.pattern, path) }.map(\.source)
        var unique: [ValueSource] = []
        for source in sources where !unique.contains(source) { unique.append(source) }
        return unique
    }

    /// The comparisons of an expression that say what stands where: `item.f in params.p`,
    /// `isoCountry(item.f)`, `isoSubdivision(item.f)`, `isRegionOf(item.f, …)`, `isOrganisationId(item)`.
    static func comparisons(in expression: String, base: [PathPattern.Step]) -> [(
        pattern: [PathPattern.Step], source: ValueSource
    )] {
        var found: [(pattern: [PathPattern.Step], source: ValueSource)] = []
        let patterns: [(String, (String) -> ValueSource)] = [
            (#"\b(self|item)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s+in\s+params\.([A-Za-z_][A-Za-z0-9_]*)"#, { .parameter($0) }),
            (#"\bisoCountry\((self|item)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)\)"#, { _ in .countries }),
            (#"\b(?:isoSubdivision|isRegionOf)\((self|item)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)[,)]"#, { _ in .subdivisions }),
            (#"\bisOrganisationId\((self|item)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)\)"#, { _ in .organisations }),
        ]
        for (pattern, source) in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            let range = NSRange(expression.startIndex..., in: expression)
            for match in regex.matches(in: expression, range: range) {
                func group(_ i: Int) -> String {
                    guard i < match.numberOfRanges, let r = Swift.Range(match.range(at: i), in: expression) else { return "" }
                    return String(expression[r])
                }
                let root = group(1) == "self" ? [] : base
                let keys = group(2).split(separator: ".").map { PathPattern.Step.key(String($0)) }
                found.append((root + keys, source(group(3))))
            }
        }
        return found
    }

    /// Whether a rule's path pattern reaches the place `path`.
    static func matches(_ pattern: [PathPattern.Step], _ path: [PathComponent]) -> Bool {
        guard pattern.count == path.count else { return false }
        for (step, component) in zip(pattern, path) {
            switch (step, component) {
            case (.key(let a), .key(let b)) where a == b: continue
            case (.anyKey, .key): continue
            case (.anyIndex, .index): continue
            case (.index(let a), .index(let b)) where a == b: continue
            default: return false
            }
        }
        return true
    }
}
