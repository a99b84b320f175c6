import Describe
import Reporting
import Validators

/// The rule pages: the rule sets with their parameters and rules (`rules list`), and one rule's
/// explanation (`explain`), rendered from the same Describe types as the commands.
struct RulePages {
    let layout: PageLayout
    let checker: Checker

    var words: PortalWords { layout.words }
    var language: Language { layout.language }

    /// `/rules`: every rule set, its parameters and its rules, each rule linked to its page.
    func list() -> String {
        let e = HTMLText.escape
        let catalogue = RuleCatalogue(sets: checker.ruleSets, language: language)
        let vocabulary = ReportVocabulary(language)
        var html = "<h1>\(e(words["ruleSets"]))</h1>\n<nav class=\"toc\"><ul>"
        for set in catalogue.sets { html += "<li><a href=\"#set-\(e(set.name))\">\(e(set.name))</a></li>" }
        html += "</ul></nav>\n"
        for set in catalogue.sets {
            html += "<section class=\"rule-set\" id=\"set-\(e(set.name))\">\n"
            let scope = set.kind.map { "\(words["kind"]) <code>\(e($0))</code>" } ?? e(words["library"])
            html +=
                "<h2>\(e(set.name)) \(e(set.version)) <span class=\"kind\">(\(scope))</span></h2>\n<p>\(e(set.title.text(in: language)))</p>\n"
            if let kind = set.kind {
                html +=
                    "<p><a href=\"/templates/\(URLText.pathComponent(kind)).yaml?lang=\(language.rawValue)\" download=\"\(e(kind)).yaml\">\(e(words["templates"])): \(e(kind)).yaml</a></p>\n"
            }
            if !set.parameters.isEmpty {
                html +=
                    "<h3>\(e(words["parameters"]))</h3>\n<table class=\"parameters\"><thead><tr><th>\(e(words["name"]))</th><th>\(e(words["value"]))</th><th>\(e(words["description"]))</th></tr></thead><tbody>\n"
                for parameter in set.parameters {
                    html +=
                        "<tr><td><code>\(e(parameter.name))</code></td><td><code>\(e(ParameterText.render(parameter.value)))</code></td><td>\(e(parameter.description?.text(in: language) ?? ""))</td></tr>\n"
                }
                html += "</tbody></table>\n"
            }
            html +=
                "<h3>\(e(words["rules"]))</h3>\n<table class=\"rules\"><thead><tr><th>\(e(words["id"]))</th><th>\(e(words["severity"]))</th><th>\(e(words["ruleTitle"]))</th><th>\(e(words["source"]))</th></tr></thead><tbody>\n"
            for rule in set.rules {
                html +=
                    "<tr class=\"\(rule.severity.rawValue)\"><td><a class=\"rule\" href=\"/rules/\(URLText.pathComponent(rule.id))?lang=\(language.rawValue)\">\(e(rule.id))</a></td>"
                html +=
                    "<td>\(e(vocabulary.severity(rule.severity)))</td><td>\(e(rule.title.text(in: language)))</td><td>\(e(rule.citation?.short(in: language) ?? rule.source))</td></tr>\n"
            }
            html += "</tbody></table>\n</section>\n"
        }
        return layout.page(title: words["ruleSets"], path: "/rules", body: html)
    }

    /// `/rules/ID`: the rule's explanation, as `dossiercheck explain ID` prints it; nil for an unknown rule.
    func explanation(_ id: String) -> String? {
        let e = HTMLText.escape
        guard let explanation = RuleExplanation(id.uppercased(), checker: checker, language: language) else { return nil }
        let rule = explanation.rule
        let html = """
            <article class="explanation" id="explanation" data-rule="\(e(rule.id))">
            <h1><span class="rule-id">\(e(rule.id))</span> \(e(rule.title.text(in: language)))</h1>
            <p class="muted">\(e(words["explain"])) · \(e(explanation.ruleSet.name)) \(e(explanation.ruleSet.version))</p>
            <pre class="explain">\(e(explanation.text()))</pre>
            <p><a href="/rules?lang=\(language.rawValue)#set-\(e(explanation.ruleSet.name))">\(e(words["allRules"]))</a> · <a href="/?lang=\(language.rawValue)">\(e(words["back"]))</a></p>
            </article>
            """
        return layout.page(
            title: "\(rule.id) — \(rule.title.text(in: language))", path: "/rules/\(URLText.pathComponent(rule.id))", body: html)
    }
}
