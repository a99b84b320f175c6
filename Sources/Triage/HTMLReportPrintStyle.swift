/// The report on paper (A4 landscape): the header and summary as a cover, then the whole
/// table — every column, the heading repeated on each page, no row cut — with the rows the
/// filters show, then the details of the rows shown chosen under "Print details of" (none,
/// the inadmissible ones, all), each on a new page. With a filter on, the sections about the
/// whole call (organisations, duplicates, history) are left out. Each page's margin names
/// the call and numbers the page.
extension HTMLReportAssets {
    static func printStyle(call: String, title: String, page: String) -> String {
        """
        @page { size: A4 landscape; margin: 11mm 9mm 13mm 9mm;
          @bottom-left { content: \(cssString("\(title) — \(call)")); font: 8pt "DejaVu Sans", sans-serif; color: #555; }
          @bottom-right { content: \(cssString(page + " ")) counter(page) " / " counter(pages); font: 8pt "DejaVu Sans", sans-serif; color: #555; white-space: nowrap; }
        }
        @media print {
          body { background: #fff; font-size: 9pt; }
          * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
          nav.toc, .controls, .hint, #table h2 + .controls, p a[href="#table"] { display: none !important; }
          .print-only:not([hidden]) { display: block; }
          header.page { background: #fff; color: var(--fg); padding: 0 0 4mm; border-bottom: 2px solid #22384f; }
          header.page p { color: var(--muted); }
          main { padding: 4mm 0 0; }
          section.block { border: none; border-radius: 0; padding: 0; margin: 0 0 5mm; }
          .grid { grid-template-columns: 1.4fr 1fr; }
          .grid > div, div.rules, div.scroll { overflow: visible; }
          h2, h3 { break-after: avoid; }
          div.rules { break-inside: avoid; }
          #table { break-before: page; }
          #table h2 { margin-bottom: 2mm; }
          .table-wrap { max-height: none; overflow: visible; border: none; }
          #dossier-table { font-size: 6.8pt; border-collapse: collapse; }
          #dossier-table td, #dossier-table thead th button, #dossier-table tfoot th { padding: 1.2mm 1.1mm; }
          #dossier-table thead { display: table-header-group; }
          #dossier-table tfoot { display: table-row-group; }
          #dossier-table thead th, #dossier-table tfoot th, #dossier-table tfoot td,
          #dossier-table tr > :first-child, #dossier-table tr > :nth-child(2) { position: static; box-shadow: none; }
          #dossier-table thead th, #dossier-table thead th.num { white-space: nowrap; }
          #dossier-table thead th button { display: none; }
          #dossier-table thead .print-label { display: block; padding: 1.2mm 1.1mm; font-weight: 600; }
          #dossier-table thead th[aria-sort] button::after { content: none; }
          #dossier-table tr { break-inside: avoid; page-break-inside: avoid; }
          #dossier-table td.title { min-width: 62mm; max-width: 70mm; white-space: normal; }
          #dossier-table td.kind { max-width: none; overflow: visible; }
          #dossier-table td.applicant { min-width: 28mm; max-width: 34mm; white-space: normal; overflow-wrap: anywhere; }
          #dossier-table td.rules { min-width: 15mm; max-width: 32mm; white-space: normal; }
          #dossier-table .chip { font-size: 6pt; padding: 0 2px; border: none; background: none; white-space: nowrap; }
          #dossier-table a { color: inherit; text-decoration: none; }
          body.filtered #organisations, body.filtered #duplicates, body.filtered #history { display: none; }
          #organisations, #duplicates, #history { break-before: page; }
          #organisations table.small { font-size: 7pt; }
          #organisations table.small td, #organisations table.small th { padding: 0.4mm 1.5mm; }
          #organisations tr { break-inside: avoid; }
          #organisations + #duplicates, #duplicates + #history { break-before: auto; }
          #details.none-printed, article.dossier { display: none; }
          #details { break-before: page; }
          #details > h2 { margin: 0; }
          article.dossier.printed { display: block; break-before: page; border-top: none; }
          #details > h2 + article.dossier.printed { break-before: avoid; }
          pre.source { white-space: pre-wrap; overflow-wrap: anywhere; }
          ol.findings li { break-inside: avoid; }
        }
        """
    }

    /// A CSS string literal for text from the dossiers: quotes and backslashes escaped, and
    /// `<` written as an escape so the text cannot close the `<style>` element.
    static func cssString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "\n", "\r", "\u{0C}": result += "\\" + String(scalar.value, radix: 16) + " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
