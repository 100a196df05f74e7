"""Page helpers: titles, relative links, the step journey, and language-folder parity."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.errors import GuideError
from macros.pages import front_matter, journey_position, page_title, relative_link, title_line
from macros.site_checks import check_page_metadata, missing_pages


def test_title_comes_from_front_matter_or_the_first_heading(tmp_path):
    page = tmp_path / "a.md"
    page.write_text("---\ndescription: x\n---\n\n# The letter {#letter}\n\nText\n", encoding="utf-8")
    assert page_title(page) == "The letter"
    page.write_text("---\ntitle: Given\n---\n# Other\n", encoding="utf-8")
    assert page_title(page) == "Given"
    page.write_text("No heading\n", encoding="utf-8")
    with pytest.raises(GuideError, match="no title"):
        page_title(page)


def test_title_of_a_missing_page_is_a_clear_error(tmp_path):
    with pytest.raises(GuideError, match="does not exist"):
        page_title(tmp_path / "steps" / "nope.md")


def test_front_matter():
    assert front_matter("---\ndescription: Hello\n---\n# T\n") == {"description": "Hello"}
    assert front_matter("# T\n") == {}


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("index.md", "glossary.md", "glossary.md"),
        ("steps/exams.md", "glossary.md", "../glossary.md"),
        ("steps/exams.md", "steps/finish.md", "finish.md"),
    ],
)
def test_relative_links(source, target, expected):
    assert relative_link(source, target) == expected


def test_journey_position():
    journey = ["duo-letter", "intake", "plan"]
    assert journey_position(journey, "steps/intake.md") == 2
    with pytest.raises(GuideError, match="not a step"):
        journey_position(journey, "steps/during.md")
    with pytest.raises(GuideError, match="not a step"):
        journey_position(journey, "paying.md")


def make_docs(tmp_path: Path, pages: dict[str, list[str]]) -> Path:
    for language, files in pages.items():
        for name in files:
            path = tmp_path / language / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("# x\n", encoding="utf-8")
    return tmp_path


def test_a_missing_translated_page_is_named(tmp_path):
    docs = make_docs(tmp_path, {"en": ["index.md", "steps/exams.md"], "nl": ["index.md"]})
    with pytest.raises(GuideError) as error:
        missing_pages(docs, ["en", "nl"], default="en")
    assert "steps/exams.md" in str(error.value)
    assert "nl" in error.value.where


def test_a_page_without_english_original_is_named(tmp_path):
    docs = make_docs(tmp_path, {"en": ["index.md"], "nl": ["index.md", "extra.md"]})
    with pytest.raises(GuideError, match="no English original"):
        missing_pages(docs, ["en", "nl"], default="en")


def test_the_real_docs_have_every_page_in_every_language():
    docs = Path(__file__).resolve().parents[2] / "docs"
    missing_pages(docs, ["en", "nl"], default="en")


def write_page(folder: Path, name: str, text: str) -> Path:
    path = folder / "en" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_front_matter_that_is_not_yaml_names_the_line(tmp_path):
    write_page(tmp_path, "a.md", "---\ndescription: For young people: you learn\n---\n# A\n")
    with pytest.raises(GuideError) as error:
        check_page_metadata(tmp_path, ["en"])
    assert error.value.where.endswith("a.md:2")
    assert "double quotes" in error.value.fix


def test_a_page_needs_a_description(tmp_path):
    write_page(tmp_path, "a.md", "---\ntitle: A\n---\n# A\n")
    with pytest.raises(GuideError, match="no `description:`"):
        check_page_metadata(tmp_path, ["en"])


def test_two_pages_with_one_title_are_refused(tmp_path):
    write_page(tmp_path, "a.md", "---\ndescription: x\n---\n# Same\n")
    write_page(tmp_path, "b.md", "---\ndescription: y\n---\n# Same\n")
    with pytest.raises(GuideError, match="also the title of"):
        check_page_metadata(tmp_path, ["en"])


def test_the_real_pages_have_valid_metadata():
    check_page_metadata(Path(__file__).resolve().parents[2] / "docs", ["en", "nl"])


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\ndescription: x\n---\n\n# The title\n", 5),
        ("---\ntitle: Given\ndescription: x\n---\n# Other\n", 2),
        ("# First\n\n# Second\n", 1),
        ("---\ndescription: x\n---\nNo heading\n", None),
    ],
)
def test_title_line(text, line):
    assert title_line(text) == line


def test_a_page_without_title_names_the_line_after_the_front_matter(tmp_path):
    page = tmp_path / "a.md"
    page.write_text("---\ndescription: x\n---\nNo heading\n", encoding="utf-8")
    with pytest.raises(GuideError) as error:
        page_title(page)
    assert error.value.where == f"{page}:4"


def test_a_duplicate_title_names_the_line_of_the_title(tmp_path):
    write_page(tmp_path, "a.md", "---\ndescription: x\n---\n# Same\n")
    write_page(tmp_path, "b.md", "---\ndescription: y\n---\n\n# Same\n")
    with pytest.raises(GuideError) as error:
        check_page_metadata(tmp_path, ["en"])
    assert error.value.where.endswith("b.md:5")


def test_a_step_macro_off_a_step_page_names_the_call():
    with pytest.raises(GuideError) as error:
        journey_position(["plan"], "paying.md", "docs/en/paying.md:12")
    assert error.value.where == "docs/en/paying.md:12"
