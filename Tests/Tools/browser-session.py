#!/usr/bin/env python3
"""One headless Chromium session for every browser test of a test run.

    python3 Tests/Tools/browser-session.py [--browsers N]

Started once per test process by `TestSupport.BrowserSession`, it reads one JSON request per
line on standard input and answers each with one JSON line on standard output, until standard
input closes. Starting Chromium costs seconds of CPU; starting it once, instead of once per page
or per test, is most of what keeps the browser suites short.

Requests (every path absolute; pages are served from a local static server on 127.0.0.1, one
per site folder, because file:// pages would not behave like the published site):

    {"op": "axe", "root": SITE_DIR, "site": NAME}
        axe-core (WCAG 2.1 A and AA plus best practices) on every HTML page of the folder except
        404.html, at 375 px and 1280 px wide, in light and dark colour schemes, and whether the
        page is wider than the phone viewport. Each page is loaded once per browser and checked
        in the four combinations by changing the emulated viewport and colour scheme in place
        (the pages' layout depends on nothing else). Answer: {"pages": N, "violations": [...]},
        N counting page x width x scheme.
    {"op": "visit", "root": SITE_DIR, "page": PATH, "width": W, "height": H, "screenshot": PNG}
        Loads one page at that viewport, saves a screenshot (optional) and answers
        {"console": [messages], "dom": "<html ...>...</html>", "lang": ..., "dir": ...}.

Any failure answers {"error": "..."}. With --browsers N (default two per core) axe requests
spread their pages over N browsers. Standard library plus selenium; axe-core's script comes
from the axe-playwright-python wheel; the browser is Debian's chromium driven by
chromium-driver (`scripts/setup --test` installs all three).
"""
import argparse
import base64
import concurrent.futures
import functools
import http.server
import json
import os
import sys
import threading

import axe_playwright_python
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

AXE = open(os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js"), encoding="utf-8").read()
# WCAG 2.1 A and AA plus axe's best practices, as the review that filed the issue used.
RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
  .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})),
    overflow: document.documentElement.scrollWidth > window.innerWidth + 1}))
  .catch(e => done({error: String(e)}));
"""
SCHEMES = ("light", "dark")
WIDTHS = (375, 1280)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Browser:
    def __init__(self):
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-dev-shm-usage"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.set_script_timeout(60)

    def emulate(self, width, height, scheme):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})

    def axe_page(self, base, path, site):
        """The page in the four combinations: [(where, result)]."""
        self.emulate(WIDTHS[0], 900, SCHEMES[0])
        self.driver.get(base + path)
        self.driver.execute_script(AXE)
        found = []
        for scheme in SCHEMES:
            for width in WIDTHS:
                self.emulate(width, 900, scheme)
                where = {"site": site, "page": path, "width": width, "scheme": scheme}
                found.append((where, self.driver.execute_async_script(RUN)))
        return found

    def quit(self):
        self.driver.quit()


class Session:
    def __init__(self, browsers):
        self.count = browsers
        self.browsers = []
        self.servers = {}

    def browser(self, index):
        while len(self.browsers) <= index:
            self.browsers.append(Browser())
        return self.browsers[index]

    def base(self, root):
        if root not in self.servers:
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=root))
            threading.Thread(target=server.serve_forever, daemon=True).start()
            self.servers[root] = server
        return f"http://127.0.0.1:{self.servers[root].server_address[1]}/"

    def axe(self, request):
        root, site = request["root"], request["site"]
        base = self.base(root)
        # 404.html links its stylesheet by the published absolute URL (it is served at any
        # depth), which a local server cannot answer; it is checked by the Nu validator only.
        paths = sorted(os.path.relpath(os.path.join(d, f), root) for d, _, files in os.walk(root) for f in files
                       if f.endswith(".html") and f != "404.html")
        shares = [paths[i::self.count] for i in range(self.count)]
        browsers = [self.browser(i) for i in range(self.count)]

        def check(index):
            return [found for path in shares[index] for found in browsers[index].axe_page(base, path, site)]

        with concurrent.futures.ThreadPoolExecutor(self.count) as pool:
            results = [found for share in pool.map(check, range(self.count)) for found in share]
        violations, pages = [], 0
        for where, result in sorted(results, key=lambda item: (item[0]["page"], item[0]["scheme"], item[0]["width"])):
            if "error" in result:
                violations.append({**where, "id": "axe-error", "help": result["error"], "nodes": []})
                continue
            violations.extend({**where, **v} for v in result["violations"])
            if where["width"] < 600 and result["overflow"]:
                violations.append({**where, "id": "horizontal-overflow", "help": "the page is wider than the phone viewport", "nodes": []})
            pages += 1
        return {"pages": pages, "violations": violations}

    def visit(self, request):
        browser = self.browser(0)
        driver = browser.driver
        driver.get_log("browser")  # what earlier pages logged is not this page's
        browser.emulate(request["width"], request["height"], request.get("scheme", "light"))
        driver.get(self.base(request["root"]) + request["page"])
        if request.get("screenshot"):
            shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
            with open(request["screenshot"], "wb") as file:
                file.write(base64.b64decode(shot["data"]))
        console = [entry["message"] for entry in driver.get_log("browser")]
        dom = driver.execute_script("return document.documentElement.outerHTML")
        return {"console": console, "dom": dom}

    def close(self):
        for browser in self.browsers:
            browser.quit()


def main():
    parser = argparse.ArgumentParser()
    # Two browsers per core: a page check waits on round trips between the driver, the browser
    # and its renderer as much as it computes, so one browser keeps well under one core busy.
    parser.add_argument("--browsers", type=int, default=2 * (os.cpu_count() or 1))
    session = Session(max(1, parser.parse_args().browsers))
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                request = json.loads(line)
                answer = getattr(session, request["op"])(request) if request["op"] in ("axe", "visit") else {"error": "unknown op"}
            except Exception as error:  # the test reports it; the session goes on
                answer = {"error": f"{type(error).__name__}: {error}"}
            sys.stdout.write(json.dumps(answer) + "\n")
            sys.stdout.flush()
    finally:
        session.close()


if __name__ == "__main__":
    main()
