import DossierModel
import Foundation

/// The rule sets as the engine and every command see them: a derived call merged into its base
/// (`extends`), each rule's `source` resolved to a section of a declared document, every text
/// checked against the set's languages and every rule ID against the set's pattern.
///
/// Resolving is idempotent: a merged set no longer `extends` anything.
public enum EffectiveRuleSets {
    /// Everything resolved, or the first error (in the order of the sets).
    public static func resolve(_ sets: [RuleSet]) throws -> [RuleSet] {
        let (resolved, errors) = resolveEach(sets)
        if let first = errors.first { throw first }
        return resolved
    }

    /// The sets that resolve, and every error of those that do not (a set with an error is left
    /// out, and so is a set derived from it).
    public static func resolveEach(_ sets: [RuleSet]) -> (sets: [RuleSet], errors: [RuleFileError]) {
        var errors: [RuleFileError] = []
        var merged = merge(sets, errors: &errors)
        let byName = Dictionary(merged.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var broken: Set<String> = []
        for index in merged.indices {
            let own = Self.check(merged[index], byName: byName)
            if !own.isEmpty {
                errors += own
                broken.insert(merged[index].name)
                continue
            }
            cite(&merged[index], byName: byName)
        }
        return (merged.filter { !broken.contains($0.name) }, errors)
    }

    // MARK: - extends

    /// What a derived set may say besides what it changes.
    static let derivedKeys: Set<String> = [
        "ruleset", "version", "extends", "title", "description", "call", "parameters", "severities", "disabled", "rules",
        "imports", "sources", "languages", "default_language", "examples",
    ]

    /// Each derived set replaced by its base with its changes, bases first resolved themselves;
    /// a derived set that cannot be merged is left out, with its error.
    static func merge(_ sets: [RuleSet], errors: inout [RuleFileError]) -> [RuleSet] {
        var result = sets
        var dropped: Set<Int> = []
        var byName = Dictionary(sets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        // A chain is resolved base first; a set still pending when nothing changes is in a cycle.
        while true {
            var changed = false
            for index in result.indices where !dropped.contains(index) {
                guard let reference = result[index].extends else { continue }
                guard let base = byName[reference.name], !dropped.contains(where: { result[$0].name == reference.name }) else {
                    let known = sets.filter { $0.kind != nil && $0.extends == nil }.map(\.name).sorted().joined(separator: ", ")
                    errors.append(
                        RuleFileError(
                            file: result[index].file, mark: reference.mark,
                            message: "`extends` names rule set `\(reference.name)`, which is not loaded (known: \(known))"))
                    dropped.insert(index)
                    changed = true
                    continue
                }
                guard base.extends == nil else { continue }
                do {
                    result[index] = try derive(result[index], from: base)
                    byName[result[index].name] = result[index]
                } catch {
                    errors.append(
                        error as? RuleFileError ?? RuleFileError(file: result[index].file, mark: nil, message: "\(error)"))
                    dropped.insert(index)
                }
                changed = true
            }
            if !changed { break }
        }
        for index in result.indices where !dropped.contains(index) {
            guard let reference = result[index].extends else { continue }
            errors.append(
                RuleFileError(
                    file: result[index].file, mark: reference.mark,
                    message: "rule set `\(result[index].name)` extends itself through `\(reference.name)`"))
            dropped.insert(index)
        }
        return result.indices.filter { !dropped.contains($0) }.map { result[$0] }
    }

    /// `base` with the changes `derived` makes: its name, version, call and title; parameter
    /// values; severities; disabled and added rules.
    static func derive(_ derived: RuleSet, from base: RuleSet) throws -> RuleSet {
        let reference = derived.extends!
        guard base.version == reference.version else {
            throw RuleFileError(
                file: derived.file, mark: reference.mark,
                message:
                    "`extends` names `\(base.name)` \(reference.version), but the loaded `\(base.name)` is \(base.version) (\(base.file))"
            )
        }
        guard base.kind != nil else {
            throw RuleFileError(
                file: derived.file, mark: reference.mark,
                message:
                    "`extends` names `\(base.name)`, a library: a call derives from a rule set with a `kind` (libraries are imported)"
            )
        }
        for key in derived.keyMarks.keys.sorted() where !derivedKeys.contains(key) {
            throw RuleFileError(
                file: derived.file, mark: derived.keyMarks[key],
                message:
                    "`\(key)` belongs in the base set `\(base.name)`: a derived call changes parameters, severities and disabled rules, adds rules, and names its call"
            )
        }
        var set = base
        for index in set.rules.indices {
            if set.rules[index].inheritedFrom == nil { set.rules[index].inheritedFrom = base.name }
            // The inherited examples stay where they are written: in the base's file.
            for number in set.rules[index].examples.passing.indices where set.rules[index].examples.passing[number].file == nil {
                set.rules[index].examples.passing[number].file = base.file
            }
            for number in set.rules[index].examples.failing.indices where set.rules[index].examples.failing[number].file == nil {
                set.rules[index].examples.failing[number].file = base.file
            }
        }
        for change in derived.callExamples {
            guard let index = set.rules.firstIndex(where: { $0.id == change.rule }) else {
                let known = set.rules.map(\.id).joined(separator: ", ")
                throw RuleFileError(
                    file: derived.file, mark: change.mark,
                    message:
                        "`examples` names rule `\(change.rule)`, which `\(base.name)` does not have: a derived call gives examples for the rules it inherits (known: \(known)); its own rules carry theirs"
                )
            }
            set.rules[index].examples = change.value
        }
        set.name = derived.name
        set.version = derived.version
        set.file = derived.file
        set.extends = nil
        set.derivedFrom = reference
        set.call = derived.call
        if !derived.title.texts.isEmpty { set.title = derived.title }
        set.imports += derived.imports.filter { !set.imports.contains($0) }
        set.sources = derived.sources + base.sources
        if let languages = derived.languages { set.languages = languages }
        if let language = derived.defaultLanguage { set.defaultLanguage = language }
        set.texts = base.texts + derived.texts
        for parameter in derived.parameters {
            guard let index = set.parameters.firstIndex(where: { $0.name == parameter.name }) else {
                let known = set.parameters.map(\.name).sorted().joined(separator: ", ")
                throw RuleFileError(
                    file: derived.file, mark: parameter.mark,
                    message:
                        "`\(base.name)` has no parameter `\(parameter.name)`: a derived call changes the base's parameters (known: \(known))"
                )
            }
            let expected = shape(set.parameters[index].value)
            let given = shape(parameter.value)
            if let expected, let given, expected != given {
                throw RuleFileError(
                    file: derived.file, mark: parameter.mark,
                    message: "parameter `\(parameter.name)` of `\(base.name)` is \(expected); `\(derived.name)` gives \(given)")
            }
            set.parameters[index].value = parameter.value
            set.parameters[index].mark = parameter.mark
            if let description = parameter.description { set.parameters[index].description = description }
        }
        for rule in derived.rules {
            if let existing = base.rules.first(where: { $0.id == rule.id }) {
                throw RuleFileError(
                    file: derived.file, mark: rule.idMark ?? rule.mark,
                    message:
                        "rule \(rule.id) is already a rule of `\(base.name)` (\(base.file):\(existing.mark.line)): change its severity under `severities:` or turn it off under `disabled:`"
                )
            }
            set.rules.append(rule)
        }
        set.severityChanges = base.severityChanges + derived.severityChanges
        set.disabledRules = base.disabledRules + derived.disabledRules
        set.keyMarks = derived.keyMarks
        return set
    }

    /// What kind of value a parameter holds, in words; nil for null (anything may replace it).
    public static func shape(_ value: ParameterValue) -> String? {
        switch value {
        case .null: nil
        case .bool: "true or false"
        case .integer, .decimal: "a number"
        case .text: "a text"
        case .list: "a list"
        case .map: "a table"
        }
    }

    // MARK: - checks of one set

    /// The set and the sets it imports, itself first.
    static func closure(_ set: RuleSet, _ byName: [String: RuleSet]) -> [RuleSet] {
        var order: [RuleSet] = []
        var seen: Set<String> = []
        func visit(_ set: RuleSet) {
            guard seen.insert(set.name).inserted else { return }
            order.append(set)
            for name in set.imports { if let imported = byName[name] { visit(imported) } }
        }
        visit(set)
        return order
    }

    static func check(_ set: RuleSet, byName: [String: RuleSet]) -> [RuleFileError] {
        var errors: [RuleFileError] = []
        if set.derivedFrom == nil, let first = set.callExamples.first {
            errors.append(
                RuleFileError(
                    file: set.file, mark: set.keyMarks["examples"] ?? first.mark,
                    message:
                        "`examples` at the top of a rule file gives a derived call's examples for the rules it inherits; `\(set.name)` extends no set: write each rule's examples under the rule"
                ))
        }
        let languages = set.declaredLanguages
        if let declared = set.languages, let fallback = set.defaultLanguage, !declared.contains(fallback) {
            errors.append(
                RuleFileError(
                    file: set.file, mark: set.keyMarks["default_language"],
                    message: "`default_language` is \(fallback), which `languages` does not list (\(list(declared)))"))
        }
        for entry in set.texts {
            let missing = languages.filter { !entry.languages.contains($0) }
            if !missing.isEmpty {
                errors.append(
                    RuleFileError(
                        file: set.file, mark: entry.mark,
                        message:
                            "\(entry.what) has no \(list(missing, quoted: true)) text: give it in every language the set declares (\(list(languages))), or as one plain text for all"
                    ))
            }
            let extra = entry.languages.filter { !languages.contains($0) }.sorted()
            if !extra.isEmpty {
                errors.append(
                    RuleFileError(
                        file: set.file, mark: entry.mark,
                        message:
                            "\(entry.what) has a \(list(extra, quoted: true)) text, a language the set does not declare (`languages`: \(list(languages)))"
                    ))
            }
        }
        if let (pattern, mark) = set.ruleIDPattern, let regex = try? NSRegularExpression(pattern: "^(?:\(pattern))$") {
            for rule in set.rules {
                let range = NSRange(rule.id.startIndex..., in: rule.id)
                if regex.firstMatch(in: rule.id, range: range) == nil {
                    errors.append(
                        RuleFileError(
                            file: set.file, mark: rule.idMark ?? rule.mark,
                            message:
                                "rule ID `\(rule.id)` does not match the set's `rule_ids` pattern `\(pattern)` (line \(mark.line))"
                        ))
                }
            }
        } else {
            for rule in set.rules where !isRuleID(rule.id) {
                errors.append(
                    RuleFileError(
                        file: set.file, mark: rule.idMark ?? rule.mark,
                        message:
                            "rule ID `\(rule.id)` is not one word of letters, digits and `-`, `_` or `.` (write it as `ABC-001`; `rule_ids:` may set a pattern): a dossier's `# dossiercheck-disable` and the configuration name rules by it"
                    ))
            }
        }
        errors += ParameterTexts.unknownParameters(set, byName: byName)
        let members = closure(set, byName)
        let known = Set(members.flatMap { $0.rules.map(\.id) + $0.unreadableRules })
        for change in set.disabledRules where !known.contains(change.rule) {
            errors.append(unknownRule(change.rule, in: "disabled", set: set, mark: change.mark, known: known))
        }
        for change in set.severityChanges where !known.contains(change.rule) {
            errors.append(unknownRule(change.rule, in: "severities", set: set, mark: change.mark, known: known))
        }
        return errors
    }

    private static func unknownRule(_ id: String, in key: String, set: RuleSet, mark: Mark, known: Set<String>) -> RuleFileError {
        var message = "`\(key)` names rule `\(id)`, which neither `\(set.name)` nor a set it imports has"
        if let suggestion = KeySuggestion.closest(to: id, in: known.sorted()) { message += " (did you mean `\(suggestion)`?)" }
        return RuleFileError(file: set.file, mark: mark, message: message)
    }

    static func list(_ languages: [Language], quoted: Bool = false) -> String {
        let names = languages.map { quoted ? "`\($0.rawValue)`" : $0.rawValue }
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    // MARK: - citations

    /// `format §1` names the document `format`; anything else is a section of the set's own
    /// first document (else the first its imports declare).
    static func resolveSource(_ source: String, in set: RuleSet, documents: [SourceDocument]) -> (SourceDocument?, String) {
        let trimmed = source.trimmingCharacters(in: .whitespaces)
        let first = String(trimmed.prefix { $0 != " " })
        if let document = documents.first(where: { $0.id == first }) {
            return (document, trimmed.dropFirst(first.count).trimmingCharacters(in: .whitespaces))
        }
        return (nil, trimmed)
    }

    static func cite(_ set: inout RuleSet, byName: [String: RuleSet]) {
        let documents = closure(set, byName).flatMap(\.sources)
        for change in set.severityChanges {
            if let index = set.rules.firstIndex(where: { $0.id == change.rule }) { set.rules[index].severity = change.value }
        }
        for index in set.rules.indices {
            let (named, section) = resolveSource(set.rules[index].source, in: set, documents: documents)
            // A section without a document name is of the set's own first document, else of the
            // first its imports declare (the bundled sets' report): only the former is "named".
            set.rules[index].citation = Citation(
                document: named ?? documents.first, section: section, named: named != nil || !set.sources.isEmpty)
        }
    }
}

/// Whether `id` can be named where rules are listed (`# dossiercheck-disable A, B`, `disable:`):
/// one word of ASCII letters, digits, `-`, `_` and `.`, beginning with a letter or digit.
func isRuleID(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || ("0"..."9").contains(first)
    else { return false }
    return id.unicodeScalars.allSatisfy { scalar in
        scalar.isASCII
            && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
    }
}
