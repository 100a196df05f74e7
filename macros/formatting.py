"""Render a fact's value in a page's language, with CLDR data from Babel."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from babel.units import format_unit

from .errors import GuideError

DURATION_UNITS = ("year", "month", "week", "day", "hour")
PLAIN_TEXT_UNITS = ("phone", "email", "name", "level", "url")
MONEY_UNITS = ("euro",)
_FRACTION = re.compile(r"\.0+")

# Looks up a UI string by key in the page's language; None when the catalogue lacks it.
Lookup = Callable[[str], "str | None"]


def plural_category(number: float, locale: str) -> str:
    """CLDR plural category ('one', 'few', 'other', ...) of `number` in `locale`."""
    return Locale.parse(locale).plural_form(number)


def format_number(number: float, locale: str) -> str:
    return format_decimal(number, locale=locale)


def format_iso_date(value: str, locale: str) -> str:
    return format_date(datetime.date.fromisoformat(value), format="long", locale=locale)


def counted(number: float, family: str, locale: str, lookup: Lookup, problem: str) -> str:
    """The catalogue's message `<family>.<CLDR plural category>` (or `.other`) with the number in it."""
    category = plural_category(number, locale)
    pattern = lookup(f"{family}.{category}") or lookup(f"{family}.other")
    if pattern is None:
        raise GuideError(
            f"translations/{locale}.po",
            problem,
            f'add msgid "{family}.other" with msgstr like "{{number}} …", and one per plural form of the language.',
        )
    return pattern.format(number=format_number(number, locale))


def format_duration(number: float, unit: str, locale: str, lookup: Lookup) -> str:
    """'3 years', '40 uur': Babel's long unit form, or the catalogue where CLDR has a hole.

    Babel returns e.g. '40 duration-hour' for Dutch hours instead of failing, so the
    unit identifier in the output is the sign of a hole.
    """
    identifier = f"duration-{unit}"
    text = format_unit(number, identifier, locale=locale, length="long")
    if identifier not in text:
        return text
    return counted(number, f"unit.{unit}", locale, lookup,
                   f"CLDR has no word for '{unit}' in this language and the catalogue has no unit.{unit}.other.")


def format_count(number: float, noun: str | None, locale: str, lookup: Lookup) -> str:
    """'1 resit', '2 resits': the catalogue's message for the number's CLDR plural category.

    Categories come from CLDR (Babel), so a language with more forms (Arabic: zero, one,
    two, few, many, other) gets each of them from its own catalogue.
    """
    if noun is None:
        return format_number(number, locale)
    return counted(number, f"count.{noun}", locale, lookup,
                   f"the catalogue has no words for a count of '{noun}' (count.{noun}.<plural form> or .other).")


def format_euros(amount: float, locale: str) -> str:
    """'€340', '€ 340', '340 €': the language's currency pattern, without cents for whole euros.

    Babel always shows two decimals; the sources give most amounts in whole euros.
    """
    if not float(amount).is_integer():
        return format_currency(amount, "EUR", locale=locale)
    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    return format_currency(amount, "EUR", locale=locale, format=_FRACTION.sub("", pattern), currency_digits=False)


def format_value(value: object, unit: str, locale: str, lookup: Lookup, noun: str | None = None) -> str:
    """The text a reader sees for a fact's value."""
    if unit in DURATION_UNITS:
        return format_duration(value, unit, locale, lookup)
    if unit == "count":
        return format_count(value, noun, locale, lookup)
    if unit in MONEY_UNITS:
        return format_euros(value, locale)
    if unit == "date":
        return format_iso_date(value, locale)
    if unit in PLAIN_TEXT_UNITS:
        return str(value)
    raise ValueError(f"unit {unit!r} has no rendering")
