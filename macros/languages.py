"""Per-language facts the templates need: direction, Babel's locale name, menu and theme labels.

Pure functions of a language code, a catalogue and HTML text; hooks/languages.py wires them.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale
from babel.core import get_global

from .errors import GuideError
from .i18n import Catalog, translate

_HTML_TAG = re.compile(r"<html\b([^>]*)>")
# An opening tag (not <html>) with a lang attribute.
_TAG_WITH_LANG = re.compile(r"<(?!html\b)([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*?\slang=\"([A-Za-z-]+)\"[^<>]*?)(/?)>")


def babel_locale(code: str) -> str:
    """Babel's name for a language code of this site: `fa-AF` (BCP 47, used in URLs and `lang`)
    is `fa_AF` for Babel, which rejects the hyphen."""
    return code.replace("-", "_")


@cache
def text_direction(code: str) -> str:
    """'rtl' for Arabic, Farsi, Dari, Pashto; 'ltr' otherwise (from CLDR through Babel)."""
    try:
        order = Locale.parse(babel_locale(code)).character_order
    except (ValueError, LookupError):
        raise GuideError(
            "mkdocs.yml",
            f"the language code '{code}' is not a language Babel (CLDR) knows.",
            "use a BCP 47 code such as 'ar', 'fa-AF' or 'ti' in plugins > i18n > languages.",
        ) from None
    return "rtl" if order == "right-to-left" else "ltr"


def writing_script(code: str) -> str:
    """The ISO 15924 script a language is usually written in ('Latn', 'Arab', 'Ethi'), from
    CLDR's likely subtags through Babel: 'fa-AF' is Arab like 'fa'."""
    language = Locale.parse(babel_locale(code)).language
    likely = get_global("likely_subtags").get(language, "")
    scripts = [part for part in likely.split("_") if len(part) == 4 and part.istitle()]
    if not scripts:
        raise GuideError("mkdocs.yml", f"CLDR does not say which script '{code}' is written in.",
                         "use a BCP 47 code Babel knows, such as 'ar', 'fa-AF' or 'ti'.")
    return scripts[0]


def section_key(title: str, english: Catalog) -> str:
    """The catalogue key (`nav.…`) whose English text is this menu section's title in mkdocs.yml."""
    for key, entry in english.items():
        if key.startswith("nav.") and entry.text == title:
            return key
    raise GuideError(
        "mkdocs.yml (nav)",
        f'the menu section "{title}" has no message in translations/en.po, so it cannot be translated.',
        f'add msgid "nav.<short name>" with msgstr "{title}" to translations/en.po, and translate it in every .po.',
    )


def theme_label(key: str, language: str, catalog: Catalog) -> str:
    """Material's label `key` in `language`: `theme.<key>` from the catalogue.

    `language` and `direction` are not words: the code itself, and Babel's direction."""
    if key == "language":
        return language
    if key == "direction":
        return text_direction(language)
    return translate(catalog, f"theme.{key}", where=f"a Material template (label '{key}')")


def html_with_direction(html: str, direction: str) -> str:
    """Put `dir` on the <html> element, where W3C's guidance wants it (Material sets <body> only)."""
    def add(match: re.Match) -> str:
        attributes = re.sub(r'\sdir="[^"]*"', "", match.group(1))
        return f'<html{attributes} dir="{direction}">'
    return _HTML_TAG.sub(add, html, count=1)


def isolate_other_directions(html: str, page_direction: str) -> str:
    """Give every element in another language a `dir` of its own when that language runs the
    other way ("PIP" inside Arabic, "ትግርኛ" or "العربية" in an English menu). A `dir`
    attribute also isolates the words (bidi isolation), so neighbouring punctuation and
    numbers stay in the right order."""
    def add(match: re.Match) -> str:
        name, attributes, language, closing = match.groups()
        if re.search(r"\sdir=", attributes):
            return match.group(0)
        try:
            direction = text_direction(language)
        except GuideError:
            return match.group(0)
        if direction == page_direction:
            return match.group(0)
        return f'<{name}{attributes} dir="{direction}"{closing}>'
    return _TAG_WITH_LANG.sub(add, html)


_ENGLISH_UNIT = re.compile(r"\b\d[\d.,]*\s?(?:years?|months?|weeks?|days?|hours?)\b", re.IGNORECASE)
_UNIT_IDENTIFIER = re.compile(r"\bduration-[a-z]+\b")
_NUMBER_SLASH_WORD = re.compile(r"\d/[^\W\d_]")
_ENGLISH_ELEMENT = re.compile(r'<(\w+)\b[^>]*\blang="en"[^>]*>.*?</\1>', re.S)
_TAG = re.compile(r"<[^>]+>")


def visible_text(html: str) -> str:
    """The page's text without tags, scripts, styles and parts marked as English."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return _TAG.sub(" ", _ENGLISH_ELEMENT.sub(" ", html))


def broken_unit_text(html: str, language: str) -> list[str]:
    """Units that read wrongly in a non-English page: English unit words after a number,
    CLDR's unit identifiers ("3 duration-year"), a slash glued between number and word."""
    if language == "en":
        return []
    text = visible_text(html)
    found = []
    for pattern in (_UNIT_IDENTIFIER, _ENGLISH_UNIT, _NUMBER_SLASH_WORD):
        for match in pattern.finditer(text):
            start = max(0, match.start() - 30)
            found.append(" ".join(text[start:match.end() + 30].split()))
    return found


def language_name(code: str, reader: str) -> str:
    """The name of language `code` in the reader's language (CLDR), e.g. ('nl', 'ar') -> 'الهولندية'."""
    from .formatting import babel_locale

    name = Locale.parse(babel_locale(reader)).languages.get(babel_locale(code))
    return name or Locale.parse(babel_locale(code)).get_display_name(babel_locale(code)) or code


def with_skip_link(html: str, target: str, text: str) -> str:
    """Material writes its skip link only on pages with a table of contents; the 404 page has
    none, so keyboard users would meet the whole header first. Put one in its empty place."""
    return re.sub(r'(<div data-md-component="skip">)\s*(</div>)',
                  rf'\1<a href="#{target}" class="md-skip">{text}</a>\2', html, count=1)
