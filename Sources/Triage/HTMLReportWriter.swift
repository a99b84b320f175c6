import Foundation
import Reporting
import Validators

/// The triage as one self-contained HTML page a jury can open from a file: a summary, a
/// sortable and filterable table with one row per dossier, organisations found in several
/// dossiers, duplicates, the comparison with earlier calls, and a section per dossier with its
/// findings and the source lines they point at. Style and script are inside the page; its
/// content security policy forbids loading anything.
public struct HTMLReportWriter: Sendable {
    public init() {}

    public func write(_ report: CallReport) -> String {
        let labels = TriageLabels(report.language)
        var html = ""
        html.reserveCapacity(4096 + report.dossiers.count * 1500)
        let e = HTMLText.escape
        html += """
            <!DOCTYPE html>
            <html lang="\(labels.pageLanguage.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(HTMLReportAssets.contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="\(e(report.tool.name)) \(e(report.tool.version))">
            <title>\(e(labels["title"])) — \(e(report.label))</title>
            <style>
            \(HTMLReportAssets.style)
            \(HTMLReportAssets.printStyle(call: report.label, title: labels["title"], page: labels["page"]))
            </style>
            </head>
            <body>
            <header class="page">
            <h1>\(e(labels["title"])) — \(e(report.label))</h1>
            <p>\(report.summary.dossiers) \(e(labels["dossiers"]).lowercased()) · \(e(report.dateText)) · \(e(labels["generated"])) \(e(report.tool.name)) \(e(report.tool.version)) · \(e(labels["ruleSets"])): \(e(report.tool.ruleSets.map { "\($0.name) \($0.version)" }.joined(separator: ", ")))</p>
            <p class="print-only" id="print-filter" data-label="\(e(labels["filteredPrint"]))" hidden></p>
            </header>
            <nav class="toc"><a href="#summary">\(e(labels["summary"]))</a><a href="#table">\(e(labels["dossiers"]))</a><a href="#organisations">\(e(labels["sharedOrganisations"]))</a><a href="#duplicates">\(e(labels["duplicates"]))</a>\(report.history == nil ? "" : "<a href=\"#history\">\(e(labels["history"]))</a>")<a href="#details">\(e(labels["details"]))</a></nav>
            <main>

            """
        if !report.callConflict.isEmpty {
            let names = report.callConflict.map { "<code>\(e($0.call))</code> (\($0.dossiers))" }.joined(separator: ", ")
            html +=
                "<p class=\"warning\" id=\"call-conflict\" role=\"alert\"><strong>\(e(labels["mixedCalls"]))</strong>: \(names) — "
            html += "\(e(labels["mixedCallsHint"])) <code>\(e(report.label))</code>; \(e(labels["chooseCall"])).</p>\n"
        }
        summary(report, labels, into: &html)
        table(report, labels, into: &html)
        organisations(report, labels, into: &html)
        duplicates(report, labels, into: &html)
        history(report, labels, into: &html)
        details(report, labels, into: &html)
        html += "</main>\n<script>\n\(HTMLReportAssets.script)\n</script>\n</body>\n</html>\n"
        return html
    }

    // MARK: - sections

