"""The publishing municipality's details (from its settings file), as Markdown and HTML.

The national edition has `municipality: null`: pages then send readers to their own
municipality, and nothing here names one. Pure functions, tested without MkDocs.
"""

from __future__ import annotations

import datetime
import html
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from babel.dates import format_time, get_day_names

from .formatting import babel_locale

Translate = Callable[..., str]

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PROVIDER_ROLES = ("language_school", "pvt", "map", "refugee_support")
LOCAL_FOLDER = "local"


def municipality_name(settings: dict) -> str | None:
    return (settings.get("municipality") or {}).get("name")


def dial_link(number: str) -> str:
    """`tel:` address of a Dutch number as written: 0255 567200 -> tel:+31255567200."""
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    if digits.startswith("00"):
        return f"tel:+{digits[2:]}"
    if digits.startswith("0"):
        return f"tel:+31{digits[1:]}"
    return f"tel:{digits}"


def day_range(days: list[str], language: str) -> str:
    """'Monday to Friday' style: consecutive days joined with an en dash, others with commas."""
    names = get_day_names("wide", locale=babel_locale(language))
    indexes = sorted(DAYS.index(day) for day in days)
    runs: list[list[int]] = []
    for index in indexes:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    parts = [names[run[0]] if len(run) == 1 else f"{names[run[0]]}\u2013{names[run[-1]]}" for run in runs]
    return ", ".join(parts)


def clock(value: str, language: str) -> str:
    """A time on the 24-hour clock in every language, as on the municipality's letters and doors."""
    hours, minutes = map(int, value.split(":"))
    return format_time(datetime.time(hours, minutes), format="HH:mm", locale=babel_locale(language))


def opening_hours(hours: list[dict], language: str) -> list[str]:
    """One line per entry: 'Monday-Friday: 09:00-12:00' (with en dashes), days in the reader's language."""
    return [f"{day_range(entry['days'], language)}: {clock(entry['opens'], language)}\u2013"
            f"{clock(entry['closes'], language)}" for entry in hours]


def _ltr(text: str, rtl: bool) -> str:
    """Phone numbers and addresses keep their order inside right-to-left text."""
    return f'<span dir="ltr">{text}</span>' if rtl else text


def contact_html(settings: dict, language: str, ui: Translate, *, rtl: bool, full: bool) -> str:
    """The municipality's contact block: HTML, used in the footer of every page (`full=False`:
    name, phone, e-mail, form) and on the contact page (`full=True`: also addresses, opening
    hours, what to bring and the local organisations). Empty in the national edition."""
    name = municipality_name(settings)
    if not name:
        return ""
    contact = settings.get("contact") or {}
    esc = html.escape
    items = [f'<li>{esc(ui("contact.phone"))}: <a href="{dial_link(contact["phone"])}">'
             f'{_ltr(esc(contact["phone"]), rtl)}</a></li>',
             f'<li>{esc(ui("contact.email"))}: <a href="mailto:{esc(contact["email"])}">'
             f'{_ltr(esc(contact["email"]), rtl)}</a></li>']
    if contact.get("contact_form"):
        items.append(f'<li><a href="{esc(contact["contact_form"])}">{esc(ui("contact.form"))}</a></li>')
    if contact.get("website"):
        items.append(f'<li>{esc(ui("contact.website"))}: <a href="{esc(contact["website"])}">'
                     f'{_ltr(esc(_bare(contact["website"])), rtl)}</a></li>')
    parts = [f'<ul class="guide-contact__list">{"".join(items)}</ul>']
    if full:
        for key in ("visiting_address", "postal_address"):
            if contact.get(key):
                lines = "<br>".join(esc(line) for line in contact[key])
                parts.append(f'<p><strong>{esc(ui(f"contact.{key}"))}</strong><br>'
                             f'<span lang="nl" dir="ltr">{lines}</span></p>')
        if contact.get("opening_hours"):
            hours = "".join(f"<li>{esc(line)}</li>" for line in opening_hours(contact["opening_hours"], language))
            parts.append(f'<p><strong>{esc(ui("contact.opening_hours"))}</strong></p><ul>{hours}</ul>')
        if contact.get("bring"):
            bring = "".join(f'<li>{esc(ui(f"contact.bring.{item}"))}</li>' for item in contact["bring"])
            parts.append(f'<p><strong>{esc(ui("contact.bring"))}</strong></p><ul>{bring}</ul>')
        providers = settings.get("providers") or {}
        rows = [f'<li>{esc(ui(f"provider.{role}"))}: <a href="{esc(providers[role]["url"])}">'
                f'{esc(providers[role]["name"])}</a></li>' for role in PROVIDER_ROLES if role in providers]
        if rows:
            parts.append(f'<p><strong>{esc(ui("contact.providers", municipality=name))}</strong></p>'
                         f'<ul>{"".join(rows)}</ul>')
    return "".join(parts)


def _bare(url: str) -> str:
    """A web address as people write it: without https:// and the trailing slash."""
    return url.split("://", 1)[-1].rstrip("/")


def contact_block(settings: dict, ui: Translate, language: str, rtl: bool) -> str:
    """The contact page's block about the municipality; the national edition says why it names none."""
    if not municipality_name(settings):
        return f"- {ui('contact.national_edition')}"
    heading = html.escape(ui("contact.team", municipality=municipality_name(settings)))
    return (f'<div class="guide-contact"><p><strong>{heading}</strong></p>'
            f'{contact_html(settings, language, ui, rtl=rtl, full=True)}</div>')


