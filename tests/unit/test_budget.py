"""The page-weight budget of tools/benchmark.py, on made-up visits."""

from __future__ import annotations

from tools.benchmark import BUDGET_LOGO_BYTES, over_budget


def row(url: str, size: int) -> dict:
    return {"url": url, "type": "", "status": 200, "bytes": size, "gzip": size}


PAGE = [row("/", 6_000), row("/a.css", 23_000), row("/b.css", 10_000), row("/m.js", 700), row("/favicon.png", 1_900)]
LOGO = "/assets/municipality/logo.svg"


def test_a_municipal_logo_is_one_request_on_top_of_the_budget():
    assert not over_budget(PAGE)
    assert over_budget([*PAGE, row("/x.js", 100), row(LOGO, 200)])  # without a logo, 7 requests
    assert not over_budget([*PAGE, row("/x.js", 100), row(LOGO, 200)], logo=LOGO)


def test_the_logo_fetched_again_as_the_icon_counts_as_the_icon():
    page = [row for row in PAGE if row["url"] != "/favicon.png"]
    assert not over_budget([*page, row(LOGO, 200), row(LOGO, 200)], logo=LOGO)
    assert over_budget([*page, row("/x.js", 1), row("/y.js", 1), row(LOGO, 200), row(LOGO, 200)], logo=LOGO)


def test_a_heavy_logo_is_over_the_budget():
    assert over_budget([*PAGE, row(LOGO, BUDGET_LOGO_BYTES + 1)], logo=LOGO)
