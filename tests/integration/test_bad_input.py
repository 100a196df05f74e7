"""Each kind of bad input stops the strict build with a message that names the file
(and the line where possible) and says what to do. Each test breaks one thing in a
copy of the real project and builds it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tools.build import build_site

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "hooks", "overrides", "translations")


@pytest.fixture
def project(tmp_path) -> Path:
    copy = tmp_path / "project"
    copy.mkdir()
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / part)
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} does not contain {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(page: Path, text: str) -> None:
    page.write_text(page.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


def failed_build(project: Path) -> str:
    result = build_site(project / "site", project=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{output[-3000:]}"
    return output


def test_the_unbroken_copy_builds(project):
    result = build_site(project / "site", project=project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_unknown_fact_key_names_page_line_and_nearest_keys(project):
    page = project / "docs" / "en" / "steps" / "pvt.md"
    edit(page, 'fact("pvt_minimum_hours")', 'fact("pvt_minimum_hour")')
    output = failed_build(project)
    line = next(i for i, text in enumerate(page.read_text().splitlines(), 1) if "pvt_minimum_hour" in text)
    assert f"docs/en/steps/pvt.md:{line}" in output
    assert "`pvt_minimum_hour` does not exist" in output
    assert "pvt_minimum_hours" in output.split("does not exist", 1)[1]


def test_facts_file_that_is_not_yaml(project):
    edit(project / "data" / "facts.yml", "    value: 3\n", "    value: [3\n")
    output = failed_build(project)
    assert re.search(r"data/facts\.yml:\d+: this is not valid YAML", output), output[-2000:]


def test_fact_without_source(project):
    facts = project / "data" / "facts.yml"
    edit(facts, '    source: seed_duo\n    checked: "2026-11-26"\n    applies_to: "Everyone',
         '    checked: "2026-11-26"\n    applies_to: "Everyone')
    output = failed_build(project)
    assert re.search(r"data/facts\.yml:\d+: `facts.integration_period` is wrong: 'source' is a required", output)
    assert "How to fix" in output


def test_fact_with_wrong_type(project):
    edit(project / "data" / "facts.yml", "    value: 8\n    unit: week", '    value: "eight"\n    unit: week')
    output = failed_build(project)
    assert re.search(r"data/facts\.yml:\d+: `facts.duo_letter_wait.value` is wrong", output), output[-2000:]


def test_date_that_is_not_iso_8601(project):
    edit(project / "data" / "facts.yml", '    value: "2022-01-01"', '    value: "01-01-2022"')
    output = failed_build(project)
    assert re.search(r"data/facts\.yml:\d+: `facts.wi2021_start_date.value` is wrong", output)
    assert "YYYY-MM-DD" in output


@pytest.mark.parametrize(
    ("page", "link", "named"),
    [
        ("nl/paying.md", "[De examens](steps/examens.md)", "steps/examens.md"),
        ("en/paying.md", "[Resits](steps/exams.md#no-such-heading)", "#no-such-heading"),
    ],
    ids=["missing-page", "missing-heading"],
)
def test_dead_link(project, page, link, named):
    append(project / "docs" / page, link)
    output = failed_build(project)
    assert page in output and named in output
    assert "Aborted" in output


def test_ui_string_without_translation(project):
    catalog = project / "translations" / "nl.po"
    edit(catalog, 'msgid "step.next"\nmsgstr "Volgende stap: {title}"\n', "")
    output = failed_build(project)
    assert "translations/nl.po" in output
    assert 'the UI string "step.next"' in output
    assert "How to fix" in output


def test_page_missing_in_a_built_language(project):
    (project / "docs" / "nl" / "wi2013.md").unlink()
    output = failed_build(project)
    assert "has no translation of wi2013.md" in output
    assert "docs/nl/wi2013.md" in output


def test_front_matter_that_is_not_yaml(project):
    page = project / "docs" / "nl" / "azc.md"
    # An unquoted ": " inside the value is a classic YAML mistake.
    edit(page, "description:", "description: Let op: fout")
    output = failed_build(project)
    assert "docs/nl/azc.md:2" in output and "front matter is not valid YAML" in output


def test_fact_written_by_hand(project):
    append(project / "docs" / "en" / "wi2013.md", "You have 3 years.")
    output = failed_build(project)
    assert re.search(r"docs/en/wi2013\.md:\d+: '3' is written by hand", output), output[-1500:]
