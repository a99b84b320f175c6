#!/usr/bin/env python3
"""Drives a triage HTML report in a real headless Chromium, as a jury member would use it, and
prints what the page showed as JSON (the Swift test judges it).

  browser-check.py REPORT.html --screenshot OUT.png [--chromium PATH] [--filter TEXT] [--kind KIND]
                   [--layout-shots DIR] [--pdf OUT.pdf] [--filtered-pdf OUT.pdf]

--layout-shots DIR opens the page at 1400 and 420 px wide, measures its layout (page scroll
width, where the money columns end, wrapped ids, the sticky id column) and leaves
DIR/triage-1400.png and DIR/triage-420.png. --pdf prints the page as Chromium prints it (its
print style sheet, A4 landscape); --filtered-pdf prints it after typing --filter.

Chromium is driven through the DevTools protocol over a pipe (--remote-debugging-pipe: the
browser reads commands on fd 3 and writes on fd 4, messages separated by NUL bytes), so nothing
but Python's standard library and Debian's `chromium` package is needed. Clicks and typing are
real input events (Input.dispatchMouseEvent, Input.insertText); the kind and admissibility
selects are set as a script would, with a change event. Exit status 0 when the page could be
driven (the JSON then says what it showed), 2 when Chromium could not be started or driven.
"""
import argparse, base64, json, os, pathlib, select, shutil, subprocess, sys, tempfile, time

TIMEOUT = 90  # seconds for the whole session


