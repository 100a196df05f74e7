"""Translation status: reviewed, not reviewed, missing and out of date, computed from hashes."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.translations import (
    check_language,
    content_hash,
    equivalent_hashes,
    language_status,
    main,
    stamp,
    structure_problems,
    translation_record,
    word_count,
)

ENGLISH = """---
description: Who pays.
rules: [pays_course_asylum]
---

# Who pays {#who-pays}

The municipality pays for {{ fact("exam_attempts_paid") }}.
[Read more about paying](paying.md#asylum)
"""


def make_project(root: Path, pages: dict[str, str]) -> Path:
    """A tiny project: English pages, one check block, mkdocs.yml with 'xx' full and 'yy' partial."""
    for relative, text in pages.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "plugins:\n  - i18n:\n      languages:\n        - locale: en\n          default: true\n"
        "        - locale: xx\n          name: X\n        - locale: yy\n          name: Y\n"
        "          extra: {partial: true}\n", encoding="utf-8")
    return root


def translated(source_text: str, reviewed: bool = False, source: str | None = None) -> str:
    record = f"reviewed: {'true' if reviewed else 'false'}" + (f", source: {source}" if source else "")
    return source_text.replace("---\n", f"---\ntranslation: {{{record}}}\n", 1).replace("Who pays", "Wer zahlt")


@pytest.fixture
def project(tmp_path):
    english_hash = content_hash(ENGLISH)
    return make_project(tmp_path, {
        "docs/en/paying.md": ENGLISH,
        "docs/en/fines.md": ENGLISH.replace("Who pays", "Fines"),
        "content/check/en/block.md": "## Block {#block}\n\nText.\n",
        "docs/xx/paying.md": translated(ENGLISH, reviewed=True, source=english_hash),
        "docs/xx/fines.md": translated(ENGLISH, source="000000000000"),
        "content/check/xx/block.md": "---\ntranslation: {reviewed: false, source: "
        + content_hash("## Block {#block}\n\nText.\n") + "}\n---\n## Block {#block}\n\nT.\n",
        "docs/yy/paying.md": translated(ENGLISH, source=english_hash),
    })


def test_status_counts_reviewed_unreviewed_missing_and_out_of_date(project):
    status = language_status("xx", partial=False, root=project)
    assert status.reviewed == ["docs/xx/paying.md"]
    assert sorted(status.unreviewed) == ["content/check/xx/block.md", "docs/xx/fines.md"]
    assert status.out_of_date == ["docs/xx/fines.md"]
    assert status.missing == []
    assert status.words_to_translate == word_count(ENGLISH.replace("Who pays", "Fines"))
    # Only the current, unreviewed block is left to review: the out-of-date page is retranslated.
    assert status.words_to_review == word_count("## Block {#block}\n\nText.\n") == 2


def test_a_partial_language_lists_its_missing_pages_with_their_words(project):
    status = language_status("yy", partial=True, root=project)
    assert sorted(status.missing) == ["content/check/yy/block.md", "docs/yy/fines.md"]
    assert status.words_to_translate > 0


def test_an_editorial_fix_keeps_translations_current(project):
    english = project / "docs/en/paying.md"
    old = content_hash(english.read_text(encoding="utf-8"))
    english.write_text(ENGLISH.replace("municipality", "municipality "), encoding="utf-8")
    assert "docs/xx/paying.md" in language_status("xx", False, project).out_of_date
    new = content_hash(english.read_text(encoding="utf-8"))
    (project / "translations").mkdir()
    (project / "translations/editorial.yml").write_text(f"docs/en/paying.md:\n  {new}: {old}\n", encoding="utf-8")
    assert "docs/xx/paying.md" not in language_status("xx", False, project).out_of_date


def test_equivalent_hashes_follow_a_chain_of_fixes_and_stop_on_a_loop():
    assert equivalent_hashes("c", {"c": "b", "b": "a"}) == {"a", "b", "c"}
    assert equivalent_hashes("a", {"a": "b", "b": "a"}) == {"a", "b"}


def test_translation_record_reads_the_front_matter_line():
    assert translation_record(translated(ENGLISH, True, "abc")) == {"reviewed": "true", "source": "abc"}
    assert translation_record(ENGLISH) == {}


def test_stamp_records_the_english_hash_where_it_is_missing(project):
    (project / "docs/yy/fines.md").write_text(translated(ENGLISH.replace("Who pays", "Fines")), encoding="utf-8")
    assert stamp("yy", project) == ["docs/yy/fines.md"]
    record = translation_record((project / "docs/yy/fines.md").read_text(encoding="utf-8"))
    assert record == {"reviewed": "false", "source": content_hash(ENGLISH.replace("Who pays", "Fines"))}
    assert stamp("yy", project) == []


def test_structure_problems_name_what_changed():
    broken = translated(ENGLISH).replace('fact("exam_attempts_paid")', 'fact("exam_attempts")')
    broken = broken.replace("{#who-pays}", "{#wer-zahlt}").replace("paying.md#asylum", "paying.md")
    problems = structure_problems(ENGLISH, broken, "xx")
    assert any("exam_attempts_paid" in p for p in problems)
    assert any("anchors differ" in p for p in problems)
    assert any("link target missing" in p for p in problems)
    assert structure_problems(ENGLISH, translated(ENGLISH), "xx") == []


def test_link_text_left_in_english_is_reported():
    english = '---\nrules: []\n---\n{{ link("url_x", "the DUO website") }}\n'
    same = '---\ntranslation: {reviewed: false}\nrules: []\n---\n{{ link("url_x", "the DUO website") }}\n'
    assert any("link text still in English" in p for p in structure_problems(english, same, "xx"))


def test_check_language_reports_missing_files(project):
    assert any("docs/yy/fines.md: missing" in p for p in check_language("yy", project))


def test_the_command_fails_only_for_a_full_language_with_missing_pages(project, monkeypatch, capsys):
    monkeypatch.setattr("macros.translations.ROOT", project)
    assert main(["status"]) == 0  # yy is partial: its missing pages are listed, not fatal
    assert "| yy (partial) |" in capsys.readouterr().out
    (project / "docs/xx/fines.md").unlink()
    assert main(["status"]) == 1


def test_word_count_leaves_out_what_a_translator_keeps():
    text = "---\ntitle: x\n---\n## Fines {#fines}\n\nAsk the {{ term(\"gemeente\") }} for *PIP*{lang=nl}.\n"
    assert word_count(text) == 5  # Fines, Ask, the, for, PIP
