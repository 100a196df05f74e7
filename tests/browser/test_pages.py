"""What needs a browser and depends on the templates rather than the words: the skip link,
where Tab goes and whether focus shows, on a phone and a desktop, and the pages without
JavaScript. On every page (of the check: one page per template) of one language per script
and direction (conftest.LAYOUT_LANGUAGES), and in every other language on the home page, a
step page and the glossary (the most links). The check's pages are walked by keyboard, with
and without JavaScript, in every language by test_check.py.

Per page of every language: axe, HTML_CodeSniffer, reflow and requests in test_axe.py; lang,
headings, link texts and reachability by links in tests/html/test_pages_built.py.
"""

from __future__ import annotations

import pytest

from .conftest import DEFAULT_LANGUAGE, DESKTOP, LANGUAGES, LAYOUT_LANGUAGES, PHONE, template_pages
from .keyboard import settle, tab

# The sample in the other languages: addresses inside the language's folder.
SAMPLE = ("", "steps/intake/", "glossary/")
# Each page of each template (see template_pages) in the layout languages; the sample in the others.
DISTINCT = [page for page in template_pages()
            if page.language in LAYOUT_LANGUAGES or page.path.removeprefix(f"/{page.language}/") in SAMPLE]


def home(language: str) -> str:
    """URL path of a language's home page."""
    return "/" if language == DEFAULT_LANGUAGE else f"/{language}/"


def open_page(page, url):
    response = page.goto(url)
    assert response.ok, f"{url} answered {response.status}"
    return page


FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]"

FOCUS_REPORT = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    key: el.dataset.kbd || el.outerHTML.slice(0, 120),
    html: el.outerHTML.slice(0, 120),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    inView: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < innerHeight && box.left < innerWidth,
  };
}"""

# Marks each focusable, visible element with a number, so Tab can be matched to it
# (focus adds classes, so the markup itself is no stable key).
VISIBLE_FOCUSABLE = """(selector) => [...document.querySelectorAll(selector)].filter(el => {
  if (el.tabIndex < 0 || el.closest('[hidden], [inert]')) return false;
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || style.display === 'none') return false;
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return false;
  const details = el.closest('details:not([open])');
  return !details || el.tagName === 'SUMMARY' && el.parentElement === details;
}).map((el, index) => { el.dataset.kbd = String(index); return [String(index), el.outerHTML.slice(0, 120)]; })"""


def skip_link_problems(page) -> list[str]:
    """The first Tab reaches the skip link; Enter on it, then Tab, lands inside the main content."""
    page.keyboard.press("Tab")
    skip = page.evaluate("() => [document.activeElement.className, document.activeElement.getAttribute('href')]")
    if "md-skip" not in skip[0]:
        return [f"the first Tab must reach the skip link, got {skip}"]
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    if not page.evaluate("() => !!document.activeElement.closest('main, article')"):
        return ["after the skip link, Tab must continue inside the main content"]
    return []


def keyboard_problems(page) -> list[str]:
    """Tab through the loaded page: every visible focusable element is reached, in view, with a
    visible focus indicator. Returns what is wrong, in words."""
    settle(page)  # Material scrolls the sidebars to the current page just after loading
    expected = dict(page.evaluate(VISIBLE_FOCUSABLE, FOCUSABLE))
    reached, problems = set(), []
    for _ in range(len(expected) + 20):
        # Reads the report once the focused element is on screen (a bounded wait, for scrolling).
        report = tab(page, FOCUS_REPORT)
        if report["html"].startswith("<body"):
            break
        reached.add(report["key"])
        if not report["outline"]:
            problems.append(f"no visible focus indicator on {report['html']}")
        if not report["inView"]:
            problems.append(f"focused but not on screen: {report['html']}")
    missed = [expected[key] for key in expected if key not in reached]
    if missed:
        problems.insert(0, f"Tab never reaches {missed[:5]}")
    return problems


@pytest.mark.parametrize("built_page", DISTINCT, ids=str)
def test_skip_link_then_keyboard_reaches_everything_with_visible_focus_on_phone_and_desktop(
        desktop, base_url, built_page):
    """Both layouts in one test: the page loads afresh in each (focus and scroll start over);
    the skip link is tried on the phone load, which then loads again for the Tab walk."""
    problems = skip_link_problems(open_page(desktop, base_url + built_page.path))
    assert not problems, f"{built_page} (skip link): " + "; ".join(problems)
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        desktop.set_viewport_size(viewport)
        try:
            problems = keyboard_problems(open_page(desktop, base_url + built_page.path))
        finally:
            desktop.set_viewport_size(DESKTOP)
        assert not problems, f"{built_page} ({name}): " + "; ".join(problems[:5])


@pytest.mark.parametrize("built_page", DISTINCT, ids=str)
def test_content_and_navigation_work_without_javascript(no_javascript, base_url, built_page):
    page = open_page(no_javascript, base_url + built_page.path)
    assert page.locator("main h1").first.is_visible()
    # The first visible text: a step page starts with its closed step navigation.
    assert page.locator("article p:visible, article li:visible").count(), f"{built_page}: no visible text"
    # The footer shows the pages needed most; "All pages" opens (no JavaScript) to list the rest.
    quick = page.locator(".guide-footer-links__quick a")
    assert quick.count() >= 3, f"{built_page}: the footer must show contact, the glossary and about"
    for index in range(quick.count()):
        assert quick.nth(index).is_visible()
    page.locator(".guide-footer-links__all summary").click()
    footer_links = page.locator(".guide-footer-links__all a")
    assert footer_links.count() >= 5, f"{built_page}: the footer must list the site's pages"
    for index in range(footer_links.count()):
        assert footer_links.nth(index).is_visible()
    # The language choice opens without JavaScript.
    page.locator(".guide-languages__summary").click()
    assert page.locator(".guide-languages__list a").first.is_visible()


def test_language_links_name_their_language(desktop, base_url):
    page = open_page(desktop, base_url + "/steps/intake/")
    links = page.eval_on_selector_all(".guide-languages__list a", "as => as.map(a => [a.lang, a.hreflang, a.pathname])")
    assert {tuple(link[:2]) for link in links} == {(language, language) for language in LANGUAGES}
    for language in LANGUAGES:
        assert [home(language) + "steps/intake/"] == [link[2] for link in links if link[0] == language], links


def test_menu_button_opens_the_menu_by_keyboard_on_a_phone(phone, base_url):
    page = open_page(phone, base_url + "/nl/steps/intake/")
    first_nav_link = page.locator(".md-sidebar--primary a.md-nav__link").first
    assert not first_nav_link.is_visible(), "the closed menu must be hidden from sight and from Tab"
    button = page.locator("button.guide-menu-button")
    button.focus()
    assert button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    page.wait_for_timeout(300)  # the drawer slides in
    assert first_nav_link.is_visible()
