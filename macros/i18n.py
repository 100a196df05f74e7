"""UI strings from gettext catalogues (translations/<language>.po).

English (en.po) is the source: every other built language must translate every
message it has. Message ids are dotted keys grouped by area (`step.next`).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.messages.pofile import PoFileError, read_po

from .errors import GuideError

SOURCE_LANGUAGE = "en"
SAME_MARK = "same in this language"
# Message families that vary by number: `unit.year.one`, `count.resit.other`, ...
PLURAL_FAMILIES = ("unit.", "count.")

@dataclass(frozen=True)
class Entry:
    text: str
    line: int  # the msgid's line
    path: str = ""  # the .po file, for messages that name the msgstr
    msgstr_line: int = 0
    # A translator comment "# same in this language" above the msgid: the word really is
    # the same as in English ("Contact", "Menu"), so the untranslated-text check lets it pass.
    same_as_source: bool = False

    @property
    def where(self) -> str:
        """`translations/nl.po:13`: the msgstr of this message."""
        return f"{self.path}:{self.msgstr_line or self.line}"


Catalog = dict[str, Entry]


def load_catalog(path: Path) -> Catalog:
    """Read one .po file into {message id: Entry}; a broken file names its line."""
    if not path.exists():
        raise GuideError(
            str(path),
            "the translation catalogue for this language does not exist.",
            f"copy translations/{SOURCE_LANGUAGE}.po to {path.name} and translate every msgstr.",
        )
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, abort_invalid=True)
    except PoFileError as error:
        # Babel counts lines from 0 and says "on 12" in its message.
        line = f":{error.lineno + 1}" if isinstance(getattr(error, "lineno", None), int) else ""
        problem = re.sub(r" on \d+$", "", str(error))
        raise GuideError(
            f"{path}{line}",
            f"this is not a valid .po file ({problem}).",
            'every message is a line msgid "key" and a line msgstr "text", both in double quotes.',
        ) from None
    lines = path.read_text(encoding="utf-8").splitlines()
    return {
        message.id: Entry(message.string or "", message.lineno, str(path), _msgstr_line(lines, message.lineno),
                          any(SAME_MARK in comment.lower() for comment in message.user_comments))
        for message in catalog
        if message.id and not message.fuzzy
    }


def _msgstr_line(lines: list[str], msgid_line: int) -> int:
    """The 1-based line of the msgstr that follows the msgid on `msgid_line`."""
    for number in range(msgid_line, len(lines) + 1):
        if lines[number - 1].lstrip().startswith("msgstr"):
            return number
    return msgid_line


def placeholders(text: str) -> set[str]:
    """The names of the {placeholders} in a message; ValueError if its braces do not pair."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def plural_family(key: str) -> str | None:
    """`unit.year` for `unit.year.few`; None for a message that does not vary by number."""
    return key.rsplit(".", 1)[0] if key.startswith(PLURAL_FAMILIES) and key.count(".") >= 2 else None


def check_catalog(source: Catalog, target: Catalog, target_path: Path, source_path: Path) -> None:
    """Every source message must have a non-empty translation in `target`, not English text.

    Counted words are checked by family: a language has its own plural forms (Arabic six,
    English two), so `unit.year.two` may exist only in Arabic (check_plural_forms)."""
    source_families = {plural_family(key) for key in source} - {None}
    for key, entry in source.items():
        translated = target.get(key)
        if (translated is None and plural_family(key) in source_families
                and any(plural_family(other) == plural_family(key) for other in target)):
            continue
        if translated is None:
            raise GuideError(
                f"{target_path}",
                f'the UI string "{key}" (from {source_path}:{entry.line}) has no translation in this language.',
                f'add msgid "{key}" with a translated msgstr to {target_path}.',
            )
        if not translated.text.strip():
            raise GuideError(
                f"{target_path}:{translated.line}",
                f'the UI string "{key}" has an empty translation.',
                "write the translation in the msgstr right below the msgid on that line.",
            )
        _check_placeholders(key, entry, translated, target_path, source_path)
        if translated.text == entry.text and re.search(r"[^\W\d_]{2}", entry.text) and not translated.same_as_source:
            raise GuideError(
                f"{target_path}:{translated.msgstr_line or translated.line}",
                f'the UI string "{key}" is still the English text "{entry.text}".',
                f'translate it; if the word really is the same in this language, write the comment '
                f'"# {SAME_MARK}" on the line above its msgid.',
            )
    for key, entry in target.items():
        if key not in source and plural_family(key) in source_families:
            continue
        if key not in source:
            raise GuideError(
                f"{target_path}:{entry.line}",
                f'the UI string "{key}" is not in {source_path}, so no page uses it.',
                f"remove it, or add it to {source_path} first.",
            )


