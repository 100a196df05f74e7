"""A municipality's brand colours: WCAG contrast checks and the CSS custom properties.

Each brand colour is used with fixed partners (guide.css): the primary colour is the header's
background under white text and the focus ring; the accent colour is the link colour on the
page and on grey panels. A colour that does not reach the ratio WCAG 2.2 asks for stops the
build with the measured ratio and the nearest colour of the same hue that passes.
Colour science comes from coloraide (WCAG 2.1 contrast, OKLCh lightness, gamut mapping).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from coloraide import Color

from .errors import GuideError

TEXT = 4.5        # WCAG 1.4.3: normal text
INTERFACE = 3.0   # WCAG 1.4.11: focus rings, borders of controls


@dataclass(frozen=True)
class Pair:
    """The brand colour must reach `ratio` against `partner`, which is used for `what`."""

    partner: str
    ratio: float
    what: str


# The partners come from the tokens in docs/assets/stylesheets/guide.css.
ROLES: dict[tuple[str, str], tuple[Pair, ...]] = {
    ("light", "primary"): (
        Pair("#ffffff", TEXT, "white text on the header and buttons"),
        Pair("#ffd166", INTERFACE, "the yellow focus ring on the header"),
        Pair("#f2f5f9", INTERFACE, "the step numbers' circles on grey panels"),
    ),
    ("light", "accent"): (
        Pair("#ffffff", TEXT, "links on the white page"),
        Pair("#f2f5f9", TEXT, "links on grey panels"),
    ),
    ("dark", "primary"): (
        Pair("#ffffff", TEXT, "white text on the header in dark mode"),
        Pair("#ffb088", INTERFACE, "the orange focus ring on the header in dark mode"),
    ),
    ("dark", "accent"): (
        Pair("#15181c", TEXT, "links on the dark page"),
        Pair("#1f242b", TEXT, "links on dark grey panels"),
    ),
}


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two sRGB colours, 1.0 to 21.0."""
    return Color(first).contrast(Color(second), method="wcag21")


def failures(colour: str, pairs: tuple[Pair, ...]) -> list[tuple[Pair, float]]:
    """The pairs `colour` does not pass, with the measured ratio."""
    measured = [(pair, contrast(colour, pair.partner)) for pair in pairs]
    # Compare at the precision WCAG reports: 4.499 is not 4.5.
    return [(pair, ratio) for pair, ratio in measured if round(ratio, 2) < pair.ratio]


def nearest_passing(colour: str, pairs: tuple[Pair, ...]) -> str | None:
    """The colour of the same hue and chroma (OKLCh), lighter or darker by the least, that passes every pair."""
    base = Color(colour).convert("oklch")
    lightness = base["lightness"]
    for step in range(1, 201):
        for sign in (-1, 1):
            candidate_lightness = lightness + sign * step * 0.005
            if not 0 <= candidate_lightness <= 1:
                continue
            candidate = base.clone().set("lightness", candidate_lightness).convert("srgb").fit("srgb")
            text = candidate.to_string(hex=True)
            if not failures(text, pairs):
                return text
    return None


def colour_problems(colours: dict, where: Callable[[list], str]) -> list[GuideError]:
    """A GuideError for every brand colour that is not readable with what it is used with."""
    problems = []
    for scheme, roles in colours.items():
        for role, colour in roles.items():
            pairs = ROLES[scheme, role]
            failed = failures(colour, pairs)
            if not failed:
                continue
            pair, ratio = min(failed, key=lambda item: item[1] / item[0].ratio)
            nearest = nearest_passing(colour, pairs)
            fix = (f"use {nearest}, the nearest colour of the same hue that passes everywhere it is used"
                   if nearest else "choose a colour with more contrast")
            problems.append(GuideError(
                where([scheme, role]),
                f"`colours.{scheme}.{role}` {colour}: {pair.what} would have a contrast of {ratio:.2f}:1; "
                f"WCAG 2.2 AA needs at least {pair.ratio:g}:1.",
                f"{fix}, or a darker or lighter one of your own.",
            ))
    return problems


def darker(colour: str, amount: float = 0.08) -> str:
    """The same hue a little darker (for the skip link and hover states next to the brand colour)."""
    base = Color(colour).convert("oklch")
    return base.set("lightness", max(0.0, base["lightness"] - amount)).convert("srgb").fit("srgb").to_string(hex=True)


def brand_css(colours: dict) -> str:
    """CSS custom properties that put the brand colours in place of the guide's own.

    Appended to guide.css (no extra request); same selectors as the tokens there, later in the
    file, so they win. An empty string when the settings give no colours.
    """
    blocks = []
    for scheme in ("light", "dark"):
        roles = colours.get(scheme)
        if not roles:
            continue
        tokens = (f"--guide-brand:{roles['primary']};--guide-brand-dark:{darker(roles['primary'])};"
                  f"--guide-link:{roles['accent']}")
        rule = f':root,[data-md-color-scheme="default"]{{{tokens}}}'
        # Each scheme only in its own mode: without dark colours, dark mode keeps the guide's own.
        query = "not all and (prefers-color-scheme: dark)" if scheme == "light" else "(prefers-color-scheme: dark)"
        blocks.append(f"@media {query}{{{rule}}}")
    return "".join(blocks)
