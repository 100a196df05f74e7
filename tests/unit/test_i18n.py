"""UI string catalogues: parity with English, clear errors, placeholders."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.errors import GuideError
from macros.i18n import Entry, check_catalog, load_catalog, load_checked_catalogs, translate

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"


def write_po(path: Path, messages: dict[str, str]) -> Path:
    body = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    body += "".join(f'msgid "{key}"\nmsgstr "{text}"\n\n' for key, text in messages.items())
    path.write_text(body, encoding="utf-8")
    return path


def test_every_built_language_translates_every_string():
    catalogs = load_checked_catalogs(TRANSLATIONS, ["en", "nl"])
    assert set(catalogs["en"]) == set(catalogs["nl"])


def test_a_missing_translation_names_the_file_and_the_string(tmp_path):
    source = load_catalog(write_po(tmp_path / "en.po", {"step.next": "Next", "step.previous": "Previous"}))
    target_path = write_po(tmp_path / "nl.po", {"step.next": "Volgende"})
    with pytest.raises(GuideError) as error:
        check_catalog(source, load_catalog(target_path), target_path, tmp_path / "en.po")
    assert "step.previous" in str(error.value)
    assert str(target_path) in error.value.where


def test_an_empty_translation_names_its_line(tmp_path):
    source = load_catalog(write_po(tmp_path / "en.po", {"a": "A", "b": "B"}))
    target_path = write_po(tmp_path / "nl.po", {"a": "A", "b": ""})
    with pytest.raises(GuideError) as error:
        check_catalog(source, load_catalog(target_path), target_path, tmp_path / "en.po")
    assert error.value.where == f"{target_path}:8"  # the msgid line


def test_a_missing_catalogue_file_is_an_error(tmp_path):
    write_po(tmp_path / "en.po", {"a": "A"})
    with pytest.raises(GuideError, match="does not exist"):
        load_checked_catalogs(tmp_path, ["en", "so"])


def test_translate_fills_placeholders_and_rejects_unknown_keys():
    catalog = load_catalog(TRANSLATIONS / "nl.po")
    assert translate(catalog, "step.progress", number=2, total=9) == "Stap 2 van 9"
    with pytest.raises(GuideError, match=r"not in translations/en\.po"):
        translate(catalog, "no.such.key")


def test_every_counted_word_has_each_plural_form_of_the_language(tmp_path):
    from macros.i18n import check_plural_forms

    catalog = {"count.resit.one": Entry("{number} x", 3), "count.resit.other": Entry("{number} y", 6)}
    check_plural_forms(catalog, "nl", tmp_path / "nl.po")
    # Arabic has six categories: a catalogue with only one/other must be refused.
    with pytest.raises(GuideError) as error:
        check_plural_forms(catalog, "ar", tmp_path / "ar.po")
    assert "few, many, two, zero" in error.value.problem


def test_an_invalid_po_file_names_its_line(tmp_path):
    path = write_po(tmp_path / "nl.po", {"a": "A"})
    path.write_text(path.read_text(encoding="utf-8") + "this is not gettext\n", encoding="utf-8")
    with pytest.raises(GuideError) as error:
        load_catalog(path)
    assert error.value.where == f"{path}:8"
    assert "not a valid .po file" in error.value.problem


def test_entries_know_their_file_and_msgstr_line(tmp_path):
    path = write_po(tmp_path / "nl.po", {"a": "A", "b": "B"})
    entry = load_catalog(path)["b"]
    assert (entry.line, entry.msgstr_line, entry.where) == (8, 9, f"{path}:9")


@pytest.mark.parametrize(
    ("translation", "problem"),
    [("Stap {nummer} van {total}", "{nummer}"), ("Stap {number van {total}", "does not pair")],
    ids=["unknown-placeholder", "unpaired-brace"],
)
def test_a_translation_may_not_add_placeholders(tmp_path, translation, problem):
    source = load_catalog(write_po(tmp_path / "en.po", {"step.progress": "Step {number} of {total}"}))
    target_path = write_po(tmp_path / "nl.po", {"step.progress": translation})
    with pytest.raises(GuideError) as error:
        check_catalog(source, load_catalog(target_path), target_path, tmp_path / "en.po")
    assert error.value.where == f"{target_path}:6"  # the msgstr line
    assert problem in error.value.problem


def test_a_translation_may_leave_a_placeholder_out(tmp_path):
    source = load_catalog(write_po(tmp_path / "en.po", {"unit.year.one": "{number} year"}))
    target_path = write_po(tmp_path / "xx.po", {"unit.year.one": "a year"})
    check_catalog(source, load_catalog(target_path), target_path, tmp_path / "en.po")


def test_a_placeholder_the_code_does_not_fill_names_the_msgstr_and_the_caller(tmp_path):
    catalog = load_catalog(write_po(tmp_path / "en.po", {"step.progress": "Step {nummer}"}))
    with pytest.raises(GuideError) as error:
        translate(catalog, "step.progress", where="docs/en/steps/plan.md:7", number=1)
    assert error.value.where == f"{tmp_path / 'en.po'}:6"
    assert "docs/en/steps/plan.md:7" in error.value.problem
