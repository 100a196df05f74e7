"""The built site in every language, read as files (fast, no browser): direction on <html>,
no English interface words on other languages' pages, the language menu, hreflang links and
the sitemap, translation notices, and the web fonts' letters.

Languages come from mkdocs.yml (tests/browser/conftest.py), never from a list here.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from macros.i18n import load_catalog, plural_family
from macros.languages import text_direction
from tests.browser.conftest import DEFAULT_LANGUAGE, LANGUAGES, built_pages
from tools.fonts import ETHIOPIC_RANGES, OUT, SCRIPTS, parse_ranges

ROOT = Path(__file__).resolve().parents[2]
OTHER_LANGUAGES = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]
SCRIPT_OF = {"ar": "arabic", "fa": "arabic", "fa-AF": "arabic", "ps": "arabic", "ti": "ethiopic"}


class PageText(HTMLParser):
    """Text nodes and reader-facing attributes, with the page's own text (the article) and
    anything marked lang="en" set apart, so the interface ("chrome") can be checked alone."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                      "track", "wbr"})
    ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, in English, in the article)
        self.chrome: list[str] = []
        self.article: list[str] = []
        self.html_attributes: dict[str, str] = {}
        self.links: list[dict[str, str]] = []
        self.language_links: list[dict[str, str]] = []

    def _state(self):
        return self.stack[-1][1:] if self.stack else (False, False)

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        english, article = self._state()
        english = english or attributes.get("lang") == "en"
        article = article or tag == "article"
        if tag == "html":
            self.html_attributes = attributes
        if tag == "link" and attributes.get("rel") == "alternate":
            self.links.append(attributes)
        if tag == "a" and "hreflang" in attributes and "lang" in attributes:
            self.language_links.append(attributes)
        if not english:
            target = self.article if article else self.chrome
            target.extend(attributes[name] for name in self.ATTRIBUTES if attributes.get(name))
        if tag not in self.VOID:
            self.stack.append((tag, english, article))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        english, article = self._state()
        if data.strip() and not english and not (self.stack and self.stack[-1][0] in ("script", "style")):
            (self.article if article else self.chrome).append(" ".join(data.split()))


@cache
def parsed(path: Path) -> PageText:
    parser = PageText()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_file(site: Path, url_path: str) -> Path:
    return site / url_path.lstrip("/") / "index.html" if url_path.endswith("/") else site / url_path.lstrip("/")


