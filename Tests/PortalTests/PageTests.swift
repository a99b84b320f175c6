import Describe
import Foundation
import Portal
import TestSupport
import Testing

/// The HTML pages on a live portal: the form, results with escaped content, rule and template
/// pages, error pages, security headers.
@Suite(.serialized) struct PageTests {
    static func multipart(
        _ fields: [(name: String, filename: String?, value: [UInt8])], boundary: String = "----dossiercheck-test"
    ) -> Data {
        var body: [UInt8] = []
        for field in fields {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field.name)\""
            if let filename = field.filename { head += "; filename=\"\(filename)\"\r\nContent-Type: application/yaml" }
            head += "\r\n\r\n"
            body += Array(head.utf8) + field.value + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return Data(body)
    }

    static let formType = "multipart/form-data; boundary=----dossiercheck-test"

    @Test func theStartPageHasTheFormAndTheSecurityHeaders() async throws {
        let portal = try await RunningPortal.start()
        defer { Task { await portal.stop() } }
        for path in [
            "/", "/?lang=nl", "/rules", "/static/portal.css", "/static/portal.js", "/healthz", "/missing", "/api/v1/rules",
        ] {
            let answer = try await portal.get(path)
            #expect(answer.header("Content-Security-Policy") == SecurityHeaders.contentSecurityPolicy, "\(path)")
            #expect(answer.header("X-Content-Type-Options") == "nosniff", "\(path)")
            #expect(answer.header("Referrer-Policy") == "no-referrer", "\(path)")
            #expect(answer.header("X-Frame-Options") == "DENY", "\(path)")
        }
        let page = try await portal.get("/?lang=nl")
        #expect(page.status == 200)
        #expect(page.text.contains("<html lang=\"nl\">"))
        #expect(page.text.contains("enctype=\"multipart/form-data\""))
        #expect(page.text.contains("<input type=\"file\" id=\"file\" name=\"file\""))
        #expect(page.text.contains("<textarea id=\"dossier\" name=\"dossier\""))
        #expect(!page.text.contains("<style"), "no inline style")
        #expect(!page.text.contains(" style="), "no inline style")
        #expect(page.text.components(separatedBy: "<script").count == 2, "one script element, from a file")
        #expect(page.text.contains("<script src=\"/static/portal.js\" defer></script>"))
        for kind in Fixtures.checker.kindNames { #expect(page.text.contains("/templates/\(kind).yaml?lang=nl"), "\(kind)") }
        let missing = try await portal.get("/missing")
        #expect(missing.status == 404)
        #expect(missing.text.contains("<!DOCTYPE html>"))
        #expect(try await portal.get("/static/portal.css").header("Content-Type") == "text/css; charset=utf-8")
    }

    /// An uploaded failing example: the verdict, each finding with its rule linked to its page, the
    /// place, the source line with the place marked, and the help.
    @Test func anUploadedDossierShowsItsFindings() async throws {
        let portal = try await RunningPortal.start()
        defer { Task { await portal.stop() } }
        let url = Fixtures.repositoryFile("examples/reseau-dossier/invalid-eligible-one-cent-over-cap.yaml")
        let body = Self.multipart([
            ("ui", nil, Array("en".utf8)), ("file", url.lastPathComponent, Array(try Data(contentsOf: url))),
            ("dossier", nil, []), ("lang", nil, []),
        ])
        let page = try await portal.post("/check", body, contentType: Self.formType)
        #expect(page.status == 200)
        let html = page.text
        #expect(html.contains("data-admissible=\"no\""))
        #expect(html.contains("data-rule=\"RES-003\""))
        #expect(html.contains("<a class=\"rule\" href=\"/rules/RES-003?lang=en\">RES-003</a>"))
        #expect(html.contains("invalid-eligible-one-cent-over-cap.yaml:114:37"))
        #expect(html.contains("<mark class=\"primary\">160000.01</mark>"))
        #expect(html.contains("^^^^^^^^^ financial_plan.years[2].eligible_costs_eur"))
        #expect(html.contains("<p class=\"help\">"))
        // In French: the messages and labels.
        let french = try await portal.post(
            "/check", Self.multipart([("file", "a.yaml", Array(try Data(contentsOf: url))), ("lang", nil, Array("fr".utf8))]),
            contentType: Self.formType)
        #expect(french.text.contains("<html lang=\"fr\">"))
        #expect(french.text.contains("Non recevable en l&#39;état"))
        #expect(french.text.contains("plafond annuel"))
        // A valid dossier pasted as text (CRLF line ends, as browsers send them).
        let valid = try String(
            contentsOf: Fixtures.repositoryFile("examples/reseau-dossier/valid-hydrowal-term1.yaml"), encoding: .utf8)
        let pasted = try await portal.post(
            "/check", Self.multipart([("dossier", nil, Array(valid.replacingOccurrences(of: "\n", with: "\r\n").utf8))]),
            contentType: Self.formType)
        #expect(pasted.text.contains("data-admissible=\"yes\""))
        // The url-encoded form of a text box alone.
        let encoded = "dossier=" + (valid.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") + "&lang=de"
        let plain = try await portal.post("/check", Data(encoded.utf8), contentType: "application/x-www-form-urlencoded")
        #expect(plain.text.contains("data-admissible=\"yes\""))
        #expect(plain.text.contains("<html lang=\"de\">"))
        // Nothing given: the form again, with a notice.
        let nothing = try await portal.post("/check", Self.multipart([("dossier", nil, [])]), contentType: Self.formType)
        #expect(nothing.status == 400)
        #expect(nothing.text.contains("class=\"notice\""))
        // A broken form: an error page.
        let broken = try await portal.post(
            "/check", Data("--x\r\nno headers".utf8), contentType: "multipart/form-data; boundary=x")
        #expect(broken.status == 400)
        #expect(broken.text.contains("<!DOCTYPE html>"))
    }

    /// HTML and script in a dossier's fields, and in the file name, are shown as text.
    @Test func htmlInADossierIsEscaped() async throws {
        let portal = try await RunningPortal.start()
        defer { Task { await portal.stop() } }
        var text = try String(
            contentsOf: Fixtures.repositoryFile("examples/reseau-dossier/invalid-eligible-one-cent-over-cap.yaml"),
            encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let titleLine = try #require(lines.firstIndex { $0.hasPrefix("title:") })
        var edited = lines
        edited[titleLine] = "title: \"<script>alert(1)</script><img src=x onerror=alert(2)>\""
        edited.append("unknown_<b>key</b>: \"</textarea><script>alert(3)</script>\"")
        text = edited.joined(separator: "\n")
        let page = try await portal.post(
            "/check", Self.multipart([("file", "<script>x</script>.yaml", Array(text.utf8))]), contentType: Self.formType)
        #expect(page.status == 200)
        let html = page.text
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("</textarea><script>"))
        #expect(!html.contains("<b>key</b>"))
        #expect(!html.contains("<script>x</script>"))
        #expect(html.components(separatedBy: "<script").count == 2, "only the page's own script element")
    }

    /// `/rules` lists every rule set with its parameters and rules; `/rules/ID` is `explain ID`.
    @Test func theRulePages() async throws {
        let portal = try await RunningPortal.start()
        defer { Task { await portal.stop() } }
        let list = try await portal.get("/rules?lang=en")
        #expect(list.status == 200)
        for set in Fixtures.checker.ruleSets {
            #expect(list.text.contains("id=\"set-\(set.name)\""), "\(set.name)")
            for parameter in set.parameters { #expect(list.text.contains("<code>\(parameter.name)</code>"), "\(parameter.name)") }
            for rule in set.rules { #expect(list.text.contains("href=\"/rules/\(rule.id)?lang=en\""), "\(rule.id)") }
        }
        let cli = try await Program.dossiercheck(["explain", "RES-003", "--lang", "nl"], in: Fixtures.packageRoot)
        let rule = try await portal.get("/rules/RES-003?lang=nl")
        #expect(rule.status == 200)
        let explained = String(decoding: cli.stdout, as: UTF8.self)
        #expect(!explained.isEmpty)
        #expect(rule.text.contains("<pre class=\"explain\">\(Self.escape(explained))</pre>"))
        #expect(try await portal.get("/rules/res-003").status == 200, "IDs are taken in any case")
        let unknown = try await portal.get("/rules/NOPE-1")
        #expect(unknown.status == 404)
        #expect(unknown.text.contains("<!DOCTYPE html>"))
    }

    /// `/templates/KIND.yaml` is `init KIND`, as a download.
    @Test func theTemplates() async throws {
        let portal = try await RunningPortal.start()
        defer { Task { await portal.stop() } }
        for kind in Fixtures.checker.kindNames {
            let answer = try await portal.get("/templates/\(kind).yaml?lang=fr")
            #expect(answer.status == 200, "\(kind)")
            #expect(answer.header("Content-Disposition") == "attachment; filename=\"\(kind).yaml\"")
            let cli = try await Program.dossiercheck(["init", kind, "--lang", "fr"], in: Fixtures.packageRoot)
            #expect(answer.text == String(decoding: cli.stdout, as: UTF8.self), "\(kind)")
        }
        #expect(try await portal.get("/templates/nothing.yaml").status == 404)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;"
        )
        .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
