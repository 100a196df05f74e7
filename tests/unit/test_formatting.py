"""Facts rendered per language through Babel (CLDR), with the catalogue filling CLDR's holes."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.errors import GuideError
from macros.formatting import DURATION_UNITS, format_value
from macros.i18n import load_catalog

ROOT = Path(__file__).resolve().parents[2]
BUILT_LANGUAGES = ("en", "nl")


def lookup_for(language):
    catalog = load_catalog(ROOT / "translations" / f"{language}.po")
    return lambda key: catalog[key].text if key in catalog else None


@pytest.mark.parametrize(
    ("value", "unit", "language", "expected"),
    [
        (1, "year", "en", "1 year"),
        (3, "year", "en", "3 years"),
        (3, "year", "nl", "3 jaar"),
        (8, "week", "en", "8 weeks"),
        (8, "week", "nl", "8 weken"),
        (1, "hour", "en", "1 hour"),
        (40, "hour", "en", "40 hours"),
        (40, "hour", "nl", "40 uur"),  # CLDR has no long Dutch hour: from nl.po
        (600, "hour", "nl", "600 uur"),
        (2, "count", "nl", "2"),
        (1600, "count", "en", "1,600"),
        (1600, "count", "nl", "1.600"),
        ("2022-01-01", "date", "en", "January 1, 2022"),
        ("2022-01-01", "date", "nl", "1 januari 2022"),
        ("A1", "level", "nl", "A1"),
    ],
)
def test_values_in_each_language(value, unit, language, expected):
    assert format_value(value, unit, language, lookup_for(language)) == expected


@pytest.mark.parametrize("language", BUILT_LANGUAGES)
@pytest.mark.parametrize("unit", DURATION_UNITS)
@pytest.mark.parametrize("number", [0, 1, 2, 3, 5, 11, 40, 100, 800])
def test_no_unit_identifier_ever_reaches_a_reader(language, unit, number):
    text = format_value(number, unit, language, lookup_for(language))
    assert str(number) in text.replace(",", "").replace(".", "")
    assert "duration-" not in text


def test_a_rule_cannot_be_rendered():
    with pytest.raises(ValueError):
        format_value("a sentence", "rule", "en", lambda key: None)


# Counts with a noun take the plural form of the number's CLDR category, from the catalogue.
@pytest.mark.parametrize(
    ("number", "language", "expected"),
    [
        (0, "en", "0 resits"),
        (1, "en", "1 resit"),
        (2, "en", "2 resits"),
        (5, "en", "5 resits"),
        (11, "en", "11 resits"),
        (0, "nl", "0 herexamens"),
        (1, "nl", "1 herexamen"),
        (2, "nl", "2 herexamens"),
        (5, "nl", "5 herexamens"),
        (11, "nl", "11 herexamens"),
    ],
)
def test_counted_words_agree_with_the_number(number, language, expected):
    assert format_value(number, "count", language, lookup_for(language), noun="resit") == expected


def test_a_counted_word_missing_from_the_catalogue_names_the_fix():
    with pytest.raises(GuideError) as error:
        format_value(2, "count", "en", lambda key: None, noun="lesson")
    assert error.value.where == "translations/en.po"
    assert 'msgid "count.lesson.other"' in error.value.fix


# Whole euros as the sources give them, each language with its own currency pattern.
@pytest.mark.parametrize(
    ("amount", "language", "expected"),
    [
        (340, "en", "€340"),
        (1250, "en", "€1,250"),
        (340, "nl", "€\xa0340"),
        (1250, "nl", "€\xa01.250"),
        (12.5, "nl", "€\xa012,50"),
        (0, "en", "€0"),
    ],
)
def test_amounts_of_money(amount, language, expected):
    assert format_value(amount, "euro", language, lookup_for(language)) == expected


@pytest.mark.parametrize(("number", "expected"), [(1, "1 dag"), (5, "5 dagen")])
def test_dutch_days_come_from_the_catalogue(number, expected):
    assert format_value(number, "day", "nl", lookup_for("nl")) == expected
