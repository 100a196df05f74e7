"""Every page of every language, read as a file (no browser, so all of them, fast):

- one h1, first, and no heading level skipped;
- no link text that means nothing on its own ("click here");
- every page reachable by following links from its language's home page: without
  JavaScript, the links a reader can follow are exactly the page's <a href>;
- nothing the page, its stylesheets or its scripts load comes from another host;
- every kind of element a page shows (its tag and classes, in its place among its parents)
  also appears in a language whose desktop layout, keyboard path and focus rings the
  browser tests measure on every page (LAYOUT_LANGUAGES, see tests/browser/test_axe.py and
  test_pages.py): so what is checked there holds here (colours are measured in every language).

The browser tests (tests/browser/) load the pages too; they check what needs layout and
JavaScript. What a file read can prove is proved here, for every page.
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from tests.browser.conftest import DEFAULT_LANGUAGE, LANGUAGES, LAYOUT_LANGUAGES, built_pages, expected_pages
from tests.html.test_languages_built import html_file

# Link texts that mean nothing out of context, in the languages whose words we know well.
VAGUE_LINK_TEXTS = {"here", "click here", "more", "read more", "this page", "link",
                    "hier", "klik hier", "meer", "lees meer", "deze pagina"}
# Attributes that make the browser fetch something when the page loads.
LOADING_ATTRIBUTES = {("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"),
                      ("source", "srcset"), ("iframe", "src"), ("video", "src"), ("audio", "src"),
                      ("video", "poster"), ("embed", "src"), ("object", "data"), ("input", "src")}
LOADING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "preconnect",
                     "dns-prefetch", "manifest", "apple-touch-icon"}
SITE = "http://site.invalid/"  # a stand-in host for resolving relative addresses


class PageStructure(HTMLParser):
    """Headings in <main>, links with their text, and the addresses the page loads."""

    def __init__(self):
        super().__init__()
        self.main_depth = 0
        self.headings: list[int] = []
        self.links: list[tuple[str, str]] = []  # (href, text)
        self.loads: list[str] = []
        self.styles: list[str] = []
        self._link: list | None = None
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "main":
            self.main_depth += 1
        if self.main_depth and re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "a" and "href" in attributes:
            self._link = [attributes["href"], []]
        for name, value in attributes.items():
            if (tag, name) in LOADING_ATTRIBUTES:
                self.loads.extend(part.split()[0] for part in value.split(",") if part.strip())
        if tag == "link" and LOADING_LINK_RELS & set(attributes.get("rel", "").lower().split()):
            self.loads.append(attributes.get("href", ""))
        if "style" in attributes:
            self.styles.append(attributes["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "main":
            self.main_depth -= 1
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join("".join(self._link[1]).split())))
            self._link = None
        self._in_style = False

    def handle_data(self, data):
        if self._link is not None:
            self._link[1].append(data)
        if self._in_style:
            self.styles.append(data)


@cache
def structure(path: Path) -> PageStructure:
    parser = PageStructure()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def home(language: str) -> str:
    return "/" if language == DEFAULT_LANGUAGE else f"/{language}/"


def foreign(address: str) -> bool:
    """Whether loading `address` (as written in a page at the site's root) leaves the site."""
    if not address or address.startswith(("data:", "#", "about:")):
        return False
    return urlparse(urljoin(SITE, address)).netloc != urlparse(SITE).netloc


def css_urls(css: str) -> list[str]:
    return [match.strip("'\" ") for match in re.findall(r"url\(([^)]*)\)", css)] + \
        re.findall(r"@import\s+['\"]([^'\"]+)", css)


def heading_problems(levels: list[int]) -> list[str]:
    problems = []
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} h1 elements, not one")
    if levels and levels[0] != 1:
        problems.append(f"the first heading is h{levels[0]}, not the h1")
    problems.extend(f"a jump from h{before} to h{after}" for before, after in itertools.pairwise(levels)
                    if after > before + 1)
    return problems


def test_heading_problems_finds_each_kind():
    assert heading_problems([1, 2, 3, 2, 3]) == []
    assert heading_problems([2, 1]) == ["the first heading is h2, not the h1"]
    assert heading_problems([1, 2, 1]) == ["2 h1 elements, not one"]
    assert heading_problems([1, 3]) == ["a jump from h1 to h3"]


def test_foreign_tells_the_sites_own_addresses_from_other_hosts():
    assert not foreign("../assets/stylesheets/guide.css")
    assert not foreign("/assets/fonts/x.woff2")
    assert not foreign("data:font/woff2;base64,AAAA")
    assert foreign("https://fonts.googleapis.com/css?family=Roboto")
    assert foreign("//cdn.example.org/x.js")


