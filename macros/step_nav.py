"""The step navigation on every step page: the journey, with the current step marked.

The HTML comes from the component template overrides/components/step-nav.html; this
module only gathers its data and renders it. Pure: tests call it without MkDocs.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .pages import page_in_language, page_title, step_page

COMPONENTS = Path(__file__).resolve().parent.parent / "overrides" / "components"
_TEMPLATES = Environment(
    loader=FileSystemLoader(COMPONENTS), autoescape=True, undefined=StrictUndefined,
    trim_blocks=True, lstrip_blocks=True,
)


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    href: str
    current: bool


def page_url(page: str) -> str:
    """The URL (directory URLs) of a page given by its path in the language folder:
    "steps/plan.md" -> "steps/plan/", "steps/index.md" -> "steps/", "index.md" -> ""."""
    stem = posixpath.splitext(page)[0]
    if posixpath.basename(stem) == "index":
        stem = posixpath.dirname(stem)
    return f"{stem}/" if stem else ""


def page_href(from_page: str, to_page: str) -> str:
    """A relative URL from one built page to another, for raw HTML (MkDocs rewrites only
    Markdown links): "steps/plan.md" to "glossary.md" -> "../../glossary/"."""
    relative = posixpath.relpath(page_url(to_page) or ".", page_url(from_page) or ".")
    return "./" if relative == "." else f"{relative}/"


def journey_steps(journey: list[str], language_folder: Path, page: str) -> list[Step]:
    steps = []
    for number, slug in enumerate(journey, start=1):
        target = step_page(slug)
        title = page_title(page_in_language(language_folder, target))
        steps.append(Step(number, title, page_href(page, target), target == page))
    return steps


def render_component(name: str, **variables) -> str:
    """A component template rendered to HTML without blank lines (a blank line would end
    the raw HTML block in Markdown)."""
    html = _TEMPLATES.get_template(name).render(**variables)
    return "\n".join(line for line in html.splitlines() if line.strip())


def render_step_nav(steps: list[Step], where: str, show: str, label: str, here: str) -> str:
    return render_component("step-nav.html", steps=steps, where=where, show=show, label=label, here=here)
