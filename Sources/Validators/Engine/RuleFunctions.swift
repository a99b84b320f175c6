import CEL
import DossierModel
import Foundation

/// Functions the rule language offers beyond standard CEL, for every rule set.
/// Documented in docs/rule-files.md.
enum RuleFunctions {
    static func register(in environment: CELEnvironment, iso: ISO3166) {
        // isoCountry('BE') → true: an ISO 3166-1 alpha-2 code.
        environment.defineNative("isoCountry", arity: 1) { arguments throws(CELError) in
            guard arguments.count == 1, case .string(let code) = arguments[0] else {
                throw CELError(message: "isoCountry takes one string")
            }
            return .bool(iso.isCountry(code))
        }
        // isoSubdivision('BE-WLG') → {code, country, type, parent}, or null when unknown.
        let subdivisions = BuiltOnce(unknown: .null) { code in
            iso.subdivision(code).map { subdivision in
                .map(
                    CELMap(strings: [
                        ("code", .string(subdivision.code)), ("country", .string(subdivision.country)),
                        ("type", .string(subdivision.type)), ("parent", .string(subdivision.parent ?? "")),
                    ]))
            }
        }
        environment.defineNative("isoSubdivision", arity: 1) { arguments throws(CELError) in
            guard arguments.count == 1, case .string(let code) = arguments[0] else {
                throw CELError(message: "isoSubdivision takes one string")
            }
            return subdivisions.value(of: code)
        }
        // isoCountries() → ['AD', 'AE', …]: every ISO 3166-1 alpha-2 code, in order (made on
        // first call: a run whose rules never ask pays nothing for it).
        let countries = BuiltOnce(unknown: .list([])) { _ in .list(iso.countryCodes.map { .string($0) }) }
        environment.defineNative("isoCountries") { arguments throws(CELError) in
            guard arguments.isEmpty else { throw CELError(message: "isoCountries takes no arguments") }
            return countries.value(of: "")
        }
        // isoRegions('BE') → ['BE-BRU', 'BE-VLG', 'BE-WAL']: the country's subdivisions that lie in
        // no other (its first level), in order; [] for a country without any or an unknown code.
        let regions = BuiltOnce(unknown: .list([])) { country in
            iso.isCountry(country) ? .list(iso.firstLevelSubdivisions(of: country).map { .string($0) }) : nil
        }
        environment.defineNative("isoRegions") { arguments throws(CELError) in
            guard arguments.count == 1, case .string(let country) = arguments[0] else {
                throw CELError(message: "isoRegions takes one string")
            }
            return regions.value(of: country)
        }
        // closestCode('be', ['BE', 'DE']) → 'BE': the code a value off a code list most likely
        // meant (another case, the part after `-`, a slip in a longer code), or '' (CodeSuggestion).
        environment.defineNative("closestCode") { arguments throws(CELError) in
            guard arguments.count == 2, case .string(let value) = arguments[0], case .list(let items) = arguments[1] else {
                throw CELError(message: "closestCode takes a string and a list of strings")
            }
            let codes = items.compactMap { item -> String? in
                if case .string(let code) = item { return code }
                return nil
            }
            return .string(CodeSuggestion.closest(to: value, in: codes) ?? "")
        }
        // ['BE', 'DE', 'BE'].distinct() → ['BE', 'DE']: first occurrences, in order (CEL equality).
        environment.defineNative("distinct", receiverStyle: true, arity: 1) { arguments throws(CELError) in
            guard arguments.count == 1, case .list(let items) = arguments[0] else {
                throw CELError(message: "distinct is called on a list, without arguments")
            }
            var kept: [CELValue] = []
            for item in items where !kept.contains(where: { $0.celEquals(item) }) { kept.append(item) }
            return .list(kept)
        }
        // [{id: 'a', …}, {id: 'b', …}].indexBy('id') → {'a': {id: 'a', …}, 'b': {id: 'b', …}}: each
        // element under the value of its field (the first element where two share one); elements
        // without the field, or whose value cannot be a key, are left out. A lookup in the result
        // is one step where `list.filter(o, o.id == x)` is one per element.
        environment.defineNative("indexBy", receiverStyle: true, arity: 2) { arguments throws(CELError) in
            guard arguments.count == 2, case .list(let items) = arguments[0], case .string(let field) = arguments[1] else {
                throw CELError(message: "indexBy is called on a list, with the name of a field")
            }
            var index = CELMap()
            for item in items {
                guard case .map(let element) = item else { continue }
                guard let key = element[field] else {
                    // An item whose key is still to be filled in: which keys the index has is unknown.
                    if element.unknownKeys.contains(field) { throw CELError.unknown }
                    continue
                }
                switch key {
                case .string, .int, .uint, .bool:
                    if index[key] == nil { index[key] = item }
                default:
                    continue
                }
            }
            return .map(index)
        }
    }
}

/// Values the rule functions make from the ISO 3166 table, each once per run and by key: a rule
/// reads the same few codes for every organisation of every dossier. Shared by the threads that
/// check dossiers.
private final class BuiltOnce: @unchecked Sendable {
    private let make: @Sendable (String) -> CELValue?
    private let unknown: CELValue
    private var built: [String: CELValue] = [:]
    private let lock = NSLock()

    /// `make` gives nil for an unknown key, answered with `unknown` and not kept: a hostile dossier
    /// could name millions of them.
    init(unknown: CELValue, make: @escaping @Sendable (String) -> CELValue?) {
        self.unknown = unknown
        self.make = make
    }

    func value(of key: String) -> CELValue {
        if let known = lock.withLock({ built[key] }) { return known }
        guard let value = make(key) else { return unknown }
        lock.withLock { built[key] = value }
        return value
    }
}
