"""The "Sources" list at the end of a page, built from the facts the page uses. Pure functions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import GuideError
from .pages import front_matter

Translate = Callable[..., str]


def used_sources(keys: Iterable[str], facts: dict) -> list[tuple[str, dict, str]]:
    """(source key, source record, newest `checked` date) for each source behind `keys`.

    Sorted by publisher and title, so the list reads the same in every language.
    """
    newest: dict[str, str] = {}
    for key in keys:
        fact = facts["facts"][key]
        source = fact["source"]
        newest[source] = max(newest.get(source, ""), fact["checked"])
    records = [(key, facts["sources"][key], checked) for key, checked in newest.items()]
    return sorted(records, key=lambda item: (item[1]["publisher"].lower(), item[1]["title"].lower()))


def oldest_check(keys: Iterable[str], facts: dict) -> str | None:
    """The oldest `checked` date of the facts behind `keys`: every fact was checked since then."""
    dates = [facts["facts"][key]["checked"] for key in keys]
    return min(dates) if dates else None


def rules_of_page(meta: dict, facts: dict, where: str) -> list[str]:
    """The rule facts a page names in its front matter (`rules: [key, ...]`), checked."""
    keys = meta.get("rules") or []
    if not isinstance(keys, list):
        raise GuideError(where, "`rules:` in the front matter must be a list of fact keys.", "write rules: [key, key].")
    for key in keys:
        fact = facts["facts"].get(key)
        if fact is None or fact["unit"] != "rule":
            raise GuideError(
                where,
                f"`rules:` in the front matter names `{key}`, which is not a rule fact in data/facts.yml.",
                "name a fact whose unit is rule, or remove the key from `rules:`.",
            )
    return keys


def source_language(source: dict) -> str:
    """The language a source is written in: its `language`, else English for an address with
    an /en/ path (inburgeren.nl/en/…, ind.nl/en/…, government.nl), else Dutch."""
    if source.get("language"):
        return source["language"]
    url = source.get("url", "")
    return "en" if "/en/" in url or "government.nl" in url else "nl"


def sources_markdown(keys: Iterable[str], facts: dict, ui: Translate, format_date: Callable[[str], str]) -> str:
    """Markdown for the end of a page: when its facts were checked, and where they come from."""
    keys = sorted(set(keys))
    if not keys:
        return ""
    lines = ["", f"## {ui('sources.heading')} {{#sources .guide-sources}}", ""]
    lines.append(ui("sources.checked", date=format_date(oldest_check(keys, facts))))
    lines.append("")
    for _, source, checked in used_sources(keys, facts):
        # A source's title is in the source's own language: mark it, for screen readers and
        # so that an English title is not taken for untranslated text.
        language = source_language(source)
        if source.get("url"):
            title = f"[{source['title']}]({source['url']}){{lang={language}}}"
        else:
            title = f"*{source['title']}*{{lang={language}}}"
        lines.append(f"- {source['publisher']}: {title} ({ui('sources.checked_on', date=format_date(checked))})")
    return "\n".join(lines) + "\n"


def check_rules_match(docs: Path, languages: list[str]) -> None:
    """Each translation names the same `rules:` as its English page, so every language lists the same sources."""
    source_language = languages[0]
    for english in sorted((docs / source_language).rglob("*.md")):
        relative = english.relative_to(docs / source_language)
        wanted = sorted(front_matter(english.read_text(encoding="utf-8")).get("rules") or [])
        for language in languages[1:]:
            translation = docs / language / relative
            if not translation.exists():
                continue
            have = sorted(front_matter(translation.read_text(encoding="utf-8")).get("rules") or [])
            if have != wanted:
                raise GuideError(
                    f"{translation}:1",
                    f"`rules:` in the front matter is {have or '[]'}, but the English page has {wanted or '[]'}.",
                    f"copy the `rules:` line from {english} (rules are keys, never translated).",
                )
