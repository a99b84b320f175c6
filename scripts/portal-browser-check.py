#!/usr/bin/env python3
"""Drives the pre-check portal (`dossiercheck serve`) in a real headless Chromium, as an applicant
would use it, and prints what the pages showed as JSON (the Swift test judges it).

  portal-browser-check.py URL DOSSIER.yaml --screenshot OUT.png [--chromium PATH]

Opens the page at URL, uploads DOSSIER.yaml through the file input (DOM.setFileInputFiles, as a
person choosing the file), submits the form with a real click, reads the findings list (rule
IDs), picks French as the language of the messages and submits again (the page keeps the
dossier's text), reads the page again, follows the first rule's link to its explanation, and
takes a screenshot of the findings. Shares the Browser and Page classes of browser-check.py
(Chromium over the DevTools pipe, Python's standard library only). Exit status 0 when the pages
could be driven, 2 when Chromium could not be started or driven.
"""
import argparse, importlib.util, pathlib, shutil, sys

_spec = importlib.util.spec_from_file_location("browser_check", pathlib.Path(__file__).with_name("browser-check.py"))
browser_check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(browser_check)
Browser, Page = browser_check.Browser, browser_check.Page

STATE = """(() => {
  const verdict = document.getElementById('verdict');
  const findings = Array.from(document.querySelectorAll('li.finding'));
  return {
    url: location.pathname,
    lang: document.documentElement.lang,
    title: document.title,
    verdict: verdict ? verdict.textContent.trim() : null,
    admissible: verdict ? verdict.dataset.admissible : null,
    rules: findings.map(f => f.dataset.rule),
    messages: findings.map(f => (f.querySelector('.message') || f.querySelector('.head')).textContent.trim()),
    frames: document.querySelectorAll('pre.frame mark.primary').length,
    ruleLinks: Array.from(document.querySelectorAll('li.finding a.rule')).map(a => a.getAttribute('href')),
    textLength: (document.getElementById('dossier') || {value: ''}).value.length,
    explanation: (document.getElementById('explanation') || {dataset: {}}).dataset.rule || null,
    explainText: (document.querySelector('pre.explain') || {textContent: ''}).textContent.slice(0, 200),
    externalResources: performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin)),
    stylesheetLoaded: Array.from(document.styleSheets).some(s => (s.href || '').endsWith('/static/portal.css') && s.cssRules.length > 0),
  };
})()"""


def set_file(page, selector, path):
    document = page.call("DOM.getDocument")["root"]["nodeId"]
    node = page.call("DOM.querySelector", {"nodeId": document, "selector": selector})["nodeId"]
    page.call("DOM.setFileInputFiles", {"files": [str(path)], "nodeId": node})


def navigate_by(page, action):
    """Runs `action` (a click that submits a form or follows a link) and waits for the new page."""
    page.browser.events = [e for e in page.browser.events if e.get("method") != "Page.loadEventFired"]
    action()
    page.browser.wait_event("Page.loadEventFired", page.session)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("dossier")
    parser.add_argument("--screenshot", required=True)
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    args = parser.parse_args()

    def session(page, observed):
        observed["start"] = page.js(STATE)
        set_file(page, "#file", pathlib.Path(args.dossier).resolve())
        navigate_by(page, lambda: page.click("#submit"))
        observed["checked"] = page.js(STATE)
        page.js("window.scrollTo(0, 0)")
        page.screenshot(args.screenshot)
        observed["screenshot"] = args.screenshot
        page.choose("#lang", "fr")
        navigate_by(page, lambda: page.click("#submit"))
        observed["french"] = page.js(STATE)
        navigate_by(page, lambda: page.click("li.finding a.rule"))
        observed["rule"] = page.js(STATE)

    return browser_check.drive(args.chromium, args.url, (1400, 1800), "portal-browser-check", session)


if __name__ == "__main__":
    sys.exit(main())
