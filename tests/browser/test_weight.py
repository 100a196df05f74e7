"""Light on data: a first visit (empty cache) to every page type, in every built language,
stays within the budget of tools/benchmark.py in requests and compressed bytes; so does a
first visit to each page type of each example municipality's copy, which may add its logo."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLE_SETTINGS
from tools.benchmark import BUDGET_GZIP_BYTES, BUDGET_REQUESTS, logo_of, measure, over_budget, page_types, table
from tools.browser import serve

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


# Each copy's page types in English, and its home page in every script it builds. Hoogmeer's
# 404 page points at its sub-folder, which this test server does not have: its home instead.
MUNICIPAL_PAGES = [
    pytest.param(settings.parent.name, path, id=f"{settings.parent.name}-{path}")
    for settings in EXAMPLE_SETTINGS
    for path in [*page_types().values(), "/ar/", "/ti/"]
    if path != "/404.html"
]


@pytest.mark.parametrize(("name", "path"), MUNICIPAL_PAGES)
def test_a_municipal_copy_stays_within_the_budget_with_its_logo(browser, municipal_sites, name, path):
    site = municipal_sites[name]
    logo = logo_of(site)
    assert logo, f"{name}: no logo on the home page's brand line"
    with serve(site) as base_url:
        rows = measure(browser, base_url + path)
    assert all(row["status"] < 400 for row in rows), f"{name} {path}: failed requests\n{table(rows)}"
    assert logo in [row["url"] for row in rows], f"{name} {path}: the logo is not shown on a phone\n{table(rows)}"
    assert not over_budget(rows, logo), f"{name} {path}: over the budget with its logo:\n{table(rows)}"
