import TestSupport
import Testing
import Validators

/// `funding:` tables and `template:` expressions are as strict as rules: a mistake stops the
/// load, with its place.
extension RuleFileErrorTests {
    static func funding(_ row: String) -> String {
        header + goodRule + """
            funding:
              - title: Per line
                rows:
            \(row)
            """
    }

    static let goodRow = """
              - rules: [TST-001]
                for_each: lines[*]
                let: {n: index + 1}
                label: {en: "line {n}", nl: "regel {n}", fr: "ligne {n}", de: "Zeile {n}"}
                eligible: item.amount
                max_aid: params.cap
                requested: item.asked
        """

    @Test func aWellFormedFundingTableLoads() throws {
        #expect(error(Self.funding(Self.goodRow)) == nil)
        let sets = try RuleSetCollection.parse([("t.yaml", Self.funding(Self.goodRow))])
        #expect(sets.first?.funding.first?.rows.first?.columns.map(\.column) == [.eligible, .maxAid, .requested])
    }

    @Test(arguments: [
        ("        maximum: params.cap\n", "unknown key `maximum` in a funding row"),
        ("        label: {en: \"line {m}\"}\n", "the en label names `{m}`, which no `let` of the row defines"),
        ("        rules: [TST-999]\n", "funding row: no rule `TST-999` in this rule set or its imports"),
        ("        eligible: item.amount +\n", "funding column `eligible`"),
        ("        requested: asked\n", "funding column `requested`: unknown name `asked`"),
        ("        max_aid: params.ceiling\n", "unknown parameter `params.ceiling`"),
        ("        for_each: \"lines[x]\"\n", "`for_each`: `lines[x]` is not a path"),
    ])
    func aBrokenFundingRowIsRejected(_ replacement: String, _ message: String) throws {
        let key = replacement.trimmingCharacters(in: .whitespaces).prefix { $0 != ":" }
        var lines = Self.goodRow.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The line giving the same key is replaced (keeping a leading `- `); a new key is added.
        func body(_ line: String) -> Substring { line.drop { $0 == " " || $0 == "-" } }
        if let index = lines.firstIndex(where: { body($0).hasPrefix(key + ":") }) {
            let lead = lines[index].prefix(lines[index].count - body(lines[index]).count)
            lines[index] = String(lead + body(String(replacement.dropLast())))
        } else {
            lines.append(String(replacement.dropLast()))
        }
        let found = try #require(error(Self.funding(lines.joined(separator: "\n"))))
        #expect(found.message.contains(message), "\(found)")
        #expect(found.file == "local/test.yaml" && found.mark != nil, "\(found)")
    }

    @Test func aTemplateExpressionIsChecked() throws {
        let text =
            Self.header.replacingOccurrences(
                of: "rules:\n", with: "structure:\n  note: {type: text, template: \"lang\"}\nrules:\n") + Self.goodRule
        let found = try #require(error(text))
        #expect(found.message.contains("`template` of field `note`: unknown name `lang`"), "\(found)")
    }
}