@pytest.mark.parametrize("language", LANGUAGES)
def test_headings_form_an_outline_on_every_page(built_site, language):
    wrong = {}
    for page in built_pages(built_site):
        if page.language == language:
            problems = heading_problems(structure(html_file(built_site, page.path)).headings)
            if problems:
                wrong[page.path] = problems
    assert not wrong, f"headings out of order in {language}: {dict(list(wrong.items())[:5])}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_link_text_means_nothing_on_its_own(built_site, language):
    vague = {}
    for page in built_pages(built_site):
        if page.language == language:
            texts = {text.casefold() for _, text in structure(html_file(built_site, page.path)).links}
            if texts & VAGUE_LINK_TEXTS:
                vague[page.path] = sorted(texts & VAGUE_LINK_TEXTS)
    assert not vague, f"links whose text means nothing on its own: {vague}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_is_reachable_by_links_from_its_home_page(built_site, language):
    wanted = {page.path for page in expected_pages() if page.language == language}
    seen, queue = set(), [home(language)]
    while queue:
        path = queue.pop()
        if path in seen or not html_file(built_site, path).is_file():
            continue
        seen.add(path)
        for href, _ in structure(html_file(built_site, path)).links:
            target = urlparse(urljoin(SITE.rstrip("/") + path, href))
            if target.netloc == urlparse(SITE).netloc and target.path in wanted:
                queue.append(target.path)
    assert not wanted - seen, f"{language}: not reachable by following links: {sorted(wanted - seen)[:10]}"


def test_nothing_is_loaded_from_another_host(built_site):
    found = []
    for page in built_pages(built_site):
        parsed = structure(html_file(built_site, page.path))
        addresses = parsed.loads + [url for style in parsed.styles for url in css_urls(style)]
        found.extend(f"{page.path}: {address}" for address in addresses if foreign(address))
    for css in built_site.rglob("*.css"):
        found.extend(f"{css.relative_to(built_site)}: {url}" for url in css_urls(css.read_text(encoding="utf-8"))
                     if foreign(url))
    assert not found, "the site loads from other hosts:\n" + "\n".join(found[:20])


class ElementKinds(HTMLParser):
    """Each element in <body> as (tag.classes, then its three nearest parents the same way).
    A <span> without a class is left out: it takes its colours from its parent (the pages
    use it for lang and dir only)."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                      "track", "wbr"})

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.kinds: set[tuple[str, ...]] = set()
        self.in_body = False

    def handle_starttag(self, tag, attrs):
        classes = " ".join(sorted((dict(attrs).get("class") or "").split()))
        self.in_body = self.in_body or tag == "body"
        kind = f"{tag}.{classes}" if classes else tag
        transparent = tag == "span" and not classes
        if self.in_body and not transparent and tag not in ("script", "style", "svg", "path"):
            self.kinds.add((kind, *self.parents[-3:]))
        if tag not in self.VOID:
            self.stack.append(None if transparent else kind)

    def handle_endtag(self, tag):
        while self.stack:
            kind = self.stack.pop()
            if (kind is None and tag == "span") or (kind and kind.split(".")[0] == tag):
                break

    @property
    def parents(self) -> list[str]:
        return [kind for kind in self.stack if kind]


@cache
def element_kinds(path: Path) -> frozenset[tuple[str, ...]]:
    parser = ElementKinds()
    parser.feed(path.read_text(encoding="utf-8"))
    return frozenset(parser.kinds)


def test_element_kinds_see_through_plain_spans():
    parser = ElementKinds()
    parser.feed('<body><p class="x"><span lang="en"><a class="y">z</a></span></p></body>')
    assert ("a.y", "body", "p.x") in parser.kinds


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language not in LAYOUT_LANGUAGES])
def test_every_kind_of_element_is_measured_on_the_desktop_in_a_layout_language(built_site, language):
    measured = set()
    for page in built_pages(built_site):
        if page.language in LAYOUT_LANGUAGES:
            measured |= element_kinds(html_file(built_site, page.path))
    unmeasured = {}
    for page in built_pages(built_site):
        if page.language == language:
            for kind in element_kinds(html_file(built_site, page.path)) - measured:
                unmeasured.setdefault(" < ".join(reversed(kind)), page.path)
    assert not unmeasured, (
        f"{language} pages show elements no desktop or keyboard test measures (the layout languages "
        f"{', '.join(LAYOUT_LANGUAGES)} never show them): " + "; ".join(f"{k} on {p}" for k, p in unmeasured.items())
    )