    private func summary(_ report: CallReport, _ labels: TriageLabels, into html: inout String) {
        let e = HTMLText.escape
        let s = report.summary
        let language = report.language
        func card(_ value: String, _ label: String, _ style: String = "") -> String {
            "<div class=\"card \(style)\"><div class=\"value\">\(e(value))</div><div class=\"label\">\(e(label))</div></div>"
        }
        html += "<section class=\"block\" id=\"summary\">\n<h2>\(e(labels["summary"]))</h2>\n<div class=\"cards\">"
        html += card(String(s.dossiers), labels["dossiers"])
        html += card(String(s.admissible), labels["admissible"], "ok")
        html += card(String(s.inadmissible), labels["inadmissible"], s.inadmissible > 0 ? "err" : "")
        if s.unparsable > 0 { html += card(String(s.unparsable), labels["unparsable"], "err") }
        html += card(NumberFormat.euro(s.eligible, in: language), labels["eligible"])
        html += card(NumberFormat.euro(s.requested, in: language), labels["requested"])
        if let rate = report.history?.rotationRate { html += card(Self.percent(rate, language), labels["rotation"]) }
        html += "</div>\n"
        if report.skipped > 0 { html += "<p class=\"muted\">\(report.skipped) \(e(labels["skipped"]))</p>\n" }
        html += "<div class=\"grid\">\n"

        html += "<div><h3>\(e(labels["byKind"]))</h3>\n<table class=\"small\"><thead><tr><th>\(e(labels["kind"]))</th>"
        html += "<th class=\"num\">\(e(labels["dossiers"]))</th><th class=\"num\">\(e(labels["admissible"]))</th>"
        html +=
            "<th class=\"num\">\(e(labels["eligible"]))</th><th class=\"num\">\(e(labels["requested"]))</th></tr></thead><tbody>\n"
        for count in s.byKind {
            html +=
                "<tr><td class=\"kind\">\(e(count.kind ?? "—"))</td><td class=\"num\">\(count.dossiers)</td><td class=\"num\">\(count.admissible)</td>"
            html +=
                "<td class=\"num\">\(Self.euro(count.eligible, language))</td><td class=\"num\">\(Self.euro(count.requested, language))</td></tr>\n"
        }
        html += "</tbody></table></div>\n"

        html += "<div><h3>\(e(labels["smeDistribution"]))</h3>\n<div class=\"bars\" id=\"sme-share\">\n"
        let widest = max(1, s.smeShare.map(\.dossiers).max() ?? 1)
        for bin in s.smeShare {
            let from = Int((bin.from * 100).rounded())
            let to = Int((bin.to * 100).rounded())
            let width = Double(bin.dossiers) / Double(widest) * 100
            html +=
                "<span>\(from)–\(to) %</span><span class=\"bar-track\"><span class=\"bar\" style=\"display:block;width:\(String(format: "%.1f", width))%\"></span></span><span class=\"num\">\(bin.dossiers)</span>\n"
        }
        html += "</div>\n"
        if s.withoutPartners > 0 { html += "<p class=\"muted\">\(s.withoutPartners) \(e(labels["withoutPartners"]))</p>\n" }
        html += "</div>\n</div>\n"

        html += "<div class=\"rules\"><h3>\(e(labels["topRules"]))</h3>\n"
        if s.rules.isEmpty {
            html += "<p class=\"muted\">\(e(labels["noFindings"]))</p>"
        } else {
            html +=
                "<table class=\"small\" id=\"top-rules\"><thead><tr><th>\(e(labels["rule"]))</th><th>\(e(labels["severity"]))</th>"
            html +=
                "<th class=\"num\">\(e(labels["dossiers"]))</th><th class=\"num\">\(e(labels["findings"]))</th></tr></thead><tbody>\n"
            for rule in s.rules.prefix(10) {
                let title = report.ruleTitles[rule.rule].map { " <span class=\"muted\">\(e($0))</span>" } ?? ""
                html +=
                    "<tr><td><button type=\"button\" class=\"chip\" data-rule=\"\(e(rule.rule))\">\(e(rule.rule))</button>\(title)</td><td>\(Self.severity(rule.severity, labels))</td>"
                html += "<td class=\"num\">\(rule.dossiers)</td><td class=\"num\">\(rule.findings)</td></tr>\n"
            }
            html += "</tbody></table><p class=\"hint\">\(e(labels["ruleFilterHint"]))</p>"
        }
        html += "</div>\n</section>\n"
    }

    private func organisations(_ report: CallReport, _ labels: TriageLabels, into html: inout String) {
        let e = HTMLText.escape
        guard open("organisations", labels["sharedOrganisations"], count: report.shared.count, labels, into: &html) else {
            return
        }
        html +=
            "<div class=\"scroll\"><table class=\"small\"><thead><tr><th>\(e(labels["organisation"]))</th><th>\(e(labels["registration"]))</th>"
        html += "<th class=\"num\">\(e(labels["dossiers"]))</th><th></th></tr></thead><tbody>\n"
        for organisation in report.shared {
            let links = organisation.dossiers.map { "<a href=\"#d-\($0)\">\(e(report.dossiers[$0].label))</a>" }.joined(
                separator: ", ")
            let list =
                organisation.dossiers.count > 12
                ? "<details><summary>\(organisation.dossiers.count) \(e(labels["dossiers"]).lowercased())</summary>\(links)</details>"
                : links
            html += "<tr><td>\(e(organisation.name))</td><td>\(e(organisation.registration ?? ""))</td>"
            html += "<td class=\"num\">\(organisation.dossiers.count)</td><td>\(list)</td></tr>\n"
        }
        html += "</tbody></table></div>\n</section>\n"
    }

