import Foundation
import TestSupport
import Testing

@testable import Triage

/// The Excel workbook of the bundled examples' triage, read back by openpyxl (PyPI, installed
/// into .venv-tools/ by scripts/test.sh, through scripts/read-workbook.py): the four sheets,
/// every cell of the Dossiers and Findings sheets as the JSON report has it, real numbers in
/// € and % formats, a frozen header with filters, and no formula anywhere.
@Suite struct WorkbookTests {
    static let reader = Fixtures.repositoryFile("scripts/read-workbook.py")

    struct Cell {
        var value: Any
        var type: String
        var format: String
        var text: String? { value as? String }
        var number: Double? { type == "n" ? (value as? NSNumber)?.doubleValue : nil }
    }

    struct Sheet {
        var title: String
        var freeze: String?
        var filter: String?
        var rows: [[Cell?]]
    }

    static func read(_ workbook: URL) throws -> (sheets: [Sheet], warnings: [String])? {
        if let reason = PythonValidator.unavailable(module: "openpyxl") {
            PythonValidator.skip("the workbook read back by openpyxl", because: reason)
            return nil
        }
        let run = try PythonValidator.run([PythonValidator.python.path, reader.path, workbook.path])
        try #require(run.status == 0, "openpyxl could not read the workbook: \(run.output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let sheets = (object["sheets"] as? [[String: Any]] ?? []).map { sheet in
            Sheet(
                title: sheet["title"] as? String ?? "", freeze: sheet["freeze"] as? String, filter: sheet["filter"] as? String,
                rows: (sheet["rows"] as? [[Any]] ?? []).map { row in
                    row.map { cell in
                        (cell as? [String: Any]).map {
                            Cell(
                                value: $0["value"] as Any, type: $0["type"] as? String ?? "",
                                format: $0["format"] as? String ?? "")
                        }
                    }
                })
        }
        return (sheets, object["warnings"] as? [String] ?? [])
    }

    static func decimal(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    @Test func theWorkbookHoldsTheReportsFigures() throws {
        let examples = try TriagedExamples.shared.get()
        guard let (sheets, warnings) = try Self.read(examples.workbook) else { return }
        #expect(warnings.isEmpty, "openpyxl warned: \(warnings)")
        #expect(sheets.map(\.title) == ["Dossiers", "Findings", "Organisations", "Summary"])
        for sheet in sheets {
            for row in sheet.rows {
                for cell in row.compactMap({ $0 }) {
                    #expect(cell.type != "f", "\(sheet.title): a formula")
                    #expect(!(cell.text?.hasPrefix("=") ?? false) || cell.type == "s", "\(sheet.title): text read as a formula")
                }
            }
        }

        let dossiers = try #require(sheets.first)
        let header = dossiers.rows.first?.map { $0?.text ?? "" } ?? []
        #expect(
            header == [
                "ID", "Title", "Kind", "Applicant", "Admissible", "Errors", "Warnings", "Notes", "Partners", "SMEs",
                "Research units",
                "SME share", "Research share", "Total eligible", "Total requested", "Public share", "Rules", "Submitted twice",
                "File", "Document", "Cannot be read as a dossier",
            ])
        #expect(dossiers.freeze == "B2", "the header row and the id column stay in view")
        #expect(dossiers.filter == "A1:U\(examples.dossiers.count + 1)")
        let rows = Array(dossiers.rows.dropFirst())
        #expect(rows.count == examples.dossiers.count)
        let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($0.element, $0.offset) })
        func cell(_ row: [Cell?], _ name: String) -> Cell? { column[name].flatMap { $0 < row.count ? row[$0] : nil } }
        func text(_ value: Any?) -> String? { (value as? String).flatMap { $0.isEmpty ? nil : $0 } }
        var amounts = 0
        for (row, json) in zip(rows, examples.dossiers) {
            let id = (json["id"] as? String) ?? (json["file"] as? String) ?? ""
            let marked = json["identityFromBrokenFile"] as? Bool == true ? " (read from a broken file)" : ""
            #expect(cell(row, "ID")?.text == id + marked)
            #expect(cell(row, "Title")?.text == text(json["title"]), "\(id): title")
            #expect(cell(row, "Kind")?.text == text(json["kind"]), "\(id): kind")
            #expect(cell(row, "Applicant")?.text == text(json["applicant"]), "\(id): applicant")
            #expect(cell(row, "Admissible")?.text == (json["admissible"] as? Bool == true ? "yes" : "no"))
            for (name, key) in [
                ("Errors", "errors"), ("Warnings", "warnings"), ("Notes", "infos"), ("Partners", "partners"),
                ("SMEs", "smes"), ("Research units", "researchUnits"), ("Document", "document"),
            ] {
                let found = cell(row, name)
                #expect(found?.number == Self.decimal(json[key]), "\(id): \(name)")
                if found != nil { #expect(found?.type == "n" && found?.format == "0", "\(id): \(name) as a whole number") }
            }
            for (name, key) in [("Total eligible", "eligible"), ("Total requested", "requested")] {
                let found = cell(row, name)
                guard let expected = json[key] as? NSNumber else {
                    #expect(found == nil, "\(id): no \(name)")
                    continue
                }
                amounts += 1
                #expect(found?.type == "n", "\(id): \(name) is a number")
                #expect(found?.format == #"#,##0.00\ "€""#, "\(id): \(name) in euro")
                // The cell holds the JSON's exact decimal, as a spreadsheet's double holds it.
                #expect(
                    found?.number == Double(expected.stringValue),
                    "\(id): \(name) \(String(describing: found?.value)) vs \(expected)")
            }
            for (name, key) in [("SME share", "smeShare"), ("Research share", "researchShare"), ("Public share", "publicShare")] {
                let found = cell(row, name)
                guard let expected = Self.decimal(json[key]) else {
                    #expect(found == nil, "\(id): no \(name)")
                    continue
                }
                #expect(found?.format == "0.00%", "\(id): \(name) as a percentage")
                #expect(abs((found?.number ?? -1) - expected) <= 5e-7, "\(id): \(name)")
            }
            #expect(cell(row, "Rules")?.text == text((json["failedRules"] as? [String])?.joined(separator: " ")), "\(id): rules")
            #expect(cell(row, "File")?.text == json["file"] as? String)
            #expect(cell(row, "Cannot be read as a dossier")?.text == text(json["parseError"]), "\(id): parse error")
        }
        #expect(amounts > 20)

        // Findings: one row per finding, in the report's order.
        let findings = sheets[1]
        #expect(findings.freeze == "B2")
        #expect(
            findings.rows.first?.map { $0?.text ?? "" } == [
                "Dossier", "Rule", "Severity", "Message", "Line", "Column", "Path", "File", "Source",
            ])
        let expected = examples.dossiers.flatMap { dossier in
            (dossier["findings"] as? [[String: Any]] ?? []).map { (dossier, $0) }
        }
        #expect(findings.rows.count - 1 == expected.count)
        for (row, (dossier, finding)) in zip(findings.rows.dropFirst(), expected) {
            let label = (dossier["id"] as? String) ?? (dossier["file"] as? String)
            #expect(row.count >= 6)
            guard row.count >= 6 else { continue }
            #expect(row[0]?.text == label)
            #expect(row[1]?.text == finding["rule"] as? String)
            #expect(
                row[2]?.text == ["error": "error", "warning": "warning", "info": "note"][finding["severity"] as? String ?? ""])
            #expect(row[3]?.text == finding["message"] as? String)
            #expect(row[4]?.number == Self.decimal(finding["line"]))
            #expect(row[5]?.number == Self.decimal(finding["column"]))
            #expect((row.count > 6 ? row[6]?.text : nil) == text(finding["path"]))
            // The document and section the rule cites, as the JSON report gives them.
            #expect((row.count > 8 ? row[8]?.text : nil) == text(finding["source"]), "\(label ?? ""): source")
        }

        // Organisations: one row per organisation of each dossier, each in one dossier at least.
        let organisations = sheets[2]
        let count = examples.dossiers.reduce(0) { $0 + (($1["organisations"] as? [Any])?.count ?? 0) }
        #expect(organisations.rows.count - 1 == count)
        let spread = organisations.rows.dropFirst().compactMap { $0.count > 6 ? $0[6]?.number : nil }
        #expect(spread.allSatisfy { $0 >= 1 })
        let shared = examples.json["sharedOrganisations"] as? [[String: Any]] ?? []
        #expect(spread.contains { $0 > 1 } == !shared.isEmpty)

        // Summary: the call's figures.
        let summary = sheets[3]
        func figure(_ label: String) -> Cell? {
            summary.rows.first { $0.first??.text == label }.flatMap { $0.count > 1 ? $0[1] : nil }
        }
        #expect(figure("Dossiers")?.number == Self.decimal(examples.summary["dossiers"]))
        #expect(figure("Admissible")?.number == Self.decimal(examples.summary["admissible"]))
        #expect(figure("Total eligible")?.number == Double((examples.summary["eligible"] as? NSNumber)?.stringValue ?? ""))
        #expect(figure("Total eligible")?.format == #"#,##0.00\ "€""#)
        #expect(figure("Call")?.text == examples.json["call"] as? String)
    }
}

