import Foundation
import Validators

/// The triage as an Excel workbook a jury can sort, filter and annotate: Dossiers (one row per
/// dossier, money and shares as real numbers in € and % formats), Findings (one row per
/// finding), Organisations (one row per organisation and dossier, with how many dossiers of
/// the call it is in) and Summary. Headings are in the report's language; no formulas.
public struct WorkbookReportWriter: Sendable {
    public init() {}

    public func write(_ report: CallReport) throws -> Data {
        let labels = TriageLabels(report.language)
        return try XLSXPackage.data(
            [dossiers(report, labels), findings(report, labels), organisations(report, labels), summary(report, labels)],
            modified: report.date)
    }

    typealias Cell = SpreadsheetSheet.Cell

    static func euro(_ value: Decimal?) -> Cell { value.map { .euro($0.description) } ?? .empty }
    static func percent(_ value: Double?) -> Cell { value.map(Cell.percent) ?? .empty }
    static func integer(_ value: Int?) -> Cell { value.map(Cell.integer) ?? .empty }
    static func text(_ value: String?) -> Cell { value.map(Cell.text) ?? .empty }

    func dossiers(_ report: CallReport, _ labels: TriageLabels) -> SpreadsheetSheet {
        var header = [
            labels["id"], labels["dossierTitle"], labels["kind"], labels["applicant"], labels["admissible"], labels["errors"],
            labels["warnings"], labels["infos"], labels["partners"], labels["smes"], labels["researchUnitsColumn"],
            labels["smeShare"],
            labels["researchShare"], labels["eligible"], labels["requested"], labels["publicShare"],
        ]
        var widths = [22, 40, 20, 30, 11, 8, 10, 8, 9, 8, 10, 11, 11, 16, 16, 11]
        if report.history != nil {
            header.append(labels["newPartners"])
            widths.append(10)
        }
        header += [labels["failedRules"], labels["duplicates"], labels["file"], labels["document"], labels["parseError"]]
        widths += [30, 16, 40, 9, 40]
        let duplicates = report.duplicatesByRow
        let rows: [[Cell]] = report.dossiers.enumerated().map { row, dossier in
            let figures = dossier.figures
            var cells: [Cell] = [
                .text(dossier.label + (dossier.identityFromBrokenFile ? " (\(labels["brokenFile"]))" : "")),
                Self.text(dossier.title), Self.text(dossier.kind), Self.text(figures?.applicant),
                .text(labels[dossier.admissible ? "yes" : "no"]), .integer(dossier.errors), .integer(dossier.warnings),
                .integer(dossier.infos), Self.integer(figures?.partners), Self.integer(figures?.smes),
                Self.integer(figures?.researchUnits), Self.percent(figures?.smeShare), Self.percent(figures?.researchShare),
                Self.euro(figures?.eligible), Self.euro(figures?.requested), Self.percent(figures?.publicShare),
            ]
            if let history = report.history { cells.append(Self.integer(history.newPartners[row])) }
            let twice = (duplicates[row] ?? []).map { labels[$0.reason == .sameContent ? "sameContent" : "sameID"] }
            cells += [
                .text(dossier.failedRules.joined(separator: " ")), .text(twice.joined(separator: "; ")), .text(dossier.file),
                .integer(dossier.document), Self.text(dossier.parseError),
            ]
            return cells
        }
        return SpreadsheetSheet(name: "Dossiers", header: header, rows: rows, widths: widths, frozenColumns: 1)
    }

    func findings(_ report: CallReport, _ labels: TriageLabels) -> SpreadsheetSheet {
        var rows: [[Cell]] = []
        for dossier in report.dossiers {
            for located in dossier.findings {
                let finding = located.finding
                rows.append([
                    .text(dossier.label), .text(finding.rule), .text(labels[finding.severity.rawValue]), .text(finding.message),
                    .integer(finding.location.line), .integer(finding.location.column), .text(finding.path), .text(dossier.file),
                    Self.text(located.citation),
                ])
            }
        }
        return SpreadsheetSheet(
            name: "Findings",
            header: [
                labels["dossier"], labels["rule"], labels["severity"], labels["message"], labels["line"], labels["column"],
                labels["path"], labels["file"], labels["sourceColumn"],
            ],
            rows: rows, widths: [22, 10, 12, 80, 7, 8, 36, 40, 36], frozenColumns: 1)
    }

