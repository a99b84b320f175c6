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
            let call = Self.linkedCall(of: set, in: checker)
            var scope = set.kind.map { "\(words["kind"]) <code>\(e($0))</code>" } ?? e(words["library"])
            if let call { scope += ", \(e(words["call"])) <code>\(e(call))</code>" }
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
                    "<tr class=\"\(rule.severity.rawValue)\"><td><a class=\"rule\" href=\"\(e(Self.href(rule.id, call: call, language: language)))\">\(e(rule.id))</a></td>"
                html +=
                    "<td>\(e(vocabulary.severity(rule.severity)))</td><td>\(e(rule.title.text(in: language)))</td><td>\(e(rule.citation?.short(in: language) ?? rule.source))</td></tr>\n"
            }
            html += "</tbody></table>\n</section>\n"
        }
        return layout.page(title: words["ruleSets"], path: "/rules", body: html)
    }

    /// `/rules/ID?call=NAME`: the rule's explanation, as `dossiercheck explain ID --call NAME`
    /// prints it (without `call`, the kind's default call), linked to its versions in the kind's
    /// other calls; nil for an unknown rule, a `PortalError` for a call that does not have it.
    func explanation(_ id: String, call: String? = nil) throws -> String? {
        let e = HTMLText.escape
        let id = id.uppercased()
        guard checker.rule(id) != nil else { return nil }
        let calls = calls(having: id)
        if let call {
            // A rule of a kind with one set is the same in every call: any loaded call may be named.
            let known = calls.isEmpty ? checker.kindNames.flatMap { checker.calls(ofKind: $0) } : calls
            guard known.contains(call) else { throw PortalError.unknownCall(known: known) }
        }
        guard let explanation = RuleExplanation(id, checker: checker, language: language, call: calls.isEmpty ? nil : call)
        else { return nil }
        let rule = explanation.rule
        let shown = Self.linkedCall(of: explanation.ruleSet, in: checker)
        var versions = ""
        if calls.count > 1 {
            let links = calls.map { other in
                other == shown
                    ? "<strong aria-current=\"page\">\(e(other))</strong>"
                    : "<a href=\"\(e(Self.href(id, call: other, language: language)))\" data-call=\"\(e(other))\">\(e(other))</a>"
            }
            versions = "<p class=\"calls\" id=\"calls\">\(e(words["inCalls"])): \(links.joined(separator: " · "))</p>\n"
        }
        let html = """
            <article class="explanation" id="explanation" data-rule="\(e(rule.id))"\(shown.map { " data-call=\"\(e($0))\"" } ?? "")>
            <h1><span class="rule-id">\(e(rule.id))</span> \(e(rule.title.text(in: language)))</h1>
            <p class="muted">\(e(words["explain"])) · \(e(explanation.ruleSet.name)) \(e(explanation.ruleSet.version))</p>
            \(versions)<pre class="explain">\(e(explanation.text()))</pre>
            <p><a href="/rules?lang=\(language.rawValue)#set-\(e(explanation.ruleSet.name))">\(e(words["allRules"]))</a> · <a href="/?lang=\(language.rawValue)">\(e(words["back"]))</a></p>
            </article>
            """
        return layout.page(
            title: "\(rule.id) — \(rule.title.text(in: language))", path: "/rules/\(URLText.pathComponent(rule.id))",
            query: shown.map { "call=\(URLText.pathComponent($0))" } ?? "", body: html)
    }

    /// The calls of the rule's kind whose sets have the rule; empty unless the kind has several calls.
    func calls(having id: String) -> [String] {
        guard let kind = checker.rule(id)?.ruleSet.kind else { return [] }
        return checker.calls(ofKind: kind).filter { checker.rule(id, call: $0)?.ruleSet.call?.name == $0 }
    }

    /// The call a rule page of `set` names: its own, when its kind has several calls loaded.
    static func linkedCall(of set: RuleSet, in checker: Checker) -> String? {
        guard let kind = set.kind, let call = set.call?.name, checker.calls(ofKind: kind).contains(call) else { return nil }
        return call
    }

    /// The address of a rule's page (of `call`'s version of it), encoded; to be HTML-escaped.
    static func href(_ id: String, call: String?, language: Language) -> String {
        let query = call.map { "call=\(URLText.pathComponent($0))&" } ?? ""
        return "/rules/\(URLText.pathComponent(id))?\(query)lang=\(language.rawValue)"
    }
}
