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
        header.page h1, header.page p { overflow-wrap: anywhere; }
        nav.toc { display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 8px 28px; background: #2c4763; font-size: 13px; }
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
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(460px, 100%), 1fr)); gap: 18px; margin-bottom: 14px; }
        .grid > div, div.rules, div.scroll { min-width: 0; overflow-x: auto; }
        td.kind { white-space: nowrap; }
        table { border-collapse: collapse; width: 100%; }
        th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.small { font-size: 13px; }
        #dossier-table { font-size: 12.5px; border-collapse: separate; border-spacing: 0; }
        #dossier-table td { padding: 4px 5px; background: inherit; }
        #dossier-table thead th { position: sticky; top: 0; background: #e9edf2; z-index: 2; padding: 0; vertical-align: bottom; }
        #dossier-table thead th button { all: unset; cursor: pointer; display: block; padding: 5px 5px; width: 100%;
          box-sizing: border-box; font-weight: 600; line-height: 1.2; }
        #dossier-table tbody tr { background: #fff; }
        #dossier-table .id { white-space: nowrap; }
        #dossier-table thead th.num { white-space: normal; }
        #dossier-table thead .print-label { display: none; }
        #dossier-table tr > :first-child { position: sticky; left: 0; z-index: 1; background: inherit;
          box-shadow: inset -1px 0 0 var(--line); }
        #dossier-table tr > :nth-child(2) { position: sticky; left: var(--id-width, 0); z-index: 1; background: inherit;
          box-shadow: inset -1px 0 0 var(--line); }
        #dossier-table thead tr > :first-child, #dossier-table thead tr > :nth-child(2) { z-index: 3; background: #e9edf2; }
        #dossier-table tfoot tr { background: #e9edf2; font-weight: 600; }
        #dossier-table tfoot th, #dossier-table tfoot td { position: sticky; bottom: 0; background: #e9edf2; border-top: 2px solid #b8c1cc; }
        #dossier-table tfoot tr > :first-child { z-index: 3; }
        #dossier-table td.rules { max-width: 90px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .chip { display: inline-block; font: 12px/1.5 ui-monospace, "DejaVu Sans Mono", monospace; padding: 0 5px;
          border: 1px solid #b8c1cc; border-radius: 9px; background: #f3f5f7; color: var(--fg); cursor: pointer; }
        button.chip:hover, .chip[data-rule]:hover { background: #e4eefa; border-color: var(--accent); }
        .chip.active { background: var(--accent); color: #fff; border-color: var(--accent); }
        .warning { background: var(--warn-bg); color: var(--warn); border: 1px solid #e6c77a; border-radius: 4px; padding: 8px 12px; }
        .broken { color: var(--warn); }
        details.columns { position: relative; }
        details.columns > div { position: absolute; z-index: 5; background: #fff; border: 1px solid var(--line); border-radius: 4px;
          padding: 6px 10px; display: grid; gap: 2px; white-space: nowrap; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
        .print-only { display: none; }
        #dossier-table thead th button:focus-visible { outline: 2px solid var(--accent); }
        #dossier-table thead th[aria-sort=ascending] button::after { content: " ▲"; font-size: 10px; }
        #dossier-table thead th[aria-sort=descending] button::after { content: " ▼"; font-size: 10px; }
        #dossier-table tbody tr:nth-child(even) { background: #f9fafb; }
        #dossier-table th[data-key=id] button { white-space: nowrap; }
        #dossier-table tbody tr:hover { background: #eef4fb; }
        #dossier-table td.title { max-width: 140px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        #dossier-table td.applicant, #dossier-table td.kind { max-width: 95px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .table-wrap { max-height: 78vh; overflow: auto; border: 1px solid var(--line); border-radius: 4px; }
        .controls { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-bottom: 10px; }
        .controls input[type=search] { flex: 1 1 260px; min-width: 0; padding: 6px 10px; border: 1px solid #b8c1cc; border-radius: 4px; font: inherit; }
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
        dl.figures dt { color: var(--muted); } dl.figures dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
        .where, #duplicates li, .warning { overflow-wrap: anywhere; }
        ol.findings { margin: 6px 0 0; padding-left: 20px; }
        ol.findings li { margin: 0 0 10px; }
        .where { color: var(--muted); font-size: 12px; }
        pre.source { background: #f3f5f7; border: 1px solid var(--line); border-radius: 4px; padding: 6px 8px; margin: 4px 0;
          font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; overflow-x: auto; }
        pre.source .ln, pre.source .gap { color: #8a939e; user-select: none; }
        pre.source mark { background: #ffe3e0; font-weight: 700; }
        pre.source mark.related { background: #e3ecfa; }
        pre.source .under { color: var(--err); font-weight: 700; }
        pre.source .under.related { color: #3b6fb6; }
        .help { font-size: 13px; }
        details summary { cursor: pointer; color: var(--accent); }
        a { color: var(--accent); }
        @media (max-width: 700px) {
          header.page { padding: 12px 14px 10px; } header.page h1 { font-size: 18px; }
          nav.toc { padding: 6px 14px; } main { padding: 12px 10px 30px; }
          section.block { padding: 10px 10px; }
          #dossier-table tr > :nth-child(2) { position: static; }
          .card { min-width: 0; flex: 1 1 auto; }
        }
        """

    static let script = """
        (function () {
          "use strict";
          var table = document.getElementById("dossier-table");
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.forEach(function (row, index) { row.dataset.order = index; });
          var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
          var filter = document.getElementById("filter");
          var kind = document.getElementById("kind-filter");
          var admissible = document.getElementById("admissible-filter");
          var rule = document.getElementById("rule-filter");
          var printDetails = document.getElementById("print-details");
          var shown = document.getElementById("shown");
          var totals = document.getElementById("totals");

          // A sum in euro as the report writes one: cents only when there are any.
          function euro(value) {
            var cents = Math.round(value * 100);
            var negative = cents < 0;
            cents = Math.abs(cents);
            var whole = String(Math.floor(cents / 100)).replace(/\\B(?=(\\d{3})+(?!\\d))/g, table.dataset.group || ",");
            var fraction = cents % 100;
            var text = whole + (fraction ? (table.dataset.decimal || ".") + String(fraction).padStart(2, "0") : "");
            return (table.dataset.euroPrefix || "") + (negative ? "-" : "") + text + (table.dataset.euroSuffix || "");
          }
          function sum() {
            var visible = rows.filter(function (row) { return !row.hidden; });
            totals.querySelector(".rows").textContent = String(visible.length);
            Array.prototype.forEach.call(totals.querySelectorAll("td[data-key]"), function (cell) {
              var column = cell.cellIndex;
              var total = 0, seen = false;
              visible.forEach(function (row) {
                var v = row.cells[column].getAttribute("data-v");
                if (v !== null && v !== "") { total += Number(v); seen = true; }
              });
              var money = cell.dataset.key === "eligible" || cell.dataset.key === "requested";
              cell.setAttribute("data-v", seen ? (money ? total.toFixed(2) : String(total)) : "");
              cell.textContent = seen ? (money ? euro(total) : String(total)) : "";
            });
          }
          function markPrinted() {
            var choice = printDetails.value, count = 0;
            rows.forEach(function (row) {
              var article = document.getElementById("d-" + row.dataset.row);
              if (!article) { return; }
              var printed = !row.hidden && (choice === "all" || (choice === "inadmissible" && row.dataset.admissible === "no"));
              article.classList.toggle("printed", printed);
              if (printed) { count += 1; }
            });
            document.getElementById("details").classList.toggle("none-printed", count === 0);
          }
          function describeFilter(count) {
            var parts = [];
            if (filter.value.trim()) { parts.push("\\u201c" + filter.value.trim() + "\\u201d"); }
            [kind, admissible, rule].forEach(function (select) { if (select.value) { parts.push(select.options[select.selectedIndex].text); } });
            document.body.classList.toggle("filtered", parts.length > 0);
            var line = document.getElementById("print-filter");
            line.hidden = parts.length === 0;
            line.textContent = parts.length ? line.dataset.label + ": " + parts.join(" · ") + " — " + count + " / " + rows.length : "";
          }
          function apply() {
            var words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
            var count = 0;
            rows.forEach(function (row) {
              var keep = (!kind.value || row.dataset.kind === kind.value)
                && (!admissible.value || row.dataset.admissible === admissible.value)
                && (!rule.value || row.dataset.rules.indexOf(" " + rule.value + " ") >= 0)
                && words.every(function (word) { return row.dataset.search.indexOf(word) >= 0; });
              row.hidden = !keep;
              if (keep) { count += 1; }
            });
            shown.textContent = String(count);
            Array.prototype.forEach.call(document.querySelectorAll(".chip[data-rule]"), function (chip) {
              chip.classList.toggle("active", chip.dataset.rule === rule.value);
            });
            sum();
            markPrinted();
            describeFilter(count);
            stick();
          }
          filter.addEventListener("input", apply);
          kind.addEventListener("change", apply);
          admissible.addEventListener("change", apply);
          rule.addEventListener("change", apply);
          printDetails.addEventListener("change", markPrinted);
          document.getElementById("print").addEventListener("click", function () { window.print(); });

          // A rule chip (under "Most frequent findings" or in a row) shows that rule's dossiers; again, all.
          document.addEventListener("click", function (event) {
            var chip = event.target.closest(".chip[data-rule]");
            if (!chip) { return; }
            event.preventDefault();
            rule.value = rule.value === chip.dataset.rule ? "" : chip.dataset.rule;
            apply();
            if (!table.contains(chip)) { document.getElementById("table").scrollIntoView(); }
          });

          // The column chooser hides a column's cells (heading, rows, totals).
          Array.prototype.forEach.call(document.querySelectorAll("details.columns input[data-column]"), function (box) {
            box.addEventListener("change", function () {
              var column = Number(box.dataset.column);
              Array.prototype.forEach.call(table.rows, function (row) {
                if (row.cells[column]) { row.cells[column].hidden = !box.checked; }
              });
              stick();
            });
          });

          // The title column sticks right after the id column, whatever its width.
          function stick() {
            var first = table.tHead.rows[0].cells[0];
            table.style.setProperty("--id-width", first.getBoundingClientRect().width + "px");
          }
          window.addEventListener("resize", stick);

          function value(row, column) {
            var cell = row.cells[column];
            return cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent.trim();
          }
          function sortBy(header) {
            var column = header.cellIndex;
            var numeric = header.dataset.type === "number";
            var direction = header.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
            headers.forEach(function (cell) { cell.setAttribute("aria-sort", "none"); });
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
