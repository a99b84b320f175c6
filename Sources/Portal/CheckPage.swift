import Reporting
import Validators

/// The pre-check page: the form (upload or paste, language of the messages) and, after a check,
/// the verdict, the counts, and each finding as the terminal shows it — rule (linked to its
/// explanation), message, place, the source lines with the place marked, note and help.
struct CheckPage {
    let layout: PageLayout
    /// The kinds a template can be downloaded for.
    let kinds: [String]
    /// The call of each rule set of a kind with several calls (`PortalEngine.calls`), for the rule links.
    var calls: [String: String] = [:]

    // How much of a report a page shows, so that its size is bounded whatever the dossier (see
    // the README, "Pre-check portal"): the rest is summarised, pointing to the JSON API.
    /// Display columns of a source line in a code frame (`FrameWindow`).
    static let frameColumns = 120
    /// Rows of one code frame.
    static let frameRows = 16
    static let findingsPerDossier = 100
    static let findingsPerPage = 200
    /// Bytes of HTML for the findings: past it, no more are rendered.
    static let resultsBytes = 512 << 10
    /// Bytes of the text box's escaped text: a longer dossier is not put back.
    static let refillBytes = 64 << 10
    /// Characters shown of one message, path, note, help, heading or file name.
    static let textLength = 500

    // The bound these make (README; asserted by the test suite over amplifying dossiers): a page
    // is at most `pageBound` bytes, and at most `pageOverhead` + `pageFactor` × the size of the
    // JSON report on the same dossier.
    static let pageBound = 640 << 10
    static let pageOverhead = 96 << 10
    static let pageFactor = 8

    var words: PortalWords { layout.words }
    var language: Language { layout.language }

    /// The page, empty or with a report; `text` refills the text box, `messages` the language picked.
    func render(
        report: CheckReport? = nil, shownName: String? = nil, text: String = "", messages: Language? = nil, notice: String? = nil
    ) -> String {
        var body = ""
        var notices = notice.map { [$0] } ?? []
        // Escaping never shortens a text: a longer one is not escaped at all.
        var refill = text.utf8.count > Self.refillBytes ? text : HTMLText.escape(text)
        if refill.utf8.count > Self.refillBytes {
            refill = ""
            notices.append(words["notRefilled"])
        }
        for notice in notices { body += "<p class=\"notice\" role=\"alert\">\(HTMLText.escape(notice))</p>\n" }
        if let report { body += results(report, shownName: shownName ?? "") }
        body += form(escapedText: refill, messages: messages, again: report != nil)
        body += templates()
        return layout.page(title: words["title"], path: "/", body: body)
    }

    private func form(escapedText: String, messages: Language?, again: Bool) -> String {
        let e = HTMLText.escape
        var options = "<option value=\"\"\(messages == nil ? " selected" : "")>\(e(words["own"]))</option>"
        for other in Language.allCases {
            options +=
                "<option value=\"\(other.rawValue)\"\(messages == other ? " selected" : "")>\(e(PortalWords.name(of: other)))</option>"
        }
        return """
            <section class="check" id="check">
            <h1>\(e(words["title"]))</h1>
            <p>\(e(words["intro"]))</p>
            <form method="post" action="/check" enctype="multipart/form-data" id="check-form" data-busy="\(e(words["checking"]))">
            <input type="hidden" name="ui" value="\(language.rawValue)">
            <p><label for="file">\(e(words["upload"]))</label><br><input type="file" id="file" name="file" accept=".yaml,.yml,application/yaml,text/yaml,text/plain"></p>
            <p><label for="dossier">\(e(words["paste"]))</label><br><textarea id="dossier" name="dossier" rows="18" cols="100" spellcheck="false" autocomplete="off">\(escapedText)</textarea></p>
            <p><label for="lang">\(e(words["messages"]))</label> <select id="lang" name="lang">\(options)</select>
            <button type="submit" id="submit">\(e(words[again ? "again" : "check"]))</button></p>
            </form>
            </section>

            """
    }

    private func templates() -> String {
        let e = HTMLText.escape
        guard !kinds.isEmpty else { return "" }
        var html =
            "<section class=\"templates\" id=\"templates\">\n<h2>\(e(words["templates"]))</h2>\n<p>\(e(words["templatesIntro"]))</p>\n<ul>"
        for kind in kinds {
            let href = "/templates/\(URLText.pathComponent(kind)).yaml?lang=\(language.rawValue)"
            html += "<li><a href=\"\(e(href))\" download=\"\(e(kind)).yaml\">\(e(kind)).yaml</a></li>"
        }
        return html + "</ul>\n</section>\n"
    }

