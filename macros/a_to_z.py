"""The A-Z lists on the search page (what readers without JavaScript use to find a page).

Pure functions: hooks/search.py gives them the pages of the navigation and the glossary's
Markdown; tests/unit/test_a_to_z.py calls them directly. Any script works: entries are
sorted by their case-folded letters without accents, so Arabic and Ge'ez sort in Unicode
order (which is their alphabetical order) and "École" sorts with "ecole".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# `## AOW-leeftijd {#aow-leeftijd lang=nl}`: a term, its anchor and (optionally) its language.
_TERM = re.compile(r"^##\s+(?P<text>.+?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$", re.MULTILINE)
_ID = re.compile(r"(?:^|\s)#(?P<id>[^\s}]+)")
_LANG = re.compile(r"(?:^|\s)lang=[\"']?(?P<lang>[A-Za-z-]+)")
# Quotes and marks before the first letter do not count: "'s Avonds" sorts under S.
_LEADING = "\"'\u201c\u2018\u00ab(\u00bf\u00a1 "
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


@dataclass(frozen=True)
class Entry:
    text: str  # what the link says
    link: str  # a Markdown link target: `steps/intake.md`, `glossary.md#pvt`
    lang: str | None = None  # set when the text is in another language than the page


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical order for any script: letters without accents first, then the exact text."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    return letters.lstrip(_LEADING), text


def glossary_terms(markdown: str, glossary_link: str, slugify=None) -> list[Entry]:
    """The terms of a glossary page: each level-2 heading, linked to its anchor.

    A heading without `{#id}` gets the anchor `slugify(text, "-")` gives it (the site's toc slugify).
    """
    terms = []
    for match in _TERM.finditer(markdown):
        text, attrs = match["text"], match["attrs"] or ""
        anchor = _ID.search(attrs)
        if anchor:
            slug = anchor["id"]
        elif slugify is not None:
            slug = slugify(text, "-")
        else:
            raise ValueError(f"the glossary heading '{text}' has no {{#id}} and no slugify was given")
        lang = _LANG.search(attrs)
        terms.append(Entry(text, f"{glossary_link}#{slug}", lang["lang"] if lang else None))
    return terms


def alphabetical(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda entry: sort_key(entry.text))


def markdown_list(entries: list[Entry]) -> str:
    """A Markdown list of links in alphabetical order; MkDocs checks and rewrites the links."""
    lines = []
    for entry in alphabetical(entries):
        text = _MARKDOWN_SPECIAL.sub(r"\\\1", entry.text)
        attrs = f'{{ lang="{entry.lang}" }}' if entry.lang else ""
        lines.append(f"- [{text}]({entry.link}){attrs}")
    return "\n".join(lines) + "\n"
