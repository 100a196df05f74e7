"""Browser fixtures: a local server for the built site and headless Chromium."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tools.browser import serve

ROOT = Path(__file__).resolve().parents[2]


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its `!!python/...` tags (they become None)."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def built_languages(config_file: Path = ROOT / "mkdocs.yml") -> tuple[tuple[str, ...], str]:
    """The languages the site builds (mkdocs-static-i18n's `languages` with `build` not false)
    and the default one, read from mkdocs.yml so a new language is tested without editing here."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = [lang for lang in plugin["i18n"]["languages"] if lang.get("build", True)]
            default = next(lang["locale"] for lang in languages if lang.get("default"))
            return tuple(lang["locale"] for lang in languages), default
    raise AssertionError(f"{config_file} configures no i18n plugin")


LANGUAGES, DEFAULT_LANGUAGE = built_languages()


def layout_languages(languages=LANGUAGES, default=DEFAULT_LANGUAGE) -> tuple[str, ...]:
    """One language per script and direction (CLDR through Babel): with the site's ten,
    English (Latin, left to right), Arabic (Arabic script, right to left) and Tigrinya (Ge'ez).

    The checks whose result depends on the templates and the CSS but not on the words (where
    Tab goes, focus rings, the page without JavaScript) run on every page in these; the checks
    whose result can change with the words (axe, HTML_CodeSniffer, reflow) run on every page
    of every language (test_axe.py). A language in a new script or direction joins by itself.
    """
    from macros.languages import text_direction, writing_script

    chosen: dict[tuple[str, str], str] = {}
    for language in sorted(languages, key=lambda code: code != default):
        chosen.setdefault((writing_script(language), text_direction(language)), language)
    return tuple(chosen.values())


LAYOUT_LANGUAGES = layout_languages()
PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}


@dataclass(frozen=True)
class BuiltPage:
    path: str  # URL path, e.g. "/nl/steps/intake/"
    language: str

    def __str__(self) -> str:
        return self.path


def built_pages(site: Path) -> list[BuiltPage]:
    """Every HTML page of the built site with the language it is written in."""
    pages = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        path = "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
        first = relative.split("/", 1)[0]
        language = first if first in LANGUAGES else DEFAULT_LANGUAGE
        pages.append(BuiltPage(path, language))
    return pages


def expected_pages() -> list[BuiltPage]:
    """The pages the build must produce, from the Markdown sources (for parametrising)."""
    pages = []
    for language in LANGUAGES:
        docs = ROOT / "docs" / language
        prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
        for md in sorted(docs.rglob("*.md")):
            relative = md.relative_to(docs).with_suffix("").as_posix()
            if relative == "index" or relative.endswith("/index"):
                relative = relative[: -len("index")]
            else:
                relative += "/"
            pages.append(BuiltPage(f"/{prefix}{relative}", language))
    return pages


def distinct_pages() -> list[BuiltPage]:
    """Every page, but each node of the check only once per language.

    The check's pages are one per path of answers (docs/<lang>/check/…), written by one
    generator from shared blocks: paths that end at the same question or result show the
    same content under another address (only their "Change your answers" list differs).
    axe runs on every page (test_axe.py); the other per-page checks (keyboard, reflow,
    headings, skip link, no JavaScript, HTML_CodeSniffer) run on the first page of each
    question and result, which keeps the suite fast as languages are added, without
    leaving any distinct page untested.
    """
    from macros.check import load_check, walk

    node_of = {path.address: path.node for path in walk(load_check())}
    seen: set[tuple[str, str]] = set()
    pages = []
    for page in expected_pages():
        prefix = "/" if page.language == DEFAULT_LANGUAGE else f"/{page.language}/"
        address = page.path[len(prefix):].strip("/")
        if address.startswith("check/") and address[len("check/"):] in node_of:
            key = (page.language, node_of[address[len("check/"):]])
            if key in seen:
                continue
            seen.add(key)
        pages.append(page)
    return pages


def check_address(page: BuiltPage) -> str | None:
    """'check/asylum/adult/' for a page of the check, None for any other page."""
    prefix = "/" if page.language == DEFAULT_LANGUAGE else f"/{page.language}/"
    address = page.path[len(prefix):]
    return address if address.startswith("check/") else None


def template_pages() -> list[BuiltPage]:
    """Every page but the check's, plus of the check its start, its first question and its
    first result, per language: one page per template, for checks of layout and behaviour.

    The check's questions and results are one template each, filled by one generator
    (macros/check_pages.py); their words are checked on every page by test_axe.py.
    """
    pages = distinct_pages()
    check = {page.path: check_address(page) for page in pages if check_address(page)}
    chosen = []
    for language in LANGUAGES:
        mine = [page for page in pages if page.language == language and page.path in check]
        questions = [p for p in mine if any(o.path.startswith(p.path) and o.path != p.path for o in mine)]
        results = [p for p in mine if p not in questions]
        start = [p for p in questions if check[p.path] == "check/"]
        chosen += start + [p for p in questions if p not in start][:1] + results[:1]
    return [page for page in pages if page.path not in check or page in chosen]


@pytest.fixture(scope="session")
def base_url(built_site):
    with serve(built_site) as url:
        yield url


def new_page(browser, *, viewport=DESKTOP, color_scheme="light", javascript=True, reduced_motion="no-preference"):
    """A page in a fresh context. Keyboard tests pass reduced_motion="reduce": guide.css then
    stops transitions and smooth scrolling, so positions read after a key press are final."""
    context = browser.new_context(viewport=viewport, color_scheme=color_scheme, java_script_enabled=javascript,
                                  reduced_motion=reduced_motion)
    return context.new_page()


# One page per test module and view, shared by the module's tests (a new context per test
# would cost a browser start each time). Keyboard views use reduced motion (see new_page).
@pytest.fixture(scope="module")
def desktop(browser):
    page = new_page(browser, viewport=DESKTOP, reduced_motion="reduce")
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def phone(browser):
    page = new_page(browser, viewport=PHONE, reduced_motion="reduce")
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def no_javascript(browser):
    page = new_page(browser, viewport=PHONE, javascript=False)
    yield page
    page.context.close()
