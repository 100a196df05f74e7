"""Ten languages in the browser: the script fonts load only where needed and draw the text,
right-to-left pages are mirrored, and the language menu works with the keyboard and without
JavaScript, keeping the reader on the same page. Languages come from mkdocs.yml."""

from __future__ import annotations

import pytest

from macros.languages import text_direction

from .conftest import DEFAULT_LANGUAGE, LANGUAGES, PHONE, new_page

FONT_OF = {"ar": "Guide Naskh Arabic", "fa": "Guide Naskh Arabic", "fa-AF": "Guide Naskh Arabic",
           "ps": "Guide Naskh Arabic", "ti": "Guide Noto Sans Ethiopic"}
SCRIPT_LANGUAGES = [language for language in LANGUAGES if language in FONT_OF]
RIGHT_TO_LEFT = [language for language in LANGUAGES if text_direction(language) == "rtl"]

FONT_STATE = """async (family) => {
  await document.fonts.ready;
  const faces = [...document.fonts].filter(face => face.family.replace(/"/g, '') === family);
  const text = document.querySelector('article').innerText;
  return {
    loaded: faces.some(face => face.status === 'loaded'),
    covers: document.fonts.check(`16px "${family}"`, text),
    bodyFont: getComputedStyle(document.body).fontFamily,
  };
}"""


def home(language: str) -> str:
    return "/" if language == DEFAULT_LANGUAGE else f"/{language}/"


@pytest.fixture(scope="module")
def phone_page(browser):
    page = new_page(browser, viewport=PHONE)
    yield page
    page.context.close()


@pytest.mark.parametrize("language", SCRIPT_LANGUAGES)
def test_the_scripts_font_is_used_and_loaded_on_its_pages(phone_page, base_url, language):
    family = FONT_OF[language]
    for path in (home(language), f"{home(language)}steps/intake/"):
        phone_page.goto(base_url + path)
        state = phone_page.evaluate(FONT_STATE, family)
        assert state["bodyFont"].startswith(f'"{family}"'), f"{path}: body font is {state['bodyFont']}"
        assert state["loaded"], f"{path}: {family} did not load"
        assert state["covers"], f"{path}: {family} is not ready for the page's text"


def test_pages_in_latin_script_download_no_script_font(browser, base_url):
    page = new_page(browser, viewport=PHONE)
    fonts = []
    page.on("request", lambda request: fonts.append(request.url) if request.url.endswith(".woff2") else None)
    try:
        for language in [code for code in LANGUAGES if code not in FONT_OF]:
            page.goto(base_url + home(language))
            page.evaluate("document.fonts.ready.then(() => true)")
            page.locator(".guide-languages__summary").click()  # the menu's names use the embedded font
            page.evaluate("document.fonts.ready.then(() => true)")
    finally:
        page.context.close()
    assert not fonts, f"a page in Latin script downloaded {fonts}"


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_right_to_left_pages_are_mirrored(phone_page, base_url, language):
    phone_page.goto(base_url + f"{home(language)}steps/intake/")
    layout = phone_page.evaluate("""() => {
      const box = el => el.getBoundingClientRect();
      const menu = box(document.querySelector('.guide-menu-button'));
      const title = box(document.querySelector('article h1'));
      return {
        direction: getComputedStyle(document.querySelector('article p')).direction,
        menuCentre: menu.left + menu.width / 2,
        titleRight: title.right,
        width: document.documentElement.clientWidth,
      };
    }""")
    assert layout["direction"] == "rtl"
    assert layout["menuCentre"] > layout["width"] / 2, "the menu button sits at the start: the right"
    assert layout["titleRight"] > layout["width"] - 40, "headings start at the right edge"


def test_phone_numbers_read_left_to_right_inside_right_to_left_text(phone_page, base_url):
    language = RIGHT_TO_LEFT[0]
    phone_page.goto(base_url + f"{home(language)}contact/")
    directions = phone_page.eval_on_selector_all("article span[dir=ltr]", "els => els.map(e => e.innerText)")
    assert any(any(ch.isdigit() for ch in text) for text in directions), directions


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_the_language_menu_works_by_keyboard_and_keeps_the_page(browser, base_url, javascript):
    page = new_page(browser, viewport=PHONE, javascript=javascript, reduced_motion="reduce")
    try:
        for language in LANGUAGES:
            target = next(code for code in LANGUAGES if code != language)
            page.goto(base_url + f"{home(language)}steps/intake/")
            page.locator(".guide-languages__summary").focus()
            page.keyboard.press("Enter")
            link = page.locator(f'.guide-languages__list a[lang="{target}"]')
            assert link.is_visible(), f"{language}: the menu did not open with Enter"
            current = page.locator('.guide-languages__list a[aria-current="true"]')
            assert current.get_attribute("lang") == language
            link.focus()
            with page.expect_navigation():
                page.keyboard.press("Enter")
            assert page.url == base_url + f"{home(target)}steps/intake/", f"{language} -> {target}: {page.url}"
            assert page.get_attribute("html", "lang") == target
    finally:
        page.context.close()
