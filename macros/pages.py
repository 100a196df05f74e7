"""Helpers about pages: titles, relative links, the step journey. Pure functions."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import yaml

from .errors import GuideError

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_H1 = re.compile(r"^#\s+(.+?)\s*(\{[^}]*\})?\s*$", re.MULTILINE)


def front_matter(markdown: str) -> dict:
    match = _FRONT_MATTER.match(markdown)
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def page_title(path: Path) -> str:
    """A page's title: `title` in its front matter, else its first level-1 heading."""
    if not path.exists():
        raise GuideError(
            str(path),
            "this page is named (in `journey` in data/facts.yml, or by a link) but does not exist.",
            "create the page, or fix the name in data/facts.yml.",
        )
    text = path.read_text(encoding="utf-8")
    meta = front_matter(text)
    if meta.get("title"):
        return str(meta["title"])
    heading = _H1.search(_FRONT_MATTER.sub("", text, count=1))
    if heading:
        return heading.group(1)
    match = _FRONT_MATTER.match(text)
    body = text.count("\n", 0, match.end()) + 1 if match else 1
    raise GuideError(
        f"{path}:{body}",
        "the page has no title.",
        "start the page (after the front matter) with a level-1 heading: `# Title`.",
    )


def title_line(text: str) -> int | None:
    """The 1-based line of a page's title: `title:` in the front matter, else the first `# ` heading."""
    match = _FRONT_MATTER.match(text)
    if match and (front_matter(text) or {}).get("title"):
        for number, line in enumerate(text[: match.end()].splitlines(), start=1):
            if line.startswith("title:"):
                return number
    heading = _H1.search(text, match.end() if match else 0)
    return text.count("\n", 0, heading.start()) + 1 if heading else None


def relative_link(from_page: str, to_page: str) -> str:
    """Link from one page to another, both given relative to the language folder."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def journey_position(journey: list[str], page: str, where: str | None = None) -> int:
    """1-based position of a step page (`steps/<slug>.md`) in the journey.

    `where` names the macro call for the error (`docs/en/paying.md:12`); default `page`.
    """
    slug = posixpath.splitext(posixpath.basename(page))[0]
    if posixpath.dirname(page) != "steps" or slug not in journey:
        raise GuideError(
            where or page,
            "this page calls a step macro but is not a step in `journey` in data/facts.yml.",
            "add its file name (without .md) to `journey`, or remove the step macro from the page.",
        )
    return journey.index(slug) + 1


def step_page(slug: str) -> str:
    return f"steps/{slug}.md"


def page_in_language(language_folder: Path, target: str, source_language: str = "en") -> Path:
    """The file a reader of this language sees for `target`: the translation, or the English
    page where a partial language has none yet (mkdocs-static-i18n shows that one)."""
    translated = language_folder / target
    return translated if translated.exists() else language_folder.parent / source_language / target
