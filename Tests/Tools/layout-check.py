#!/usr/bin/env python3
"""Measures page layout in headless Chromium and takes a screenshot of each view.

    python3 Tests/Tools/layout-check.py SITE_DIR SHOTS_DIR PAGE [PAGE ...]

Each PAGE (a path under SITE_DIR, "" for the home page) is opened once and seen in four views:
375 px and 1280 px wide, light and dark colour schemes, all in one browser session, from a local
static server on 127.0.0.1. In each view the page must have:

- one column: the header's content box and main's share both edges, and the site title
  starts where the page's first heading starts (left in LTR, right in RTL);
- no heading directly under another (nothing visible between them), and no two headings in a
  row with the same words;
- no table column and no table row ("card" on a phone) made only of filler: cells with no
  text, or whose only text is muted (the theme's way to say "not stated");
- no request button on the same line as a heading;
- no horizontal scrolling at phone width.

Prints JSON: {"views": N, "problems": [...], "columns": [...], "shots": [...]} and exits 0; the
Swift test decides. Standard library plus selenium (chromium-driver, `scripts/setup --test`).
"""
import functools
import http.server
import json
import os
import sys
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

MEASURE = """
const problems = [];
const rtl = getComputedStyle(document.documentElement).direction === 'rtl';
const norm = s => s.replace(/\\s+/g, ' ').trim();
const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + norm(el.textContent).slice(0, 60) + '"';
function contentBox(el) {
  const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
  return {left: r.left + parseFloat(cs.paddingLeft), right: r.right - parseFloat(cs.paddingRight)};
}

// One column: header and content share both edges; the title starts where the heading does.
const header = contentBox(document.querySelector('.site-header .wrap'));
const main = contentBox(document.querySelector('main'));
if (Math.abs(header.left - main.left) > 1 || Math.abs(header.right - main.right) > 1)
  problems.push({id: 'column-edge', help: `header ${header.left}–${header.right} px, content ${main.left}–${main.right} px`});
const title = document.querySelector('.site-title').getBoundingClientRect();
const h1 = document.querySelector('main h1').getBoundingClientRect();
const startGap = rtl ? Math.abs(title.right - h1.right) : Math.abs(title.left - h1.left);
if (startGap > 1) problems.push({id: 'title-edge', help: `the site title and the page heading start ${startGap} px apart`});

// Headings: none directly under another, none repeating the one before.
const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(shown);
for (let i = 1; i < headings.length; i++)
  if (norm(headings[i].textContent) === norm(headings[i - 1].textContent))
    problems.push({id: 'repeated-heading', help: `${describe(headings[i])} repeats the heading before it`});
let last = null, contentSince = true;
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (node.nodeType === Node.TEXT_NODE) {
    const parent = node.parentElement;
    if (norm(node.textContent) && !parent.closest('h1, h2, h3, h4, h5, h6') && shown(parent)) contentSince = true;
  } else if (/^H[1-6]$/.test(node.tagName) && shown(node)) {
    if (last && !contentSince) problems.push({id: 'heading-under-heading', help: `${describe(node)} directly under ${describe(last)}`});
    last = node; contentSince = false;
  } else if (['IMG', 'TABLE', 'BUTTON', 'INPUT', 'SVG'].includes(node.tagName) && shown(node)) {
    contentSince = true;
  }
}

// Filler: a cell says nothing when it has no text or only muted text.
const filler = cell => {
  const text = norm(cell.textContent);
  if (!text) return true;
  const muted = [...cell.querySelectorAll('.muted')].map(m => norm(m.textContent)).join(' ');
  return norm(muted) === text || [...cell.querySelectorAll('.muted')].some(m => norm(m.textContent) === text);
};
for (const table of document.querySelectorAll('main table')) {
  const rows = [...table.querySelectorAll('tbody tr')];
  if (!rows.length) continue;
  const width = Math.max(...rows.map(r => r.cells.length));
  for (let c = 0; c < width; c++) {
    const cells = rows.map(r => r.cells[c]).filter(Boolean);
    if (cells.length && cells.every(cell => cell.tagName === 'TD' && filler(cell)))
      problems.push({id: 'filler-column', help: `column ${c + 1} of ${describe(table.closest('[aria-labelledby]') || table)} says nothing in any row`});
  }
  for (const row of rows) {
    const data = [...row.cells].filter(cell => cell.tagName === 'TD');
    if (data.length && data.every(filler))
      problems.push({id: 'filler-card', help: `row ${describe(row)} says nothing but its name`});
  }
}

// A request button never shares a line with a heading.
for (const button of document.querySelectorAll('.request .button')) {
  if (!shown(button)) continue;
  const b = button.getBoundingClientRect();
  for (const heading of headings) {
    const h = heading.getBoundingClientRect();
    if (h.top < b.bottom - 1 && b.top < h.bottom - 1)
      problems.push({id: 'heading-beside-button', help: `${describe(heading)} is on the line of the request button`});
  }
}

if (document.documentElement.scrollWidth > window.innerWidth + 1 && window.innerWidth < 600)
  problems.push({id: 'horizontal-overflow', help: 'the page is wider than the phone viewport'});
return {problems, column: [main.left, main.right]};
"""


def serve(root):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=root)
    handler.log_message = lambda self, *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    root, shots_dir, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    server = serve(root)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    problems, columns, shots, views = [], [], [], 0
    try:
        # Each page is loaded once and measured in the four views by changing the emulated
        # colour scheme and viewport in place, as browser-session.py does for axe: the layout
        # depends on nothing else, and a load costs more than a relayout.
        for page in pages:
            driver.get(base + page)
            for scheme in ("light", "dark"):
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
                for width in (375, 1280):
                    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
                    result = driver.execute_script(MEASURE)
                    where = {"page": page, "width": width, "scheme": scheme}
                    problems += [{**where, **problem} for problem in result["problems"]]
                    columns.append({**where, "left": result["column"][0], "right": result["column"][1]})
                    name = (page.strip("/").replace("/", "_") or "home") + f"-{width}-{scheme}.png"
                    path = os.path.join(shots_dir, name)
                    driver.save_screenshot(path)
                    shots.append({**where, "path": path, "bytes": os.path.getsize(path)})
                    views += 1
    finally:
        driver.quit()
        server.shutdown()
    print(json.dumps({"views": views, "problems": problems, "columns": columns, "shots": shots}, indent=1))


if __name__ == "__main__":
    main()
