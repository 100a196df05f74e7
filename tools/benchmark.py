"""Benchmark: full build time for all languages, and the weight of a first visit per page type.

    .venv/bin/python -m tools.benchmark [--runs 3] [--page /steps/exams/] [--site FOLDER]

Prints the build time (median of the runs; the build includes Pagefind's index), then for
one page of each type (home, content page, step page, glossary, 404, search, check) opened
with an empty cache: the number of requests and the bytes transferred, as served here and
as a server with gzip would send them (what a reader on prepaid data pays for), against
the budget. `--site` measures a site built before (no build). tests/browser/test_weight.py
fails when a page type is over the budget.
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Browser, sync_playwright

from tools.browser import launch_options, serve
from tools.build import ROOT, build_site

TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
# A first visit to any page type: at most this many requests and compressed bytes (gzip -6).
BUDGET_REQUESTS = 6
BUDGET_GZIP_BYTES = 45_000
PHONE = {"width": 360, "height": 740}


def page_types(root: Path = ROOT) -> dict[str, str]:
    """One page of each type, as URL paths of the default language."""
    types = {
        "home": "/",
        "content page": "/who-must-integrate/",
        "step page": "/steps/exams/",
        "glossary": "/glossary/",
        "404": "/404.html",
    }
    if (root / "docs" / "en" / "search.md").exists():
        types["search"] = "/search/"
    if (root / "docs" / "en" / "check" / "index.md").exists():
        types["check question"] = "/check/"
    return types


def time_builds(runs: int, site: Path) -> list[float]:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        result = build_site(site)
        seconds.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise SystemExit(f"the build failed:\n{result.stdout}\n{result.stderr}")
    return seconds


def measure(browser: Browser, url: str) -> list[dict]:
    """Every response of a first visit to `url` (empty cache, JavaScript on, phone viewport)."""
    context = browser.new_context(viewport=PHONE)
    responses = []
    try:
        page = context.new_page()
        page.on("response", lambda response: responses.append(response))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        rows = []
        for response in responses:
            body = response.body() if response.ok else b""
            kind = response.headers.get("content-type", "")
            compressed = len(gzip.compress(body, 6)) if kind.startswith(TEXT_TYPES) else len(body)
            rows.append({"url": urlparse(response.url).path, "type": kind.split(";")[0], "status": response.status,
                         "bytes": len(body), "gzip": compressed})
    finally:
        context.close()
    return rows


def first_visit(site: Path, path: str) -> list[dict]:
    """Every response of a first visit to `path` of a built site."""
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            return measure(browser, base_url + path)
        finally:
            browser.close()


def totals(rows: list[dict]) -> tuple[int, int, int]:
    """(requests, bytes as served, bytes compressed)."""
    return len(rows), sum(row["bytes"] for row in rows), sum(row["gzip"] for row in rows)


# Pages in Arabic script or Ge'ez also load their script's font (docs/assets/fonts, WOFF2,
# already compressed): one font file, at most this size, on top of the page's budget.
BUDGET_FONT_BYTES = 64_000


def is_font(row: dict) -> bool:
    return row["url"].split("?")[0].endswith(".woff2")


# A municipality's copy also shows its logo (on a phone above each page's title): one file,
# at most this size as served, on top of the page's budget.
BUDGET_LOGO_BYTES = 16_000


def over_budget(rows: list[dict], logo: str | None = None) -> bool:
    """Whether a first visit costs more than the budget; `logo` is the address path of a
    municipality's logo (None in the national edition, which has none)."""
    fonts = [row for row in rows if is_font(row)]
    # The logo's first fetch; a copy without its own favicon fetches the file again as its icon,
    # which counts like the national favicon.
    logos = [row for row in rows if logo and row["url"] == logo][:1]
    requests, _, compressed = totals([row for row in rows
                                      if row not in fonts and not any(row is shown for shown in logos)])
    too_much_font = len(fonts) > 1 or sum(row["bytes"] for row in fonts) > BUDGET_FONT_BYTES
    too_much_logo = sum(row["bytes"] for row in logos) > BUDGET_LOGO_BYTES
    return requests > BUDGET_REQUESTS or compressed > BUDGET_GZIP_BYTES or too_much_font or too_much_logo


def logo_of(site: Path) -> str | None:
    """The address path of a built copy's logo (from its home page), None without one."""
    home = (site / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<p class="guide-brand-line"><img src="([^"]+)"', home)
    return "/" + match.group(1).removeprefix("./") if match else None


def table(rows: list[dict]) -> str:
    """The requests of one visit, one a line, and their totals."""
    lines = [f"  {row['bytes']:>8,} B  {row['gzip']:>8,} B gzip  {row['status']}  {row['type']:<24} {row['url']}"
             for row in rows]
    requests, served, compressed = totals(rows)
    lines.append(f"  {requests} requests, {served:,} bytes as served, {compressed:,} bytes compressed (gzip -6); "
                 f"budget {BUDGET_REQUESTS} requests, {BUDGET_GZIP_BYTES:,} bytes compressed, "
                 f"plus one script font of at most {BUDGET_FONT_BYTES:,} bytes and a municipality's logo "
                 f"of at most {BUDGET_LOGO_BYTES:,}")
    return "\n".join(lines)


def report(site: Path, pages: dict[str, str]) -> dict[str, list[dict]]:
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            return {name: measure(browser, base_url + path) for name, path in pages.items()}
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--page", help="measure only this URL path, e.g. /steps/exams/")
    parser.add_argument("--site", type=Path, help="a site built before: measure it, do not build")
    args = parser.parse_args()
    pages = {args.page: args.page} if args.page else page_types()
    with tempfile.TemporaryDirectory() as folder:
        site = args.site or Path(folder) / "site"
        if not args.site:
            seconds = time_builds(args.runs, site)
            count = len(list(site.rglob("*.html")))
            print(f"Build, all languages, with Pagefind ({count} HTML pages): "
                  f"median {statistics.median(seconds):.2f} s over {args.runs} runs "
                  f"({', '.join(f'{s:.2f}' for s in seconds)})")
        visits = report(site, pages)
        logo = logo_of(site)
    for name, rows in visits.items():
        print(f"\nFirst visit to the {name} {pages[name]} (empty cache):")
        print(table(rows))
    print("\nSummary (first visit, empty cache)")
    print(f"  {'page type':<16} {'path':<22} {'requests':>8} {'bytes':>10} {'gzip':>8}  budget")
    for name, rows in visits.items():
        requests, served, compressed = totals(rows)
        verdict = "OVER" if over_budget(rows, logo) else "ok"
        print(f"  {name:<16} {pages[name]:<22} {requests:>8} {served:>10,} {compressed:>8,}  {verdict}")


if __name__ == "__main__":
    main()