    private func duplicates(_ report: CallReport, _ labels: TriageLabels, into html: inout String) {
        let e = HTMLText.escape
        guard open("duplicates", labels["duplicates"], count: report.duplicates.count, labels, into: &html) else { return }
        html += "<ul>\n"
        for group in report.duplicates {
            let members = group.dossiers.map { row in
                let dossier = report.dossiers[row]
                return "<a href=\"#d-\(row)\">\(e(dossier.label))</a> <span class=\"muted\">(\(e(dossier.file)))</span>"
            }.joined(separator: ", ")
            html +=
                "<li><strong>\(e(labels[group.reason == .sameContent ? "sameContent" : "sameID"]))</strong>: \(members)</li>\n"
        }
        html += "</ul>\n</section>\n"
    }

    /// Opens a section headed `title (count)`; with nothing to list it says so, closes it and returns false.
    private func open(_ id: String, _ title: String, count: Int, _ labels: TriageLabels, into html: inout String) -> Bool {
        html += "<section class=\"block\" id=\"\(id)\">\n<h2>\(HTMLText.escape(title)) (\(count))</h2>\n"
        guard count > 0 else {
            html += "<p class=\"muted\">\(HTMLText.escape(labels["none"]))</p>\n</section>\n"
            return false
        }
        return true
    }

    private func history(_ report: CallReport, _ labels: TriageLabels, into html: inout String) {
        guard let history = report.history else { return }
        let e = HTMLText.escape
        html += "<section class=\"block\" id=\"history\">\n<h2>\(e(labels["history"]))</h2>\n"
        html += "<dl class=\"figures\"><dt>\(e(labels["call"]))</dt><dd>\(e(history.label))</dd>"
        html += "<dt>\(e(labels["earlierCalls"]))</dt><dd>\(history.earlierCalls)</dd>"
        html += "<dt>\(e(labels["organisations"]))</dt><dd>\(history.organisations)</dd>"
        if let rate = history.rotationRate {
            html +=
                "<dt>\(e(labels["rotation"]))</dt><dd><strong>\(Self.percent(rate, report.language))</strong> — \(history.newOrganisations) \(e(labels["rotationExplained"]))</dd>"
        }
        html += "</dl>\n"
        if history.earlierCalls == 0 { html += "<p class=\"muted\">\(e(labels["firstCall"]))</p>\n" }
        if history.rerun { html += "<p class=\"muted\">\(e(labels["rerun"]))</p>\n" }
        html += "</section>\n"
    }

    private func details(_ report: CallReport, _ labels: TriageLabels, into html: inout String) {
        let e = HTMLText.escape
        let language = report.language
        let duplicates = report.duplicatesByRow
        html += "<section class=\"block\" id=\"details\">\n<h2>\(e(labels["details"]))</h2>\n"
        for (row, dossier) in report.dossiers.enumerated() {
            let figures = dossier.figures
            html += "<article class=\"dossier\" id=\"d-\(row)\">\n<h3>\(e(dossier.label))"
            if let title = dossier.title { html += " — \(e(title))" }
            html +=
                " <span class=\"badge \(dossier.admissible ? "yes" : "no")\">\(e(labels[dossier.admissible ? "admissible" : "inadmissible"]))</span></h3>\n"
            if dossier.identityFromBrokenFile { html += "<p class=\"warning\">⚠ \(e(labels["brokenFile"]))</p>\n" }
            html +=
                "<dl class=\"figures\"><dt>\(e(labels["file"]))</dt><dd><code>\(e(dossier.file))</code>\(dossier.document > 0 ? " #\(dossier.document)" : "")</dd>"
            if let kind = dossier.kind { html += "<dt>\(e(labels["kind"]))</dt><dd>\(e(kind))</dd>" }
            if let call = dossier.call { html += "<dt>\(e(labels["call"]))</dt><dd>\(e(call))</dd>" }
            if let applicant = figures?.applicant { html += "<dt>\(e(labels["applicant"]))</dt><dd>\(e(applicant))</dd>" }
            if let figures {
                html +=
                    "<dt>\(e(labels["partners"]))</dt><dd>\(figures.partners) (\(figures.smes) \(e(labels["smes"])), \(figures.researchUnits) \(e(labels["researchUnits"])))</dd>"
                if let eligible = figures.eligible {
                    html += "<dt>\(e(labels["eligible"]))</dt><dd>\(e(NumberFormat.euro(eligible, in: language)))</dd>"
                }
                if let requested = figures.requested {
                    html += "<dt>\(e(labels["requested"]))</dt><dd>\(e(NumberFormat.euro(requested, in: language)))</dd>"
                }
                if let share = figures.publicShare {
                    html += "<dt>\(e(labels["publicShare"]))</dt><dd>\(Self.percent(share, language))</dd>"
                }
            }
            if let fresh = report.history?.newPartners[row] { html += "<dt>\(e(labels["newPartners"]))</dt><dd>\(fresh)</dd>" }
            for group in duplicates[row] ?? [] {
                let others = group.dossiers.filter { $0 != row }.map {
                    "<a href=\"#d-\($0)\">\(e(report.dossiers[$0].label))</a>"
                }
                html +=
                    "<dt>\(e(labels["duplicates"]))</dt><dd>\(e(labels[group.reason == .sameContent ? "sameContent" : "sameID"])): \(others.joined(separator: ", "))</dd>"
            }
            html += "</dl>\n"
            if let error = dossier.parseError { html += "<p><strong>\(e(labels["parseError"]))</strong>: \(e(error))</p>\n" }
            if dossier.findings.isEmpty {
                html += "<p class=\"muted\">\(e(labels["noFindings"]))</p>\n"
            } else {
                html += "<ol class=\"findings\">\n"
                for located in dossier.findings { finding(located, dossier, labels, into: &html) }
                html += "</ol>\n"
            }
            html += "<p><a href=\"#table\">↑ \(e(labels["backToTable"]))</a></p>\n</article>\n"
        }
        html += "</section>\n"
    }

