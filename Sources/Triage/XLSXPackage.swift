import Foundation
import Reporting
import ZIPFoundation

/// Sheets → an Office Open XML workbook (ECMA-376, the `.xlsx` Excel and LibreOffice open):
/// the package's parts zipped with ZIPFoundation. Strings are written inline in their cells,
/// numbers as values with a number format (€, %), never formulas.
public enum XLSXPackage {
    /// The cell styles of `styles.xml`, by their index in `cellXfs`.
    enum Style: Int {
        case plain = 0
        case header
        case euro
        case percent
        case integer
    }

    /// Excel refuses longer cell texts.
    static let maximumText = 32_767

    /// The workbook's bytes. `modified` dates the package's entries (so the same report gives the same file).
    public static func data(_ sheets: [SpreadsheetSheet], modified: Date) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet))) }
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: modified,
                compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    // MARK: - package parts

    static func contentTypes(_ count: Int) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            """
        for index in 1...max(1, count) {
            xml +=
                "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    static func workbook(_ sheets: [SpreadsheetSheet]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
            """
        for (index, sheet) in sheets.enumerated() {
            xml += "<sheet name=\"\(escape(sheetName(sheet.name)))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        // Excel keeps a sheet's filter range as this hidden name; without it, it repairs the file.
        let filtered = sheets.enumerated().filter { $0.element.filters }
        if !filtered.isEmpty {
            xml += "<definedNames>"
            for (index, sheet) in filtered {
                xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
                xml += "'\(escape(sheetName(sheet.name)))'!\(absoluteRange(sheet))</definedName>"
            }
            xml += "</definedNames>"
        }
        return xml + "</workbook>"
    }

    static func workbookRelationships(_ count: Int) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """
        for index in 1...max(1, count) {
            xml +=
                "<Relationship Id=\"rId\(index)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml +=
            "<Relationship Id=\"rId\(count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    /// Formats 164 (euro, two decimals, thousands grouped as the reader's settings say) and the
    /// built-in 10 (`0.00%`) and 1 (`0`); cell styles in the order of `Style`.
    static let euroFormat = #"#,##0.00\ "€""#

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="\(escape(euroFormat))"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="5">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    static func worksheet(_ sheet: SpreadsheetSheet) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            """
        xml.reserveCapacity(200 + sheet.rows.count * sheet.header.count * 40)
        xml += "<dimension ref=\"\(range(sheet))\"/>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\">"
        if sheet.frozenColumns > 0 {
            let corner = column(sheet.frozenColumns) + "2"
            xml +=
                "<pane xSplit=\"\(sheet.frozenColumns)\" ySplit=\"1\" topLeftCell=\"\(corner)\" activePane=\"bottomRight\" state=\"frozen\"/>"
            xml += "<selection pane=\"bottomRight\" activeCell=\"\(corner)\" sqref=\"\(corner)\"/>"
        } else {
            xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
        }
        xml += "</sheetView></sheetViews>"
        if !sheet.widths.isEmpty {
            xml += "<cols>"
            for (index, width) in sheet.widths.enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        xml += "<row r=\"1\">"
        for (index, title) in sheet.header.enumerated() where !title.isEmpty {
            xml += cell(.text(title), at: column(index) + "1", style: .header)
        }
        xml += "</row>"
        for (offset, row) in sheet.rows.enumerated() {
            let number = offset + 2
            xml += "<row r=\"\(number)\">"
            for (index, value) in row.enumerated() where value != .empty {
                xml += cell(value, at: column(index) + String(number), style: nil)
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if sheet.filters { xml += "<autoFilter ref=\"\(range(sheet))\"/>" }
        return xml + "</worksheet>"
    }

    static func cell(_ value: SpreadsheetSheet.Cell, at reference: String, style: Style?) -> String {
        func styled(_ fallback: Style) -> String {
            let index = (style ?? fallback).rawValue
            return index == 0 ? "" : " s=\"\(index)\""
        }
        switch value {
        case .empty, .text(""):
            return ""
        case .text(let text):
            let clean = escape(cellText(text))
            let space = clean.first == " " || clean.last == " " || clean.contains("\n") ? " xml:space=\"preserve\"" : ""
            return "<c r=\"\(reference)\" t=\"inlineStr\"\(styled(.plain))><is><t\(space)>\(clean)</t></is></c>"
        case .integer(let number):
            return "<c r=\"\(reference)\"\(styled(.integer))><v>\(number)</v></c>"
        case .euro(let amount):
            return "<c r=\"\(reference)\"\(styled(.euro))><v>\(amount)</v></c>"
        case .percent(let ratio):
            return ratio.isFinite ? "<c r=\"\(reference)\"\(styled(.percent))><v>\(ratio)</v></c>" : ""
        case .number(let number):
            return number.isFinite ? "<c r=\"\(reference)\"\(styled(.plain))><v>\(number)</v></c>" : ""
        }
    }

    // MARK: - names and text

    /// `A`, …, `Z`, `AA`, … for a 0-based column.
    static func column(_ index: Int) -> String {
        var index = index
        var letters = ""
        repeat {
            letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
            index = index / 26 - 1
        } while index >= 0
        return letters
    }

    static func range(_ sheet: SpreadsheetSheet) -> String {
        "A1:\(column(max(0, sheet.header.count - 1)))\(sheet.rows.count + 1)"
    }

    static func absoluteRange(_ sheet: SpreadsheetSheet) -> String {
        "$A$1:$\(column(max(0, sheet.header.count - 1)))$\(sheet.rows.count + 1)"
    }

    /// Sheet names: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ name: String) -> String {
        String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
    }

    /// XML 1.0 forbids most control characters: each becomes U+FFFD. Cut to Excel's limit.
    static func cellText(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let allowed = v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v != 0xFFFE && v != 0xFFFF)
            scalars.append(allowed ? scalar : "\u{FFFD}")
        }
        let clean = String(scalars)
        return clean.count > maximumText ? String(clean.prefix(maximumText - 1)) + "…" : clean
    }

    static func escape(_ text: String) -> String { HTMLText.escape(text) }
}