def provider_line(settings: dict, role: str, ui: Translate) -> str:
    """'In Lindewaard: <a>Taalhuis Lindewaard</a> gives …' where a page speaks of that
    organisation, or nothing when the settings name none (the national edition).

    A <span> (shown as a block), not a <p>: Markdown wraps the macro's line in a paragraph
    where it is indented (in a note box), and a <p> inside a <p> is invalid HTML."""
    name = municipality_name(settings)
    provider = (settings.get("providers") or {}).get(role)
    if not name or not provider:
        return ""
    link = f'<a href="{html.escape(provider["url"])}">{html.escape(provider["name"])}</a>'
    text = ui(f"local.provider.{role}", municipality=html.escape(name), provider=link)
    return f'<span class="guide-local">{text}</span>'


def route_line(settings: dict, route: str, ui: Translate) -> str:
    """'Lindewaard has this route.' for a local route the municipality offers, else nothing
    (a <span>, as provider_line says why)."""
    name = municipality_name(settings)
    if not name or route not in (settings.get("local_routes") or []):
        return ""
    return f'<span class="guide-local">{ui(f"local.route.{route}", municipality=html.escape(name))}</span>'


# --- Local pages ------------------------------------------------------------------------

def local_pages(folder: Path | None) -> dict[str, dict[str, Path]]:
    """{page file name: {language: file}} for the municipality's own pages (pages/<language>/*.md)."""
    pages: dict[str, dict[str, Path]] = {}
    if not folder or not folder.is_dir():
        return pages
    for language_folder in sorted(p for p in folder.iterdir() if p.is_dir()):
        for page in sorted(language_folder.glob("*.md")):
            pages.setdefault(page.name, {})[language_folder.name] = page
    return pages


def shown_language(available: dict[str, Path], reader: str, preference: list[str]) -> str:
    """The language a reader gets a local page in: their own, else the first in `preference` that has it."""
    if reader in available:
        return reader
    return next(language for language in [*preference, *sorted(available)] if language in available)


def _mirror(source: Path, target: Path) -> None:
    """`source`'s folders recreated under `target`, its files as symbolic links: pathlib's
    rglob (used by the build checks) does not descend into linked folders."""
    for folder, _, names in os.walk(source):
        here = target / Path(folder).relative_to(source)
        here.mkdir(parents=True, exist_ok=True)
        for name in names:
            os.symlink((Path(folder) / name).resolve(), here / name)


def stage_docs(docs: Path, stage: Path, languages: list[str], settings: dict) -> list[str]:
    """A docs folder for a municipality's copy: the national pages (linked, not copied), its logo
    and favicon under assets/municipality/, and its own pages under <language>/local/ in every
    built language (a language without the page gets it in another one, marked `shown_in`).

    Returns the local pages' paths inside a language folder, for the menu."""
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    for entry in docs.iterdir():
        if entry.name in languages or entry.name == "assets":
            _mirror(entry, stage / entry.name)
        elif entry.is_file():
            os.symlink(entry.resolve(), stage / entry.name)
        # Folders of languages the municipality does not build are left out.
    folder = Path(settings["folder"])
    brand = stage / "assets" / "municipality"
    brand.mkdir()
    for name in filter(None, [(settings.get("logo") or {}).get("file"), settings.get("favicon")]):
        shutil.copyfile(folder / name, brand / Path(name).name)
    pages = local_pages(folder / settings["pages"]) if settings.get("pages") else {}
    preference = ["en", "nl", *(settings.get("languages") or [])]
    for name, available in pages.items():
        for language in languages:
            target = stage / language / LOCAL_FOLDER / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shown = shown_language(available, language, preference)
            if shown == language:
                os.symlink(available[shown].resolve(), target)
            else:
                target.write_text(with_shown_in(available[shown].read_text(encoding="utf-8"), shown),
                                  encoding="utf-8")
    return [f"{LOCAL_FOLDER}/{name}" for name in pages]


def with_shown_in(text: str, language: str) -> str:
    """The page's text with `shown_in: <language>` added to its front matter."""
    if text.startswith("---\n"):
        return f"---\nshown_in: {language}\n{text[4:]}"
    return f"---\nshown_in: {language}\n---\n{text}"



def accessibility_statement(settings: dict, record: dict, ui: Translate, *, site_name: str, language: str,
                            rtl: bool, about_link: str, date_text: str) -> str:
    """The accessibility statement (toegankelijkheidsverklaring) of this copy, as Markdown: who
    publishes it, the standard, the measured results from data/accessibility.yml, the limits,
    and where to report a problem (the municipality's contact, or the about page)."""
    name = (settings.get("municipality") or {}).get("name_nl") or site_name
    lines = [ui("a11y.intro", publisher=name), "", ui("a11y.standard"), "",
             f"## {ui('a11y.results_heading')} {{#results}}", "",
             f"- {ui('a11y.tested_on')}: {date_text}",
             f"- {ui('a11y.pages')}: {record['pages']}",
             f"- {ui('a11y.languages')}: {record['languages']}",
             f"- {ui('a11y.problems')}: {record['problems']}", "",
             ui("a11y.how"), "", ui("a11y.limits"), "",
             f"## {ui('a11y.feedback_heading')} {{#feedback}}", ""]
    if municipality_name(settings):
        lines += [ui("a11y.feedback", publisher=name), "",
                  f'<div class="guide-contact">'
                  f'{contact_html(settings, language, ui, rtl=rtl, full=False)}</div>']
    else:
        lines.append(ui("a11y.feedback_national", about=about_link))
    return "\n".join(lines)
