"""axe-core on every page, every language, light and dark, phone and desktop: zero violations.

No rule is disabled and no element excluded; a violation is fixed in the markup or CSS.
To keep ten languages fast, each page loads once and axe runs in all four views on it
(the viewport and colour scheme change in place), with axe preloaded into the browser
context instead of being injected before every run. Light views run every rule; dark views
run the rules that depend on colour (the only ones whose result can differ).
"""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python
import pytest

from .conftest import DESKTOP, PHONE, BuiltPage, expected_pages

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
# The axe-core that axe-playwright-python bundles (pinned in requirements-test.txt).
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
# In the dark views the markup and layout are the same as in the light ones; only colours
# change, so only the rules that read colours can give another result there. They run on
# every page in dark; all rules run in light.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
COLOUR_OPTIONS = {"runOnly": {"type": "rule", "values": COLOUR_RULES}, "resultTypes": ["violations"]}
RUN_AXE = "async (options) => (await axe.run(document, options)).violations"
VIEWS = {
    "desktop-light": (DESKTOP, "light"),
    "desktop-dark": (DESKTOP, "dark"),
    "phone-dark": (PHONE, "dark"),
    "phone-light": (PHONE, "light"),
}


@pytest.fixture(scope="module")
def axe_page(browser):
    """One page for the module, with axe-core loaded into every document it opens."""
    context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce")
    context.add_init_script(AXE_SOURCE)
    page = context.new_page()
    yield page
    context.close()


def run_axe(page, options=AXE_OPTIONS) -> list[dict]:
    return page.evaluate(RUN_AXE, options)


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


def violations_in_every_view(page, url: str) -> dict[str, list[dict]]:
    """Load `url` once and run axe in the four views; {view: violations} for views that fail."""
    page.set_viewport_size(DESKTOP)
    page.emulate_media(color_scheme="light")
    response = page.goto(url)
    assert response.ok, f"{url} answered {response.status}"
    found = {}
    for name, (viewport, scheme) in VIEWS.items():
        page.set_viewport_size(viewport)
        page.emulate_media(color_scheme=scheme)
        violations = run_axe(page, COLOUR_OPTIONS if scheme == "dark" else AXE_OPTIONS)
        if violations:
            found[name] = violations
    return found


# Material's "not found" page is shown for every unknown address: readers meet it too.
PAGES = [*expected_pages(), BuiltPage("/404.html", "en")]


@pytest.mark.parametrize("built_page", PAGES, ids=str)
def test_page_has_no_axe_violations_in_any_view(axe_page, base_url, built_page):
    found = violations_in_every_view(axe_page, base_url + built_page.path)
    assert not found, "\n".join(f"{view}:\n{describe(v)}" for view, v in found.items())
