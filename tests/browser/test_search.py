"""Search: Pagefind in the browser, per language, without a server; the A-Z lists without JavaScript.

Languages come from mkdocs.yml (conftest.LANGUAGES): a new language is tested without edits here.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from macros.a_to_z import sort_key

from .conftest import DEFAULT_LANGUAGE, DESKTOP, LANGUAGES, PHONE, ROOT, _ConfigLoader, new_page
from .test_axe import AXE_OPTIONS, describe

SEARCH_PAGE = "search.md"
# A word every language's glossary explains (in Dutch, as the letters write it).
DUTCH_TERM = "leerbaarheidstoets"
MIN_WORD = 7  # shorter words are too likely to be the start of a word on another page


def home(language: str) -> str:
    return "/" if language == DEFAULT_LANGUAGE else f"/{language}/"


def search_url(language: str) -> str:
    return home(language) + "search/"


def in_language(path: str, language: str) -> bool:
    """Whether a site path belongs to `language` (the default language has no folder)."""
    first = path.strip("/").split("/", 1)[0]
    if language == DEFAULT_LANGUAGE:
        return first not in LANGUAGES or first == DEFAULT_LANGUAGE
    return first == language


def nav_paths(language: str) -> set[str]:
    """The URL paths of the pages in mkdocs.yml's nav (but the search page) in `language`."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    files: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, str):
                files.append(item)
            elif isinstance(item, dict):
                for value in item.values():
                    walk([value] if isinstance(value, str) else value)

    walk(config["nav"])
    paths = set()
    for file in files:
        if file == SEARCH_PAGE:
            continue
        stem = file[: -len(".md")]
        url = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
        paths.add(home(language) + url)
    return paths


