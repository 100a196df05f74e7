"""Every kind of GuideError, triggered through a real strict build of a broken copy of the
project: the build stops, and the message names the file and the line and says how to fix it.

Each test breaks one thing in its own copy (fixture `project`, tests/integration/conftest.py).
Pages are broken by appending lines, the facts file by YAML path, catalogues by message id,
so the tests survive edits to the content. Kinds that no build can reach are tested at unit
level in tests/unit, with the reason in a comment here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from .helpers import (
    append,
    delete_yaml,
    failed_build,
    guide_error,
    insert_after_yaml,
    last_line,
    po_keys,
    po_remove,
    po_set,
    set_yaml,
    yaml_line,
)

NOT_A_STEP = "paying.md"


def names(message: str, file: str, line: int | None) -> None:
    """`message` starts with `…file:line:` (or `…file:` when the file has no line to name)."""
    expected = f"{file}:{line}" if line else file
    first = message.splitlines()[0]
    assert re.search(rf"(^|[\s/]){re.escape(expected)}: ", first), f"expected …{expected}: in:\n{message}"
    assert "How to fix: " in message


def names_a_call(message: str, project: Path, macro: str) -> None:
    """The message names `docs/…/x.md:N`, and line N of that page calls `macro(`."""
    found = re.search(r"(docs/[\w/.-]+\.md):(\d+)", message)
    assert found, f"no page and line in:\n{message}"
    line = (project / found[1]).read_text(encoding="utf-8").splitlines()[int(found[2]) - 1]
    assert f"{macro}(" in line, f"{found[0]} is {line!r}, not a call of {macro}()"


def facts_file(project: Path) -> Path:
    return project / "data" / "facts.yml"


def fact_keys(project: Path, unit: str) -> list[str]:
    facts = yaml.safe_load(facts_file(project).read_text(encoding="utf-8"))["facts"]
    return [key for key, fact in facts.items() if fact["unit"] == unit]


# --- Macros on a page (macros/__init__.py, macros/facts.py) ---------------------------


def test_unknown_fact_names_page_line_and_nearest_keys(project):
    page = project / "docs" / "en" / NOT_A_STEP
    line = append(page, 'You have {{ fact("integration_perod") }}.')
    message = guide_error(failed_build(project))
    names(message, f"docs/en/{NOT_A_STEP}", line)
    assert "`integration_perod` does not exist" in message and "`integration_period`" in message


def test_second_use_of_a_fact_on_a_page_names_the_second_line(project):
    page = project / "docs" / "nl" / NOT_A_STEP
    append(page, 'Eerst {{ fact("integration_period") }}.', "", 'Dan {{ fact("integration_period", variant=99) }}.')
    message = guide_error(failed_build(project))
    names(message, f"docs/nl/{NOT_A_STEP}", last_line(page))
    assert "has no variant 99" in message


def test_a_key_that_also_appears_in_plain_text_names_the_call(project):
    # The key is first written in plain text; only the call on the last line may be named.
    page = project / "docs" / "en" / NOT_A_STEP
    append(page, "Ask DUO about duo_letter_wait_x.", "", 'Wait {{ fact("duo_letter_wait_x") }}.')
    names(guide_error(failed_build(project)), f"docs/en/{NOT_A_STEP}", last_line(page))


def test_variant_out_of_range(project):
    page = project / "docs" / "en" / NOT_A_STEP
    line = append(page, 'It is {{ fact("integration_period", variant=99) }}.')
    message = guide_error(failed_build(project))
    names(message, f"docs/en/{NOT_A_STEP}", line)
    assert "has no variant 99" in message


def test_a_rule_passed_to_fact(project):
    rules = fact_keys(project, "rule")
    if rules:
        key = rules[0]
    else:  # no rule in the data now: make one
        key = "integration_period"
        set_yaml(facts_file(project), ["facts", key, "value"], '"A sentence for editors."')
        set_yaml(facts_file(project), ["facts", key, "unit"], "rule")
    page = project / "docs" / "en" / NOT_A_STEP
    line = append(page, f'{{{{ fact("{key}") }}}}')
    message = guide_error(failed_build(project))
    names(message, f"docs/en/{NOT_A_STEP}", line)
    assert f"`{key}` is a rule" in message


def test_link_to_a_fact_that_is_not_a_web_address(project):
    page = project / "docs" / "en" / NOT_A_STEP
    line = append(page, 'See {{ link("integration_period") }}.')
    message = guide_error(failed_build(project))
    names(message, f"docs/en/{NOT_A_STEP}", line)
    assert "`integration_period` is not a web address" in message


def test_unknown_term(project):
    page = project / "docs" / "nl" / NOT_A_STEP
    line = append(page, 'De {{ term("no-such-term") }}.')
    message = guide_error(failed_build(project))
    names(message, f"docs/nl/{NOT_A_STEP}", line)
    assert "the term `no-such-term` is not under `terms`" in message


# --- Steps and pages (macros/pages.py) -----------------------------------------------


def test_step_macro_on_a_page_that_is_not_a_step(project):
    page = project / "docs" / "en" / NOT_A_STEP
    line = append(page, "{{ step_progress() }}")
    message = guide_error(failed_build(project))
    names(message, f"docs/en/{NOT_A_STEP}", line)
    assert "is not a step in `journey`" in message


def test_journey_names_a_page_that_does_not_exist(project):
    facts = facts_file(project)
    journey = yaml.safe_load(facts.read_text(encoding="utf-8"))["journey"]
    insert_after_yaml(facts, ["journey", len(journey) - 1], "  - no-such-step")
    message = guide_error(failed_build(project))
    # The missing file has no line to name; the fix names data/facts.yml.
    names(message, "docs/en/steps/no-such-step.md", None)
    assert "does not exist" in message and "data/facts.yml" in message


def test_page_without_a_title(project):
    page = project / "docs" / "nl" / "about.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"^# .*$", "Geen titel.", text, count=1, flags=re.MULTILINE), encoding="utf-8")
    message = guide_error(failed_build(project))
    lines = page.read_text(encoding="utf-8").splitlines()
    end = [n for n, line in enumerate(lines, 1) if line == "---"][1]
    first_text = next(n for n, line in enumerate(lines, 1) if n > end and line.strip())
    names(message, "docs/nl/about.md", first_text)  # the first line after the front matter
    assert "has no title" in message


# --- Whole-site checks before the build (macros/site_checks.py) ----------------------


def test_page_without_a_description(project):
    page = project / "docs" / "en" / "about.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"^description:.*\n", "", text, count=1, flags=re.MULTILINE), encoding="utf-8")
    message = guide_error(failed_build(project))
    names(message, "docs/en/about.md", 1)
    assert "no `description:`" in message


def test_page_without_front_matter(project):
    page = project / "docs" / "en" / "about.md"
    page.write_text(re.sub(r"\A---\n.*?\n---\n", "", page.read_text(encoding="utf-8"), flags=re.DOTALL))
    message = guide_error(failed_build(project))
    names(message, "docs/en/about.md", 1)
    assert "no front matter" in message


def test_front_matter_that_is_not_yaml(project):
    page = project / "docs" / "nl" / "azc.md"
    # An unquoted ": " inside the value is a classic YAML mistake.
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("description:", "description: Let op: fout", 1), encoding="utf-8")
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("description:"))) + 1
    message = guide_error(failed_build(project))
    names(message, "docs/nl/azc.md", line)
    assert "front matter is not valid YAML" in message


def test_front_matter_that_is_not_a_mapping(project):
    page = project / "docs" / "en" / "about.md"
    page.write_text("---\n- a list\n---\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    message = guide_error(failed_build(project))
    names(message, "docs/en/about.md", 2)
    assert "not a list of `key: value` lines" in message


def test_two_pages_with_the_same_title(project):
    docs = project / "docs" / "en"
    title = re.search(r"^# (.+?)\s*(\{.*\})?$", (docs / "about.md").read_text(encoding="utf-8"), re.MULTILINE)[1]
    page = docs / "azc.md"
    page.write_text(re.sub(r"^# .*$", f"# {title}", page.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE))
    message = guide_error(failed_build(project))
    heading = next(n for n, line in enumerate(page.read_text().splitlines(), 1) if line.startswith("# "))
    names(message, "docs/en/azc.md", heading)
    assert "docs/en/about.md" in message and "also the title of" in message


def test_page_missing_in_a_built_language(project):
    (project / "docs" / "nl" / "wi2013.md").unlink()
    message = guide_error(failed_build(project))
    names(message, "docs/nl", None)
    assert "has no translation of wi2013.md" in message and "docs/nl/wi2013.md" in message


def test_page_with_no_english_original(project):
    extra = project / "docs" / "nl" / "extra.md"
    extra.write_text("---\ndescription: Extra.\n---\n\n# Extra\n", encoding="utf-8")
    message = guide_error(failed_build(project))
    names(message, "docs/nl/extra.md", None)
    assert "no English original" in message


# --- The facts file (macros/facts.py) -------------------------------------------------


def test_facts_file_that_is_not_yaml(project):
    line = set_yaml(facts_file(project), ["facts", "integration_period", "value"], "[3")
    message = guide_error(failed_build(project))
    assert re.match(r".*data/facts\.yml:\d+: this is not valid YAML", message), message
    # PyYAML finds an unclosed bracket on a later line; it must be close by.
    assert 0 <= int(re.search(r"facts\.yml:(\d+)", message)[1]) - line <= 3, message


def test_missing_facts_file(project):
    facts_file(project).unlink()
    message = guide_error(failed_build(project))
    names(message, "data/facts.yml", None)
    assert "does not exist" in message


def test_fact_without_source(project):
    line = yaml_line(facts_file(project), ["facts", "integration_period"])
    delete_yaml(facts_file(project), ["facts", "integration_period", "source"])
    message = guide_error(failed_build(project))
    names(message, "data/facts.yml", line)  # the fact that lacks it
    assert "`facts.integration_period` is wrong: 'source' is a required property" in message


def test_fact_with_wrong_type(project):
    line = set_yaml(facts_file(project), ["facts", "duo_letter_wait", "value"], '"eight"')
    message = guide_error(failed_build(project))
    names(message, "data/facts.yml", line)
    assert "`facts.duo_letter_wait.value` is wrong" in message


def test_date_that_is_not_iso_8601(project):
    line = set_yaml(facts_file(project), ["facts", "integration_period", "checked"], '"26-11-2026"')
    message = guide_error(failed_build(project))
    names(message, "data/facts.yml", line)
    assert "`facts.integration_period.checked` is wrong" in message and "YYYY-MM-DD" in message


def test_unknown_source_key(project):
    line = set_yaml(facts_file(project), ["facts", "integration_period", "source"], "seed_nowhere")
    message = guide_error(failed_build(project))
    names(message, "data/facts.yml", line)
    assert "`seed_nowhere`, which is not listed under `sources`" in message


# --- UI strings (macros/i18n.py, hooks/theme_strings.py) ------------------------------


def test_missing_catalogue_for_a_built_language(project):
    (project / "translations" / "nl.po").unlink()
    message = guide_error(failed_build(project))
    names(message, "translations/nl.po", None)
    assert "does not exist" in message


def test_catalogue_that_is_not_a_po_file(project):
    catalog = project / "translations" / "nl.po"
    line = append(catalog, "this line is not gettext")
    message = guide_error(failed_build(project))
    names(message, "translations/nl.po", line)
    assert "not a valid .po file" in message


def test_ui_string_without_translation(project):
    po_remove(project / "translations" / "nl.po", "step.next")
    message = guide_error(failed_build(project))
    names(message, "translations/nl.po", None)
    assert 'the UI string "step.next"' in message and "translations/en.po:" in message


def test_ui_string_with_an_empty_translation(project):
    line = po_set(project / "translations" / "nl.po", "step.next", "")
    message = guide_error(failed_build(project))
    names(message, "translations/nl.po", line - 1)  # the msgid line
    assert 'the UI string "step.next" has an empty translation' in message


def test_ui_string_that_english_does_not_have(project):
    catalog = project / "translations" / "nl.po"
    line = append(catalog, 'msgid "step.nowhere"', 'msgstr "Nergens"')
    message = guide_error(failed_build(project))
    names(message, "translations/nl.po", line)
    assert 'the UI string "step.nowhere" is not in' in message


def test_translation_with_a_placeholder_english_does_not_have(project):
    line = po_set(project / "translations" / "nl.po", "step.progress", "Stap {nummer} van {total}")
    message = guide_error(failed_build(project))
    names(message, "translations/nl.po", line)
    assert "{nummer}" in message


def test_placeholder_the_code_does_not_fill_names_the_msgstr_and_the_page(project):
    # English and Dutch agree, so the catalogue check passes; the step page's macro fails.
    en_line = po_set(project / "translations" / "en.po", "step.progress", "Step {nummer} of {total}")
    po_set(project / "translations" / "nl.po", "step.progress", "Stap {nummer} van {total}")
    message = guide_error(failed_build(project))
    names(message, "translations/en.po", en_line)
    names_a_call(message, project, "step_progress")


def test_unknown_ui_string_used_by_a_page_macro(project):
    # The key is removed from every catalogue, so only the macro that uses it can fail.
    for language in ("en", "nl"):
        po_remove(project / "translations" / f"{language}.po", "step.progress")
    message = guide_error(failed_build(project))
    names_a_call(message, project, "step_progress")
    assert 'the UI string "step.progress" is not in translations/en.po' in message


def test_unknown_ui_string_in_a_theme_template(project):
    template = next(path for path in sorted((project / "overrides").rglob("*.html")) if "ui(" in path.read_text())
    line = append(template, '{{ ui("theme.nowhere") }}')
    message = guide_error(failed_build(project))
    names(message, str(template.relative_to(project)), line)
    assert 'the UI string "theme.nowhere" is not in translations/en.po' in message


def test_counted_word_without_every_plural_form(project):
    families = sorted({key.rsplit(".", 1)[0] for key in po_keys(project / "translations" / "en.po", "unit.")})
    family = families[0]
    for language in ("en", "nl"):
        po_remove(project / "translations" / f"{language}.po", f"{family}.one")
    other = po_set(project / "translations" / "en.po", f"{family}.other", "{number} x") - 1
    message = guide_error(failed_build(project))
    names(message, "translations/en.po", other)  # the msgid of the family's remaining form
    assert f'"{family}" has no form for the plural categories one' in message


def test_cldr_hole_without_a_catalogue_entry(project):
    # Units come from the catalogues (CLDR's have holes: "40 duration-hour" in Dutch).
    # Without unit.hour.*, a Dutch page that shows hours must stop the build.
    for language in ("en", "nl"):
        for key in po_keys(project / "translations" / f"{language}.po", "unit.hour."):
            po_remove(project / "translations" / f"{language}.po", key)
    set_yaml(facts_file(project), ["facts", "duo_letter_wait", "unit"], "hour")
    page = project / "docs" / "nl" / NOT_A_STEP
    append(page, 'Het duurt {{ fact("duo_letter_wait") }}.')
    message = guide_error(failed_build(project))
    # The missing message has no line; macros/formatting.py does not know the page (left as is).
    # English pages show the same fact, and English builds first.
    names(message, "translations/en.po", None)
    assert "no words for 'hour'" in message and "unit.hour." in message


# --- Front matter `rules:` (macros/sources.py) ----------------------------------------


@pytest.mark.parametrize(
    ("rules", "problem"),
    [("integration_period", "must be a list"), ("[integration_period]", "which is not a rule fact")],
    ids=["not-a-list", "not-a-rule"],
)
def test_front_matter_rules(project, rules, problem):
    # The same `rules:` in every language, replacing the page's own, so only this check can fail.
    for language in ("en", "nl"):
        page = project / "docs" / language / NOT_A_STEP
        text = page.read_text(encoding="utf-8")
        match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
        meta = {**yaml.safe_load(match[1]), "rules": yaml.safe_load(rules)}
        dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        page.write_text(f"---\n{dumped}---\n{text[match.end():]}", encoding="utf-8")
    message = guide_error(failed_build(project))
    # macros/sources.py is given the page but not the line of `rules:` (left as is).
    names(message, f"en/{NOT_A_STEP}", None)
    assert problem in message
