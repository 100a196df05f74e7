"""Macros for the pages (mkdocs-macros-plugin).

define_env only registers: the work is done by the pure functions in facts.py,
formatting.py, i18n.py and pages.py, which tests call without MkDocs.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from .errors import GuideError
from .facts import get_fact, load_facts, pick_value
from .formatting import format_iso_date, format_value
from .i18n import load_catalog, translate
from .languages import text_direction
from .local import accessibility_statement as statement_markdown
from .local import contact_block, municipality_name, provider_line, route_line
from .locate import call_line, calling_macro
from .pages import front_matter, journey_position, page_in_language, page_title, relative_link, step_page
from .reading import glossary_entries, hyphenate_text, hyphenation_words, letter_index
from .settings import with_local_facts
from .sources import rules_of_page, sources_markdown
from .step_nav import journey_steps, page_href, render_component, render_step_nav

ROOT = Path(__file__).resolve().parent.parent
FACTS_PATH = ROOT / "data" / "facts.yml"
ACCESSIBILITY_RECORD = ROOT / "data" / "accessibility.yml"
TRANSLATIONS = ROOT / "translations"
GLOSSARY_PAGE = "glossary.md"


def _page_location(env) -> tuple[str, str]:
    """(language, page path inside the language folder) of the page being rendered."""
    # A partial language shows English pages: their files live in the English folder.
    language = getattr(env.page.file, "locale", None) or env.conf["theme"]["language"]
    src = env.page.file.src_uri
    prefix = f"{language}/"
    return language, src[len(prefix):] if src.startswith(prefix) else src


# How often each (macro, key) was called so far on the page being rendered; see _where.
_PAGE_CALLS: dict = {"page": None, "counts": {}}


def _where(env, macro: str, key: str | None = None) -> str:
    """`docs/en/page.md:12`: the page's file and the line of this call of `macro("key"…)`.

    The Nth call of fact("x") while a page renders names the line of the Nth `fact("x"`
    written on it (macros/locate.py), not the first line that merely contains "x". The
    count restarts with each page: keyed on the page object, its file and the language,
    since mkdocs-static-i18n builds the site once per language. A helper that pages do
    not call themselves (ui) names the line of the page macro that called it.
    Reads the file itself: env.markdown lacks the front matter, so its lines are off.
    """
    # A municipality's copy reads linked files in a staged folder: name the file itself.
    path = Path(env.page.file.abs_src_path).resolve()
    page = (id(env.page), str(path), env.conf["theme"]["language"])
    if _PAGE_CALLS["page"] != page:
        _PAGE_CALLS.update(page=page, counts={})
    counts = _PAGE_CALLS["counts"]
    counts[macro, key] = occurrence = counts.get((macro, key), 0) + 1
    text = path.read_text(encoding="utf-8")
    line = call_line(text, macro, key, occurrence)
    if line is None:
        caller = calling_macro(set(env.macros) - {macro})
        line = call_line(text, caller, None) if caller else None
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return f"{shown}:{line}" if line else str(shown)


# Values written left to right in every language: phone numbers, e-mail and web addresses.
LEFT_TO_RIGHT_UNITS = ("phone", "email", "url")


@cache
def _catalog(language: str):
    return load_catalog(TRANSLATIONS / f"{language}.po")


# Facts each page uses, by (language, page): the "Sources" list at the page's end is built from them.
_USED_FACTS: dict[tuple[str, str], set[str]] = {}


def _use(env, key: str) -> None:
    _USED_FACTS.setdefault(_page_location(env), set()).add(key)


def on_post_page_macros(env):
    """End every page that shows facts with when they were checked and a short Sources list."""
    facts = env.variables["guide_facts"]
    language, _ = _page_location(env)
    where = str(env.page.file.src_uri)
    keys = _USED_FACTS.pop(_page_location(env), set()) | set(rules_of_page(env.page.meta, facts, where))
    catalog = _catalog(language)

    def ui(key: str, **params) -> str:
        return translate(catalog, key, where=f"translations/{language}.po", **params)

    env.markdown += sources_markdown(keys, facts, ui, lambda iso: format_iso_date(iso, language))


def define_env(env):  # noqa: C901 - the registrations belong together
    try:
        settings = env.conf["extra"].get("guide") or {"municipality": None}
        facts = with_local_facts(load_facts(FACTS_PATH), settings)
    except GuideError as error:
        from mkdocs.exceptions import PluginError

        raise PluginError(str(error)) from None

    docs = Path(env.conf["docs_dir"])
    env.variables["guide_facts"] = facts

    # The i18n plugin sets the language after define_env runs, so read it per call. A page
    # shown in English in a partial language keeps English facts: its text is English.
    def page_language() -> str:
        page_file = getattr(env.page, "file", None) if env.page else None
        return getattr(page_file, "locale", None) or env.conf["theme"]["language"]

    def catalog():
        return _catalog(page_language())

    def lookup(key: str) -> str | None:
        entry = catalog().get(key)
        return entry.text if entry else None

    def ui(key: str, **params) -> str:
        return translate(catalog(), key, where=_where(env, "ui", key), **params)

    @env.macro
    def fact(key: str, variant: int | None = None) -> str:
        """A fact's value in the page's language: {{ fact("integration_period") }} -> "3 years"."""
        where = _where(env, "fact", key)
        record = get_fact(facts, key, where)
        if record["unit"] == "rule":
            raise GuideError(
                where,
                f"`{key}` is a rule: a sentence for editors, not a value to show.",
                "explain the rule in the page's own words; use fact() only for values.",
            )
        # A municipality's own value replaces the national one and its variants.
        value = record["value"] if record.get("local") else pick_value(record, key, variant, where)
        _use(env, key)
        text = format_value(value, record["unit"], page_language(), lookup, noun=record.get("noun"))
        # "050 599 96 00" inside Arabic text would show its groups in reverse order.
        if record["unit"] in LEFT_TO_RIGHT_UNITS and text_direction(page_language()) == "rtl":
            text = f'<span dir="ltr">{text}</span>'
        if record.get("local"):  # marked in words, not by colour alone
            mark = ui("local.value_mark", municipality=municipality_name(settings))
            text = f'<span class="guide-local-value">{text} <small>{mark}</small></span>'
        return text

    @env.macro
    def link(key: str, text: str | None = None) -> str:
        """A Markdown link to a web address from the facts file.

        The link text is `text`, else the page language's `link.<key>` message (a page
        title, translated), else the fact's `label` (a name such as "inburgeren.nl").
        """
        where = _where(env, "link", key)
        record = get_fact(facts, key, where)
        if record["unit"] != "url":
            raise GuideError(where, f"`{key}` is not a web address (unit {record['unit']}).", "use fact() instead.")
        _use(env, key)
        return f"[{text or lookup(f'link.{key}') or record['label']}]({record['value']})"

    term_ids: dict = {"page": None, "count": 0}

    @env.macro
    def term(key: str, short: bool = False) -> str:
        """A Dutch term that opens its short explanation in place: a button with a popover
        (no JavaScript needed), the explanation from `term.explain.<key>` in the page
        language's catalogue and a link to the glossary entry. The term is marked as Dutch."""
        entry = facts["terms"].get(key)
        if entry is None:
            raise GuideError(
                _where(env, "term", key),
                f"the term `{key}` is not under `terms` in data/facts.yml.",
                f"use one of the keys there ({', '.join(sorted(facts['terms']))}) or add the term.",
            )
        _, page = _page_location(env)
        if term_ids["page"] != (id(env.page), page_language()):
            term_ids.update(page=(id(env.page), page_language()), count=0)
        term_ids["count"] += 1
        lang = "" if page_language() == "nl" else ' lang="nl"'
        link_text = [*ui("term.glossary_link", term="\x00").split("\x00", 1), ""]
        return render_component(
            "term.html",
            id=f"term-{key}-{term_ids['count']}",
            short=entry["term"],
            expansion=None if short else entry.get("expansion"),
            lang=lang,
            explain=ui(f"term.explain.{key}"),
            glossary_href=f"{page_href(page, GLOSSARY_PAGE)}#{key}",
            link_before=link_text[0],
            link_after=link_text[1],
            close=ui("term.close"),
        ).replace("\n", "")

    @env.macro
    def glossary_letters() -> str:
        """The A-Z jump list of the glossary: each letter with entries links to its first entry."""
        letters = letter_index(glossary_entries(env.markdown))
        return render_component("glossary-letters.html", letters=letters, label=ui("glossary.letters_label"))

    @env.macro
    def step_progress() -> str:
        """The journey at the top of a step page, closed to one line: "Step 3 of 9: Your plan
        — show all steps" (component overrides/components/step-nav.html)."""
        language_dir, page = _page_location(env)
        number = journey_position(facts["journey"], page, _where(env, "step_progress"))
        steps = [  # long Dutch titles break at the points in data/facts.yml, not mid-word
            replace(step, title=hyphenate_text(step.title, hyphenation_words(facts), mark="\u00ad"))
            for step in journey_steps(facts["journey"], docs / language_dir, page)
        ]
        where = ui("step.progress", number=number, total=len(steps))
        return render_step_nav(
            steps, where=f"{where}: {steps[number - 1].title}", show=ui("step.show_all"),
            label=ui("step.nav_label"), here=ui("step.you_are_here"),
        )

    @env.macro
    def step_pager() -> str:
        """The one way on at the end of a step page: the next step, and all steps.
        (The previous steps are in the step navigation at the top.)"""
        language_dir, page = _page_location(env)
        journey = facts["journey"]
        number = journey_position(journey, page, _where(env, "step_pager"))
        lines = [f'<nav class="step-pager" aria-label="{ui("step.pager_label")}" markdown>', ""]
        if number < len(journey):
            following = step_page(journey[number])
            title = page_title(page_in_language(docs / language_dir, following))
            lines.append(f"- [{ui('step.next', title=title)}]({relative_link(page, following)}){{ .step-pager__next }}")
        lines.append(f"- [{ui('step.overview')}]({relative_link(page, 'steps/index.md')})")
        lines += ["", "</nav>"]
        return "\n".join(lines)

    @env.macro
    def step_overview() -> str:
        """The numbered list of every step with its title and summary, fully expanded."""
        language_dir, page = _page_location(env)
        items = []
        for slug in facts["journey"]:
            target = step_page(slug)
            path = page_in_language(docs / language_dir, target)
            title = page_title(path)
            summary = front_matter(path.read_text(encoding="utf-8")).get("description", "")
            items.append(f"1. **[{title}]({relative_link(page, target)})**  \n    {summary}")
        return '<div class="step-by-step" markdown>\n\n' + "\n".join(items) + "\n\n</div>"

    @env.macro
    def check_start() -> str:
        """The check's first question with its answers as links, so the home page starts the check in one tap."""
        from .check import asks, load_check
        from .check_pages import start_answers

        check = load_check()
        question = check.questions[check.start]
        _, page = _page_location(env)
        texts = catalog()
        answers = start_answers(check, texts)
        label = translate(texts, f"check.q.{asks(question)}", where=_where(env, "check_start", ""))
        lines = [f'<nav class="check-answers check-answers--start" aria-label="{label}" markdown>', "",
                 f"**{label}**", ""]
        lines += [f"- [{text}]({relative_link(page, target)})" for text, target in answers]
        return "\n".join([*lines, "", "</nav>"])

    @env.macro
    def local_contact() -> str:
        """The municipality's contact details from its settings; the national edition names none."""
        return contact_block(settings, ui, page_language(), text_direction(page_language()) == "rtl")

    @env.macro
    def municipality() -> str:
        """The municipality's name in a branded copy, or 'your municipality' in the national guide."""
        return municipality_name(settings) or ui("local.your_municipality")

    @env.macro
    def local_provider(role: str) -> str:
        """Where a page speaks of an organisation (the language school, the PVT or MAP organiser,
        help for refugees): the municipality's own, with a link; nothing in the national edition."""
        return provider_line(settings, role, ui)

    @env.macro
    def local_route(route: str) -> str:
        """On a local route's page: that the municipality offers it; nothing where it does not."""
        return route_line(settings, route, ui)

    @env.macro
    def accessibility_statement() -> str:
        """The accessibility statement: from the settings and data/accessibility.yml (measured)."""
        import yaml

        _, page = _page_location(env)
        record = yaml.safe_load(ACCESSIBILITY_RECORD.read_text(encoding="utf-8"))
        about = page_in_language(docs / page_language(), "about.md")
        return statement_markdown(
            settings, record, ui, site_name=ui("site.name"), language=page_language(),
            rtl=text_direction(page_language()) == "rtl",
            about_link=f"[{page_title(about)}]({relative_link(page, 'about.md')})",
            date_text=format_iso_date(str(record["tested_on"]), page_language()),
        )
