import Reporting
import Validators

/// The frame of every HTML page: head with the style sheet and script served from the binary
/// (no inline script or style, so the content security policy needs no exception), a header with
/// the navigation and the language switch, the page's content, a footer. Everything from outside
/// goes through `HTMLText.escape`.
struct PageLayout {
    let words: PortalWords
    let version: String

    init(language: Language, version: String) {
        words = PortalWords(language)
        self.version = version
    }

    var language: Language { words.language }

    /// A whole page. `path` is the page's own address without its query, for the language links;
    /// `query` the rest of its query they keep (encoded, `call=E3-2026`).
    func page(title: String, path: String, query: String = "", body: String) -> String {
        let e = HTMLText.escape
        var languages = ""
        let kept = query.isEmpty ? "" : query + "&"
        for other in Language.allCases {
            let current = other == language ? " aria-current=\"true\"" : ""
            languages +=
                "<a href=\"\(e(path))?\(e(kept))lang=\(other.rawValue)\" hreflang=\"\(other.rawValue)\" lang=\"\(other.rawValue)\"\(current)>\(e(PortalWords.name(of: other)))</a>"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>\(e(title)) — dossiercheck</title>
            <link rel="stylesheet" href="/static/portal.css">
            <script src="/static/portal.js" defer></script>
            </head>
            <body>
            <header class="top">
            <a class="brand" href="/?lang=\(language.rawValue)">dossiercheck</a>
            <nav class="main"><a href="/?lang=\(language.rawValue)">\(e(words["title"]))</a><a href="/rules?lang=\(language.rawValue)">\(e(words["rules"]))</a><a href="/api/v1/openapi.yaml">\(e(words["api"]))</a></nav>
            <nav class="languages" aria-label="\(e(words["language"]))">\(languages)</nav>
            </header>
            <main>
            \(body)
            </main>
            <footer><p>\(e(words["privacy"]))</p><p>dossiercheck \(e(version))</p></footer>
            </body>
            </html>

            """
    }

    /// An error page: the status, what happened, and the way back.
    func error(status: Int, message: String, path: String) -> String {
        let e = HTMLText.escape
        let body = """
            <section class="error" id="error">
            <h1>\(e(words["error"])) \(status)</h1>
            <p>\(e(message))</p>
            <p><a href="/?lang=\(language.rawValue)">\(e(words["back"]))</a></p>
            </section>
            """
        return page(title: "\(words["error"]) \(status)", path: path, body: body)
    }
}
