"""HTML changes that make pages readable on a 320 px phone. Pure functions on strings.

- `hyphenate_headings`: long Dutch compounds in headings get soft hyphens (&shy;) at the
  points given in data/facts.yml (`hyphenate:` of a term, or `hyphenation:`), so the
  browser breaks "inburgerings-vereiste" there and nowhere else.
- `label_table_cells`: every data cell of a table with a header row gets
  `data-label="<its column header>"`; on a phone guide.css shows each row as a card with
  the header above each value. No ARIA table roles are added: the W3C checker forbids a
  role on rows and cells of a table, and current browsers keep a restyled table's semantics.
- `letter_index`: the A-Z letters of the glossary, each letter with entries linked to
  its first entry.

The hook hooks/phone_reading.py applies the first two to every page.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

from .errors import GuideError

SOFT_HYPHEN = "&shy;"
_HEADING = re.compile(r"(<h([1-6])\b[^>]*>)(.*?)(</h\2>)", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"(<[^>]+>)")


def hyphenation_words(facts: dict) -> list[str]:
    """Every word with its break points (`inburgerings|vereiste`) from the facts file."""
    words = list(facts.get("hyphenation") or [])
    for entry in (facts.get("terms") or {}).values():
        words.extend(entry.get("hyphenate") or [])
    return words


def check_hyphenation(words: Iterable[str], where: str = "data/facts.yml") -> None:
    for word in words:
        parts = word.split("|")
        if len(parts) < 2 or not all(part.strip() for part in parts) or word != word.strip():
            raise GuideError(
                where,
                f"the hyphenation `{word}` has no break point, or an empty part.",
                "write the word with a | at each place it may break, e.g. inburgerings|vereiste.",
            )


def _pattern(words: Iterable[str]) -> tuple[re.Pattern[str] | None, dict[str, list[int]]]:
    breaks: dict[str, list[int]] = {}
    for word in words:
        positions, plain = [], ""
        for part in word.split("|"):
            if plain:
                positions.append(len(plain))
            plain += part
        breaks[plain.casefold()] = positions
    if not breaks:
        return None, breaks
    # Longest first: "participatieverklaringstraject" wins over "participatieverklaring".
    alternatives = sorted(breaks, key=len, reverse=True)
    return re.compile("|".join(re.escape(word) for word in alternatives), re.IGNORECASE), breaks


def hyphenate_text(text: str, words: Iterable[str], mark: str = SOFT_HYPHEN) -> str:
    """Insert &shy; at the break points of every listed word in `text` (any letter case).

    Matches inside longer compounds too ("IND-inburgeringsvereiste"). Text only: tags are
    passed through unchanged, so attributes (ids, links) never change. `mark="\u00ad"` gives
    the character itself, for text that a template escapes later.
    """
    pattern, breaks = _pattern(words)
    if pattern is None:
        return text

    def insert(match: re.Match[str]) -> str:
        found = match.group(0)
        cuts = breaks[found.casefold()]
        pieces, start = [], 0
        for cut in cuts:
            pieces.append(found[start:cut])
            start = cut
        pieces.append(found[start:])
        return mark.join(pieces)

    return "".join(part if part.startswith("<") else pattern.sub(insert, part) for part in _TAG.split(text))


def hyphenate_headings(page_html: str, words: Iterable[str]) -> str:
    """`hyphenate_text` applied to the content of every h1-h6, nothing else."""
    words = list(words)
    if not words:
        return page_html
    return _HEADING.sub(lambda m: m.group(1) + hyphenate_text(m.group(3), words) + m.group(4), page_html)


_TABLE = re.compile(r"<table\b([^>]*)>(.*?)</table>", re.DOTALL | re.IGNORECASE)
_THEAD = re.compile(r"<thead\b[^>]*>(.*?)</thead>", re.DOTALL | re.IGNORECASE)
_TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL | re.IGNORECASE)
_ROW = re.compile(r"(<tr\b)([^>]*>)(.*?)(</tr>)", re.DOTALL | re.IGNORECASE)
_CELL = re.compile(r"<(td|th)\b([^>]*)>", re.IGNORECASE)


def _text(fragment: str) -> str:
    """The visible text of an HTML fragment, on one line."""
    return " ".join(html.unescape(_TAG.sub("", fragment)).replace("\u00ad", "").split())


def _add(attributes: str, extra: str) -> str:
    """Add attributes to a start tag's attribute string (unless the tag already has them)."""
    name = extra.split("=", 1)[0]
    return attributes if re.search(rf"\s{re.escape(name)}=", attributes) else f" {extra}{attributes}"


def label_table_cells(page_html: str) -> str:
    """Give each data cell the text of its column header.

    Only tables with a header row (thead) change. A cell that spans columns (colspan) moves
    the column count on, so the labels stay right.
    """

    def table(match: re.Match[str]) -> str:
        attributes, body = match.group(1), match.group(2)
        head = _THEAD.search(body)
        if not head:
            return match.group(0)
        headers = [_text(cell) for cell in _TH.findall(head.group(1))]

        def row(r: re.Match[str]) -> str:
            column = 0

            def cell(c: re.Match[str]) -> str:
                nonlocal column
                tag, attrs = c.group(1).lower(), c.group(2)
                span = re.search(r'colspan="?(\d+)', attrs)
                if tag == "td" and column < len(headers) and headers[column]:
                    attrs = _add(attrs, f'data-label="{html.escape(headers[column], quote=True)}"')
                column += int(span.group(1)) if span else 1
                return f"<{tag}{attrs}>"

            return r.group(1) + r.group(2) + _CELL.sub(cell, r.group(3)) + r.group(4)

        body = _ROW.sub(row, body)
        return f"<table{attributes}>{body}</table>"

    return _TABLE.sub(table, page_html)


def first_letter(text: str) -> str:
    """The letter a glossary entry is filed under: "Ëxample" -> "E", "'s-Hertogenbosch" -> "S"."""
    for char in unicodedata.normalize("NFKD", text):
        if char.isalpha():
            return char.upper()
    return ""


_GLOSSARY_HEADING = re.compile(r"^##\s+(.+?)\s*\{#([A-Za-z0-9_-]+)[^}]*\}\s*$", re.MULTILINE)


def glossary_entries(markdown: str) -> list[tuple[str, str]]:
    """(title, anchor) of each `## Title {#anchor}` entry of a glossary page, in order."""
    return [(title, anchor) for title, anchor in _GLOSSARY_HEADING.findall(markdown)]


ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def letter_index(entries: Iterable[tuple[str, str]], alphabet: str = ALPHABET) -> list[tuple[str, str | None]]:
    """(letter, anchor of its first entry or None) for every letter of the alphabet, in order,
    then any other first letter the entries use."""
    first: dict[str, str] = {}
    for title, anchor in entries:
        first.setdefault(first_letter(title), anchor)
    letters = list(alphabet) + sorted(letter for letter in first if letter and letter not in alphabet)
    return [(letter, first.get(letter)) for letter in letters]
