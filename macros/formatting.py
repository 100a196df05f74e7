"""Render a fact's value in a page's language, with CLDR data from Babel."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from .errors import GuideError

DURATION_UNITS = ("year", "month", "week", "day", "hour")
PLAIN_TEXT_UNITS = ("phone", "email", "name", "level", "url")
MONEY_UNITS = ("euro",)
_FRACTION = re.compile(r"\.0+")

# Looks up a UI string by key in the page's language; None when the catalogue lacks it.
Lookup = Callable[[str], "str | None"]


# Digits: Latin (0-9) in every language, Arabic script included. The letters from DUO, the
# IND and the municipality, Mijn Inburgering, phone numbers and bank statements all use
# Latin digits, and readers compare the guide's dates and amounts with them.
NUMBERING_SYSTEM = "latn"

# Long dates whose CLDR pattern puts the year first (Pashto: "2022 جنوري 1"): day month year,
# as in the other languages and in the letters readers get.
DATE_PATTERNS = {"ps": "d MMMM y"}


def babel_locale(code: str) -> str:
    """Babel's name for a site language code: `fa-AF` (BCP 47, in URLs and `lang`) is `fa_AF`."""
    return code.replace("-", "_")


def plural_category(number: float, locale: str) -> str:
    """CLDR plural category ('one', 'few', 'other', ...) of `number` in `locale`."""
    return Locale.parse(babel_locale(locale)).plural_form(number)


def format_number(number: float, locale: str) -> str:
    return format_decimal(number, locale=babel_locale(locale), numbering_system=NUMBERING_SYSTEM)


def format_iso_date(value: str, locale: str) -> str:
    pattern = DATE_PATTERNS.get(locale, "long")
    return format_date(datetime.date.fromisoformat(value), format=pattern, locale=babel_locale(locale))


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
    """'3 years', '40 uur', 'سنتان': the catalogue's words for the number's plural category.

    Not CLDR's unit names: they have holes and errors in our languages (Babel gives
    '40 duration-hour' in Dutch, English '3 years' in Farsi and Turkish, '1 أسابيع' in
    Arabic, '12 h' in Pashto, '18/ኣዋርሕ' in Tigrinya, 'Sannado' with a capital in Somali).
    """
    return counted(number, f"unit.{unit}", locale, lookup,
                   f"the catalogue has no words for '{unit}' (unit.{unit}.<plural form> or .other).")


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
    babel_code = babel_locale(locale)
    if not float(amount).is_integer():
        return format_currency(amount, "EUR", locale=babel_code, numbering_system=NUMBERING_SYSTEM)
    pattern = Locale.parse(babel_code).currency_formats["standard"].pattern
    return format_currency(amount, "EUR", locale=babel_code, format=_FRACTION.sub("", pattern),
                           currency_digits=False, numbering_system=NUMBERING_SYSTEM)


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
