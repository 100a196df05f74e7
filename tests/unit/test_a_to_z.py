"""The A-Z lists of the search page (macros/a_to_z.py)."""

from __future__ import annotations

import pytest

from macros.a_to_z import Entry, alphabetical, glossary_terms, markdown_list, sort_key

GLOSSARY = """---
description: Words.
---

# Dutch words explained

## AOW-leeftijd {#aow-leeftijd lang=nl}

Text.

## boete {#boete lang=nl}

### Not a term

## Wi 2013 {#wi-2013 lang=nl}

## Plain heading
"""


def test_glossary_terms_are_level_two_headings_with_their_anchor_and_language():
    terms = glossary_terms(GLOSSARY, "glossary.md", slugify=lambda text, sep: text.lower().replace(" ", sep))
    assert terms == [
        Entry("AOW-leeftijd", "glossary.md#aow-leeftijd", "nl"),
        Entry("boete", "glossary.md#boete", "nl"),
        Entry("Wi 2013", "glossary.md#wi-2013", "nl"),
        Entry("Plain heading", "glossary.md#plain-heading", None),
    ]


def test_a_heading_without_anchor_needs_a_slugify():
    with pytest.raises(ValueError, match="Plain heading"):
        glossary_terms(GLOSSARY, "glossary.md")


def test_order_ignores_case_accents_and_leading_quotes():
    texts = ["boete", "École", "AZC", "ecole", "Zeker", "'s Avonds"]
    assert [e.text for e in alphabetical([Entry(t, "x.md") for t in texts])] == [
        "AZC", "boete", "ecole", "École", "'s Avonds", "Zeker",
    ]


@pytest.mark.parametrize(
    "words",
    [
        ["ፈተና", "ሃገር", "ለውጢ"],  # Ge'ez: Unicode order is the order of the syllabary
        ["امتحان", "بلدية", "ثقافة"],  # Arabic: alif, ba, tha
    ],
)
def test_other_scripts_sort_in_unicode_order(words):
    assert sorted(words, key=sort_key) == sorted(words)


def test_markdown_list_escapes_link_text_and_marks_the_language():
    listed = markdown_list([Entry("The [new] *rules*", "rules.md"), Entry("AZC", "glossary.md#azc", "nl")])
    assert listed == '- [AZC](glossary.md#azc){ lang="nl" }\n- [The \\[new\\] \\*rules\\*](rules.md)\n'