class Browser:
    def __init__(self, binary, profile):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--mute-audio",
                 "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"]
        # The shell puts our pipe ends at fd 3 (commands) and fd 4 (answers), where Chromium looks for them.
        command = " ".join(["exec", shlex_quote(binary)] + [shlex_quote(f) for f in flags]
                           + [f"3<&{to_chrome_r}", f"4>&{from_chrome_w}"])
        self.process = subprocess.Popen(["/bin/sh", "-c", command], pass_fds=(to_chrome_r, from_chrome_w),
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.deadline = time.monotonic() + TIMEOUT

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def read(self):
        while b"\0" not in self.buffer:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise RuntimeError("Chromium did not answer in time")
            ready, _, _ = select.select([self.from_chrome], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.from_chrome, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe: " + self.process.stderr.read().decode(errors="replace")[-2000:])
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_event(self, method, session):
        for i, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                return self.events.pop(i)
        while True:
            event = self.read()
            if event.get("method") == method and event.get("sessionId") == session:
                return event
            self.events.append(event)

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def shlex_quote(text):
    import shlex
    return shlex.quote(text)


class Page:
    def __init__(self, browser, url, width, height):
        self.browser = browser
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        self.call("Page.navigate", {"url": url})
        browser.wait_event("Page.loadEventFired", self.session)

    def call(self, method, params=None):
        return self.browser.send(method, params, self.session)

    def js(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector):
        """A real mouse click in the middle of the element (scrolled into view first)."""
        box = self.js(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
        x, y = box
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            params = {"type": kind, "x": x, "y": y}
            if kind != "mouseMoved":
                params.update(button="left", clickCount=1)
            self.call("Input.dispatchMouseEvent", params)

    def type(self, selector, text):
        self.click(selector)
        self.call("Input.insertText", {"text": text})

    def choose(self, selector, value):
        self.js(f"""(() => {{ const e = document.querySelector({json.dumps(selector)}); e.value = {json.dumps(value)};
            e.dispatchEvent(new Event('change', {{bubbles: true}})); }})()""")

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        pathlib.Path(path).write_bytes(base64.b64decode(data))


STATE = """(() => {
  const table = document.getElementById('dossier-table');
  const headers = Array.from(table.tHead.rows[0].cells).map(c => c.dataset.key);
  const rows = Array.from(table.tBodies[0].rows);
  const visible = rows.filter(r => !r.hidden && getComputedStyle(r).display !== 'none');
  const column = key => headers.indexOf(key);
  const cell = (r, key) => { const c = r.cells[column(key)]; return c.hasAttribute('data-v') ? c.getAttribute('data-v') : c.textContent.trim(); };
  return {
    headers: headers,
    rows: rows.length,
    visible: visible.length,
    shown: document.getElementById('shown').textContent,
    ids: visible.map(r => cell(r, 'id')),
    errors: visible.map(r => cell(r, 'errors')),
    kinds: visible.map(r => r.dataset.kind),
    admissible: visible.map(r => r.dataset.admissible),
    sort: Array.from(table.tHead.rows[0].cells).map(c => c.getAttribute('aria-sort')),
    eligible: visible.map(r => cell(r, 'eligible')),
    requested: visible.map(r => cell(r, 'requested')),
    warnings: visible.map(r => cell(r, 'warnings')),
    partners: visible.map(r => cell(r, 'partners')),
    rules: visible.map(r => cell(r, 'failedRules')),
    rule: document.getElementById('rule-filter').value,
    totals: Object.fromEntries(Array.from(document.querySelectorAll('#totals td[data-key]')).map(c => [c.dataset.key, c.getAttribute('data-v')])),
    totalsText: Object.fromEntries(Array.from(document.querySelectorAll('#totals td[data-key]')).map(c => [c.dataset.key, c.textContent])),
    totalRows: document.querySelector('#totals .rows').textContent,
    activeChips: Array.from(document.querySelectorAll('.chip.active')).map(c => c.dataset.rule),
    printed: Array.from(document.querySelectorAll('article.dossier.printed')).map(a => a.id),
    details: document.querySelectorAll('article.dossier').length,
    externalResources: performance.getEntriesByType('resource').map(e => e.name),
    title: document.title,
  };
})()"""


LAYOUT = """(() => {
  const wrap = document.querySelector('.table-wrap').getBoundingClientRect();
  const edge = key => { const r = document.querySelector(`#dossier-table th[data-key="${key}"]`).getBoundingClientRect();
                        return {left: r.left, right: r.right}; };
  const nav = document.querySelector('nav.toc').getBoundingClientRect();
  const links = Array.from(document.querySelectorAll('#dossier-table tbody td.id a'));
  return {
    innerWidth: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    bodyScrollWidth: document.body.scrollWidth,
    wrap: {left: wrap.left, right: wrap.right},
    tableWidth: document.getElementById('dossier-table').scrollWidth,
    money: {eligible: edge('eligible'), requested: edge('requested'), publicShare: edge('publicShare')},
    wrappedIds: links.filter(a => a.getClientRects().length > 1).map(a => a.textContent),
    navRight: nav.right,
    widest: Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
      && !e.closest('.table-wrap, .scroll, .rules, .grid > div, pre')).slice(0, 5).map(e => e.tagName + '.' + e.className),
  };
})()"""

STICKY = """(() => {
  const wrap = document.querySelector('.table-wrap');
  wrap.scrollLeft = wrap.scrollWidth;
  const cell = document.querySelector('#dossier-table tbody tr:not([hidden]) td.id');
  const result = {scrolled: wrap.scrollLeft, wrapLeft: wrap.getBoundingClientRect().left, idLeft: cell.getBoundingClientRect().left};
  wrap.scrollLeft = 0;
  return result;
})()"""


def print_pdf(page, path):
    data = page.call("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"]
    pathlib.Path(path).write_bytes(base64.b64decode(data))


def drive(chromium, url, size, name, session):
    """Opens `url` in a fresh headless Chromium of `size` (width, height), runs `session(page,
    observed)`, and prints what it observed as JSON. 0 when the page could be driven, 2 when not."""
    if not chromium:
        print("chromium not found", file=sys.stderr)
        return 2
    observed = {}
    profile = tempfile.mkdtemp(prefix=f"{name}-")
    browser = None
    try:
        browser = Browser(chromium, profile)
        session(Page(browser, url, *size), observed)
    except Exception as error:  # a browser that cannot be driven is a failure to report, not a crash
        print(f"{name}: {error}", file=sys.stderr)
        return 2
    finally:
        if browser:
            browser.close()
        shutil.rmtree(profile, ignore_errors=True)
    json.dump(observed, sys.stdout)
    print()
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("--screenshot", required=True)
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    parser.add_argument("--filter", default="", help="text typed into the filter box")
    parser.add_argument("--kind", default="", help="a kind chosen in the kind select")
    parser.add_argument("--layout-shots", default="", help="a folder for the screenshots at 1400 and 420 px")
    parser.add_argument("--pdf", default="", help="print the report to this PDF")
    parser.add_argument("--filtered-pdf", default="", help="print the report filtered by --filter to this PDF")
    args = parser.parse_args()
    url = pathlib.Path(args.report).resolve().as_uri()

    def session(page, observed):
        observed["initial"] = page.js(STATE)
        page.click('#dossier-table th[data-key="errors"] button')
        observed["errorsAscending"] = page.js(STATE)
        page.click('#dossier-table th[data-key="errors"] button')
        observed["errorsDescending"] = page.js(STATE)
        page.click('#dossier-table th[data-key="id"] button')
        observed["idAscending"] = page.js(STATE)
        if args.filter:
            page.type("#filter", args.filter)
            observed["filtered"] = page.js(STATE)
            page.js("(() => { const f = document.getElementById('filter'); f.value = ''; f.dispatchEvent(new Event('input')); })()")
        page.choose("#admissible-filter", "no")
        observed["inadmissible"] = page.js(STATE)
        page.choose("#admissible-filter", "")
        if args.kind:
            page.choose("#kind-filter", args.kind)
            observed["kind"] = page.js(STATE)
            page.choose("#kind-filter", "")
        observed["cleared"] = page.js(STATE)
        # A rule chip under "Most frequent findings" filters the table by that rule; a second click clears it.
        if page.js("document.querySelector('#top-rules .chip') !== null"):
            page.click("#top-rules .chip")
            observed["chip"] = page.js(STATE)
            page.click("#top-rules .chip")
            observed["chipCleared"] = page.js(STATE)
        # The screenshot: the table sorted by errors, most first, with the summary above it.
        page.click('#dossier-table th[data-key="errors"] button')
        page.click('#dossier-table th[data-key="errors"] button')
        page.js("window.scrollTo(0, 0)")
        page.screenshot(args.screenshot)
        observed["screenshot"] = args.screenshot

        if args.layout_shots:
            observed["layout"] = {}
            for width in (1400, 420):
                narrow = Page(page.browser, url, width, 900)
                observed["layout"][str(width)] = narrow.js(LAYOUT)
                observed["layout"][str(width)]["sticky"] = narrow.js(STICKY)
                if width == 1400:  # the table, where the money columns must fit; at 420, the top with its menu
                    narrow.js("document.getElementById('table').scrollIntoView()")
                narrow.screenshot(str(pathlib.Path(args.layout_shots) / f"triage-{width}.png"))
        if args.pdf:
            print_pdf(Page(page.browser, url, 1400, 900), args.pdf)
        if args.filtered_pdf and args.filter:
            filtered = Page(page.browser, url, 1400, 900)
            filtered.type("#filter", args.filter)
            observed["printFiltered"] = filtered.js(STATE)
            print_pdf(filtered, args.filtered_pdf)

    return drive(args.chromium, url, (1800, 1500), "browser-check", session)


if __name__ == "__main__":
    sys.exit(main())
