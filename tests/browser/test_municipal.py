"""The example municipalities' copies in Chromium: axe-core (every rule, colours included:
their brand colours are their own) and HTML_CodeSniffer on every page that shows a local
value or local content, in every language each copy builds, plus a sample of the rest
(HTML_CodeSniffer in one language per script and direction, as in test_axe.py's other views).

Sampling: the full matrix (every page, every language, light and dark, phone and desktop)
runs on the national default (test_axe.py). A copy differs from it only in (1) the brand
colours, which reach every page through the same CSS custom properties, (2) the footer
contact block, the same template on every page, and (3) the pages whose text shows local
values or content. So each copy is checked on all pages of (3), the 404 and its own pages,
in every language it builds, light and dark (colours), and on the home page (every language)
and the glossary (one language per script and direction) as a sample of the pages that change
only by (1) and (2); on a phone, and on a desktop in one language per script and direction.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from macros.facts import load_facts
from macros.settings import load_settings
from tools.browser import serve

from .conftest import DESKTOP, LANGUAGES, LAYOUT_LANGUAGES, PHONE
from .test_axe import AXE_OPTIONS, COLOUR_OPTIONS, RUN_HTMLCS, SIDEWAYS, describe, describe_htmlcs, run_axe

ROOT = Path(__file__).resolve().parents[2]
FACTS = load_facts(ROOT / "data" / "facts.yml")
EXAMPLES = {p.parent.name: load_settings(p, FACTS, list(LANGUAGES))
            for p in sorted((ROOT / "examples").glob("*/settings.yml"))}
LOCAL_VALUE_PAGES = ["contact/", "paying/", "steps/pvt/", "steps/knm/", "steps/map/", "steps/exams/",
                     "routes/b1-introductory/", "toegankelijkheid/"]
# Pages that change only by the colours and the footer: the home page in every language, the
# glossary (the longest page) in one language per script and direction.
SAMPLE = ["", "glossary/"]


def own_pages(name: str) -> list[str]:
    folder = ROOT / "examples" / name / EXAMPLES[name]["pages"]
    return sorted({f"local/{page.stem}/" for page in folder.glob("*/*.md")})


def cases() -> list[tuple[str, str, str]]:
    found = []
    for name, settings in EXAMPLES.items():
        for language in settings["languages"]:
            prefix = "" if language == "en" else f"{language}/"
            sample = SAMPLE if language in LAYOUT_LANGUAGES else SAMPLE[:1]
            for address in [*LOCAL_VALUE_PAGES, *own_pages(name), *sample]:
                found.append((name, language, f"/{prefix}{address}"))
            # A 404 page links to the site's public folder (site_url): Hoogmeer's is /inburgeren/,
            # which this test server does not have; its 404 pages are read as files
            # (tests/html/test_municipal.py), Lindewaard's are served here and by nginx.
            if urlparse(settings["site_url"]).path in ("", "/"):
                found.append((name, language, f"/{prefix}404.html"))
    return found


@pytest.fixture(scope="module")
def servers(municipal_sites):
    with serve(municipal_sites["lindewaard"]) as lindewaard, serve(municipal_sites["hoogmeer"]) as hoogmeer:
        yield {"lindewaard": lindewaard, "hoogmeer": hoogmeer}


@pytest.fixture(scope="module")
def checked(browser):
    from .test_axe import AXE_SOURCE, HTMLCS_JS

    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    context.add_init_script(AXE_SOURCE)
    context.add_init_script(path=str(HTMLCS_JS))
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize(("name", "language", "address"), cases(), ids=lambda v: str(v))
def test_local_pages_are_accessible_in_light_and_dark(checked, servers, name, language, address):
    base = servers[name]
    page = checked
    page.set_viewport_size(PHONE)
    page.emulate_media(color_scheme="light")
    response = page.goto(base + address)
    assert response.ok, f"{address} answered {response.status}"
    problems = []
    if violations := run_axe(page):
        problems.append(f"phone-light: axe\n{describe(violations)}")
    # HTML_CodeSniffer reads the markup, which is the same in every language of a script and
    # direction (the words differ, and axe reads those everywhere): one language of each.
    if language in LAYOUT_LANGUAGES and (errors := page.evaluate(RUN_HTMLCS)):
        problems.append(f"phone-light: HTML_CodeSniffer\n{describe_htmlcs(errors)}")
    if (sideways := page.evaluate(SIDEWAYS)) > 0:
        problems.append(f"phone: scrolls sideways by {sideways}px")
    page.emulate_media(color_scheme="dark")
    if violations := run_axe(page, COLOUR_OPTIONS):
        problems.append(f"phone-dark: axe\n{describe(violations)}")
    if language in LAYOUT_LANGUAGES:
        page.set_viewport_size(DESKTOP)
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            if violations := run_axe(page, COLOUR_OPTIONS if scheme == "dark" else AXE_OPTIONS):
                problems.append(f"desktop-{scheme}: axe\n{describe(violations)}")
    assert not problems, f"{name} {address}:\n" + "\n".join(problems)


SHOWN_LOGOS = """() => [...document.querySelectorAll('.md-header .md-logo img, .guide-brand-line img')]
  .filter(img => img.checkVisibility() && img.complete && img.naturalWidth > 0)
  .map(img => img.closest('.guide-brand-line') ? 'brand line' : 'header')"""


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_a_phone_shows_whose_guide_it_is_and_a_desktop_shows_the_header_logo(browser, servers, name):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(servers[name] + "/contact/", wait_until="networkidle")
        line = page.locator(".guide-brand-line")
        assert line.is_visible() and line.inner_text().strip() == EXAMPLES[name]["municipality"]["name_nl"]
        assert page.evaluate(SHOWN_LOGOS) == ["brand line"]
        page.set_viewport_size(DESKTOP)
        page.reload(wait_until="networkidle")
        assert not line.is_visible()
        assert page.evaluate(SHOWN_LOGOS) == ["header"]
    finally:
        context.close()