def pages_in(site: Path, language: str):
    return [page for page in built_pages(site) if page.language == language and not page.path.endswith("404.html")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_lang_and_direction_on_html(built_site, language):
    expected = text_direction(language)
    for page in pages_in(built_site, language):
        attributes = parsed(html_file(built_site, page.path)).html_attributes
        assert attributes.get("lang") == language, f"{page}: <html lang={attributes.get('lang')!r}>"
        assert attributes.get("dir") == expected, f"{page}: <html dir={attributes.get('dir')!r}>, expected {expected}"


@cache
def english_interface_words(language: str) -> set[str]:
    """English texts of the catalogue that this language translates differently, plus Material's
    own English labels: none may appear as a whole text or label in the page's interface."""
    english = load_catalog(ROOT / "translations" / "en.po")
    translated = load_catalog(ROOT / "translations" / f"{language}.po")
    words = {"Skip to content", "Header", "Navigation", "Table of contents", "Back to top", "Footer",
             "Previous", "Next", "Search", "Share", "Clear", "Initializing search", "Type to start searching"}
    for key, entry in english.items():
        if plural_family(key) or "{" in entry.text or not re.search(r"[A-Za-z]{3}", entry.text):
            continue
        if key in translated and (translated[key].same_as_source or translated[key].text == entry.text):
            continue
        words.add(entry.text)
    return words


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_no_english_interface_words_on_other_languages_pages(built_site, language):
    english = english_interface_words(language)
    problems = []
    for page in pages_in(built_site, language):
        text = parsed(html_file(built_site, page.path))
        problems += [f"{page}: {item!r}" for item in text.chrome + text.article if item in english]
    assert not problems, "English interface text:\n" + "\n".join(problems[:20])


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_menu_lists_every_language_in_its_own_name_and_leads_to_the_same_page(built_site, language):
    names = {code: name for code, name in language_names().items()}
    for page in pages_in(built_site, language):
        links = parsed(html_file(built_site, page.path)).language_links
        assert [link["lang"] for link in links] == list(LANGUAGES), f"{page}: language menu {links}"
        current = [link["lang"] for link in links if link.get("aria-current") == "true"]
        assert current == [language], f"{page}: the current language must be marked, got {current}"
        inner = page.path if language == DEFAULT_LANGUAGE else page.path[len(language) + 1:]
        for link in links:
            target = (html_file(built_site, page.path).parent / link["href"]).resolve()
            code = link["lang"]
            expected = built_site / (inner if code == DEFAULT_LANGUAGE else f"{code}{inner}").lstrip("/")
            assert target == expected.resolve(), f"{page}: the {code} link goes to {target}, not {expected}"
        assert names  # every language has a name in mkdocs.yml (checked below)


@cache
def language_names() -> dict[str, str]:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return dict(re.findall(r"- locale: (\S+)\n\s+(?:default: true\n\s+)?name: (.+)", config))


def test_each_language_is_named_in_its_own_script():
    names = language_names()
    assert set(LANGUAGES) <= set(names)
    script = {"ar": "\u0600", "fa": "\u0600", "fa-AF": "\u0600", "ps": "\u0600", "ti": "\u1200"}
    for code, start in script.items():
        if code in names:
            assert all(start <= ch <= chr(ord(start) + 0x17F) for ch in names[code] if not ch.isspace()), names[code]


@pytest.mark.parametrize("language", LANGUAGES)
def test_hreflang_links_name_every_language_with_absolute_addresses(built_site, language):
    for page in pages_in(built_site, language)[:40]:
        links = parsed(html_file(built_site, page.path)).links
        hreflangs = [link["hreflang"] for link in links]
        assert sorted(hreflangs) == sorted([*LANGUAGES, "x-default"]), f"{page}: {hreflangs}"
        assert all(link["href"].startswith("http") for link in links), f"{page}: {links}"


def test_sitemap_lists_every_page_with_its_language_versions(built_site):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.parse(built_site / "sitemap.xml").getroot().findall("s:url", namespace)
    pages = [page for page in built_pages(built_site) if not page.path.endswith("404.html")]
    assert len(urls) == len(pages)
    for url in urls:
        alternates = {link.get("hreflang") for link in url.findall("x:link", namespace)}
        assert alternates == set(LANGUAGES), f"{url.find('s:loc', namespace).text}: {alternates}"
        assert not url.find("s:loc", namespace).text.startswith("None")


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_an_unreviewed_page_says_so_in_its_language_and_links_to_english_and_dutch(built_site, language):
    catalog = load_catalog(ROOT / "translations" / f"{language}.po")
    notice = catalog["translation.unreviewed"].text
    page = html_file(built_site, f"/{language}/paying/")
    html = page.read_text(encoding="utf-8")
    assert "guide-translation-notice" in html
    assert " ".join(notice.split()) in " ".join(parsed(page).article)
    assert catalog["translation.read_in_english"].text in html
    if language != "nl":
        assert catalog["translation.read_in_dutch"].text in html


@cache
def font_letters(file_name: str) -> set[int]:
    return set(TTFont(OUT / file_name).getBestCmap())


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code in SCRIPT_OF])
def test_the_web_font_has_every_letter_the_pages_use(built_site, language):
    """A letter missing from the subset would show as an empty box on a phone without fonts."""
    script = SCRIPTS[SCRIPT_OF[language]]
    in_range = set(parse_ranges(script["ranges"]))
    have = font_letters(script["file"])
    missing = {}
    for page in pages_in(built_site, language):
        text = parsed(html_file(built_site, page.path))
        for letter in "".join(text.chrome + text.article):
            # Marks such as RLM and ZWNJ steer the text but draw nothing: no glyph needed.
            if ord(letter) in in_range and ord(letter) not in have and unicodedata.category(letter) != "Cf":
                missing.setdefault(letter, str(page))
    assert not missing, (f"{script['file']} lacks {sorted(missing)} (first on {list(missing.values())[:3]}): "
                         "widen its ranges in tools/fonts.py and run `python -m tools.fonts`")


def test_the_menu_fonts_cover_the_language_names():
    css = (ROOT / "docs" / "assets" / "stylesheets" / "guide.css").read_text(encoding="utf-8")
    covered = set()
    for ranges in re.findall(r'font-family: "Guide Menu";[^}]*unicode-range: ([^;]+);', css):
        covered |= set(parse_ranges(ranges))
    ethiopic_and_arabic = set(parse_ranges(ETHIOPIC_RANGES)) | set(parse_ranges(SCRIPTS["arabic"]["ranges"]))
    needed = {ord(ch) for name in language_names().values() for ch in name if ord(ch) in ethiopic_and_arabic}
    assert needed <= covered, f"run `python -m tools.fonts`: the menu fonts lack {sorted(map(chr, needed - covered))}"
