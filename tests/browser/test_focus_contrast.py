"""Every focus ring has at least 3:1 contrast against the colours next to it (WCAG 2.2 SC 1.4.11
and 2.4.13), light and dark, phone and desktop, on one page of each kind in one language per
script and direction (conftest.LAYOUT_LANGUAGES: the rings and colours are the same in every
language; what changes with the script is the height of a line, so where a ring falls).

For each element Tab reaches, the browser reports the computed outline colour and what is
painted around the ring: just outside it (at several points, through document.elementsFromPoint,
so a fixed skip link over the header is measured against the header, not its parent), and the
element's own background when it has one. Python composites semi-transparent layers and
computes the WCAG contrast (contrast.py).
"""

from __future__ import annotations

import pytest

from .conftest import DEFAULT_LANGUAGE, DESKTOP, LAYOUT_LANGUAGES, PHONE, BuiltPage, new_page
from .contrast import composite, contrast_ratio, flatten, parse_css_color
from .keyboard import settle, tab

MINIMUM = 3.0
KINDS = {"home": "", "step": "steps/intake/", "glossary": "glossary/"}
PAGES = [
    BuiltPage(("/" if language == DEFAULT_LANGUAGE else f"/{language}/") + path, language)
    for language in LAYOUT_LANGUAGES
    for path in KINDS.values()
] + [BuiltPage("/404.html", DEFAULT_LANGUAGE)]  # one "not found" page serves every address
VIEWS = {
    "phone-light": (PHONE, "light"),
    "phone-dark": (PHONE, "dark"),
    "desktop-light": (DESKTOP, "light"),
    "desktop-dark": (DESKTOP, "dark"),
}

# The ring of the focused element and the background layers around it (topmost first).
RING_SURROUNDINGS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const width = parseFloat(style.outlineWidth) || 0;
  const offset = parseFloat(style.outlineOffset) || 0;
  const box = el.getBoundingClientRect();
  // First pixel beyond the ring's outer edge, from the border box (negative: inside the element).
  const away = offset + width + 1;
  const points = [
    [box.left - away, box.top + box.height / 2], [box.right + away, box.top + box.height / 2],
    [box.left + box.width / 2, box.top - away], [box.left + box.width / 2, box.bottom + away],
  ].filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
  const canvas = getComputedStyle(document.body).backgroundColor;
  const behind = points.map(([x, y]) => document.elementsFromPoint(x, y)
    .filter(node => node !== el && !el.contains(node))
    .map(node => getComputedStyle(node).backgroundColor)
    .concat([canvas, 'rgb(255, 255, 255)']));
  return {
    html: el.outerHTML.slice(0, 120).replace(/\\s+/g, ' '),
    outlineStyle: style.outlineStyle, outlineWidth: width,
    ring: style.outlineColor, own: style.backgroundColor, behind,
  };
}"""


def ring_problems(report: dict) -> list[str]:
    """What is wrong with one focused element's ring (empty when it has 3:1 everywhere)."""
    where = report["html"]
    if report["outlineStyle"] in ("none", "hidden") or report["outlineWidth"] < 2:
        return [f"no focus ring ({report['outlineStyle']} {report['outlineWidth']}px) on {where}"]
    if not report["behind"]:
        return [f"no point around the ring is on screen for {where}"]
    problems = []
    own = parse_css_color(report["own"])
    ring = parse_css_color(report["ring"])
    for layers in report["behind"]:
        behind = (*flatten(parse_css_color(layer) for layer in layers), 1.0)
        neighbours = [behind] + ([composite(own, behind)] if own[3] > 0 else [])
        seen_ring = composite(ring, behind)[:3]
        for neighbour in neighbours:
            ratio = contrast_ratio(seen_ring, neighbour[:3])
            if ratio < MINIMUM:
                problems.append(f"ring {report['ring']} next to rgb{tuple(round(c) for c in neighbour[:3])}: "
                                f"{ratio:.2f}:1 on {where}")
    return sorted(set(problems))


@pytest.fixture(scope="module", params=list(VIEWS))
def view(request, browser):
    viewport, scheme = VIEWS[request.param]
    page = new_page(browser, viewport=viewport, color_scheme=scheme, reduced_motion="reduce")
    yield page
    page.context.close()


@pytest.mark.parametrize("built_page", PAGES, ids=str)
def test_focus_rings_contrast_with_their_surroundings(view, base_url, built_page):
    response = view.goto(base_url + built_page.path)
    assert response.ok, f"{built_page} answered {response.status}"
    settle(view)
    problems, stops = [], 0
    for _ in range(400):
        report = tab(view, RING_SURROUNDINGS)
        if report is None:
            break
        stops += 1
        problems += ring_problems(report)
    assert stops > 5, f"{built_page}: Tab reached only {stops} elements"
    assert not problems, f"{built_page}: {len(problems)} focus rings below {MINIMUM}:1:\n" + "\n".join(problems[:15])
