"""Search without a server (wired in mkdocs.yml `hooks:`): Pagefind, and an A-Z list for no JavaScript.

- Macros for the search page (docs/<language>/search.md): `search_form()` (a plain GET form,
  its labels and status messages from translations/<language>.po) and `a_to_z()` (every page of
  the navigation and every glossary term of the page's language, alphabetical, as links).
- `data-pagefind-body` on the article of every page in the navigation, except the search page:
  Pagefind then indexes only the main content of those pages (not the check's answer pages,
  which are reached through the check, nor the 404 page).
- After the last language's build, Pagefind indexes the site into site/pagefind/, one index per
  `<html lang>`: results come from the reader's language only, in any script. It indexes a
  copy of the pages with the word boundaries of Ge'ez and of Arabic script's joined و made
  visible (macros/search_words.py; search.js treats the reader's words the same way).
- Theme templates get `guide_search_url` (the language's search page, for the header link)
  and `guide_search_page` (true on the search page, which alone loads search.js).
"""

from __future__ import annotations

import json
import logging
import posixpath
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# MkDocs loads hooks by path; the project root must be importable for `macros`.
sys.path.insert(0, str(ROOT))

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from macros.a_to_z import Entry, glossary_terms, markdown_list
from macros.errors import GuideError
from macros.i18n import load_catalog, translate
from macros.pages import page_title
from macros.search_words import index_for_search
from macros.site_checks import built_languages

log = logging.getLogger("mkdocs.hooks.search")

SEARCH_PAGE = "search.md"  # in each language folder
GLOSSARY_PAGE = "glossary.md"
ARTICLE = '<article class="md-content__inner md-typeset">'
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")

# Per language build: the pages of the navigation, {src_uri: abs_src_path}, in nav order.
_state: dict = {"nav": {}}


def _language(config) -> str:
    return config["theme"]["language"]


def _is_search_page(src_uri: str, language: str) -> bool:
    return src_uri == f"{language}/{SEARCH_PAGE}"


def on_config(config, **kwargs):
    macros = config["plugins"].get("macros")
    if macros is None:
        raise PluginError("hooks/search.py needs the macros plugin (mkdocs-macros-plugin) for the search page.")
    macros.register_macros({"search_form": lambda: search_form(config), "a_to_z": lambda: a_to_z(config, macros)})
    return config


def on_nav(nav, config, files, **kwargs):
    _state["nav"] = {page.file.src_uri: page.file.abs_src_path for page in nav.pages}
    return nav


def on_env(env, config, files, **kwargs):
    search = files.get_file_from_path(f"{_language(config)}/{SEARCH_PAGE}")
    env.globals["guide_search_url"] = search.url if search else None
    return env


def on_page_context(context, page, config, **kwargs):
    context["guide_search_page"] = _is_search_page(page.file.src_uri, _language(config))
    return context


def on_post_page(output, page, config, **kwargs):
    src_uri = page.file.src_uri
    if src_uri not in _state["nav"] or _is_search_page(src_uri, _language(config)):
        return output
    if ARTICLE not in output:
        raise PluginError(f"hooks/search.py: no {ARTICLE} in {src_uri}; Material's base.html changed.")
    return output.replace(ARTICLE, ARTICLE[:-1] + " data-pagefind-body>", 1)


def _ui(config):
    language = _language(config)
    catalog = load_catalog(ROOT / "translations" / f"{language}.po")

    def ui(key: str, **params) -> str:
        try:
            return translate(catalog, key, where=f"docs/{language}/{SEARCH_PAGE}", **params)
        except GuideError as error:
            raise PluginError(str(error)) from None

    return ui, catalog


def search_form(config) -> str:
    """The search form, its status line and an empty results list (filled by search.js)."""
    ui, catalog = _ui(config)
    counts = " ".join(
        f'data-count-{category}="{escape(catalog[key].text)}"'
        for category in PLURAL_CATEGORIES
        if (key := f"count.search_result.{category}") in catalog
    )
    return f"""
<form class="guide-search" role="search" action="./" method="get">
<label class="guide-search__label" for="guide-search-q">{escape(ui("search.label"))}</label>
<div class="guide-search__row">
<input class="guide-search__input" type="search" id="guide-search-q" name="q" enterkeyhint="search">
<button class="guide-search__button md-button md-button--primary" type="submit">{escape(ui("search.submit"))}</button>
</div>
</form>

<p class="guide-search__status" id="guide-search-status" role="status" {counts}
   data-searching="{escape(ui("search.searching"))}" data-none="{escape(ui("search.none"))}"
   data-error="{escape(ui("search.error"))}"></p>

<div class="guide-search__results" id="guide-search-results" hidden>
<h2>{escape(ui("search.results_heading"))}</h2>
<ol class="guide-search__list"></ol>
</div>
"""


def a_to_z(config, macros) -> str:
    """Markdown: every page of the navigation (but this one), then every glossary term, A to Z."""
    ui, _ = _ui(config)
    here = macros.page.file.src_uri
    folder = posixpath.dirname(here)
    pages, terms = [], []
    for src_uri, path in _state["nav"].items():
        if src_uri == here:
            continue
        link = posixpath.relpath(src_uri, folder)
        try:
            pages.append(Entry(page_title(Path(path)), link))
        except GuideError as error:
            raise PluginError(str(error)) from None
        if posixpath.basename(src_uri) == GLOSSARY_PAGE:
            terms = glossary_terms(Path(path).read_text(encoding="utf-8"), link)
    parts = [f"## {ui('search.az_pages_heading')}\n", markdown_list(pages)]
    if terms:
        parts += [f"\n## {ui('search.az_terms_heading')}\n", markdown_list(terms)]
    return "\n".join(parts)


@event_priority(-200)  # after mkdocs-static-i18n's on_post_build (-100), which builds the other languages
def on_post_build(config, **kwargs):
    i18n = config["plugins"].get("i18n")
    if i18n is not None and i18n.building:
        return  # a language build inside mkdocs-static-i18n's loop: the site is not complete yet
    site = Path(config["site_dir"])
    start = time.perf_counter()
    result = index_for_search(site)
    if result.returncode != 0:
        raise PluginError(f"Pagefind could not index {site}:\n{result.stdout}\n{result.stderr}")
    indexed = set(json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"])
    languages = built_languages(config) if i18n is not None else [_language(config)]
    # Pagefind writes language codes in lower case (fa-AF becomes fa-af).
    missing = [language for language in languages if language.lower() not in indexed]
    if missing:
        raise PluginError(
            f"Pagefind made no search index for {', '.join(missing)} (it made {', '.join(sorted(indexed))}): "
            "the pages of that language need <html lang> set and data-pagefind-body on their article."
        )
    log.info("Pagefind indexed %s in %.2f s", ", ".join(sorted(indexed)), time.perf_counter() - start)
