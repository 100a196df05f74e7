"""'Check what applies to you' by keyboard only, with and without JavaScript, in every language.

From the home page, Tab to the link of the check and press Enter; on each question, Tab to the
answer and press Enter, until the result. The result's heading says what applies, and every
"Change your answers" link leads back to its question. axe covers every question and result
page through test_axe.py (they are Markdown files under docs/<language>/check/).
"""

from __future__ import annotations

import pytest

from .conftest import DEFAULT_LANGUAGE, LANGUAGES, new_page

# (answers, the start of the result's heading per language), written by hand. The default
# language and Dutch walk every path; each other language walks one (walks differ only in the
# words, the generator is shared), so the suite stays fast as languages are added. A language
# with no heading here still walks a path (see walks()); its result address is checked.
PATHS = [
    (("asylum", "adult", "no-pip", "not-sure"),
     {"en": "Wi 2021 applies to you. The municipality pays", "nl": "De Wi 2021 geldt voor jou. De gemeente betaalt",
      "ar": "ينطبق عليك قانون Wi 2021. البلدية تدفع", "ti": "Wi 2021 ይምልከተኩም። ምምሕዳር ከተማ ንኮርስኩም ይኸፍል"}),
    (("family", "adult", "wi2013", "wants-permit"),
     {"en": "Wi 2013 applies to you. You pay", "nl": "De Wi 2013 geldt voor jou. Je betaalt",
      "fa": "قانون Wi 2013 شامل حال شما می\u200cشود. هزینه\u200cی دوره\u200cی آموزشی را خودتان",
      "so": "Wi 2013 ayaa kugu khuseeya. Adiga ayaa bixinaya"}),
    (("eu",), {"en": "You do not have to integrate", "nl": "Je hoeft niet in te burgeren",
               "fa-AF": "شما مکلف به ادغام نیستید", "es": "Usted no tiene que hacer la integración"}),
    (("other", "pension-age"), {"en": "You do not have to integrate", "nl": "Je hoeft niet in te burgeren",
                                "ps": "د دولتي تقاعد په عمر تاسو د ادغام مکلف نه یاست",
                                "tr": "Devlet emeklilik yaşına ulaştığınız için uyum süreci sizin için zorunlu değil"}),
]


def walks() -> list[tuple[str, tuple[str, ...], str | None, bool]]:
    """(language, answers, expected heading or None, with JavaScript) for every walk: the
    default language and Dutch walk each path with and without JavaScript; every other
    language walks its path once, with or without JavaScript in turn."""
    result = []
    for index, language in enumerate(LANGUAGES):
        mine = [(answers, headings[language]) for answers, headings in PATHS if language in headings]
        if not mine:  # a newly added language: one path, chosen by its place in mkdocs.yml
            mine = [(PATHS[index % len(PATHS)][0], None)]
        modes = (True, False) if language in (DEFAULT_LANGUAGE, "nl") else (index % 2 == 0,)
        result.extend((language, answers, heading, javascript) for answers, heading in mine for javascript in modes)
    return result


MAX_TABS = 200


FOCUSED_HREF = """within => {
  const el = document.activeElement;
  return el && el.closest(within) ? el.getAttribute('href') : null;
}"""


def tab_to(page, href_end: str, within: str) -> None:
    """Press Tab until the focused element is a link inside `within` whose address ends with `href_end`."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        href = page.evaluate(FOCUSED_HREF, within)
        if href and href.rstrip("/").endswith(href_end.rstrip("/")):
            return
    raise AssertionError(f"{page.url}: no link to …{href_end} reached with Tab")


def text(locator) -> str:
    """Visible text without soft hyphens (long Dutch words in headings may get them)."""
    return locator.inner_text().replace("\u00ad", "")


def follow(page, href_end: str, within: str = "nav.check-answers") -> None:
    tab_to(page, href_end, within)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_every_language_walks_the_check():
    assert {walk[0] for walk in walks()} == set(LANGUAGES)
    assert {walk[3] for walk in walks()} == {True, False}


@pytest.fixture
def view(request, browser):
    page = new_page(browser, javascript=request.param)
    yield page
    page.context.close()


@pytest.mark.parametrize(("language", "answers", "heading", "view"), [
    pytest.param(*walk, id=f"{'javascript' if walk[3] else 'no-javascript'}-{walk[0]}-{'/'.join(walk[1])}")
    for walk in walks()
], indirect=["view"])
def test_walk_the_check_by_keyboard(view, base_url, language, answers, heading):
    prefix = "" if language == DEFAULT_LANGUAGE else f"/{language}"
    # The home page asks the first question itself: one tap starts the check.
    view.goto(f"{base_url}{prefix}/")
    questions = [(f"{base_url}{prefix}/check/", text(view.locator("nav.check-answers--start strong")))]
    follow(view, f"{answers[0]}/")
    for answer in answers[1:]:
        questions.append((view.url, text(view.locator("h1"))))
        assert view.locator("nav.check-answers a").count() >= 2
        follow(view, f"{answer}/")
    assert view.url == f"{base_url}{prefix}/check/{'/'.join(answers)}/", view.url
    shown = text(view.locator("h1"))
    assert shown.startswith(heading or ""), f"{view.url}: {shown!r}"
    assert shown.strip(), f"{view.url}: the result has no heading"
    start_again = f"{base_url}{prefix}/check/"
    assert view.evaluate("url => [...document.querySelectorAll('article a')].some(a => a.href === url)", start_again)
    # "Change your answers" lists each question of this path and leads back to it.
    links = view.locator("#change + ul > li > a")
    assert links.count() == len(answers)
    for index, (url, question) in enumerate(questions):
        assert text(links.nth(index)) == question
        href = links.nth(index).get_attribute("href")
        result = view.url
        view.goto(result.rsplit("#", 1)[0])
        view.locator("#change + ul > li > a").nth(index).click()
        assert view.url == url, f"{href} from {result} went to {view.url}, not {url}"
        assert text(view.locator("h1")) == question
        view.goto(result)
