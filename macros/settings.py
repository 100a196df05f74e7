"""The settings of one copy of the guide (national default or a municipality's branded copy).

One YAML file, outside the national content, checked against data/settings.schema.json and
then for what a schema cannot say (a phone number that can be dialled, a logo that exists, a
language the guide has, a local fact the facts file knows, colours that stay readable).
Every mistake is collected, so an editor with five mistakes sees five messages in one run.
Pure functions: tests call them without MkDocs.
"""

from __future__ import annotations

import difflib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import phonenumbers
from email_validator import EmailNotValidError, validate_email

from .brand import colour_problems
from .errors import GuideError
from .facts import line_of, parse_yaml

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "data" / "settings.schema.json"
NATIONAL_SETTINGS = ROOT / "settings" / "national.yml"
# A municipality's own copy keeps its settings here: a path the national project never
# touches, so pulling national updates never conflicts with them.
MUNICIPAL_SETTINGS = ROOT / "municipality" / "settings.yml"
IMAGE_SUFFIXES = (".svg", ".png")
# Fact units whose value is a number, and those whose value is text.
NUMBER_UNITS = {"count", "euro", "year", "month", "week", "day", "hour", "percent"}


class SettingsError(GuideError):
    """Several mistakes in one settings file, each a GuideError, reported together."""

    def __init__(self, problems: list[GuideError]):
        self.problems = problems
        header = f"{len(problems)} mistake(s) in the settings file:"
        Exception.__init__(self, "\n".join([header, *(f"- {p}" for p in problems)]))
        self.where, self.problem, self.fix = problems[0].where, problems[0].problem, problems[0].fix


def settings_path(environ: dict | None = None) -> Path:
    """Which settings file to build with: $GUIDE_SETTINGS, else municipality/settings.yml, else national."""
    environ = os.environ if environ is None else environ
    chosen = environ.get("GUIDE_SETTINGS")
    if chosen:
        return Path(chosen).resolve()
    return MUNICIPAL_SETTINGS if MUNICIPAL_SETTINGS.exists() else NATIONAL_SETTINGS


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _dotted(path: list) -> str:
    return ".".join(str(part) for part in path) or "(top level)"


def _where(filename: str, text: str, path: list) -> str:
    line = line_of(text, path) if path else None
    return f"{filename}:{line}" if line else filename


def schema_problems(data: Any, text: str, filename: str) -> list[GuideError]:
    """Every place where the settings do not fit the schema, with the key and the fix."""
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    validator = jsonschema.Draft202012Validator(_schema(), format_checker=checker)
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        path = list(error.absolute_path)
        if error.validator == "additionalProperties":
            allowed = sorted((error.schema.get("properties") or {}).keys())
            for key in sorted(set(error.instance) - set(allowed)):
                nearest = difflib.get_close_matches(key, allowed, n=1)
                hint = f"did you mean `{nearest[0]}`? " if nearest else ""
                problems.append(GuideError(
                    _where(filename, text, [*path, key]),
                    f"`{_dotted([*path, key])}` is not a setting the guide knows.",
                    f"{hint}remove or rename it; the settings allowed here are: {', '.join(allowed)}.",
                ))
            continue
        problems.append(GuideError(_where(filename, text, path), f"`{_dotted(path)}` is wrong: {error.message}.",
                                   _fix_hint(error)))
    return problems


# Fix hints for schema errors: (validator, text in the rule it broke, hint).
PATTERN_HINTS = (
    ("#[0-9a-fA-F]", "write a colour as # and six hexadecimal digits, for example #1d4f91."),
    ("https?", "write the full address, starting with https://, for example https://www.example.nl/inburgering."),
    ("[01][0-9]", "write a time as HH:MM on the 24-hour clock, for example 09:00 or 16:30."),
    ("[0-9]{4}", "write the date as YYYY-MM-DD, for example 2026-11-01."),
)
HINTS = {
    "required": "add the missing setting (see the example in examples/lindewaard/settings.yml).",
    "oneOf": "give the municipality's `name` and `name_nl` (or null for the national edition).",
    "minItems": "give at least one item.",
    "uniqueItems": "list each item once.",
    "format": "write the date as YYYY-MM-DD, for example 2026-11-01, and check that the day exists.",
}


