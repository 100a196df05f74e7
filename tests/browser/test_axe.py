"""Every page of every language in Chromium, in one load each:

- axe-core and HTML_CodeSniffer (npm `html_codesniffer`, WCAG2AA): zero violations and zero
  errors on a phone (320 px) in every language, in light and dark (colours); the desktop
  (1280 px), light and dark, in one language per script and direction (see views());
- no sideways scrolling at 320 px and at 200 % zoom (a 1280 px window at 200 % lays the page
  out in 640 CSS pixels) (WCAG 1.4.10);
- no request to another host and no request that fails, with JavaScript on.

No rule is disabled and no element excluded; a violation is fixed in the markup or the CSS.
axe and HTML_CodeSniffer disagree in places (HTMLCS wants a name even for a form control that
CSS hides), so both run.

Ten languages stay fast because each page loads once: the views change in place (viewport
and colour scheme), and axe and HTMLCS are preloaded into the browser context instead of
injected per run. Light views run every rule; dark views run the rules that read colours
(markup and layout are the same as in light, so only those can give another result).
The check's pages are tested once per question or result (conftest.distinct_pages).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import axe_playwright_python
import pytest

from .conftest import DEFAULT_LANGUAGE, DESKTOP, LANGUAGES, LAYOUT_LANGUAGES, PHONE, ROOT, BuiltPage, distinct_pages

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
# The axe-core that axe-playwright-python bundles (pinned in requirements-test.txt).
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
HTMLCS_JS = ROOT / "node_modules" / "html_codesniffer" / "build" / "HTMLCS.js"
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
COLOUR_OPTIONS = {"runOnly": {"type": "rule", "values": COLOUR_RULES}, "resultTypes": ["violations"]}
RUN_AXE = "async (options) => (await axe.run(document, options)).violations"
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
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
ZOOM_200 = {"width": DESKTOP["width"] // 2, "height": DESKTOP["height"] // 2}
# (name, viewport, colour scheme, what runs): in this order, on one load.
PHONE_VIEWS = [
    ("phone-light", PHONE, "light", ("axe", "htmlcs", "reflow")),
    ("phone-dark", PHONE, "dark", ("colours",)),
    ("zoom-200%", ZOOM_200, "light", ("reflow",)),
]
DESKTOP_VIEWS = [
    ("desktop-light", DESKTOP, "light", ("axe", "htmlcs")),
    ("desktop-dark", DESKTOP, "dark", ("colours",)),
]


def views(language: str) -> list[tuple]:
    """Every page of every language is checked on a phone, where the words meet the least
    room, with every rule, in light and dark, and at 200 % zoom. The desktop layout (sidebars,
    wide tables) comes from the templates and the CSS, the same in every language: it is
    measured on every page of one language per script and direction (conftest.LAYOUT_LANGUAGES),
    where a longer word or another script could change it. tests/html/test_pages_built.py
    proves that every kind of element the other languages show (tag and classes, in its
    place) is among those measured."""
    return PHONE_VIEWS + (DESKTOP_VIEWS if language in LAYOUT_LANGUAGES else [])


# The "not found" page of each language (hooks/municipality.py): readers meet it too.
PAGES = [*distinct_pages(), *(BuiltPage("/404.html" if code == DEFAULT_LANGUAGE else f"/{code}/404.html", code)
                              for code in LANGUAGES)]


class Requests:
    """Requests of the context that leave the site or fail, since the last `clear`."""

    def __init__(self, own_host: str):
        self.own_host = own_host
        self.foreign: list[str] = []
        self.failed: list[str] = []
        # The browser cancels a request (net::ERR_ABORTED) when the next navigation
        # starts before it ends, typically the favicon: that says nothing about the
        # server, so such addresses are fetched again directly (`unserved_aborted`).
        self.aborted: list[str] = []

    def clear(self):
        self.foreign.clear()
        self.failed.clear()
        self.aborted.clear()

    def on_request(self, request):
        if urlparse(request.url).netloc not in (self.own_host, "") and not request.url.startswith("data:"):
            self.foreign.append(request.url)

    def on_response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def on_failed(self, request):
        if request.failure == "net::ERR_ABORTED":
            self.aborted.append(request.url)
        else:
            self.failed.append(f"{request.failure} {request.url}")

    def unserved_aborted(self, api) -> list[str]:
        """The cancelled requests the server cannot answer either, as "status url"."""
        statuses = {url: api.get(url).status for url in set(self.aborted)}
        return [f"{status} {url} (cancelled by the browser)" for url, status in statuses.items() if status >= 400]


@pytest.fixture(scope="module")
def checked_page(browser, base_url):
    """One page for the module, with axe-core and HTMLCS in every document it opens."""
    assert HTMLCS_JS.exists(), f"{HTMLCS_JS.relative_to(ROOT)} is missing: run scripts/setup.sh --test (npm ci)"
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    context.add_init_script(AXE_SOURCE)
    context.add_init_script(path=str(HTMLCS_JS))
    requests = Requests(urlparse(base_url).netloc)
    context.on("request", requests.on_request)
    context.on("response", requests.on_response)
    context.on("requestfailed", requests.on_failed)
    page = context.new_page()
    yield page, requests
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


def describe_htmlcs(errors: list[dict]) -> str:
    return "\n".join(f"- {e['code']}: {e['msg']}\n    at {' '.join(e['element'].split())}" for e in errors[:10])


def problems_in_every_view(page, url: str, language: str) -> list[str]:
    """Load `url` once and check it in every view of its language; what is wrong, in words."""
    page.set_viewport_size(PHONE)
    page.emulate_media(color_scheme="light")
    response = page.goto(url)
    assert response.ok, f"{url} answered {response.status}"
    problems = []
    for name, viewport, scheme, checks in views(language):
        page.set_viewport_size(viewport)
        page.emulate_media(color_scheme=scheme)
        if "axe" in checks and (violations := run_axe(page)):
            problems.append(f"{name}: axe\n{describe(violations)}")
        if "colours" in checks and (violations := run_axe(page, COLOUR_OPTIONS)):
            problems.append(f"{name}: axe\n{describe(violations)}")
        if "htmlcs" in checks and (errors := page.evaluate(RUN_HTMLCS)):
            problems.append(f"{name}: HTML_CodeSniffer\n{describe_htmlcs(errors)}")
        if "reflow" in checks and (sideways := page.evaluate(SIDEWAYS)) > 0:
            problems.append(f"{name}: the page scrolls sideways by {sideways}px at {viewport['width']}px")
    return problems


@pytest.mark.parametrize("built_page", PAGES, ids=str)
def test_page_is_accessible_in_every_view_and_stays_on_its_own_host(checked_page, base_url, built_page):
    page, requests = checked_page
    requests.clear()
    problems = problems_in_every_view(page, base_url + built_page.path, built_page.language)
    if requests.foreign:
        problems.append(f"requests to other hosts: {sorted(set(requests.foreign))[:10]}")
    failed = requests.failed + requests.unserved_aborted(page.request)
    if failed:
        problems.append(f"failed requests: {sorted(set(failed))[:10]}")
    assert not problems, f"{built_page}:\n" + "\n".join(problems)


def test_a_cancelled_request_fails_the_page_only_when_the_server_cannot_answer_it():
    class FakeApi:
        def get(self, url):
            return type("Response", (), {"status": 404 if url.endswith("missing.png") else 200})()

    class FakeRequest:
        failure = "net::ERR_ABORTED"

        def __init__(self, url):
            self.url = url

    requests = Requests("127.0.0.1:8000")
    for url in ("http://127.0.0.1:8000/favicon.png", "http://127.0.0.1:8000/missing.png"):
        requests.on_failed(FakeRequest(url))
    assert requests.failed == []
    assert requests.unserved_aborted(FakeApi()) == ["404 http://127.0.0.1:8000/missing.png (cancelled by the browser)"]
