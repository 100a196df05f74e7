"""Light on data: a first visit (empty cache) to every page type, in every built language,
stays within the budget of tools/benchmark.py in requests and compressed bytes."""

from __future__ import annotations

import pytest

from tools.benchmark import BUDGET_GZIP_BYTES, BUDGET_REQUESTS, measure, over_budget, page_types, table

from .conftest import DEFAULT_LANGUAGE, LANGUAGES


def localized(language: str, path: str) -> str:
    return path if language == DEFAULT_LANGUAGE else f"/{language}{path}"


PAGES = [
    pytest.param(localized(language, path), id=f"{language}-{name}-{path}")
    for language in LANGUAGES
    for name, path in page_types().items()
    if not (path == "/404.html" and language != DEFAULT_LANGUAGE)  # one 404 page for the whole site
]


@pytest.mark.parametrize("path", PAGES)
def test_first_visit_is_within_the_budget(browser, base_url, path):
    rows = measure(browser, base_url + path)
    assert all(row["status"] < 400 for row in rows), f"{path}: failed requests\n{table(rows)}"
    assert not over_budget(rows), (
        f"{path}: a first visit must take at most {BUDGET_REQUESTS} requests and "
        f"{BUDGET_GZIP_BYTES:,} compressed bytes:\n{table(rows)}"
    )
