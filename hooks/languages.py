"""Everything that differs per language besides the pages (wired in mkdocs.yml `hooks:`).

- the site's name and description, and the menu's section names, from the catalogue;
- Material's interface labels from the catalogue (`theme.*`), for every language;
- `dir` on <html> (Material puts it on <body> only), from Babel's script direction;
- words in a language of the other direction get their own `dir` (bidi isolation).
The logic lives in macros/languages.py (pure, tested); this file connects it to MkDocs.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# MkDocs loads hooks by path; the project root must be importable for `macros`.
sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from macros.errors import GuideError
from macros.i18n import load_catalog, translate
from macros.languages import (
    broken_unit_text,
    html_with_direction,
    isolate_other_directions,
    section_key,
    text_direction,
    theme_label,
)

CATALOGS = ROOT / "translations"
LOCAL_SECTION = "local"


def _catalog(language: str):
    return load_catalog(CATALOGS / f"{language}.po")


def on_nav(nav, config, files, **kwargs):
    language = config["theme"]["language"]
    try:
        english, catalog = _catalog("en"), _catalog(language)
        for item in _titled_items(nav.items):
            if item.title == LOCAL_SECTION:  # the municipality's own pages (hooks/municipality.py)
                name = (config["extra"]["guide"].get("municipality") or {}).get("name", "")
                item.title = translate(catalog, "nav.local", municipality=name)
                continue
            item.title = translate(catalog, section_key(item.title, english))
    except GuideError as error:
        raise PluginError(str(error)) from None
    return nav


def _titled_items(items):
    """The menu's sections, and pages titled in mkdocs.yml (`- Title: page.md`), at any depth.

    A page's own title is only known after it is read; one set in mkdocs.yml is already in
    the page's attributes."""
    for item in items:
        if isinstance(item, Section):
            yield item
            yield from _titled_items(item.children)
        elif isinstance(item, Page) and vars(item).get("title"):
            yield item


def on_env(env, config, files, **kwargs):
    # mkdocs-static-i18n sets each language's config after the hooks' on_config, so the
    # translated name goes in here, before any page is rendered.
    language = config["theme"]["language"]
    try:
        catalog = _catalog(language)
        config["site_name"] = translate(catalog, "site.name", where="mkdocs.yml site_name")
        config["site_description"] = translate(catalog, "site.description", where="mkdocs.yml site_description")
    except GuideError as error:
        raise PluginError(str(error)) from None

    def theme_text(key: str) -> str:
        try:
            return theme_label(key, language, catalog)
        except GuideError as error:
            raise PluginError(str(error)) from None

    env.globals["theme_text"] = theme_text
    return env


def on_post_page(output, page, config, **kwargs):
    language = config["theme"]["language"]
    shown_in = getattr(page.file, "locale", language)
    problems = broken_unit_text(output, shown_in)
    if problems:
        raise PluginError(
            f"docs/{page.file.src_uri}: a number reads with English or broken unit words in '{shown_in}': "
            + "; ".join(f"…{p}…" for p in problems[:3])
            + f". Use {{{{ fact(...) }}}} for the value, and check unit.* and count.* in translations/{language}.po."
        )
    direction = text_direction(language)
    return isolate_other_directions(html_with_direction(output, direction), direction)
