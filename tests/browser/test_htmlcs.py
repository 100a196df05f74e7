"""A second accessibility engine: HTML_CodeSniffer (npm `html_codesniffer`, standard WCAG2AA)
on every page of every built language, light mode, phone and desktop: zero errors.

axe and HTML_CodeSniffer disagree in places (HTMLCS wants a name even for a form control
that CSS hides), so both run. No message code is ignored and no element excluded: an error
is fixed in overrides/ or the CSS. Needs `npm ci` (scripts/setup.sh --test).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import DESKTOP, PHONE, ROOT, BuiltPage, distinct_pages, new_page

HTMLCS_JS = ROOT / "node_modules" / "html_codesniffer" / "build" / "HTMLCS.js"
PAGES = [*distinct_pages(), BuiltPage("/404.html", "en")]
VIEWS = {"phone-light": PHONE, "desktop-light": DESKTOP}

# Runs the sniffs and returns the errors (type 1; 2 is a warning, 3 a notice).
RUN_HTMLCS = """() => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('HTMLCS did not finish in 20 s')), 20000);
  HTMLCS.process('WCAG2AA', document, () => {
    clearTimeout(timer);
    resolve(HTMLCS.getMessages().filter(m => m.type === HTMLCS.ERROR).map(m => ({
      code: m.code,
      msg: m.msg,
      element: m.element && m.element.outerHTML ? m.element.outerHTML.slice(0, 160) : String(m.element),
    })));
  });
})"""


@pytest.fixture(scope="module", params=list(VIEWS))
def view(request, browser):
    assert Path(HTMLCS_JS).exists(), f"{HTMLCS_JS.relative_to(ROOT)} is missing: run scripts/setup.sh --test (npm ci)"
    page = new_page(browser, viewport=VIEWS[request.param], color_scheme="light")
    yield page
    page.context.close()


@pytest.mark.parametrize("built_page", PAGES, ids=str)
def test_page_has_no_htmlcs_errors(view, base_url, built_page):
    response = view.goto(base_url + built_page.path)
    assert response.ok, f"{built_page} answered {response.status}"
    view.add_script_tag(path=str(HTMLCS_JS))
    errors = view.evaluate(RUN_HTMLCS)
    assert not errors, f"{built_page}: {len(errors)} HTML_CodeSniffer errors:\n" + "\n".join(
        f"- {e['code']}: {e['msg']}\n    at {' '.join(e['element'].split())}" for e in errors[:10]
    )
