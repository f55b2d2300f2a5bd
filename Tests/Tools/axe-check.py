#!/usr/bin/env python3
"""Runs axe-core in headless Chromium on every HTML page of built sites.

    python3 Tests/Tools/axe-check.py SITE_DIR [SITE_DIR ...]

Each page is opened at 375 px and 1280 px wide, in light and dark colour schemes, from a local
static server on 127.0.0.1 (file:// pages would not behave like the published site). axe-core's
script comes from the axe-playwright-python wheel; the browser is Debian's chromium driven by
chromium-driver through Selenium (`scripts/setup --test` installs all three). Also checks that no
page is wider than the phone viewport. Prints JSON: {"pages": N, "violations": [...]} and exits 0;
the Swift test decides. Standard library plus selenium.
"""
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


def serve(root):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=root)
    handler.log_message = lambda self, *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    violations, pages = [], 0
    try:
        for root in sys.argv[1:]:
            server = serve(root)
            base = f"http://127.0.0.1:{server.server_address[1]}/"
            # 404.html links its stylesheet by the published absolute URL (it is served at any
            # depth), which a local server cannot answer; it is checked by the Nu validator only.
            paths = sorted(os.path.relpath(os.path.join(d, f), root) for d, _, files in os.walk(root) for f in files
                           if f.endswith(".html") and f != "404.html")
            for scheme in ("light", "dark"):
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
                for width in (375, 1280):
                    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
                    for path in paths:
                        driver.get(base + path)
                        driver.execute_script(AXE)
                        result = driver.execute_async_script(RUN)
                        where = {"site": os.path.basename(root.rstrip("/")), "page": path, "width": width, "scheme": scheme}
                        if "error" in result:
                            violations.append({**where, "id": "axe-error", "help": result["error"], "nodes": []})
                            continue
                        for v in result["violations"]:
                            violations.append({**where, **v})
                        if width == 375 and result["overflow"]:
                            violations.append({**where, "id": "horizontal-overflow", "help": "the page is wider than the phone viewport", "nodes": []})
                        pages += 1
            server.shutdown()
    finally:
        driver.quit()
    print(json.dumps({"pages": pages, "violations": violations}, indent=1))


if __name__ == "__main__":
    main()
