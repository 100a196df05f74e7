"""Every language reads numbers right: units, counts, amounts and dates for 0, 1, 2, 3, 11, 100.

The expected strings are written here by hand, from each language's grammar (CLDR plural
categories: Arabic has six), not produced by the code under test. The words come from the
catalogues (translations/<code>.po), so a catalogue that says "3 years" in Farsi fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.formatting import format_value
from macros.i18n import load_catalog
from macros.languages import (
    broken_unit_text,
    html_with_direction,
    isolate_other_directions,
    section_key,
    text_direction,
    theme_label,
    writing_script,
)
from tests.browser.conftest import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
NUMBERS = (0, 1, 2, 3, 11, 100)
NBSP, RLM, LRM = "\u00a0", "\u200f", "\u200e"


def lookup_for(language):
    catalog = load_catalog(ROOT / "translations" / f"{language}.po")
    return lambda key: catalog[key].text if key in catalog else None


def same_word(word):
    return tuple(f"{n} {word}" for n in NUMBERS)


YEARS = {
    "en": ("0 years", "1 year", "2 years", "3 years", "11 years", "100 years"),
    "nl": same_word("jaar"),
    "ar": ("0 سنة", "سنة واحدة", "سنتان", "3 سنوات", "11 سنة", "100 سنة"),
    "fa": same_word("سال"),
    "fa-AF": same_word("سال"),
    "ps": ("0 کاله", "1 کال", "2 کاله", "3 کاله", "11 کاله", "100 کاله"),
    # Tigrinya: CLDR's "one" is 0 and 1; more take the plural.
    "ti": ("0 ዓመት", "1 ዓመት", "2 ዓመታት", "3 ዓመታት", "11 ዓመታት", "100 ዓመታት"),
    "so": same_word("sano"),
    "es": ("0 años", "1 año", "2 años", "3 años", "11 años", "100 años"),
    "tr": same_word("yıl"),
}

HOURS = {
    "en": ("0 hours", "1 hour", "2 hours", "3 hours", "11 hours", "100 hours"),
    "nl": same_word("uur"),
    "ar": ("0 ساعة", "ساعة واحدة", "ساعتان", "3 ساعات", "11 ساعة", "100 ساعة"),
    "fa": same_word("ساعت"),
    "fa-AF": same_word("ساعت"),
    "ps": ("0 ساعته", "1 ساعت", "2 ساعته", "3 ساعته", "11 ساعته", "100 ساعته"),
    "ti": ("0 ሰዓት", "1 ሰዓት", "2 ሰዓታት", "3 ሰዓታት", "11 ሰዓታት", "100 ሰዓታት"),
    "so": ("0 saacadood", "1 saacad", "2 saacadood", "3 saacadood", "11 saacadood", "100 saacadood"),
    "es": ("0 horas", "1 hora", "2 horas", "3 horas", "11 horas", "100 horas"),
    "tr": same_word("saat"),
}

# Whole euros as the sources give them, in each language's own pattern, Latin digits.
EUROS = {
    "en": ("€340", "€10,000"),
    "nl": (f"€{NBSP}340", f"€{NBSP}10.000"),
    "ar": (f"{RLM}340{NBSP}€", f"{RLM}10,000{NBSP}€"),
    "fa": (f"{LRM}€{NBSP}340", f"{LRM}€{NBSP}10,000"),
    "fa-AF": (f"{LRM}€{NBSP}340", f"{LRM}€{NBSP}10,000"),
    "ps": (f"€{NBSP}340", f"€{NBSP}10.000"),
    "ti": ("€340", "€10,000"),
    "so": ("€340", "€10,000"),
    "es": (f"340{NBSP}€", f"10.000{NBSP}€"),
    "tr": ("€340", "€10.000"),
}

# 1 January 2022 (the day Wi 2021 began): Pashto day-month-year, not CLDR's year first.
DATES = {
    "en": "January 1, 2022",
    "nl": "1 januari 2022",
    "ar": "1 يناير 2022",
    "fa": "1 ژانویهٔ 2022",
    "fa-AF": "1 جنوری 2022",
    "ps": "1 جنوري 2022",
    "ti": "ጥሪ 1, 2022",
    "so": "Janaayo 1, 2022",
    "es": "1 de enero de 2022",
    "tr": "1 Ocak 2022",
}


def test_the_tables_cover_every_built_language():
    for table in (YEARS, HOURS, EUROS, DATES):
        assert set(LANGUAGES) <= set(table), f"add the expected strings for {set(LANGUAGES) - set(table)}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("unit", "table"), [("year", YEARS), ("hour", HOURS)], ids=["year", "hour"])
def test_durations_read_right_for_0_1_2_3_11_100(language, unit, table):
    lookup = lookup_for(language)
    got = tuple(format_value(n, unit, language, lookup) for n in NUMBERS)
    assert got == table[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_whole_euros_have_no_cents_and_latin_digits(language):
    lookup = lookup_for(language)
    amounts = (format_value(340, "euro", language, lookup), format_value(10000, "euro", language, lookup))
    assert amounts == EUROS[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_long_dates(language):
    assert format_value("2022-01-01", "date", language, lookup_for(language)) == DATES[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_counts_use_latin_digits_and_the_catalogues_words(language):
    lookup = lookup_for(language)
    text = format_value(1600, "count", language, lookup)
    assert text in ("1,600", "1.600", "1600", "1\u00a0600")
    for n in NUMBERS:
        worded = format_value(n, "count", language, lookup, noun="attempt")
        assert ("{" not in worded and "attempt" not in worded) or language == "en"


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("fa", "rtl"), ("fa-AF", "rtl"), ("ps", "rtl"),
                                                 ("ti", "ltr"), ("so", "ltr"), ("nl", "ltr"), ("tr", "ltr")])
def test_direction_comes_from_cldr(code, direction):
    assert text_direction(code) == direction


@pytest.mark.parametrize(("code", "script"), [("ar", "Arab"), ("fa-AF", "Arab"), ("ps", "Arab"), ("ti", "Ethi"),
                                              ("so", "Latn"), ("en", "Latn")])
def test_script_comes_from_cldr(code, script):
    assert writing_script(code) == script


def test_dir_goes_on_the_html_element_and_replaces_an_old_one():
    assert html_with_direction('<html lang="ar" class="no-js">', "rtl") == '<html lang="ar" class="no-js" dir="rtl">'
    assert html_with_direction('<html lang="ar" dir="ltr">', "rtl") == '<html lang="ar" dir="rtl">'


def test_words_in_a_language_of_the_other_direction_get_their_own_dir():
    html = '<p>الـ <button lang="nl" class="t">PIP</button> و <a lang="ar" href="#">العربية</a></p>'
    out = isolate_other_directions(html, "rtl")
    assert '<button lang="nl" class="t" dir="ltr">PIP</button>' in out
    assert '<a lang="ar" href="#">' in out  # same direction as the page: unchanged
    menu = isolate_other_directions('<li><a href="/ar/" lang="ar">العربية</a></li>', "ltr")
    assert 'lang="ar" dir="rtl"' in menu
    assert isolate_other_directions('<span lang="nl" dir="ltr">x</span>', "rtl").count("dir=") == 1


def test_broken_unit_text_is_found_in_non_english_pages_only():
    assert broken_unit_text("<p>3 years</p>", "en") == []
    assert broken_unit_text("<p>مدت 3 years است</p>", "fa")
    assert broken_unit_text("<p>18 duration-month</p>", "nl")
    assert broken_unit_text("<p>18/ኣዋርሕ</p>", "ti")
    assert broken_unit_text('<p>3 jaar <span lang="en">B1 track</span></p>', "nl") == []
    assert broken_unit_text("<p>3 سال</p>", "fa") == []


def test_menu_sections_are_found_by_their_english_text():
    english = load_catalog(ROOT / "translations" / "en.po")
    assert section_key("Your steps, in order", english) == "nav.steps"
    with pytest.raises(Exception, match=r"nav\.<short name>"):
        section_key("A section nobody translated", english)


@pytest.mark.parametrize("language", LANGUAGES)
def test_material_labels_come_from_every_catalogue(language):
    catalog = load_catalog(ROOT / "translations" / f"{language}.po")
    english = load_catalog(ROOT / "translations" / "en.po")
    assert theme_label("language", language, catalog) == language
    assert theme_label("direction", language, catalog) == text_direction(language)
    for key in ("action.skip", "header", "nav", "toc", "footer", "top"):
        label = theme_label(key, language, catalog)
        assert label.strip()
        if language not in ("en",):
            assert label != english[f"theme.{key}"].text or catalog[f"theme.{key}"].same_as_source
