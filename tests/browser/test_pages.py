"""What axe does not check by itself, checked in Chromium on every page of every language:
lang, headings, the skip link, keyboard focus, reflow at 320 px and 200 % zoom,
meaningful links, JavaScript off, and no request to another host."""

from __future__ import annotations

import itertools
from urllib.parse import urlparse

import pytest

from .conftest import DEFAULT_LANGUAGE, DESKTOP, LANGUAGES, PHONE, distinct_pages, expected_pages, new_page
from .keyboard import settle, tab

PAGES = expected_pages()
# Per-page checks: each distinct page once (see distinct_pages); the crawl and request tests use all.
DISTINCT = distinct_pages()
# Link texts that mean nothing out of context, in the built languages.
VAGUE_LINK_TEXTS = {"here", "click here", "more", "read more", "this page", "link",
                    "hier", "klik hier", "meer", "lees meer", "deze pagina"}


def home(language: str) -> str:
    """URL path of a language's home page."""
    return "/" if language == DEFAULT_LANGUAGE else f"/{language}/"


def open_page(page, url):
    response = page.goto(url)
    assert response.ok, f"{url} answered {response.status}"
    return page


@pytest.mark.parametrize("built_page", DISTINCT, ids=str)
def test_lang_headings_link_texts_and_skip_link(desktop, base_url, built_page):
    """One load: the page's language, its heading outline, its link texts, then the skip link."""
    page = open_page(desktop, base_url + built_page.path)
    assert page.get_attribute("html", "lang") == built_page.language
    levels = page.eval_on_selector_all(
        "main h1, main h2, main h3, main h4, main h5, main h6", "hs => hs.map(h => Number(h.tagName[1]))"
    )
    assert levels.count(1) == 1, f"{built_page} must have exactly one h1, has {levels.count(1)}"
    assert levels[0] == 1, f"{built_page}: the first heading must be the h1"
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"{built_page}: heading level jumps from h{before} to h{after}"
    texts = page.eval_on_selector_all("a[href]", "as => as.map(a => a.innerText.trim().toLowerCase())")
    vague = sorted({text for text in texts if text in VAGUE_LINK_TEXTS})
    assert not vague, f"{built_page}: links whose text means nothing on its own: {vague}"

    page.keyboard.press("Tab")
    skip = page.evaluate("() => [document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert "md-skip" in skip[0], f"{built_page}: the first Tab must reach the skip link, got {skip}"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside_main = page.evaluate("() => !!document.activeElement.closest('main, article')")
    assert inside_main, f"{built_page}: after the skip link, Tab must continue inside the main content"


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
def test_keyboard_reaches_everything_with_visible_focus_on_phone_and_desktop(desktop, base_url, built_page):
    """Both layouts in one test: the page loads afresh in each (focus and scroll start over)."""
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        desktop.set_viewport_size(viewport)
        try:
            problems = keyboard_problems(open_page(desktop, base_url + built_page.path))
        finally:
            desktop.set_viewport_size(DESKTOP)
        assert not problems, f"{built_page} ({name}): " + "; ".join(problems[:5])


@pytest.mark.parametrize("built_page", DISTINCT, ids=str)
def test_no_horizontal_scrolling_at_320px_and_at_200_percent_zoom(desktop, base_url, built_page):
    # 200 % zoom of a 1280 px window lays the page out in 640 CSS pixels.
    try:
        for width in (320, 640):
            desktop.set_viewport_size({"width": width, "height": 700})
            open_page(desktop, base_url + built_page.path)
            overflow = desktop.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{built_page} scrolls sideways by {overflow}px at {width}px"
    finally:
        desktop.set_viewport_size(DESKTOP)


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


def test_every_page_is_reachable_by_links_without_javascript(no_javascript, base_url):
    """Starting at each language's home page, following links reaches every page."""
    own = urlparse(base_url).netloc
    wanted = {page.path for page in PAGES}
    seen, queue = set(), [home(language) for language in LANGUAGES]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        open_page(no_javascript, base_url + path)
        hrefs = no_javascript.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")
        for href in hrefs:
            url = urlparse(href)
            if url.netloc == own and url.path in wanted and url.path not in seen:
                queue.append(url.path)
    assert wanted <= seen, f"not reachable by following links: {sorted(wanted - seen)}"


def test_no_request_leaves_the_site_or_fails(browser, base_url):
    """Every request of every page, with JavaScript on, goes to the site's own host and succeeds."""
    own = urlparse(base_url).netloc
    page = new_page(browser, viewport=PHONE)
    foreign, failed = [], []
    page.on("request", lambda request: foreign.append(request.url)
            if urlparse(request.url).netloc not in (own, "") and not request.url.startswith("data:") else None)
    page.on("response", lambda response: failed.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    try:
        for built_page in PAGES:
            open_page(page, base_url + built_page.path)
            page.wait_for_load_state("networkidle")
    finally:
        page.context.close()
    assert not foreign, f"requests to other hosts: {sorted(set(foreign))[:10]}"
    assert not failed, f"failed requests: {sorted(set(failed))[:10]}"


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
