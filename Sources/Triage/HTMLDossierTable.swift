import Foundation
import Reporting
import Validators

/// The report's table: one row per dossier, its controls (filters, rule, columns, what to
/// print), and a totals row the page's script keeps equal to the sum of the rows shown.
extension HTMLReportWriter {
    /// The columns of the table: label key, numeric; the money columns cannot be hidden.
    static let columns: [(key: String, numeric: Bool)] = [
        ("id", false), ("dossierTitle", false), ("kind", false), ("applicant", false), ("admissible", false),
        ("errors", true), ("warnings", true), ("partners", true), ("smeShare", true), ("researchShare", true),
        ("eligible", true), ("requested", true), ("publicShare", true),
    ]
    static let alwaysShown: Set<String> = ["id", "dossierTitle", "eligible", "requested", "publicShare"]
    /// Columns summed in the totals row.
    static let summed: Set<String> = ["errors", "warnings", "partners", "eligible", "requested", "newPartners"]

    func table(_ report: CallReport, _ labels: TriageLabels, into html: inout String) {
        let e = HTMLText.escape
        let language = report.language
        let kinds = Array(Set(report.dossiers.compactMap(\.kind))).sorted()
        let history = report.history
        let duplicates = report.duplicatesByRow
        var columns = Self.columns
        if history != nil { columns.append(("newPartners", true)) }
        columns.append(("failedRules", false))

        html += "<section class=\"block\" id=\"table\">\n<h2>\(e(labels["dossiers"]))</h2>\n<div class=\"controls\">"
        html +=
            "<input type=\"search\" id=\"filter\" placeholder=\"\(e(labels["filter"]))\" aria-label=\"\(e(labels["filter"]))\">"
        html +=
            "<select id=\"kind-filter\" aria-label=\"\(e(labels["kind"]))\"><option value=\"\">\(e(labels["allKinds"]))</option>"
        for kind in kinds { html += "<option value=\"\(e(kind))\">\(e(kind))</option>" }
        html += "</select><select id=\"admissible-filter\" aria-label=\"\(e(labels["admissible"]))\">"
        html += "<option value=\"\">\(e(labels["admissible"])): \(e(labels["all"]))</option>"
        html +=
            "<option value=\"yes\">\(e(labels["admissible"]))</option><option value=\"no\">\(e(labels["inadmissible"]))</option></select>"
        html +=
            "<select id=\"rule-filter\" aria-label=\"\(e(labels["rule"]))\"><option value=\"\">\(e(labels["allRules"]))</option>"
        for rule in report.summary.rules {
            html += "<option value=\"\(e(rule.rule))\">\(e(rule.rule)) (\(rule.dossiers))</option>"
        }
        html += "</select>"
        html += "<details class=\"columns\"><summary>\(e(labels["columns"]))</summary><div>"
        for (index, column) in columns.enumerated() {
            let fixed = Self.alwaysShown.contains(column.key)
            html +=
                "<label><input type=\"checkbox\" data-column=\"\(index)\" checked\(fixed ? " disabled" : "")> \(e(labels[column.key]))</label>"
        }
        html += "</div></details>"
        html += "<label class=\"print-choice\">\(e(labels["printDetails"])) <select id=\"print-details\">"
        for (value, key) in [("none", "printNone"), ("inadmissible", "printInadmissible"), ("all", "printAll")] {
            html += "<option value=\"\(value)\"\(value == "inadmissible" ? " selected" : "")>\(e(labels[key]))</option>"
        }
        html += "</select></label><button type=\"button\" id=\"print\">\(e(labels["print"]))</button>"
        html +=
            "<span class=\"count\"><output id=\"shown\">\(report.dossiers.count)</output> \(e(labels["of"])) \(report.dossiers.count) \(e(labels["shown"]))</span></div>\n"

        html += "<div class=\"table-wrap\"><table id=\"dossier-table\" \(Self.euroPattern(language))><thead><tr>"
        for column in columns {
            html +=
                "<th data-key=\"\(column.key)\" data-type=\"\(column.numeric ? "number" : "text")\" aria-sort=\"none\"\(column.numeric ? " class=\"num\"" : "")>"
            // Chromium does not paint buttons in the heading rows it repeats on printed pages: paper gets the text alone.
            html +=
                "<button type=\"button\">\(e(labels[column.key]))</button><span class=\"print-label\" aria-hidden=\"true\">\(e(labels[column.key]))</span></th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for (row, dossier) in report.dossiers.enumerated() {
            let figures = dossier.figures
            let rules = dossier.failedRules
            let search =
                [dossier.id, dossier.title, dossier.kind, figures?.applicant, dossier.file, dossier.parseError]
                .compactMap { $0 }.joined(separator: " ") + " " + rules.joined(separator: " ")
            html +=
                "<tr data-row=\"\(row)\" data-kind=\"\(e(dossier.kind ?? ""))\" data-admissible=\"\(dossier.admissible ? "yes" : "no")\""
            html += " data-rules=\" \(e(rules.joined(separator: " "))) \" data-search=\"\(e(search.lowercased()))\">"
            let dup = (duplicates[row] ?? []).isEmpty ? "" : " <span class=\"dup\" title=\"\(e(labels["duplicates"]))\">⧉</span>"
            let broken =
                dossier.identityFromBrokenFile ? " <span class=\"broken\" title=\"\(e(labels["brokenFile"]))\">⚠</span>" : ""
            // A row without an id shows its file's name (the whole path in the tooltip), so the column stays narrow.
            let shown =
                dossier.id ?? (dossier.file.split(separator: "/").last.map(String.init) ?? dossier.file)
                + (dossier.document == 0 ? "" : "#\(dossier.document)")
            html +=
                "<td class=\"id\" data-v=\"\(e(dossier.label))\" title=\"\(e(dossier.label))\"><a href=\"#d-\(row)\">\(e(shown))</a>\(broken)\(dup)</td>"
            let title = dossier.title ?? (dossier.parseError.map { "(\($0))" } ?? "")
            html += "<td class=\"title\" title=\"\(e(dossier.title ?? dossier.parseError ?? ""))\">\(e(title))</td>"
            html += "<td class=\"kind\" title=\"\(e(dossier.kind ?? ""))\">\(e(dossier.kind ?? ""))</td>"
            html += "<td class=\"applicant\" title=\"\(e(figures?.applicant ?? ""))\">\(e(figures?.applicant ?? ""))</td>"
            html +=
                "<td data-v=\"\(dossier.admissible ? "yes" : "no")\"><span class=\"badge \(dossier.admissible ? "yes" : "no")\">\(e(labels[dossier.admissible ? "yes" : "no"]))</span></td>"
            html +=
                "<td class=\"num\" data-v=\"\(dossier.errors)\">\(dossier.errors)</td><td class=\"num\" data-v=\"\(dossier.warnings)\">\(dossier.warnings)</td>"
            html += Self.numberCell(figures.map { Double($0.partners) }, figures.map { String($0.partners) })
            html += Self.numberCell(figures?.smeShare, figures?.smeShare.map { Self.percent($0, language) })
            html += Self.numberCell(figures?.researchShare, figures?.researchShare.map { Self.percent($0, language) })
            html += Self.amountCell(figures?.eligible, language)
            html += Self.amountCell(figures?.requested, language)
            html += Self.numberCell(figures?.publicShare, figures?.publicShare.map { Self.percent($0, language) })
            if let history {
                let fresh = history.newPartners[row]
                html += Self.numberCell(fresh.map(Double.init), fresh.map(String.init))
            }
            html += "<td class=\"rules\" data-v=\"\(e(rules.joined(separator: " ")))\">"
            html += rules.map { "<span class=\"chip\" data-rule=\"\(e($0))\">\(e($0))</span>" }.joined(separator: " ")
            html += "</td></tr>\n"
        }
        html += "</tbody>\n<tfoot><tr id=\"totals\">"
        for (index, column) in columns.enumerated() {
            if index == 0 {
                html +=
                    "<th scope=\"row\" class=\"id\">\(e(labels["totals"])) (<span class=\"rows\">\(report.dossiers.count)</span>)</th>"
            } else if Self.summed.contains(column.key) {
                html += "<td class=\"num\" data-key=\"\(column.key)\"></td>"
            } else {
                html += "<td></td>"
            }
        }
        html += "</tr></tfoot></table></div>\n<p class=\"hint\">\(e(labels["sortHint"]))</p>\n</section>\n"
    }

    /// How the page's script writes a sum in euro as `NumberFormat.euro` does: the text around
    /// the digits and the two separators, read from a sample.
    static func euroPattern(_ language: Language) -> String {
        let sample = NumberFormat.euro(Decimal(string: "1234.5", locale: nil)!, in: language)
        let characters = Array(sample)
        guard let first = characters.firstIndex(where: \.isNumber), let last = characters.lastIndex(where: \.isNumber),
            first + 1 < characters.count, last >= 2
        else { return "" }
        let prefix = String(characters[..<first])
        let suffix = String(characters[(last + 1)...])
        let group = String(characters[first + 1])
        let decimal = String(characters[last - 2])
        let e = HTMLText.escape
        return
            "data-euro-prefix=\"\(e(prefix))\" data-euro-suffix=\"\(e(suffix))\" data-group=\"\(e(group))\" data-decimal=\"\(e(decimal))\""
    }
}
