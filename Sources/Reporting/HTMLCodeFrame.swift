/// A code frame in HTML, shared by the portal's check page and the triage report: numbered source
/// lines (cut to the frame's window), the marked place highlighted — the whole marked value, as far
/// as the window shows it — and under it the underline and label the terminal prints.
public enum HTMLCodeFrame {
    /// `rows` as one `<pre>` of class `preClass`; empty when there are none.
    public static func html(_ rows: [FindingFrame.Row], preClass: String = "frame") -> String {
        guard !rows.isEmpty else { return "" }
        let e = HTMLText.escape
        let gutter =
            rows.map { row -> Int in
                if case .line(let number, _, _) = row { return String(number).count }
                return 0
            }.max() ?? 1
        var html = "<pre class=\"\(e(preClass))\">"
        for row in rows {
            switch row {
            case .gap:
                html += "<span class=\"gap\">...</span>\n"
            case .line(let number, let segments, let marks):
                let label = String(repeating: " ", count: gutter - String(number).count) + String(number)
                html += "<span class=\"ln\">\(label) |</span> "
                for segment in segments {
                    switch segment.mark {
                    case nil: html += e(segment.text)
                    case .primary?: html += "<mark class=\"primary\">\(e(segment.text))</mark>"
                    case .related?: html += "<mark class=\"related\">\(e(segment.text))</mark>"
                    }
                }
                html += "\n"
                for mark in marks {
                    let kind = mark.kind == .primary ? "primary" : "related"
                    let underline = String(repeating: mark.kind == .primary ? "^" : "-", count: mark.width)
                    let text = underline + (mark.label.isEmpty ? "" : " " + mark.label)
                    html +=
                        "<span class=\"ln\">\(String(repeating: " ", count: gutter)) |</span> \(String(repeating: " ", count: mark.column))<span class=\"under \(kind)\">\(e(text))</span>\n"
                }
            }
        }
        return html + "</pre>\n"
    }
}
