"""The settings file: every mistake found in one run, each with its key, line and fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.facts import load_facts
from macros.settings import NATIONAL_SETTINGS, SettingsError, load_settings, settings_path, with_local_facts

ROOT = Path(__file__).resolve().parents[2]
FACTS = load_facts(ROOT / "data" / "facts.yml")
LANGUAGES = ["en", "nl", "ar", "fa", "fa-AF", "ps", "ti", "so", "es", "tr"]
EXAMPLES = sorted((ROOT / "examples").glob("*/settings.yml"))


def load(path: Path) -> dict:
    return load_settings(path, FACTS, LANGUAGES)


def broken(tmp_path: Path, old: str, new: str, example: str = "lindewaard") -> list[str]:
    """The problems of a copy of an example's settings with `old` replaced by `new`."""
    folder = tmp_path / example
    shutil.copytree(ROOT / "examples" / example, folder)
    settings = folder / "settings.yml"
    text = settings.read_text(encoding="utf-8")
    assert old in text, f"the example no longer contains {old!r}"
    settings.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        load(settings)
    return [str(problem) for problem in raised.value.problems]


def line_of(tmp_path: Path, text: str, example: str = "lindewaard") -> int:
    lines = (tmp_path / example / "settings.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_the_national_settings_name_no_municipality():
    assert load(NATIONAL_SETTINGS)["municipality"] is None


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_each_example_is_valid(path):
    settings = load(path)
    assert settings["municipality"]["name"] == path.parent.name.capitalize()


def test_there_are_two_examples():
    assert [p.parent.name for p in EXAMPLES] == ["hoogmeer", "lindewaard"]


def test_guide_settings_variable_wins(tmp_path):
    assert settings_path({"GUIDE_SETTINGS": str(tmp_path / "s.yml")}) == tmp_path / "s.yml"
    assert settings_path({}) in (NATIONAL_SETTINGS, ROOT / "municipality" / "settings.yml")


def test_unknown_key_is_named_with_the_nearest_known_one(tmp_path):
    unknown, missing = broken(tmp_path, "  phone:", "  phnoe:")
    assert "`contact.phnoe` is not a setting the guide knows" in unknown
    assert "did you mean `phone`?" in unknown
    assert "'phone' is a required property" in missing


def test_missing_required_field(tmp_path):
    problems = broken(tmp_path, '  email: inburgering@lindewaard.example\n', "")
    assert len(problems) == 1
    assert "`contact` is wrong: 'email' is a required property" in problems[0]
    assert "add the missing setting" in problems[0]


def test_invalid_phone_number(tmp_path):
    problems = broken(tmp_path, '"0345 123 456"', '"0345 12"')
    assert problems == [problems[0]] and f"settings.yml:{line_of(tmp_path, 'phone:')}:" in problems[0]
    assert '`contact.phone` "0345 12": it is not a valid phone number' in problems[0]
    assert "020 123 4567" in problems[0]


def test_invalid_email(tmp_path):
    [problem] = broken(tmp_path, "inburgering@lindewaard.example", "inburgering(at)lindewaard")
    assert '`contact.email` "inburgering(at)lindewaard" is not an e-mail address' in problem


def test_logo_that_does_not_exist(tmp_path):
    [problem] = broken(tmp_path, "file: logo.svg", "file: logo-new.svg")
    assert "`logo.file`: the file" in problem and "logo-new.svg does not exist" in problem
    assert f"settings.yml:{line_of(tmp_path, 'logo-new.svg')}:" in problem


def test_logo_that_is_not_svg_or_png(tmp_path):
    (tmp_path / "lindewaard").mkdir()
    (tmp_path / "lindewaard" / "logo.gif").write_bytes(b"GIF89a")
    shutil.copytree(ROOT / "examples" / "lindewaard", tmp_path / "lindewaard", dirs_exist_ok=True)
    settings = tmp_path / "lindewaard" / "settings.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("file: logo.svg", "file: logo.gif"))
    with pytest.raises(SettingsError, match=r"logo\.gif is not an SVG or PNG file"):
        load(settings)


def test_unknown_language_code(tmp_path):
    [problem] = broken(tmp_path, "languages: [en, nl, ar,", "languages: [en, nl, arb,")
    assert "`languages` names `arb`, a language the guide does not have" in problem
    assert "did you mean `ar`?" in problem


def test_english_cannot_be_left_out(tmp_path):
    [problem] = broken(tmp_path, "languages: [en, nl,", "languages: [nl,")
    assert "leaves out `en`" in problem


def test_bad_colour_gets_the_ratio_and_a_passing_colour_of_the_same_hue(tmp_path):
    [problem] = broken(tmp_path, 'primary: "#17603a"', 'primary: "#5fbf8a"')
    assert "`colours.light.primary` #5fbf8a: white text on the header and buttons would have a contrast of" in problem
    assert "WCAG 2.2 AA needs at least 4.5:1" in problem
    suggested = problem.split("How to fix: use ")[1][:7]
    from macros.brand import ROLES, failures

    assert failures(suggested, ROLES["light", "primary"]) == []


def test_colour_that_is_not_a_colour(tmp_path):
    [problem] = broken(tmp_path, 'accent: "#135c36"', 'accent: "green"')
    assert "`colours.light.accent` is wrong" in problem and "six hexadecimal digits" in problem


def test_local_fact_that_does_not_exist(tmp_path):
    [problem] = broken(tmp_path, "  exam_attempts_paid:", "  exam_attempt_paid:")
    assert "`local_facts.exam_attempt_paid`: the facts file has no fact" in problem
    assert "did you mean `exam_attempts_paid`?" in problem


def test_local_fact_with_words_for_a_number(tmp_path):
    [problem] = broken(tmp_path, "    value: 3\n", "    value: three\n")
    assert "`local_facts.exam_attempts_paid.value` must be a number" in problem


def test_local_fact_with_an_unknown_source(tmp_path):
    [problem] = broken(tmp_path, "    source: beleidsregels", "    source: raadsbesluit")
    assert "names `raadsbesluit`, which is not under `sources`" in problem


def test_opening_hours_that_close_before_they_open(tmp_path):
    [problem] = broken(tmp_path, 'opens: "09:00", closes: "12:30"', 'opens: "13:00", closes: "12:30"')
    assert "item 2 closes (12:30) before it opens (13:00)" in problem


def test_time_that_is_not_a_time(tmp_path):
    [problem] = broken(tmp_path, 'closes: "12:30"', 'closes: "12.30 uur"')
    assert "HH:MM on the 24-hour clock" in problem


def test_address_that_is_not_a_web_address(tmp_path):
    [problem] = broken(tmp_path, "contact_form: https://www.lindewaard.example/contact",
                       "contact_form: www.lindewaard.example/contact")
    assert "`contact.contact_form` is wrong" in problem and "starting with https://" in problem


def test_five_mistakes_are_reported_in_one_run(tmp_path):
    folder = tmp_path / "lindewaard"
    shutil.copytree(ROOT / "examples" / "lindewaard", folder)
    settings = folder / "settings.yml"
    text = settings.read_text(encoding="utf-8")
    for old, new in [('"0345 123 456"', '"12"'), ("inburgering@lindewaard.example", "nobody"),
                     ("file: logo.svg", "file: missing.svg"), ("ar, fa,", "xx, fa,"),
                     ('dark: {primary: "#0f3d25"', 'dark: {primary: "#9fe0bd"')]:
        text = text.replace(old, new, 1)
    settings.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        load(settings)
    message = str(raised.value)
    assert message.startswith("5 mistake(s) in the settings file:")
    for key in ("`contact.phone`", "`contact.email`", "`logo.file`", "`xx`", "`colours.dark.primary`"):
        assert key in message
    assert all(":" in p.where and p.where.split(":")[-1].isdigit() for p in raised.value.problems)


def test_a_settings_file_that_is_not_yaml(tmp_path):
    bad = tmp_path / "settings.yml"
    bad.write_text("municipality:\n  name: [Lindewaard\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"settings\.yml:3: this is not valid YAML"):
        load(bad)


def test_a_settings_file_that_does_not_exist(tmp_path):
    with pytest.raises(SettingsError, match="the settings file does not exist"):
        load(tmp_path / "nowhere.yml")


def test_local_facts_replace_the_national_value_and_are_marked():
    settings = load(ROOT / "examples" / "lindewaard" / "settings.yml")
    facts = with_local_facts(FACTS, settings)
    local = facts["facts"]["exam_attempts_paid"]
    assert (local["value"], local["local"], local["unit"], local["noun"]) == (3, True, "count", "attempt")
    assert facts["sources"][local["source"]]["publisher"] == "Gemeente Lindewaard"
    assert FACTS["facts"]["exam_attempts_paid"]["value"] == 2  # the national facts are untouched
