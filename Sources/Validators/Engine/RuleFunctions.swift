import CEL
import DossierModel

/// Functions the rule language offers beyond standard CEL, for every rule set.
/// Documented in docs/rule-files.md.
enum RuleFunctions {
    static func register(in environment: CELEnvironment, iso: ISO3166) {
        // isoCountry('BE') → true: an ISO 3166-1 alpha-2 code.
        environment.defineNative("isoCountry") { arguments throws(CELError) in
            guard arguments.count == 1, case .string(let code) = arguments[0] else {
                throw CELError(message: "isoCountry takes one string")
            }
            return .bool(iso.countries[code] != nil)
        }
        // isoSubdivision('BE-WLG') → {code, country, type, parent}, or null when unknown.
        environment.defineNative("isoSubdivision") { arguments throws(CELError) in
            guard arguments.count == 1, case .string(let code) = arguments[0] else {
                throw CELError(message: "isoSubdivision takes one string")
            }
            guard let subdivision = iso.subdivisions[code] else { return .null }
            return .map(
                CELMap([
                    (.string("code"), .string(subdivision.code)),
                    (.string("country"), .string(subdivision.country)),
                    (.string("type"), .string(subdivision.type)),
                    (.string("parent"), .string(subdivision.parent ?? "")),
                ]))
        }
        // ['BE', 'DE', 'BE'].distinct() → ['BE', 'DE']: first occurrences, in order (CEL equality).
        environment.defineNative("distinct", receiverStyle: true) { arguments throws(CELError) in
            guard arguments.count == 1, case .list(let items) = arguments[0] else {
                throw CELError(message: "distinct is called on a list, without arguments")
            }
            var kept: [CELValue] = []
            for item in items where !kept.contains(where: { $0.celEquals(item) }) { kept.append(item) }
            return .list(kept)
        }
        // [a, b, c].indexOf(b) → 1; -1 when absent.
        environment.defineNative("indexOf", receiverStyle: true) { arguments throws(CELError) in
            guard arguments.count == 2, case .list(let items) = arguments[0] else {
                throw CELError(message: "indexOf is called on a list with one argument")
            }
            return .int(Int64(items.firstIndex(of: arguments[1]) ?? -1))
        }
    }
}
