"""The scanner that finds facts written by hand in Markdown, and the real pages pass it."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.content_checks import find_hand_written_facts, scan_docs

ROOT = Path(__file__).resolve().parents[2]


def found(markdown: str, language: str = "en") -> list[str]:
    return [item.text for item in find_hand_written_facts(markdown, Path("page.md"), language)]


@pytest.mark.parametrize(
    ("markdown", "language", "expected"),
    [
        ("You have 3 years.", "en", ["3"]),
        ("You have three years.", "en", ["three"]),
        ("Je hebt drie jaar.", "nl", ["drie"]),
        ("Go to www.inburgeren.nl today.", "en", ["www.inburgeren.nl"]),
        ("See https://duo.nl/x for more.", "en", ["https://duo.nl/x"]),
        ("Visit mycoa.nl.", "en", ["mycoa.nl"]),
        ("Call 0255 567200.", "en", ["0255", "567200"]),
        ("It lasts {{ fact('pvt_minimum_hours') }} at least.", "en", []),
        ("Language level B1 or A2, under the Wi 2021 or Wi 2013, then MBO 2.", "en", []),
        ("It meets WCAG 2.2 level AA.", "en", []),
        ("1. First do this.\n2. Then that.", "en", []),
        ("[the exams](steps/exams.md#a2-instead-of-b1)", "en", []),
        ("## Exemption {#exemption-2}", "en", []),
        ("Call {{ link('url_duo',\n 'DUO') }} now.", "en", []),
    ],
)
def test_scanner(markdown, language, expected):
    assert found(markdown, language) == expected


def test_the_scanner_names_file_and_line():
    [item] = find_hand_written_facts("ok\nYou have 3 years.\n", Path("docs/en/x.md"), "en")
    assert item.line == 2
    assert str(item).startswith("docs/en/x.md:2:")


def test_no_page_writes_a_fact_by_hand():
    problems = scan_docs(ROOT / "docs")
    assert not problems, "\n".join(map(str, problems))


def test_front_matter_for_editors_is_not_read_as_prose_but_the_description_is():
    page = '---\ndescription: "You have 3 years."\nrules: [fine_wi2013_max, wi2021_rule]\n---\n\n# Title\n'
    found = find_hand_written_facts(page, Path("docs/en/x.md"), "en")
    assert [(f.line, f.text) for f in found] == [(2, "3")]
