"""Phone reading helpers (macros/reading.py, macros/step_nav.py): hyphenation points in
headings, column headers on table cells, the glossary's letters, links and the step nav."""

from __future__ import annotations

import pytest

from macros.errors import GuideError
from macros.facts import load_facts
from macros.reading import (
    check_hyphenation,
    first_letter,
    glossary_entries,
    hyphenate_headings,
    hyphenate_text,
    hyphenation_words,
    label_table_cells,
    letter_index,
)
from macros.step_nav import Step, page_href, page_url, render_step_nav

WORDS = ["inburgerings|vereiste", "participatie|verklaring", "participatie|verklarings|traject"]


def test_soft_hyphens_go_where_the_data_says():
    assert hyphenate_text("inburgeringsvereiste", WORDS) == "inburgerings&shy;vereiste"
    assert hyphenate_text("Het Inburgeringsvereiste", WORDS) == "Het Inburgerings&shy;vereiste"  # letter case kept


def test_the_longest_word_wins_and_compounds_match_inside_words():
    assert hyphenate_text("participatieverklaringstraject", WORDS) == "participatie&shy;verklarings&shy;traject"
    assert hyphenate_text("IND-inburgeringsvereiste", WORDS) == "IND-inburgerings&shy;vereiste"


def test_a_character_instead_of_the_entity_for_text_a_template_escapes():
    assert hyphenate_text("inburgeringsvereiste", WORDS, mark="\u00ad") == "inburgerings\u00advereiste"


def test_only_heading_text_changes_never_attributes_or_body_text():
    page = ('<h2 id="inburgeringsvereiste">Het inburgeringsvereiste <a href="#inburgeringsvereiste">¶</a></h2>'
            "<p>inburgeringsvereiste</p>")
    assert hyphenate_headings(page, WORDS) == (
        '<h2 id="inburgeringsvereiste">Het inburgerings&shy;vereiste <a href="#inburgeringsvereiste">¶</a></h2>'
        "<p>inburgeringsvereiste</p>"
    )


@pytest.mark.parametrize("word", ["inburgeringsvereiste", "inburgerings|", "|vereiste", "a||b", " a|b"])
def test_a_hyphenation_without_a_proper_break_point_is_refused(word):
    with pytest.raises(GuideError, match="no break point"):
        check_hyphenation([word])


def test_the_facts_file_lists_valid_hyphenations_for_the_long_terms(root):
    words = hyphenation_words(load_facts(root / "data" / "facts.yml"))
    check_hyphenation(words)
    assert "inburgerings|vereiste" in words


TABLE = """<table>
<thead>
<tr>
<th>Route</th>
<th>Language &amp; level</th>
<th>MAP</th>
</tr>
</thead>
<tbody>
<tr>
<td><a href="b1/">B1-route</a></td>
<td>B1</td>
<td>Yes</td>
</tr>
<tr>
<td colspan="2">Local route</td>
<td>Ask</td>
</tr>
</tbody>
</table>"""


def test_every_data_cell_gets_its_column_header():
    html = label_table_cells(TABLE)
    assert '<td data-label="Route"><a href="b1/">B1-route</a></td>' in html
    assert '<td data-label="Language &amp; level">B1</td>' in html
    assert '<td data-label="MAP">Yes</td>' in html


def test_a_cell_spanning_columns_moves_the_labels_on():
    html = label_table_cells(TABLE)
    assert '<td data-label="Route" colspan="2">Local route</td>' in html
    assert 'data-label="MAP">Ask</td>' in html


def test_the_table_gets_no_aria_roles():
    # The W3C checker forbids a role on a table's rows and cells; the HTML table semantics stay.
    html = label_table_cells(TABLE)
    assert "role=" not in html
    assert "<th>Route</th>" in html


def test_a_table_without_a_header_row_is_left_alone():
    table = "<table><tbody><tr><td>a</td></tr></tbody></table>"
    assert label_table_cells(table) == table


def test_labelling_twice_changes_nothing_more():
    once = label_table_cells(TABLE)
    assert label_table_cells(once) == once


GLOSSARY = """# Dutch words explained

## AOW-leeftijd {#aow-leeftijd lang=nl}
text
## azc {#azc}
## B1-route {#b1-route lang=nl}
## Ëxample {#example}
"""


def test_glossary_entries_and_their_letters():
    entries = glossary_entries(GLOSSARY)
    assert entries == [
        ("AOW-leeftijd", "aow-leeftijd"), ("azc", "azc"), ("B1-route", "b1-route"), ("Ëxample", "example"),
    ]
    letters = dict(letter_index(entries))
    assert letters["A"] == "aow-leeftijd"  # the first entry with the letter
    assert letters["B"] == "b1-route"
    assert letters["E"] == "example"  # accents are filed under the plain letter
    assert letters["Z"] is None
    assert [letter for letter, _ in letter_index(entries)][:3] == ["A", "B", "C"]


def test_first_letter_skips_what_is_not_a_letter():
    assert first_letter("'s-Hertogenbosch") == "S"
    assert first_letter("ijs") == "I"


@pytest.mark.parametrize(("page", "url"), [
    ("index.md", ""), ("steps/index.md", "steps/"), ("steps/plan.md", "steps/plan/"), ("glossary.md", "glossary/"),
])
def test_page_url(page, url):
    assert page_url(page) == url


@pytest.mark.parametrize(("source", "target", "href"), [
    ("steps/plan.md", "glossary.md", "../../glossary/"),
    ("steps/plan.md", "steps/pvt.md", "../pvt/"),
    ("steps/plan.md", "steps/plan.md", "./"),
    ("index.md", "glossary.md", "glossary/"),
    ("steps/index.md", "steps/plan.md", "plan/"),
])
def test_page_href_between_built_pages(source, target, href):
    assert page_href(source, target) == href


def test_step_nav_marks_the_current_step_and_escapes_titles():
    steps = [Step(1, "The letter & you", "../duo-letter/", False), Step(2, "Your plan", "./", True)]
    html = render_step_nav(steps, where="Step 2 of 2: Your plan", show="Show all steps", label="All steps",
                           here="You are here")
    assert html.startswith('<details class="guide-step-nav">')
    assert " open" not in html.split(">", 1)[0]  # closed by default
    assert '<a href="./" aria-current="step">Your plan</a>' in html
    assert html.count("aria-current") == 1
    assert "The letter &amp; you" in html
    assert "You are here" in html
    assert "\n\n" not in html  # a blank line would end the raw HTML block in Markdown