def _check_placeholders(key: str, source: Entry, translated: Entry, target_path: Path, source_path: Path) -> None:
    """A translation may leave out a {placeholder} of the English message, but not add one."""
    where = f"{target_path}:{translated.msgstr_line or translated.line}"
    allowed = placeholders(source.text)
    try:
        used = placeholders(translated.text)
    except ValueError as error:
        raise GuideError(
            where,
            f'the translation of "{key}" has a {{ or }} that does not pair ({error}).',
            "write placeholders as {name}; write a brace that readers should see twice: {{ or }}.",
        ) from None
    unknown = sorted(used - allowed)
    if unknown:
        raise GuideError(
            where,
            f'the translation of "{key}" has the placeholder {", ".join("{" + n + "}" for n in unknown)}, '
            f"which the English message ({source_path}:{source.line}) does not have.",
            f"use only these placeholders, unchanged: {', '.join('{' + n + '}' for n in sorted(allowed)) or 'none'}.",
        )


def load_checked_catalogs(folder: Path, languages: list[str]) -> dict[str, Catalog]:
    """Load the catalogue of every language and check each against the English source."""
    source_path = folder / f"{SOURCE_LANGUAGE}.po"
    source = load_catalog(source_path)
    catalogs = {SOURCE_LANGUAGE: source}
    for language in languages:
        if language == SOURCE_LANGUAGE:
            continue
        path = folder / f"{language}.po"
        catalogs[language] = load_catalog(path)
        check_catalog(source, catalogs[language], path, source_path)
    for language, catalog in catalogs.items():
        check_plural_forms(catalog, language, folder / f"{language}.po")
    return catalogs



def check_plural_forms(catalog: Catalog, language: str, path: Path) -> None:
    """Each counted word has a message for every CLDR plural category of the language.

    English needs `one` and `other`; Arabic needs `zero`, `one`, `two`, `few`, `many` and
    `other`. A missing form would silently fall back to `other` and read wrongly.
    """
    needed = set(Locale.parse(language.replace("-", "_")).plural_form.tags) | {"other"}
    families = {key.rsplit(".", 1)[0] for key in catalog if key.startswith(PLURAL_FAMILIES)}
    for family in sorted(families):
        missing = sorted(category for category in needed if f"{family}.{category}" not in catalog)
        if missing:
            line = min(entry.line for key, entry in catalog.items() if key.rsplit(".", 1)[0] == family)
            raise GuideError(
                f"{path}:{line}",
                f'"{family}" has no form for the plural categories {", ".join(missing)} of this language.',
                f'add msgid "{family}.{missing[0]}" (and the others) with the word for that category; '
                "CLDR's plural rules say which numbers use it.",
            )


def translate(catalog: Catalog, key: str, where: str = "a template", **params: object) -> str:
    """The translated string for `key`, with {placeholders} filled in."""
    entry = catalog.get(key)
    if entry is None:
        raise GuideError(
            where,
            f'the UI string "{key}" is not in translations/{SOURCE_LANGUAGE}.po.',
            f'add msgid "{key}" to translations/{SOURCE_LANGUAGE}.po and to every other language\'s .po file.',
        )
    try:
        return entry.text.format(**params)
    except (KeyError, IndexError, ValueError) as error:
        # The mistake is in the catalogue: name its msgstr first, then where it was used.
        raise GuideError(
            entry.where if entry.path else where,
            f'the translation of "{key}" has a placeholder that does not fit ({error}); '
            f"it is used at {where}.",
            f"use only these placeholders in the msgstr: {', '.join('{' + p + '}' for p in params) or 'none'}.",
        ) from None