def _fix_hint(error: jsonschema.ValidationError) -> str:
    if error.validator == "pattern":
        rule = str(error.validator_value)
        return next((hint for part, hint in PATTERN_HINTS if part in rule), "compare with the example settings.")
    if error.validator == "enum":
        return f"use one of: {', '.join(map(str, error.validator_value))}."
    if error.validator == "type":
        return f"give a value of type {error.validator_value}."
    return HINTS.get(str(error.validator), "compare the setting with the example in examples/lindewaard/settings.yml.")


def phone_problem(number: str) -> str | None:
    """Why a Dutch phone number cannot be dialled, or None when it can."""
    try:
        parsed = phonenumbers.parse(number, "NL")
    except phonenumbers.NumberParseException as error:
        return str(error)
    if not phonenumbers.is_valid_number(parsed):
        return "it is not a valid phone number"
    return None


def email_problem(address: str) -> str | None:
    try:
        validate_email(address, check_deliverability=False, test_environment=True)
    except EmailNotValidError as error:
        return str(error)
    return None


# A problem found by a check below: (path of the setting, what is wrong, how to fix it).
Found = tuple[list, str, str]


def _nearest(word: str, choices) -> str:
    nearest = difflib.get_close_matches(word, list(choices), n=1)
    return f"did you mean `{nearest[0]}`? " if nearest else ""


def language_problems(chosen: list[str], languages: list[str]) -> list[Found]:
    found: list[Found] = [
        (["languages", index], f"`languages` names `{code}`, a language the guide does not have.",
         f"{_nearest(code, languages)}use codes from mkdocs.yml: {', '.join(languages)}.")
        for index, code in enumerate(chosen) if code not in languages
    ]
    if chosen and languages[0] not in chosen:
        found.append((["languages"], f"`languages` leaves out `{languages[0]}`, the language every page is "
                      "translated from.", f"add `{languages[0]}`: readers of a missing page get it in that language."))
    return found


def contact_problems(contact: dict, whole: bool) -> list[Found]:
    """Phone and e-mail (when given as text) always; opening hours when `contact` has the right shape."""
    found: list[Found] = []
    phone, email = contact.get("phone"), contact.get("email")
    if isinstance(phone, str) and (why := phone_problem(phone)):
        found.append((["contact", "phone"], f"`contact.phone` \"{phone}\": {why}.",
                      "write the number as readers dial it in the Netherlands, for example 020 123 4567 "
                      "or +31 20 123 4567."))
    if isinstance(email, str) and (why := email_problem(email)):
        found.append((["contact", "email"], f"`contact.email` \"{email}\" is not an e-mail address: {why}",
                      "write one address, for example inburgering@gemeente.nl."))
    for number, hours in enumerate(contact.get("opening_hours") or [] if whole else []):
        if hours["opens"] >= hours["closes"]:
            found.append((["contact", "opening_hours", number, "closes"],
                          f"`contact.opening_hours` item {number + 1} closes ({hours['closes']}) before it "
                          f"opens ({hours['opens']}).",
                          "write the opening time first and the closing time second, on the 24-hour clock."))
    return found


def file_problems(data: dict, folder: Path, settings_name: str, keys: list[str]) -> list[Found]:
    """The logo, the favicon and the pages folder exist, next to the settings file."""
    found: list[Found] = []
    for key in [k for k in ("logo", "favicon") if k in keys and data.get(k)]:
        path = [key, "file"] if key == "logo" else [key]
        name = data[key]["file"] if key == "logo" else data[key]
        file = folder / name
        if not file.is_file():
            found.append((path, f"`{_dotted(path)}`: the file {file} does not exist.",
                          f"put the image next to {settings_name}, or fix the file name."))
        elif file.suffix.lower() not in IMAGE_SUFFIXES:
            found.append((path, f"`{_dotted(path)}`: {name} is not an SVG or PNG file.", "save it as .svg or .png."))
    if "pages" in keys and data.get("pages") and not (folder / data["pages"]).is_dir():
        found.append((["pages"], f"`pages`: the folder {folder / data['pages']} does not exist.",
                      "create the folder with one subfolder per language (nl/, en/ …), or remove the setting."))
    return found


