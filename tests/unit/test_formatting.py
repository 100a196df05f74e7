"""Facts rendered per language through Babel (CLDR), with the catalogue filling CLDR's holes."""

from __future__ import annotations

from pathlib import Path

import pytest

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
