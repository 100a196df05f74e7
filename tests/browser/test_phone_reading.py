"""Reading on a cheap phone: 320 and 360 px wide, light and dark, JavaScript on and off.

- the journey on a step page is one closed line that opens by keyboard, the current step marked;
- a step page ends with one way on (the step pager), not three stacks of links;
- table cells show their column header and never break a word in two; nothing overflows;
- callout boxes use the body text's size;
- a Dutch term opens its explanation in place, by keyboard, with the glossary one tap away;
- the glossary's A-Z letters land on entries;
- paying, the time limit, the IND requirement and contact are two taps away on a phone;
- the language choice is labelled with a word in several scripts.

What comes from the templates runs in one language per script and direction
(conftest.LAYOUT_LANGUAGES); what depends on the words (tables, callouts, the language
label) runs in every language.
"""

from __future__ import annotations

import re

import pytest
import yaml

from .conftest import DEFAULT_LANGUAGE, LANGUAGES, LAYOUT_LANGUAGES, ROOT, new_page

JOURNEY = yaml.safe_load((ROOT / "data" / "facts.yml").read_text(encoding="utf-8"))["journey"]
# Behaviour on phones, with and without JavaScript. Colours (light and dark) are axe's part:
# test_axe.py checks every page in both schemes.
# Both widths and both with and without JavaScript, in two views: the narrowest phone with
# the scripts, the most common cheap phone without them.
VIEWS = {
    f"{width}px-light-{'js' if javascript else 'nojs'}": (width, "light", javascript)
    for width, javascript in ((320, True), (360, False))
}
# The first, a middle and the last step: enough to catch an off-by-one without 9 x 8 page loads.
STEPS = [JOURNEY[0], JOURNEY[len(JOURNEY) // 2], JOURNEY[-1]]
TABLE_PAGES = ["routes/", "paying/"]
KEY_PAGES = ["paying/", "time-and-exemption/", "ind-requirement/", "contact/"]


def home(language: str) -> str:
    return "/" if language == DEFAULT_LANGUAGE else f"/{language}/"


@pytest.fixture(scope="module", params=list(VIEWS))
def view(request, browser):
    width, scheme, javascript = VIEWS[request.param]
    page = new_page(browser, viewport={"width": width, "height": 640}, color_scheme=scheme,
                    javascript=javascript, reduced_motion="reduce")
    yield page
    page.context.close()


def open_page(page, url):
    response = page.goto(url)
    assert response.ok, f"{url} answered {response.status}"
    return page


def no_overflow(page, where: str) -> None:
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{where}: the page scrolls sideways by {overflow}px"


# --- The journey at the top of a step page ------------------------------------------------


@pytest.mark.parametrize("language", LAYOUT_LANGUAGES)
@pytest.mark.parametrize("slug", STEPS)
def test_step_nav_is_closed_and_opens_by_keyboard(view, base_url, language, slug):
    url = f"{home(language)}steps/{slug}/"
    page = open_page(view, base_url + url)
    nav = page.locator("details.guide-step-nav")
    assert nav.count() == 1, f"{url}: one step navigation"
    assert nav.get_attribute("open") is None, f"{url}: the step navigation must start closed"
    summary = nav.locator("summary")
    number = JOURNEY.index(slug) + 1
    assert re.search(rf"\b{number}\b.*\b{len(JOURNEY)}\b", summary.inner_text()), summary.inner_text()
    box = summary.bounding_box()
    assert box["height"] < 0.4 * page.viewport_size["height"], f"{url}: closed, it must not take a screen"
    links = nav.locator("a")
    assert not links.first.is_visible()

    summary.focus()
    page.keyboard.press("Enter")
    assert nav.get_attribute("open") is not None, f"{url}: Enter on the summary must open the steps"
    assert links.count() == len(JOURNEY)
    for index in range(links.count()):
        assert links.nth(index).is_visible()
    no_overflow(page, f"{url} with the steps open")
    page.keyboard.press("Space")
    assert nav.get_attribute("open") is None, f"{url}: Space on the summary must close the steps"


@pytest.mark.parametrize("language", LAYOUT_LANGUAGES)
@pytest.mark.parametrize("slug", STEPS)
def test_current_step_is_marked_with_aria_current_and_words(view, base_url, language, slug):
    url = f"{home(language)}steps/{slug}/"
    page = open_page(view, base_url + url)
    page.locator("details.guide-step-nav summary").click()
    current = page.locator('.guide-step-nav a[aria-current="step"]')
    assert current.count() == 1, f"{url}: exactly one current step"
    assert current.evaluate("a => new URL(a.href).pathname") == url
    item = current.locator("xpath=..")
    # Not colour alone: bold, and the words "You are here" next to it.
    assert int(current.evaluate("a => getComputedStyle(a).fontWeight")) >= 700
    assert item.locator(".guide-step-nav__here").is_visible()
    hrefs = page.eval_on_selector_all(".guide-step-nav a", "as => as.map(a => new URL(a.href).pathname)")
    assert hrefs == [f"{home(language)}steps/{step}/" for step in JOURNEY]


@pytest.mark.parametrize("language", LAYOUT_LANGUAGES)
def test_a_step_page_ends_with_one_way_on(view, base_url, language):
    url = f"{home(language)}steps/{JOURNEY[1]}/"
    page = open_page(view, base_url + url)
    assert page.locator(".md-footer__link").count() == 0, f"{url}: no theme previous/next bar"
    pager = page.locator(".step-pager a")
    assert pager.count() == 2, f"{url}: the pager has the next step and all steps"
    assert pager.first.evaluate("a => new URL(a.href).pathname") == f"{home(language)}steps/{JOURNEY[2]}/"
    visible = [link for link in page.locator(".guide-footer-links a").all() if link.is_visible()]
    assert 3 <= len(visible) <= 4, f"{url}: the footer shows the few pages needed most, not all"
    assert page.locator(".guide-footer-links details").get_attribute("open") is None


# --- Tables and callouts ---------------------------------------------------------------

# For each word in each table cell: the number of line boxes it is drawn in (more than one:
# broken mid-word), whether it sticks out of its cell, and whether the cell shows its header.
CELL_WORDS = """() => {
  const problems = [];
  for (const cell of document.querySelectorAll('article td')) {
    const cellBox = cell.getBoundingClientRect();
    if (cellBox.right > document.documentElement.clientWidth + 0.5) problems.push(`cut off: ${cell.innerText}`);
    const label = cell.dataset.label;
    if (!label) problems.push(`no column header: ${cell.innerText}`);
    else if (!getComputedStyle(cell, '::before').content.includes(label))
      problems.push(`header not shown: ${label}`);
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // A word may break after a hyphen ("KNM-|examen"), so each part counts as a word.
      for (const match of node.data.matchAll(/[^\\s\\u00ad-]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter(r => r.width > 0);
        const tops = new Set(rects.map(r => Math.round(r.top)));
        if (tops.size > 1) problems.push(`broken mid-word: ${match[0]}`);
        for (const r of rects) if (r.right > cellBox.right + 0.5) problems.push(`sticks out: ${match[0]}`);
      }
    }
  }
  return problems;
}"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", TABLE_PAGES)
def test_table_cells_keep_their_header_and_whole_words(view, base_url, language, path):
    url = home(language) + path
    page = open_page(view, base_url + url)
    assert page.locator("article td").count() > 0, f"{url}: expected a table"
    problems = page.evaluate(CELL_WORDS)
    assert not problems, f"{url}: {problems[:8]}"
    no_overflow(page, url)
    scrolling = page.evaluate("""() => [...document.querySelectorAll(
        'article table, article table *, .md-typeset__scrollwrap, .md-typeset__table')]
        .filter(e => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
        .length""")
    assert scrolling == 0, f"{url}: a table scrolls sideways"
    # The table is still a table for screen readers, shown as cards: ask Chromium's own
    # accessibility tree (what a screen reader gets), not the markup.
    session = page.context.new_cdp_session(page)
    roles = {node.get("role", {}).get("value") for node in session.send("Accessibility.getFullAXTree")["nodes"]}
    assert {"table", "columnheader", "cell"} <= roles, f"{url}: the table lost its roles: {sorted(filter(None, roles))}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["ind-requirement/", "steps/pvt/"])
def test_callout_boxes_use_the_body_text_size(view, base_url, language, path):
    url = home(language) + path
    page = open_page(view, base_url + url)
    sizes = page.evaluate("""() => [
        getComputedStyle(document.querySelector('article > p')).fontSize,
        [...document.querySelectorAll('article .admonition p')].map(p => getComputedStyle(p).fontSize)]""")
    body, callouts = sizes
    assert callouts, f"{url}: expected a callout box"
    assert set(callouts) == {body}, f"{url}: callout text {callouts} against body text {body}"


# --- Dutch terms and the glossary ----------------------------------------------------------


@pytest.mark.parametrize("language", LAYOUT_LANGUAGES)
def test_a_term_explains_itself_in_place_by_keyboard(view, base_url, language):
    url = f"{home(language)}steps/plan/"
    page = open_page(view, base_url + url)
    button = page.locator(".guide-term__button").first
    if language != "nl":
        assert button.evaluate("b => b.closest('[lang]').lang") == "nl", "the Dutch term is marked as Dutch"
    explanation = page.locator(f"#{button.get_attribute('popovertarget')}")
    assert not explanation.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert explanation.is_visible(), f"{url}: Enter on the term must open its explanation"
    assert page.url.endswith(url), "the explanation opens without leaving the page"
    near = page.evaluate("""([b, e]) => {
        const x = document.querySelector(b).getBoundingClientRect();
        const y = document.getElementById(e).getBoundingClientRect();
        return {gap: Math.min(Math.abs(y.top - x.bottom), Math.abs(x.top - y.bottom)),
                inside: y.left >= 0 && y.right <= document.documentElement.clientWidth};
    }""", [".guide-term__button", button.get_attribute("popovertarget")])
    assert near["inside"], f"{url}: the explanation must fit on the screen"
    assert near["gap"] < 24, f"{url}: the explanation must open next to its term, is {near['gap']}px away"
    glossary = explanation.locator("a")
    assert glossary.evaluate("a => new URL(a.href).pathname + new URL(a.href).hash").startswith(
        f"{home(language)}glossary/#"
    )
    page.keyboard.press("Escape")
    assert not explanation.is_visible(), "Escape closes the explanation"
    page.keyboard.press(" ")
    assert explanation.is_visible(), "Space opens it too"


@pytest.mark.parametrize("language", LAYOUT_LANGUAGES)
def test_glossary_letters_land_on_entries(view, base_url, language):
    url = f"{home(language)}glossary/"
    page = open_page(view, base_url + url)
    letters = page.eval_on_selector_all(
        ".guide-letters a", "as => as.map(a => [a.innerText.trim(), a.getAttribute('href').slice(1)])"
    )
    assert len(letters) >= 10, f"{url}: expected links for the letters with entries"
    for letter, anchor in letters:
        heading = page.locator(f'article h2[id="{anchor}"]')
        assert heading.count() == 1, f"{url}: letter {letter} links to #{anchor}, which is no entry"
        first = heading.evaluate("h => h.textContent.normalize('NFKD').replace(/[^\\p{L}]/gu, '')[0].toUpperCase()")
        assert first == letter
    page.locator(".guide-letters a").nth(3).click()
    target = letters[3][1]
    assert page.url.endswith(f"#{target}")
    assert page.locator(f'h2[id="{target}"]').evaluate("h => h.getBoundingClientRect().top < innerHeight")


# --- Menu and language choice ----------------------------------------------------------------


@pytest.mark.parametrize("language", LAYOUT_LANGUAGES)
@pytest.mark.parametrize("target", KEY_PAGES)
def test_key_pages_are_two_taps_away_on_a_phone(view, base_url, language, target):
    start = f"{home(language)}steps/{JOURNEY[2]}/"
    page = open_page(view, base_url + start)
    page.locator(".guide-menu-button").click()  # tap 1: the menu (a label without JavaScript)
    link = page.locator(f'.md-sidebar--primary a.md-nav__link[href$="{target}"]').first
    link.wait_for(state="visible", timeout=2000)
    link.click()  # tap 2
    page.wait_for_url(f"**{home(language)}{target}")


SCRIPTS = {"Latin": r"[A-Za-z]", "Arabic": r"[\u0600-\u06FF]", "Ethiopic": r"[\u1200-\u137F]"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_choice_is_labelled_in_several_scripts(view, base_url, language):
    page = open_page(view, base_url + home(language))
    words = page.locator(".guide-languages__summary [lang]")
    assert words.count() >= 3
    texts = [words.nth(index).inner_text() for index in range(words.count())]
    langs = [words.nth(index).get_attribute("lang") for index in range(words.count())]
    assert len(set(langs)) == len(langs), "each word carries its own language"
    found = {name for name, pattern in SCRIPTS.items() if any(re.search(pattern, text) for text in texts)}
    assert found == set(SCRIPTS), f"scripts in the language label: {found}"
    for index in range(words.count()):
        assert words.nth(index).is_visible(), f"{texts[index]} must be visible, not only read out"
    no_overflow(page, home(language))
