/// The table of a call's triage as CSV, one row per dossier, for a spreadsheet. Shares are
/// ratios (0.2857), amounts exact decimals in euro.
///
/// Two dialects: RFC 4180 (comma-separated, `.` decimals, no byte-order mark: what programs
/// read), and `excel-eu`, what Excel opens directly under Belgian, Dutch, French or German
/// regional settings: a UTF-8 byte-order mark (without it Excel reads the file in the
/// system's ANSI code page, "PÃ´le"), `;` between fields (those settings' list separator,
/// which Excel splits on when it opens a `.csv`) and a decimal comma (`0,2857`, `160000,01`).
/// Both end lines with CRLF and quote fields holding the separator, quotes or line breaks.
public struct CSVReportWriter: Sendable {
    public enum Dialect: String, Sendable, CaseIterable {
        case rfc4180
        case excelEU = "excel-eu"

        var separator: Character { self == .rfc4180 ? "," : ";" }
    }

    public let dialect: Dialect

    public init(dialect: Dialect = .rfc4180) { self.dialect = dialect }

    public static let columns = [
        "file", "document", "id", "title", "kind", "applicant", "admissible", "errors", "warnings", "infos", "partners",
        "sme_share", "research_share", "total_eligible_eur", "total_requested_eur", "public_share", "new_partners",
        "duplicate", "parse_error", "failed_rules", "id_from_broken_file",
    ]

    public func write(_ report: CallReport) -> String {
        let separator = String(dialect.separator)
        var lines = [Self.columns.joined(separator: separator)]
        let duplicates = report.duplicatesByRow
        for (row, dossier) in report.dossiers.enumerated() {
            let figures = dossier.figures
            let newPartners = report.history?.newPartners[row] ?? nil
            let fields: [String] = [
                dossier.file, String(dossier.document), dossier.id ?? "", dossier.title ?? "", dossier.kind ?? "",
                figures?.applicant ?? "", dossier.admissible ? "yes" : "no", String(dossier.errors), String(dossier.warnings),
                String(dossier.infos), figures.map { String($0.partners) } ?? "", decimal(FigureText.ratio(figures?.smeShare)),
                decimal(FigureText.ratio(figures?.researchShare)), decimal(FigureText.amount(figures?.eligible)),
                decimal(FigureText.amount(figures?.requested)), decimal(FigureText.ratio(figures?.publicShare)),
                newPartners.map(String.init) ?? "",
                (duplicates[row] ?? []).map(\.reason.rawValue).joined(separator: " "),
                dossier.parseError ?? "", dossier.failedRules.joined(separator: " "),
                dossier.identityFromBrokenFile ? "yes" : "",
            ]
            lines.append(fields.map(quote).joined(separator: separator))
        }
        let text = lines.joined(separator: "\r\n") + "\r\n"
        return dialect == .excelEU ? "\u{FEFF}" + text : text
    }

    /// A locale-free number (`0.2857`) in the dialect's decimal separator.
    func decimal(_ number: String) -> String {
        dialect == .excelEU ? number.replacingOccurrences(of: ".", with: ",") : number
    }

    func quote(_ field: String) -> String {
        let separator = dialect.separator
        guard field.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