    private func finding(_ located: LocatedFinding, _ dossier: TriagedDossier, _ labels: TriageLabels, into html: inout String) {
        let e = HTMLText.escape
        let finding = located.finding
        // The page is in the language of its labels; a message in another (the dossier's, or the
        // default or English its rule set fell back to) is tagged with its own.
        let text = finding.language ?? dossier.language
        html +=
            "<li class=\"sev-\(finding.severity.rawValue)\">\(Self.severity(finding.severity, labels)) <code>\(e(finding.rule))</code> <span class=\"message\"\(Self.lang(text, in: labels))>\(e(finding.message))</span>"
        let path = finding.path.isEmpty ? "" : " · <code>\(e(finding.path))</code>"
        html += "<div class=\"where\">\(e(dossier.file)):\(finding.location.line):\(finding.location.column)\(path)</div>"
        html += HTMLCodeFrame.html(located.frame, preClass: "source")
        if let help = finding.help {
            html +=
                "<div class=\"help\"><strong>\(e(labels["help"]))</strong>: <span\(Self.lang(text, in: labels))>\(e(help))</span></div>"
        }
        // Where the rule comes from, as the terminal's note says it: the programme and the document
        // its set cites (a programme's own guidelines, not the report, when it names them).
        if let provenance = ReportVocabulary(dossier.language).provenance(
            programme: located.programme, citation: located.citation)
        {
            html +=
                "<div class=\"where cited\">\(e(labels["source"])): <span\(Self.lang(located.citedLanguage ?? dossier.language, in: labels))>\(e(provenance))</span></div>"
        }
        for note in finding.notes {
            let place = note.location.map { " (\($0.line):\($0.column))" } ?? ""
            html += "<div class=\"where\">\(e(note.message))\(place)</div>"
        }
        html += "</li>\n"
    }

    // MARK: - cells

    /// ` lang="es"` for a text in another language than the page's labels, else nothing.
    static func lang(_ language: Language, in labels: TriageLabels) -> String {
        language == labels.pageLanguage ? "" : " lang=\"\(language.rawValue)\""
    }

    static func severity(_ severity: Severity, _ labels: TriageLabels) -> String {
        "<span class=\"badge \(severity.rawValue)\">\(HTMLText.escape(labels[severity.rawValue]))</span>"
    }

    static func numberCell(_ value: Double?, _ text: String?) -> String {
        guard let value, let text else { return "<td class=\"num\" data-v=\"\"></td>" }
        return "<td class=\"num\" data-v=\"\(value)\">\(HTMLText.escape(text))</td>"
    }

    static func amountCell(_ value: Decimal?, _ language: Language) -> String {
        guard let value else { return "<td class=\"num\" data-v=\"\"></td>" }
        return "<td class=\"num\" data-v=\"\(value)\">\(HTMLText.escape(NumberFormat.euro(value, in: language)))</td>"
    }

    static func euro(_ value: Decimal?, _ language: Language) -> String {
        value.map { HTMLText.escape(NumberFormat.euro($0, in: language)) } ?? "—"
    }

    static func percent(_ ratio: Double, _ language: Language) -> String {
        HTMLText.escape(NumberFormat.percent(Decimal(string: String(format: "%.6f", ratio), locale: nil) ?? 0, in: language))
    }
}