    private func results(_ report: CheckReport, shownName: String) -> String {
        let e = Self.shown
        let summary = report.summary
        let admissible = !report.fails
        let vocabulary = ReportVocabulary(language)
        var html = """
            <section class="results" id="results" aria-live="polite">
            <h2 class="verdict \(admissible ? "ok" : "fail")" id="verdict" data-admissible="\(admissible ? "yes" : "no")">\(e(words[admissible ? "admissible" : "inadmissible"]))</h2>
            <p class="summary" id="summary" data-errors="\(summary.errors)" data-warnings="\(summary.warnings)" data-infos="\(summary.infos)">\(e(words["file"]))\(language == .fr ? " :" : ":") <code>\(e(shownName))</code> · \(e(vocabulary.summary(summary)))</p>

            """
        var rendered = 0
        var left = 0
        for file in report.files {
            let lines = file.source.map(FindingFrame.lines) ?? []
            let source = SourceLines(lines)
            for dossier in file.documents {
                // Past the page's bounds, dossiers are only counted.
                guard rendered < Self.findingsPerPage, html.utf8.count < Self.resultsBytes else {
                    left += dossier.findings.count
                    continue
                }
                html += "<article class=\"dossier\">\n<h3>"
                let heading = [dossier.id, dossier.title].compactMap { $0 }.joined(separator: " — ")
                html += e(heading.isEmpty ? "\(words["dossier"]) \(dossier.index + 1)" : heading)
                if let kind = dossier.kind { html += " <span class=\"kind\">(\(e(kind)))</span>" }
                html += "</h3>\n"
                if dossier.findings.isEmpty {
                    html += "<p class=\"none\">\(e(words["noFindings"]))</p>\n</article>\n"
                    continue
                }
                html += "<ol class=\"findings\">\n"
                let sorted = dossier.findings.enumerated().sorted {
                    ($0.element.finding.location, $0.offset) < ($1.element.finding.location, $1.offset)
                }
                var inDossier = 0
                // A rule set's note (its programme and source) is shown on the first finding it concerns.
                var notesShown = Set<String>()
                for (_, reported) in sorted {
                    guard inDossier < Self.findingsPerDossier, rendered < Self.findingsPerPage,
                        html.utf8.count < Self.resultsBytes
                    else { break }
                    html += finding(
                        reported, file: file.path, lines: lines, source: source, dossier: dossier, tool: report.tool,
                        notesShown: &notesShown)
                    inDossier += 1
                    rendered += 1
                }
                html += "</ol>\n"
                if inDossier < dossier.findings.count {
                    html +=
                        "<p class=\"more\">\(e(words.format("moreFindings", String(dossier.findings.count - inDossier))))</p>\n"
                }
                html += "</article>\n"
            }
        }
        if left > 0 { html += "<p class=\"more\" id=\"more\">\(e(words.format("moreFindings", String(left))))</p>\n" }
        return html + "</section>\n"
    }

    /// Text from a report, escaped, at most `textLength` characters of it.
    static func shown(_ text: String) -> String {
        HTMLText.escape(text.count > textLength ? String(text.prefix(textLength)) + "…" : text)
    }

    private func finding(
        _ reported: ReportedFinding, file: String, lines: [Substring], source: SourceLines, dossier: DossierResult,
        tool: ToolInfo,
        notesShown: inout Set<String>
    ) -> String {
        let e = Self.shown
        let finding = reported.finding
        // Labels in the dossier's language, as the terminal has them.
        let labels = ReportVocabulary(dossier.language)
        let descriptor = tool.rule(finding.rule, in: dossier.ruleSets)
        let href = RulePages.href(finding.rule, call: descriptor.flatMap { calls[$0.ruleSet] }, language: language)
        let ruleLink = "<a class=\"rule\" href=\"\(HTMLText.escape(href))\">\(e(finding.rule))</a>"
        let place = "\(file):\(finding.location.line):\(finding.location.column)"
        if let suppression = reported.suppression {
            let label = suppression.kind == .inSource ? labels.suppressed : labels.waived
            return """
                <li class="finding suppressed" data-rule="\(e(finding.rule))"><p class="head"><span class="severity">\(e(label))</span>[\(ruleLink)]: \(e(finding.message))</p>
                <p class="where"><code>\(e(place))</code></p><p class="note"><span class="label">\(e(labels.reason)):</span> \(e(suppression.reason))</p></li>

                """
        }
        let severity = finding.severity.rawValue
        var html = """
            <li class="finding \(severity)" data-rule="\(e(finding.rule))" data-severity="\(severity)"><p class="head"><span class="severity">\(e(labels.severity(finding.severity)))</span>[\(ruleLink)]: <span class="message">\(e(finding.message))</span></p>
            <p class="where"><code>\(e(place))</code>\(finding.path.isEmpty ? "" : " · <code class=\"path\">\(e(finding.path))</code>")</p>

            """
        let whole = FindingFrame.isWholeDossier(finding, lines: lines, startLine: dossier.startLine)
        let frame = FindingFrame(finding, file: file, lines: whole ? [] : lines, source: source)
        html += Self.frame(Array(frame.rows(window: FrameWindow(columns: Self.frameColumns)).prefix(Self.frameRows)))
        var notes = frame.notes
        if let rule = descriptor,
            let provenance = labels.provenance(
                programme: rule.programme?.text(in: labels.language), citation: rule.citation(in: labels.language)),
            notesShown.insert(provenance).inserted
        {
            notes.append(provenance)
        }
        for note in notes.prefix(Self.frameRows) {
            html += "<p class=\"note\"><span class=\"label\">\(e(labels.note)):</span> \(e(note))</p>\n"
        }
        if let help = finding.help {
            html += "<p class=\"help\"><span class=\"label\">\(e(labels.help)):</span> \(e(help))</p>\n"
        }
        return html + "</li>\n"
    }

    /// The code frame as preformatted text (`HTMLCodeFrame`), as the triage report shows it too.
    static func frame(_ rows: [FindingFrame.Row]) -> String { HTMLCodeFrame.html(rows) }
}