    func organisations(_ report: CallReport, _ labels: TriageLabels) -> SpreadsheetSheet {
        let identities = OrganisationMatcher.identities(report.dossiers)
        var spread: [String: Set<Int>] = [:]
        for (row, keys) in identities.enumerated() {
            for key in keys { if let key { spread[key, default: []].insert(row) } }
        }
        var rows: [[Cell]] = []
        for (row, dossier) in report.dossiers.enumerated() {
            for (position, organisation) in (dossier.figures?.organisations ?? []).enumerated() {
                let key = identities[row][position]
                rows.append([
                    Self.text(organisation.name), Self.text(organisation.registration),
                    .text(labels[organisation.isSME ? "yes" : "no"]), .text(labels[organisation.isResearchUnit ? "yes" : "no"]),
                    .text(dossier.label), Self.text(dossier.kind), Self.integer(key.map { spread[$0]?.count ?? 1 }),
                ])
            }
        }
        return SpreadsheetSheet(
            name: "Organisations",
            header: [
                labels["organisation"], labels["registration"], labels["sme"], labels["research"], labels["dossier"],
                labels["kind"], labels["inDossiers"],
            ],
            rows: rows, widths: [40, 18, 8, 10, 22, 20, 12])
    }

    func summary(_ report: CallReport, _ labels: TriageLabels) -> SpreadsheetSheet {
        let s = report.summary
        var rows: [[Cell]] = [
            [.text(labels["call"]), .text(report.label)],
            [.text(labels["date"]), .text(report.dateText)],
            [.text(labels["tool"]), .text("\(report.tool.name) \(report.tool.version)")],
            [.text(labels["ruleSets"]), .text(report.tool.ruleSets.map { "\($0.name) \($0.version)" }.joined(separator: ", "))],
            [.text(labels["dossiers"]), .integer(s.dossiers)],
            [.text(labels["admissible"]), .integer(s.admissible)],
            [.text(labels["inadmissible"]), .integer(s.inadmissible)],
            [.text(labels["unparsable"]), .integer(s.unparsable)],
            [.text(labels["eligible"]), .euro(s.eligible.description)],
            [.text(labels["requested"]), .euro(s.requested.description)],
        ]
        if let rate = report.history?.rotationRate { rows.append([.text(labels["rotation"]), .percent(rate)]) }
        if !report.callConflict.isEmpty {
            rows.append([
                .text(labels["mixedCalls"]),
                .text(report.callConflict.map { "\($0.call) (\($0.dossiers))" }.joined(separator: ", ")),
            ])
        }
        rows.append([])
        rows.append([
            .text(labels["byKind"]), .text(labels["dossiers"]), .text(labels["admissible"]), .text(labels["eligible"]),
            .text(labels["requested"]),
        ])
        for count in s.byKind {
            rows.append([
                .text(count.kind ?? "—"), .integer(count.dossiers), .integer(count.admissible), Self.euro(count.eligible),
                Self.euro(count.requested),
            ])
        }
        rows.append([])
        rows.append([
            .text(labels["topRules"]), .text(labels["severity"]), .text(labels["dossiers"]), .text(labels["findings"]),
            .text(labels["dossierTitle"]),
        ])
        for rule in s.rules {
            rows.append([
                .text(rule.rule), .text(labels[rule.severity.rawValue]), .integer(rule.dossiers), .integer(rule.findings),
                Self.text(report.ruleTitles[rule.rule]),
            ])
        }
        return SpreadsheetSheet(
            name: "Summary", header: [labels["summary"], "", "", "", ""], rows: rows, widths: [34, 30, 12, 18, 18], filters: false
        )
    }
}
