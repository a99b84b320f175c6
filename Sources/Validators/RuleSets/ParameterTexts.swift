import CEL
import Foundation

/// Titles and descriptions that show parameters (`at least {params.min_rd_sme_share:percent}`):
/// filled in once the parameters are final (after `extends` and the configuration), in each
/// language the set declares, so that every command shows the figures the rules apply.
enum ParameterTexts {
    static func fill(_ sets: [RuleSet]) -> [RuleSet] {
        let byName = Dictionary(sets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return sets.map { set in
            guard set.rules.contains(where: { needsFilling($0.title) || ($0.description.map(needsFilling) ?? false) }) else {
                return set
            }
            let parameters = EffectiveRuleSets.closure(set, byName).reversed().flatMap(\.parameters)
            let values: [String: CELValue] = [
                "params": .map(CELMap(parameters.map { (.string($0.name), CompiledKind.celValue($0.value)) }))
            ]
            var set = set
            for index in set.rules.indices {
                set.rules[index].title = fill(set.rules[index].title, values, set.declaredLanguages)
                set.rules[index].description = set.rules[index].description.map { fill($0, values, set.declaredLanguages) }
            }
            return set
        }
    }

    static func needsFilling(_ text: LocalizedText) -> Bool {
        // On the UTF-8 bytes: `String.contains` here is Foundation's (NSString), 3 million
        // instructions of a one-dossier run for the texts of one kind.
        text.texts.values.contains { $0.utf8.firstRange(of: "{params.".utf8) != nil }
    }

    /// The text in each language (a plain text becomes one per language, each with its own
    /// number format).
    static func fill(_ text: LocalizedText, _ values: [String: CELValue], _ languages: [Language]) -> LocalizedText {
        guard needsFilling(text) else { return text }
        var filled = text
        for language in Set(languages + Language.allCases + Array(text.texts.keys)) {
            filled.texts[language] = MessageTemplate.render(text.text(in: language), values: values, language: language)
        }
        return filled
    }

    /// `{params.x}` placeholders of titles and descriptions that name no parameter of the set or
    /// its imports: errors at the rule.
    static func unknownParameters(_ set: RuleSet, byName: [String: RuleSet]) -> [RuleFileError] {
        let known = Set(EffectiveRuleSets.closure(set, byName).flatMap { $0.parameters.map(\.name) })
        var errors: [RuleFileError] = []
        for rule in set.rules {
            for (what, text) in [("title", rule.title), ("description", rule.description ?? LocalizedText([:]))] {
                for template in text.texts.values.sorted() {
                    for placeholder in MessageTemplate.placeholders(in: template) {
                        guard placeholder.hasPrefix("params."), known.contains(String(placeholder.dropFirst("params.".count)))
                        else {
                            errors.append(
                                RuleFileError(
                                    file: set.file, mark: rule.idMark ?? rule.mark,
                                    message:
                                        "rule \(rule.id): its \(what) names `{\(placeholder)}`; a title or description may show parameters only (`{params.NAME}`)"
                                ))
                            continue
                        }
                    }
                }
            }
        }
        return errors
    }
}
