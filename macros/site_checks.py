"""Checks over the whole docs tree. Pure functions of paths and config values."""

from __future__ import annotations

from pathlib import Path

from .errors import GuideError


def built_languages(config) -> list[str]:
    """Locales the i18n plugin builds, the default language first."""
    plugin = config["plugins"]["i18n"]
    languages = [lang for lang in plugin.config["languages"] if lang.build]
    languages.sort(key=lambda lang: not lang.default)
    return [lang.locale for lang in languages]


def pages_of(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.md")}


def missing_pages(docs: Path, languages: list[str], default: str) -> None:
    """Every language folder must hold the same pages as the default language's folder."""
    source = pages_of(docs / default)
    for language in languages:
        if language == default:
            continue
        folder = docs / language
        have = pages_of(folder) if folder.is_dir() else set()
        missing = sorted(source - have)
        if missing:
            raise GuideError(
                f"{docs / language}",
                f"the language '{language}' has no translation of {', '.join(missing)}.",
                f"translate {docs / default / missing[0]} into {docs / language / missing[0]}"
                + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else "")
                + ", or stop building this language in mkdocs.yml.",
            )
        extra = sorted(have - source)
        if extra:
            raise GuideError(
                f"{docs / language / extra[0]}",
                f"this page has no English original in {docs / default}.",
                f"add {docs / default / extra[0]} first (English is the source), or remove this page.",
            )
