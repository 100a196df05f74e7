"""axe-core on every page, every language, light and dark, phone and desktop: zero violations.

No rule is disabled and no element excluded; a violation is fixed in the markup or CSS.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, PHONE, BuiltPage, expected_pages, new_page

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
VIEWS = {
    "phone-light": (PHONE, "light"),
    "phone-dark": (PHONE, "dark"),
    "desktop-light": (DESKTOP, "light"),
    "desktop-dark": (DESKTOP, "dark"),
}
axe = Axe()


@pytest.fixture(scope="module", params=list(VIEWS))
def view(request, browser):
    viewport, scheme = VIEWS[request.param]
    page = new_page(browser, viewport=viewport, color_scheme=scheme)
    yield page
    page.context.close()


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


# Material's "not found" page is shown for every unknown address: readers meet it too.
PAGES = [*expected_pages(), BuiltPage("/404.html", "en")]


@pytest.mark.parametrize("built_page", PAGES, ids=str)
def test_page_has_no_axe_violations(view, base_url, built_page):
    response = view.goto(base_url + built_page.path)
    assert response.ok, f"{built_page} answered {response.status}"
    result = axe.run(view, options=AXE_OPTIONS)
    violations = result.response["violations"]
    assert result.violations_count == 0, describe(violations)
