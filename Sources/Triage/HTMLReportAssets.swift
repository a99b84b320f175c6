/// The style sheet and script embedded in the HTML report (no file or network is ever loaded).
enum HTMLReportAssets {
    /// Denies the page every network access: it can only use what it carries.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    static let style = """
        :root { --fg: #1d232b; --muted: #5b6470; --line: #d8dde3; --bg: #f6f7f9; --card: #fff;
          --ok: #1b7f3b; --ok-bg: #e3f4e8; --err: #b3261e; --err-bg: #fbe5e3; --warn: #8a5a00; --warn-bg: #fff1d6;
          --info: #1f5fa8; --info-bg: #e4eefa; --accent: #2f5d8a; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
          color: var(--fg); background: var(--bg); }
        header.page { background: #22384f; color: #fff; padding: 18px 28px 14px; }
        header.page h1 { margin: 0 0 4px; font-size: 22px; font-weight: 600; }
        header.page p { margin: 0; color: #c9d6e3; font-size: 13px; }
        nav.toc { display: flex; gap: 18px; padding: 8px 28px; background: #2c4763; font-size: 13px; }
        nav.toc a { color: #e8eef5; text-decoration: none; }
        nav.toc a:hover { text-decoration: underline; }
        main { padding: 18px 28px 40px; }
        section.block { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 14px 18px;
          margin: 0 0 18px; }
        h2 { font-size: 17px; margin: 0 0 12px; }
        h3 { font-size: 15px; margin: 0 0 8px; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 14px; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 130px; background: #fbfcfd; }
        .card .value { font-size: 20px; font-weight: 600; }
        .card .label { color: var(--muted); font-size: 12px; }
        .card.ok .value { color: var(--ok); } .card.err .value { color: var(--err); }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 18px; margin-bottom: 14px; }
        .grid > div, div.rules { min-width: 0; overflow-x: auto; }
        td.kind { white-space: nowrap; }
        table { border-collapse: collapse; width: 100%; }
        th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.small { font-size: 13px; }
        #dossier-table { font-size: 13px; }
        #dossier-table td { padding: 4px 7px; }
        #dossier-table thead th { position: sticky; top: 0; background: #e9edf2; z-index: 1; padding: 0; white-space: nowrap; }
        #dossier-table thead th button { all: unset; cursor: pointer; display: block; padding: 6px 8px; width: 100%;
          box-sizing: border-box; font-weight: 600; }
        #dossier-table thead th button:focus-visible { outline: 2px solid var(--accent); }
        #dossier-table thead th[aria-sort=ascending] button::after { content: " ▲"; font-size: 10px; }
        #dossier-table thead th[aria-sort=descending] button::after { content: " ▼"; font-size: 10px; }
        #dossier-table tbody tr:nth-child(even) { background: #f9fafb; }
        #dossier-table tbody tr:hover { background: #eef4fb; }
        #dossier-table td.title { max-width: 230px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        #dossier-table td.applicant { max-width: 170px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .table-wrap { max-height: 78vh; overflow: auto; border: 1px solid var(--line); border-radius: 4px; }
        .controls { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-bottom: 10px; }
        .controls input[type=search] { flex: 1 1 320px; padding: 6px 10px; border: 1px solid #b8c1cc; border-radius: 4px; font: inherit; }
        .controls select { padding: 5px 8px; border: 1px solid #b8c1cc; border-radius: 4px; font: inherit; background: #fff; }
        .controls .count { color: var(--muted); }
        .hint { color: var(--muted); font-size: 12px; margin: 6px 0 0; }
        .badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; font-weight: 600; line-height: 18px; }
        .badge.yes { color: var(--ok); background: var(--ok-bg); } .badge.no { color: var(--err); background: var(--err-bg); }
        .badge.error { color: var(--err); background: var(--err-bg); }
        .badge.warning { color: var(--warn); background: var(--warn-bg); }
        .badge.info { color: var(--info); background: var(--info-bg); }
        .dup { color: var(--warn); font-size: 12px; }
        .bars { display: grid; grid-template-columns: 90px 1fr 48px; gap: 4px 8px; align-items: center; font-size: 13px; }
        .bar { height: 14px; background: #4f81b3; border-radius: 2px; min-width: 1px; }
        .bar-track { background: #eef1f4; border-radius: 2px; }
        .muted { color: var(--muted); }
        article.dossier { border-top: 1px solid var(--line); padding: 12px 0; }
        article.dossier:target { background: #fffbe6; }
        dl.figures { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0 0 8px; font-size: 13px; }
        dl.figures dt { color: var(--muted); } dl.figures dd { margin: 0; }
        ol.findings { margin: 6px 0 0; padding-left: 20px; }
        ol.findings li { margin: 0 0 10px; }
        .where { color: var(--muted); font-size: 12px; }
        pre.source { background: #f3f5f7; border: 1px solid var(--line); border-radius: 4px; padding: 6px 8px; margin: 4px 0;
          font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; overflow-x: auto; }
        pre.source .ln { color: #8a939e; user-select: none; }
        pre.source .caret { color: var(--err); font-weight: 700; }
        .help { font-size: 13px; }
        details summary { cursor: pointer; color: var(--accent); }
        a { color: var(--accent); }
        """

    static let script = """
        (function () {
          "use strict";
          var table = document.getElementById("dossier-table");
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.forEach(function (row, index) { row.dataset.order = index; });
          var filter = document.getElementById("filter");
          var kind = document.getElementById("kind-filter");
          var admissible = document.getElementById("admissible-filter");
          var shown = document.getElementById("shown");

          function apply() {
            var words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
            var count = 0;
            rows.forEach(function (row) {
              var keep = (!kind.value || row.dataset.kind === kind.value)
                && (!admissible.value || row.dataset.admissible === admissible.value)
                && words.every(function (word) { return row.dataset.search.indexOf(word) >= 0; });
              row.hidden = !keep;
              if (keep) { count += 1; }
            });
            shown.textContent = String(count);
          }
          filter.addEventListener("input", apply);
          kind.addEventListener("change", apply);
          admissible.addEventListener("change", apply);

          function value(row, column) {
            var cell = row.cells[column];
            return cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent.trim();
          }
          function sortBy(header) {
            var column = header.cellIndex;
            var numeric = header.dataset.type === "number";
            var direction = header.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.setAttribute("aria-sort", "none"); });
            header.setAttribute("aria-sort", direction);
            var sign = direction === "ascending" ? 1 : -1;
            var sorted = rows.slice().sort(function (a, b) {
              var x = value(a, column), y = value(b, column);
              var order = Number(a.dataset.order) - Number(b.dataset.order);
              if (x === "" || y === "") { return x === y ? order : (x === "" ? 1 : -1); }
              var c = numeric ? Number(x) - Number(y) : x.localeCompare(y, undefined, { numeric: true, sensitivity: "base" });
              return c !== 0 ? sign * c : order;
            });
            sorted.forEach(function (row) { body.appendChild(row); });
          }
          table.tHead.addEventListener("click", function (event) {
            var header = event.target.closest("th");
            if (header) { sortBy(header); }
          });
          apply();
        })();
        """
}
