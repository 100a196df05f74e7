"""Readable on a 320 px phone (wired in mkdocs.yml `hooks:`); the logic is in macros/reading.py.

- long Dutch words in headings break at the points listed in data/facts.yml;
- every table cell carries its column header (data-label), for the stacked cards on phones;
- the project's stylesheets are served minified: guide.css keeps its comments for editors,
  readers on prepaid data do not download them (a quarter of the first visit's budget).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# MkDocs loads hooks by path; the project root must be importable for `macros`.
sys.path.insert(0, str(ROOT))

import rcssmin
from mkdocs.exceptions import PluginError

from macros.errors import GuideError
from macros.facts import load_facts
from macros.reading import check_hyphenation, hyphenate_headings, hyphenation_words, label_table_cells

_WORDS: list[str] = []


def on_config(config, **kwargs):
    try:
        words = hyphenation_words(load_facts(ROOT / "data" / "facts.yml"))
        check_hyphenation(words)
    except GuideError as error:
        raise PluginError(str(error)) from None
    _WORDS[:] = words
    return config


def on_page_content(html, page, config, files, **kwargs):
    return label_table_cells(hyphenate_headings(html, _WORDS))


def minified_css(css: str) -> str:
    """`css` without comments and spare white space (rcssmin keeps strings and hacks intact)."""
    return rcssmin.cssmin(css)


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    for name in config["extra_css"]:
        path = site / str(name)
        if path.is_file():
            path.write_text(minified_css(path.read_text(encoding="utf-8")), encoding="utf-8")
