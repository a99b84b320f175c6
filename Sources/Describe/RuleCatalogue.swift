import Reporting
import Validators

/// The rule sets and their rules (ID, severity, title, source), as a table for people or JSON
/// for programs: `dossiercheck rules list`.
public struct RuleCatalogue {
    public let sets: [RuleSet]
    public let language: Language
    let words: DescribeWords

    /// `sets` in the order given (for a kind: its libraries first).
    public init(sets: [RuleSet], language: Language) {
        self.sets = sets
        self.language = language
        self.words = DescribeWords(language)
    }

    public func text() -> String {
        var out: [String] = []
        for set in sets {
            let kind = set.kind.map { " (kind `\($0)`)" } ?? ""
            out.append("\(set.name) \(set.version)\(kind) — \(set.title.text(in: language))")
            var table = TextTable(leftAligned: [0, 1, 2])
            for rule in set.rules {
                table.rows.append([
                    rule.id, words.report.severity(rule.severity),
                    "\(rule.title.text(in: language)) (\(RuleLine.source(rule, words: words)))",
                ])
            }
            out += table.render()
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    public func json() -> JSONValue {
        .object([
            ("language", .string(language.rawValue)),
            (
                "ruleSets",
                .array(
                    sets.map { set in
                        var entries: [(String, JSONValue)] = [
                            ("name", .string(set.name)), ("version", .string(set.version)),
                            ("kind", set.kind.map(JSONValue.string) ?? .null),
                            ("imports", .array(set.imports.map(JSONValue.string))),
                            ("title", .string(set.title.text(in: language))),
                        ]
                        entries.append(
                            (
                                "rules",
                                .array(
                                    set.rules.map { rule in
                                        var fields: [(String, JSONValue)] = [
                                            ("id", .string(rule.id)), ("severity", .string(rule.severity.rawValue)),
                                            ("title", .string(rule.title.text(in: language))), ("source", .string(rule.source)),
                                        ]
                                        if let description = rule.description {
                                            fields.append(("description", .string(description.text(in: language))))
                                        }
                                        if let builtin = rule.builtin { fields.append(("builtin", .string(builtin.rawValue))) }
                                        return .object(fields)
                                    })
                            ))
                        return .object(entries)
                    })
            ),
        ])
    }
}
