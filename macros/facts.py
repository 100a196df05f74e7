"""Load, validate and look up the facts file (data/facts.yml).

Pure functions: they take text or dicts and return values or raise GuideError,
so tests can call them without MkDocs.
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .errors import GuideError

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "facts.schema.json"


class _StringDateLoader(yaml.SafeLoader):
    """A YAML loader that keeps dates as text, so the schema checks them as ISO 8601."""


# Dropping the timestamp resolver keeps `2022-01-01` a string (JSON Schema has no date type).
_StringDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml(text: str, filename: str) -> Any:
    """Parse YAML text; a syntax error names the file and line."""
    try:
        return yaml.load(text, Loader=_StringDateLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise GuideError(
            f"{filename}{line}",
            f"this is not valid YAML ({error.problem or error.context}).",
            "check the indentation and the quotes on that line and the line above it.",
        ) from None


def line_of(text: str, path: list[str | int]) -> int | None:
    """The 1-based line in YAML `text` where the value at `path` starts, or None."""
    try:
        node = yaml.compose(text, Loader=_StringDateLoader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node else None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            match = next((pair for pair in node.value if pair[0].value == step), None)
            if match is None:
                break
            node = match[1]
            line = match[0].start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line


@lru_cache(maxsize=1)
def load_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate_facts(data: Any, text: str, filename: str) -> None:
    """Check parsed facts against the JSON Schema and that every source key exists."""
    validator = jsonschema.Draft202012Validator(
        load_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        # Report the most specific error: jsonschema's best_match picks the deepest one.
        error = jsonschema.exceptions.best_match(errors)
        path = list(error.absolute_path)
        line = line_of(text, path)
        where = f"{filename}:{line}" if line else filename
        dotted = ".".join(str(part) for part in path) or "(top level)"
        raise GuideError(
            where,
            f"`{dotted}` is wrong: {error.message}.",
            _schema_fix_hint(error),
        )
    known_sources = set(data["sources"])
    for section in ("facts", "local_examples"):
        for key, fact in (data.get(section) or {}).items():
            for index, item in enumerate([fact, *fact.get("variants", [])]):
                if item["source"] not in known_sources:
                    path = [section, key, "source"] if index == 0 else [section, key, "variants", index - 1, "source"]
                    raise GuideError(
                        f"{filename}:{line_of(text, path)}",
                        f"fact `{key}` names the source `{item['source']}`, which is not listed under `sources`.",
                        f"use one of: {', '.join(sorted(known_sources))}; or add the source under `sources`.",
                    )


def _schema_fix_hint(error: jsonschema.ValidationError) -> str:
    if error.validator == "format" and error.validator_value == "date":
        return "write the date as YYYY-MM-DD (ISO 8601), for example 2022-01-01, and check that the day exists."
    if error.validator == "pattern" and "[0-9]{4}" in str(error.validator_value):
        return "write the date as YYYY-MM-DD (ISO 8601), for example 2022-01-01."
    if error.validator == "required" and list(error.absolute_path)[:1] == ["sources"]:
        return "add the missing field; every source needs kind, publisher and title, and url (or file for a seed)."
    if error.validator == "required":
        return "add the missing field; every fact needs value, unit, source and checked (see the top of the file)."
    if error.validator == "type":
        return f"give a value of type {error.validator_value}."
    if error.validator == "enum":
        return f"use one of: {', '.join(map(str, error.validator_value))}."
    if error.validator == "additionalProperties":
        return "remove or rename the field; the allowed fields are listed at the top of the file."
    return "compare the entry with the others and with data/facts.schema.json."


def load_facts(path: Path) -> dict:
    """Read, parse and validate the facts file; every problem raises GuideError."""
    filename = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GuideError(filename, "the facts file does not exist.", "restore data/facts.yml from git.") from None
    data = parse_yaml(text, filename)
    validate_facts(data, text, filename)
    return data


def get_fact(facts: dict, key: str, where: str) -> dict:
    """The fact named `key`; an unknown key names the page and suggests the nearest keys."""
    try:
        return facts["facts"][key]
    except KeyError:
        nearest = difflib.get_close_matches(key, facts["facts"].keys(), n=3, cutoff=0.5)
        hint = f"did you mean {', '.join(f'`{k}`' for k in nearest)}?" if nearest else "no key is close to it."
        raise GuideError(
            where,
            f"the fact `{key}` does not exist in data/facts.yml ({hint})",
            "fix the key in the page, or add the fact to data/facts.yml with its value, unit, source and checked date.",
        ) from None


def pick_value(fact: dict, key: str, variant: int | None, where: str) -> Any:
    """The fact's value, or the value of its variant number `variant` (counting from 1)."""
    if variant is None:
        return fact["value"]
    variants = fact.get("variants", [])
    if not 1 <= variant <= len(variants):
        raise GuideError(
            where,
            f"the fact `{key}` has no variant {variant} (it has {len(variants)}).",
            "use a variant number that data/facts.yml lists for this fact, counting from 1.",
        )
    return variants[variant - 1]["value"]
