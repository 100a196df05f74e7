"""Checks over the whole docs tree. Pure functions of paths and config values."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import GuideError
from .pages import front_matter, page_title, title_line

SHARED_TITLES = "check"


def built_languages(config) -> list[str]:
    """Locales the i18n plugin builds, the default language first."""
    plugin = config["plugins"]["i18n"]
    languages = [lang for lang in plugin.config["languages"] if lang.build]
    languages.sort(key=lambda lang: not lang.default)
    return [lang.locale for lang in languages]


def partial_languages(config) -> set[str]:
    """Languages marked `extra: {partial: true}` in mkdocs.yml: a missing page shows English."""
    plugin = config["plugins"]["i18n"]
    return {lang.locale for lang in plugin.config["languages"] if (lang.extra or {}).get("partial")}


def pages_of(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.md")}


def missing_pages(docs: Path, languages: list[str], default: str, partial: set[str] = frozenset()) -> None:
    """Every language folder must hold the same pages as the default language's folder.

    A partial language may lack pages (readers get the English page with a notice)."""
    source = pages_of(docs / default)
    for language in languages:
        if language == default:
            continue
        folder = docs / language
        have = pages_of(folder) if folder.is_dir() else set()
        missing = sorted(source - have)
        if missing and language not in partial:
            raise GuideError(
                f"{docs / language}",
                f"the language '{language}' has no translation of {', '.join(missing)}.",
                f"translate {docs / default / missing[0]} into {docs / language / missing[0]}"
                + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else "")
                + ", or mark the language partial in mkdocs.yml (`extra: {partial: true}` in its entry):"
                " then readers get the English page with a notice.",
            )
        extra = sorted(have - source)
        if extra:
            raise GuideError(
                f"{docs / language / extra[0]}",
                f"this page has no English original in {docs / default}.",
                f"add {docs / default / extra[0]} first (English is the source), or remove this page.",
            )


def check_page_metadata(docs: Path, languages: list[str]) -> None:
    """Every page has valid front matter with a description, and titles are unique per language.

    MkDocs silently shows broken front matter as page text, so we check it ourselves.
    A duplicate title makes two pages indistinguishable in menus, tabs and history.
    """
    for language in languages:
        titles: dict[str, Path] = {}
        for path in sorted((docs / language).rglob("*.md")):
            text = path.read_text(encoding="utf-8")
            meta = _front_matter_or_error(text, path)
            if not str(meta.get("description") or "").strip():
                raise GuideError(
                    f"{path}:1",
                    "the page has no `description:` in its front matter.",
                    "start the page with ---, a line `description: one sentence about the page`, and ---.",
                )
            title = page_title(path)
            # The check's pages (generated, one per path of answers) ask the same question on
            # different paths, as smart answers do; their addresses tell them apart.
            if (docs / language / SHARED_TITLES) in path.parents:
                continue
            if title in titles:
                line = title_line(text)
                raise GuideError(
                    f"{path}:{line}" if line else str(path),
                    f"the title '{title}' is also the title of {titles[title]}.",
                    "give each page its own title, so readers can tell them apart.",
                )
            titles[title] = path


def _front_matter_or_error(text: str, path: Path) -> dict:
    if not text.startswith("---"):
        raise GuideError(f"{path}:1", "the page has no front matter.", "start the page with ---, description: …, ---.")
    try:
        meta = front_matter(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        # +1: the opening --- line comes before the YAML that was parsed.
        line = f":{mark.line + 2}" if mark else ""
        raise GuideError(
            f"{path}{line}",
            f"the front matter is not valid YAML ({getattr(error, 'problem', error)}).",
            'put the value in double quotes, for example  description: "For young people: you learn …"',
        ) from None
    if not isinstance(meta, dict):
        raise GuideError(f"{path}:2", "the front matter is not a list of `key: value` lines.", "write description: …")
    return meta
