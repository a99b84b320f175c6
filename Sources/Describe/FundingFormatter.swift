import Foundation
import Reporting
import Validators

/// Writes funding sheets (`dossiercheck funding`) as tables for people or JSON for programs: per
/// row the eligible cost, the rate or cap that applies, the maximum aid, what is requested, the
/// difference, and which of the row's money rules the dossier breaks there.
public struct FundingFormatter {
    /// One dossier's sheet with the open findings of its check, to mark the rows they concern.
    public struct Entry: Sendable {
        public var file: String
        public var sheet: FundingSheet
        public var findings: [Finding]

        public init(file: String, sheet: FundingSheet, findings: [Finding]) {
            self.file = file
            self.sheet = sheet
            self.findings = findings
        }
    }

    public init() {}

    /// The rules of `line` that have a finding at its node or inside it.
    public static func breaches(of line: FundingSheet.Line, in findings: [Finding]) -> [String] {
        var rules: [String] = []
        guard let path = line.path else { return [] }
        for finding in findings where line.rules.contains(finding.rule) && !rules.contains(finding.rule) {
            if path.isEmpty || finding.path == path || finding.path.hasPrefix(path + ".") || finding.path.hasPrefix(path + "[") {
                rules.append(finding.rule)
            }
        }
        return rules
    }

    public func text(_ entries: [Entry]) -> String {
        var out: [String] = []
        for entry in entries {
            let sheet = entry.sheet
            let words = DescribeWords(sheet.language)
            let name = [sheet.id, sheet.kind.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            out.append("\(entry.file)\(name.isEmpty ? "" : " — " + name)")
            if let title = sheet.title { out.append(title) }
            out.append("")
            if sheet.tables.isEmpty {
                out += ["  " + words.noFundingView(kind: sheet.kind ?? "?"), ""]
                continue
            }
            for table in sheet.tables where !table.lines.isEmpty {
                out.append(table.title + (table.rules.isEmpty ? "" : " (\(table.rules.joined(separator: ", ")))"))
                out += render(table, findings: entry.findings, words: words)
                out.append("")
            }
            out.append(words.overLimit)
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    private func render(_ table: FundingSheet.Table, findings: [Finding], words: DescribeWords) -> [String] {
        let lines = table.lines + (table.total.map { [$0] } ?? [])
        let language = words.language
        let columns = FundingColumn.allCases.filter { column in
            lines.contains { column.isRatio ? !$0.rates.isEmpty : $0.amounts[column] != nil }
        }
        let showDifference = lines.contains { $0.difference != nil }
        let marks = lines.map { Self.breaches(of: $0, in: findings) }
        let showFindings = marks.contains { !$0.isEmpty }
        var grid = TextTable()
        var heading = [""] + columns.map { table.headings[$0] ?? words.heading($0) }
        if showDifference { heading.append(words.difference) }
        if showFindings { heading.append(words.findings) }
        grid.rows.append(heading)
        for (line, breaches) in zip(lines, marks) {
            var row = [line.label]
            for column in columns {
                if column.isRatio {
                    row.append(
                        line.rates.isEmpty
                            ? "—" : line.rates.map { NumberFormat.percent($0, in: language) }.joined(separator: " / "))
                } else {
                    row.append(line.amounts[column].map { Self.euro($0, language) } ?? "—")
                }
            }
            if showDifference { row.append(line.difference.map { Self.euro($0, language) } ?? "—") }
            if showFindings { row.append(breaches.joined(separator: ", ")) }
            grid.rows.append(row)
        }
        if showFindings { grid.leftAligned.insert(heading.count - 1) }
        return grid.render()
    }

    /// A sum of money, a minus sign before the currency for a negative one.
    static func euro(_ value: Decimal, _ language: Language) -> String {
        value < 0 ? "-" + NumberFormat.euro(-value, in: language) : NumberFormat.euro(value, in: language)
    }

    public func json(_ entries: [Entry]) -> JSONValue {
        func amount(_ value: Decimal?) -> JSONValue { value.map { .number("\($0)") } ?? .null }
        func line(_ line: FundingSheet.Line, findings: [Finding]) -> JSONValue {
            var fields: [(String, JSONValue)] = [("label", .string(line.label))]
            fields.append(("path", line.path.map(JSONValue.string) ?? .null))
            if let location = line.location { fields += [("line", .int(location.line)), ("column", .int(location.column))] }
            fields.append(("rules", .array(line.rules.map(JSONValue.string))))
            for column in FundingColumn.allCases where !column.isRatio {
                fields.append((Self.key(column), amount(line.amounts[column])))
            }
            fields.append(("rates", .array(line.rates.map { .number("\($0)") })))
            fields.append(("difference", amount(line.difference)))
            fields.append(("breaches", .array(Self.breaches(of: line, in: findings).map(JSONValue.string))))
            return .object(fields)
        }
        return .object([
            (
                "dossiers",
                .array(
                    entries.map { entry in
                        let sheet = entry.sheet
                        return .object([
                            ("file", .string(entry.file)), ("index", .int(sheet.index)),
                            ("id", sheet.id.map(JSONValue.string) ?? .null),
                            ("kind", sheet.kind.map(JSONValue.string) ?? .null),
                            ("title", sheet.title.map(JSONValue.string) ?? .null),
                            ("language", .string(sheet.language.rawValue)),
                            (
                                "tables",
                                .array(
                                    sheet.tables.map { table in
                                        .object([
                                            ("title", .string(table.title)), ("rules", .array(table.rules.map(JSONValue.string))),
                                            ("lines", .array(table.lines.map { line($0, findings: entry.findings) })),
                                            ("total", table.total.map { line($0, findings: entry.findings) } ?? .null),
                                        ])
                                    })
                            ),
                        ])
                    })
            )
        ])
    }

    /// The JSON key of a column: `eligible`, `cap`, `maxAid`, `requested`.
    static func key(_ column: FundingColumn) -> String {
        column == .maxAid ? "maxAid" : column.rawValue
    }
}
