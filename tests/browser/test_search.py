"""Search: Pagefind in the browser, per language, without a server; the A-Z lists without JavaScript.

Languages come from mkdocs.yml (conftest.LANGUAGES): a new language is tested without edits here.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from macros.a_to_z import sort_key
from macros.languages import writing_script
from macros.search_words import index_for_search
from tools.browser import serve

from .conftest import DEFAULT_LANGUAGE, DESKTOP, LANGUAGES, LAYOUT_LANGUAGES, PHONE, ROOT, _ConfigLoader, new_page
from .test_axe import AXE_OPTIONS, AXE_SOURCE, COLOUR_OPTIONS, describe, run_axe

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


# Arabic script joins "and", "with", "for", "like", "so" and the article to the next word, and
# Pagefind's stemmer takes them off: "بالاعتماد" (with reliance) also finds "اعتماد".
PROCLITICS = ("وبال", "وال", "بال", "كال", "فال", "لل", "ال", "و", "ب", "ل", "ف", "ك")


def stems(word: str) -> set[str]:
    """The word and what is left of it without each proclitic it may start with."""
    return {word} | {word[len(prefix):] for prefix in PROCLITICS if word.startswith(prefix)}


def word_on_one_page(pages: dict[str, set[str]]) -> tuple[str, str]:
    """A word found on exactly one page whose start occurs in no word of any other page, not even
    inside one: so neither Pagefind's prefix matching, nor its stemming, nor a prefix joined to a
    word (Arabic script's و, ال, ب) can find it elsewhere."""
    counts = Counter(word for words in pages.values() for word in words)
    for path in sorted(pages):
        others = " ".join(word for other, words in pages.items() if other != path for word in words)
        for word in sorted(pages[path], key=lambda w: (-len(w), w)):
            if len(word) < MIN_WORD or counts[word] != 1 or not word.isalpha():
                continue
            starts = {stem[:MIN_WORD - 1] for stem in stems(word)}
            if not any(start in others for start in starts):
                return word, path
    raise AssertionError("no word occurs on exactly one page")


def joined_and_word(pages: dict[str, set[str]]) -> tuple[str, str] | None:
    """A word written joined to و ("and") on exactly one page and nowhere on its own (or None
    when the language's pages have none): ("والمدرسة", page)."""
    counts = Counter(word for words in pages.values() for word in words)
    for path in sorted(pages):
        for word in sorted(pages[path], key=lambda w: (-len(w), w)):
            rest = word[1:]
            if (word.startswith("\u0648") and len(rest) >= MIN_WORD - 1 and rest.isalpha() and counts[word] == 1
                    and not any(rest in other for words in pages.values() for other in words if other != word)):
                return word, path
    return None


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
    # The count in the language's words for its plural category ("one result" may have no digit).
    status = desktop.locator("#guide-search-status")
    messages = status.evaluate(
        "el => [...el.attributes].filter(a => a.name.startsWith('data-count-')).map(a => a.value)")
    assert status.inner_text() in {message.replace("{number}", "1") for message in messages}, status.inner_text()


ARABIC_SCRIPT = [language for language in LANGUAGES if writing_script(language) == "Arab"]
ETHIOPIC_SCRIPT = [language for language in LANGUAGES if writing_script(language) == "Ethi"]


@pytest.mark.parametrize("language", ARABIC_SCRIPT)
def test_a_word_joined_to_and_is_found_alone_and_joined(desktop, base_url, built_site, language):
    """Arabic script writes و ("and") joined to the next word: "المدرسة" must find "والمدرسة"."""
    found_word = joined_and_word(indexed_pages(built_site, language))
    if found_word is None:
        pytest.skip(f"no page in {language} has a long word joined to و (Farsi, Dari and Pashto write it apart)")
    word, path = found_word
    excerpts = []
    for query in (word[1:], word):
        found = search(desktop, base_url, language, query)
        assert path in found, f"searching '{query}' in {language} must find {path} (it has '{word}'), found {found}"
        excerpts.append(excerpt_of(desktop, path))
    # Pagefind may quote another place it matched (stemming); where it quotes the word, as written.
    assert any(word in text for text in excerpts), f"no excerpt quotes '{word}' as written: {excerpts}"


def excerpt_of(page, path: str) -> str:
    """The excerpt under the result for `path`, which never shows the index's marks."""
    text = page.locator(f'#guide-search-results li:has(a[href$="{path}"]) p').inner_text()
    assert "_" not in text, f"the excerpt shows the index's marks: {text!r}"
    return text


GEEZ_PAGE = """<!doctype html>
<html lang="{language}"><head><meta charset="utf-8"><title>ፈተነ</title></head>
<body><article class="md-content__inner md-typeset" data-pagefind-body><h1>ፈተነ</h1>
<p>ኣብዚ ገጽ፡ቃላት፡ብፍሉይ፡መፍለዪ፡ቃል፡ተፈልዮም፡ኣለዉ።ካልእ፣ሓረግ</p></article></body></html>
"""


@pytest.fixture(scope="module")
def site_with_geez_word_spaces(built_site, tmp_path_factory):
    """The built site plus one page written with Ge'ez word spaces, indexed as the build does."""
    site = tmp_path_factory.mktemp("geez") / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind"))
    for language in ETHIOPIC_SCRIPT:
        page = site / language / "geez-word-spaces" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(GEEZ_PAGE.format(language=language), encoding="utf-8")
    result = index_for_search(site)
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("language", ETHIOPIC_SCRIPT)
@pytest.mark.parametrize("query", ["መፍለዪ", "ብፍሉይ፡መፍለዪ", "ሓረግ"])
def test_words_between_ethiopic_word_spaces_are_found(desktop, site_with_geez_word_spaces, language, query):
    """"ገጽ፡ቃላት" is two words: each is found, alone or typed with the word space."""
    found = search(desktop, site_with_geez_word_spaces, language, query)
    assert f"/{language}/geez-word-spaces/" in found, f"searching '{query}' found {found}"
    assert "ገጽ፡ቃላት፡ብፍሉይ፡መፍለዪ" in excerpt_of(desktop, f"/{language}/geez-word-spaces/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_dutch_term_finds_its_explanation_in_the_readers_language_only(desktop, base_url, language):
    found = search(desktop, base_url, language, DUTCH_TERM)
    assert home(language) + "glossary/" in found, f"'{DUTCH_TERM}' must find the glossary in {language}: {found}"
    foreign = [path for path in found if not in_language(path, language)]
    assert not foreign, f"results on the {language} search page must be {language} pages only: {foreign}"


@pytest.mark.parametrize("language", LAYOUT_LANGUAGES)  # the template, not the words
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


@pytest.mark.parametrize("language", LAYOUT_LANGUAGES)  # the template, not the words
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


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_results_have_no_axe_violations_in_any_view(browser, base_url, language):
    """One search per language, then axe in the four views in place (as in test_axe.py)."""
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")  # no colour transitions
    context.add_init_script(AXE_SOURCE)
    page = context.new_page()
    try:
        assert search(page, base_url, language, DUTCH_TERM), "no results to check"
        found = {}
        for name, (viewport, scheme) in VIEWS.items():
            page.set_viewport_size(viewport)
            page.emulate_media(color_scheme=scheme)
            violations = run_axe(page, COLOUR_OPTIONS if scheme == "dark" else AXE_OPTIONS)
            if violations:
                found[name] = violations
        assert not found, "\n".join(f"{view}:\n{describe(v)}" for view, v in found.items())
    finally:
        context.close()