/// The workbook's cells as XML: names of columns, text that must stay text, characters XML forbids.
@Suite struct XLSXPackageTests {
    @Test func columnNames() {
        #expect([0, 25, 26, 51, 701, 702].map(XLSXPackage.column) == ["A", "Z", "AA", "AZ", "ZZ", "AAA"])
    }

    @Test func textThatLooksLikeAFormulaStaysText() {
        let xml = XLSXPackage.cell(.text("=HYPERLINK(\"x\")"), at: "B2", style: nil)
        #expect(xml == "<c r=\"B2\" t=\"inlineStr\"><is><t>=HYPERLINK(&quot;x&quot;)</t></is></c>")
        #expect(!xml.contains("<f>"))
    }

    @Test func forbiddenCharactersAndOverlongTextAreMadeWritable() {
        #expect(XLSXPackage.cellText("a\u{1}b\u{B}c\td") == "a\u{FFFD}b\u{FFFD}c\td")
        let long = String(repeating: "x", count: 40_000)
        #expect(XLSXPackage.cellText(long).count == XLSXPackage.maximumText)
        #expect(XLSXPackage.cell(.text(""), at: "A1", style: nil).isEmpty, "an empty text is no cell")
        #expect(XLSXPackage.cell(.percent(.nan), at: "A1", style: nil).isEmpty)
        #expect(XLSXPackage.cell(.euro("160000.01"), at: "C3", style: nil) == "<c r=\"C3\" s=\"2\"><v>160000.01</v></c>")
    }
}