def local_fact_problems(local_facts: dict, sources: dict, facts: dict) -> list[Found]:
    """Each local value replaces a fact that exists and pages show, with a value of its kind and a source."""
    found: list[Found] = []
    for key, local in local_facts.items():
        national = facts["facts"].get(key)
        if national is None:
            found.append((["local_facts", key], f"`local_facts.{key}`: the facts file has no fact `{key}` to replace.",
                          f"{_nearest(key, facts['facts'])}use a key from data/facts.yml."))
            continue
        if national["unit"] in NUMBER_UNITS and not isinstance(local["value"], int | float):
            found.append((["local_facts", key, "value"], f"`local_facts.{key}.value` must be a number: the fact "
                          f"is counted in {national['unit']}s.", "write the number without words, for example 3."))
        if national["unit"] == "rule":
            found.append((["local_facts", key], f"`local_facts.{key}` is a rule (a sentence for editors), not a "
                          "value.", "replace a fact that pages show, such as exam_attempts_paid."))
        if local["source"] not in sources:
            found.append((["local_facts", key, "source"], f"`local_facts.{key}.source` names `{local['source']}`, "
                          "which is not under `sources` in the settings.",
                          "add the source (publisher, title, url) under `sources`."))
    return found


def content_problems(data: dict, text: str, filename: str, *, folder: Path, facts: dict,
                     languages: list[str]) -> list[GuideError]:
    """What the schema cannot check, in each group of settings that has the shape the check
    expects (where it does not, the schema has already said what is wrong)."""
    misshapen = {
        next(iter(error.absolute_path))
        for error in jsonschema.Draft202012Validator(_schema()).iter_errors(data)
        if error.absolute_path and error.validator not in ("additionalProperties", "required")
    }
    whole = [key for key in data if key not in misshapen]
    found = contact_problems(data.get("contact") or {}, "contact" in whole) if isinstance(
        data.get("contact"), dict) else []
    if "languages" in whole:
        found += language_problems(data.get("languages") or [], languages)
    found += file_problems(data, folder, Path(filename).name, whole)
    if "local_facts" in whole and "sources" not in misshapen:
        found += local_fact_problems(data["local_facts"] or {}, data.get("sources") or {}, facts)
    problems = [GuideError(_where(filename, text, path), problem, fix) for path, problem, fix in found]
    colours = data.get("colours") if "colours" in whole else None
    return problems + colour_problems(colours or {}, lambda path: _where(filename, text, ["colours", *path]))


def load_settings(path: Path, facts: dict, languages: list[str]) -> dict:
    """Read and check a settings file; every mistake in it raises one SettingsError."""
    filename = str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    if not path.is_file():
        raise SettingsError([GuideError(filename, "the settings file does not exist.",
                                        "copy examples/lindewaard/settings.yml there and fill it in.")])
    text = path.read_text(encoding="utf-8")
    data = parse_yaml(text, filename)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SettingsError([GuideError(filename, "the settings file is not a list of settings (key: value).",
                                        "start from examples/lindewaard/settings.yml.")])
    problems = schema_problems(data, text, filename)
    problems += content_problems(data, text, filename, folder=path.parent, facts=facts, languages=languages)
    if problems:
        raise SettingsError(problems)
    data["folder"] = str(path.parent)
    return data


def with_local_facts(facts: dict, settings: dict) -> dict:
    """The facts with the municipality's local values in place of the national ones.

    A replaced fact keeps its unit and noun and gains `local: True`, so pages mark it as
    local; its source is the municipality's (listed at the page's end like any source).
    """
    local_facts = settings.get("local_facts") or {}
    if not local_facts:
        return facts
    merged = {**facts, "facts": dict(facts["facts"]), "sources": dict(facts["sources"])}
    for key, source in (settings.get("sources") or {}).items():
        merged["sources"][f"local:{key}"] = {"kind": "municipal", **source}
    for key, local in local_facts.items():
        national = facts["facts"][key]
        merged["facts"][key] = {
            "unit": national["unit"], **({"noun": national["noun"]} if "noun" in national else {}),
            "value": local["value"], "source": f"local:{local['source']}", "checked": local["checked"],
            "applies_to": local["applies_to"], "local": True,
        }
    return merged