class _ArticleText(HTMLParser):
    """The text inside the element that carries data-pagefind-body (what Pagefind indexes)."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.indexed = False
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
        elif "data-pagefind-body" in dict(attrs):
            self.depth, self.indexed = 1, True

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def indexed_pages(site: Path, language: str) -> dict[str, set[str]]:
    """{URL path: its lower-case words} for every page of `language` that Pagefind indexes."""
    pages = {}
    for html in site.rglob("index.html"):
        path = "/" + html.parent.relative_to(site).as_posix() + "/"
        path = path.replace("//", "/")
        if not in_language(path, language):
            continue
        parser = _ArticleText()
        parser.feed(html.read_text(encoding="utf-8"))
        if parser.indexed:
            pages[path] = {word.casefold() for word in re.findall(r"\w+", " ".join(parser.parts))}
    return pages


def word_on_one_page(pages: dict[str, set[str]]) -> tuple[str, str]:
    """A word found on exactly one page, whose first letters start no word on any other page
    (so neither Pagefind's prefix matching nor its stemming can find it elsewhere)."""
    counts = Counter(word for words in pages.values() for word in words)
    for path in sorted(pages):
        others = [word for other, words in pages.items() if other != path for word in words]
        for word in sorted(pages[path], key=lambda w: (-len(w), w)):
            if len(word) < MIN_WORD or counts[word] != 1 or not word.isalpha():
                continue
            stem = word[:MIN_WORD - 1]
            if not any(other.startswith(stem) for other in others):
                return word, path
    raise AssertionError("no word occurs on exactly one page")


def search(page, base_url: str, language: str, query: str) -> list[str]:
    """Type `query` into the language's search page and return the result paths."""
    page.goto(base_url + search_url(language))
    page.get_by_role("searchbox").fill(query)
    page.keyboard.press("Enter")
    status = page.locator("#guide-search-status")
    page.wait_for_function(
        "el => el.textContent.trim() && el.textContent !== el.dataset.searching", arg=status.element_handle()
    )
    links = page.eval_on_selector_all("#guide-search-results li > a", "as => as.map(a => a.pathname)")
    assert status.inner_text().strip(), "the status line must say how many results there are"
    return links


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_word_on_one_page_finds_that_page(desktop, base_url, built_site, language):
    word, path = word_on_one_page(indexed_pages(built_site, language))
    found = search(desktop, base_url, language, word)
    assert found == [path], f"searching '{word}' in {language} must find {path} only, found {found}"
    status = desktop.locator("#guide-search-status").inner_text()
    assert re.search(r"\d", status), f"the status must give the number of results: {status!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_dutch_term_finds_its_explanation_in_the_readers_language_only(desktop, base_url, language):
    found = search(desktop, base_url, language, DUTCH_TERM)
    assert home(language) + "glossary/" in found, f"'{DUTCH_TERM}' must find the glossary in {language}: {found}"
    foreign = [path for path in found if not in_language(path, language)]
    assert not foreign, f"results on the {language} search page must be {language} pages only: {foreign}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_word_found_nowhere_says_so(desktop, base_url, language):
    assert search(desktop, base_url, language, "qqqxqqqzzz") == []
    status = desktop.locator("#guide-search-status")
    assert status.inner_text() == status.get_attribute("data-none")
    assert desktop.locator("#guide-search-results").is_hidden()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_page_lists_every_page_a_to_z_without_javascript(no_javascript, base_url, language):
    no_javascript.goto(base_url + search_url(language))
    lists = no_javascript.eval_on_selector_all(
        "article h2 + ul",
        "uls => uls.map(ul => [...ul.querySelectorAll(':scope > li > a')].map(a => [a.textContent, a.pathname]))",
    )
    assert len(lists) == 2, "the search page must list the pages, then the words explained"
    pages, terms = lists
    assert {path for _, path in pages} == nav_paths(language)
    assert all(path == home(language) + "glossary/" for _, path in terms) and len(terms) > 10
    for listed in (pages, terms):
        texts = [text for text, _ in listed]
        assert texts == sorted(texts, key=sort_key), f"not in alphabetical order: {texts}"
    # The form still works: it reloads the page with the query, and the lists are still there.
    no_javascript.get_by_role("searchbox").fill(DUTCH_TERM)
    with no_javascript.expect_navigation():
        no_javascript.keyboard.press("Enter")
    address = urlparse(no_javascript.url)
    assert (address.path, address.query) == (search_url(language), f"q={DUTCH_TERM}")
    assert no_javascript.locator("article h2 + ul > li").count() == len(pages) + len(terms)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_to_its_languages_search_page(no_javascript, base_url, language):
    for path in (home(language), home(language) + "steps/intake/"):
        no_javascript.goto(base_url + path)
        link = no_javascript.locator("header a.guide-search-link")
        assert link.count() == 1
        assert urlparse(link.evaluate("a => a.href")).path == search_url(language)
        name = link.inner_text().strip() or link.evaluate("a => a.textContent").strip()
        assert name, "the search link needs a name"


def test_search_by_keyboard_alone(browser, base_url):
    page = new_page(browser, viewport=PHONE, reduced_motion="reduce")
    try:
        page.goto(base_url + home(DEFAULT_LANGUAGE))
        for _ in range(15):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.classList.contains('guide-search-link')"):
                break
        else:
            raise AssertionError("Tab never reaches the header's search link")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/search/"))
        page.locator("#guide-search-q").focus()
        page.keyboard.type(DUTCH_TERM)
        page.keyboard.press("Enter")
        page.locator("#guide-search-results li a").first.wait_for()
        assert page.evaluate("() => document.activeElement.id") == "guide-search-q", "focus stays in the field"
        assert f"q={DUTCH_TERM}" in page.url, "the address keeps the search, for Back and bookmarks"
    finally:
        page.context.close()


VIEWS = {"phone-light": (PHONE, "light"), "phone-dark": (PHONE, "dark"),
         "desktop-light": (DESKTOP, "light"), "desktop-dark": (DESKTOP, "dark")}


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_search_results_have_no_axe_violations(browser, base_url, language, view):
    viewport, scheme = VIEWS[view]
    page = new_page(browser, viewport=viewport, color_scheme=scheme)
    try:
        assert search(page, base_url, language, DUTCH_TERM), "no results to check"
        result = Axe().run(page, options=AXE_OPTIONS)
        assert result.violations_count == 0, describe(result.response["violations"])
    finally:
        page.context.close()
