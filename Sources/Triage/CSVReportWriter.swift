/// The table of a call's triage as CSV (RFC 4180: comma-separated, CRLF line ends, fields with
/// commas, quotes or line breaks quoted), one row per dossier, for a spreadsheet. Shares are
/// ratios (0.2857), amounts exact decimals in euro.
public struct CSVReportWriter: Sendable {
    public init() {}

    public static let columns = [
        "file", "document", "id", "title", "kind", "applicant", "admissible", "errors", "warnings", "infos", "partners",
        "sme_share", "research_share", "total_eligible_eur", "total_requested_eur", "public_share", "new_partners",
        "duplicate", "parse_error",
    ]

    public func write(_ report: CallReport) -> String {
        var lines = [Self.columns.joined(separator: ",")]
        let duplicates = report.duplicatesByRow
        for (row, dossier) in report.dossiers.enumerated() {
            let figures = dossier.figures
            let newPartners = report.history?.newPartners[row] ?? nil
            let fields: [String] = [
                dossier.file, String(dossier.document), dossier.id ?? "", dossier.title ?? "", dossier.kind ?? "",
                figures?.applicant ?? "", dossier.admissible ? "yes" : "no", String(dossier.errors), String(dossier.warnings),
                String(dossier.infos), figures.map { String($0.partners) } ?? "", FigureText.ratio(figures?.smeShare),
                FigureText.ratio(figures?.researchShare), FigureText.amount(figures?.eligible),
                FigureText.amount(figures?.requested), FigureText.ratio(figures?.publicShare),
                newPartners.map(String.init) ?? "",
                (duplicates[row] ?? []).map(\.reason.rawValue).joined(separator: " "),
                dossier.parseError ?? "",
            ]
            lines.append(fields.map(Self.quote).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
