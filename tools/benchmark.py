"""Benchmark: full build time for all languages, and the weight of a first visit.

    .venv/bin/python -m tools.benchmark [--runs 3] [--page /steps/exams/]

Prints the build time (median of the runs), then for one content page opened with an
empty cache: the number of requests and the bytes transferred, as served here and as
a server with gzip would send them (what a reader on prepaid data pays for).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

from tools.browser import launch_options, serve
from tools.build import build_site

TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def time_builds(runs: int, site: Path) -> list[float]:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        result = build_site(site)
        seconds.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise SystemExit(f"the build failed:\n{result.stdout}\n{result.stderr}")
    return seconds


def first_visit(site: Path, path: str) -> list[dict]:
    """Every response of a first visit (empty cache, JavaScript on, phone viewport)."""
    responses = []
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        page.on("response", lambda response: responses.append(response))
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        rows = []
        for response in responses:
            body = response.body() if response.ok else b""
            kind = response.headers.get("content-type", "")
            compressed = len(gzip.compress(body, 6)) if kind.startswith(TEXT_TYPES) else len(body)
            rows.append({"url": urlparse(response.url).path, "type": kind.split(";")[0],
                         "bytes": len(body), "gzip": compressed})
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--page", default="/steps/exams/")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        seconds = time_builds(args.runs, site)
        pages = len(list(site.rglob("*.html")))
        print(f"Build, all languages ({pages} HTML pages): median {statistics.median(seconds):.2f} s "
              f"over {args.runs} runs ({', '.join(f'{s:.2f}' for s in seconds)})")
        rows = first_visit(site, args.page)
    print(f"\nFirst visit to {args.page} (empty cache):")
    for row in rows:
        print(f"  {row['bytes']:>8,} B  {row['gzip']:>8,} B gzip  {row['type']:<24} {row['url']}")
    print(f"  {len(rows)} requests, {sum(r['bytes'] for r in rows):,} bytes as served, "
          f"{sum(r['gzip'] for r in rows):,} bytes compressed (gzip -6)")


if __name__ == "__main__":
    main()
