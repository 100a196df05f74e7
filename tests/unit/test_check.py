"""'Check what applies to you': the schema, the tree checks and the page generator (macros/check*.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.check import check_references, check_tree, load_check, parse_check, resolve, walk
from macros.check_pages import build_pages, check_up_to_date, relink, stale_pages
from macros.content_checks import find_hand_written_facts
from macros.errors import GuideError
from macros.facts import load_facts
from macros.i18n import load_catalog

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["en", "nl"]

GOOD = """\
start: first
questions:
  - id: first
    answers:
      - {id: a, next: second}
      - {id: b, next: done}
  - id: second
    answers:
      - {id: c, next: done}
      - {id: d, next: other}
results:
  - id: done
    blocks: [law-wi2021]
    law: wi2021
    payer: self
    next_step: steps/intake.md
    deadline: term_start_wi2021
  - id: other
    blocks: [law-wi2013]
    law: wi2013
    payer: self
    next_step: wi2013.md
    deadline: term_start_wi2013
"""


def broken(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


def line(text: str, needle: str) -> int:
    return next(number for number, row in enumerate(text.splitlines(), start=1) if needle in row)


def fails(text: str) -> GuideError:
    with pytest.raises(GuideError) as caught:
        check_tree(parse_check(text, "data/check.yml"))
    return caught.value


def test_a_good_tree_passes_and_is_walked_path_by_path():
    check = parse_check(GOOD, "data/check.yml")
    check_tree(check)
    assert [path.address for path in walk(check)] == ["", "a", "a/c", "a/d", "b"]
    assert resolve(check, ["a", "d"]) == "other"


def test_the_real_tree_is_sound():
    check = load_check()
    check_tree(check)
    facts = load_facts(ROOT / "data" / "facts.yml")
    check_references(check, facts, ROOT / "docs", ROOT / "content" / "check", LANGUAGES,
                     load_catalog(ROOT / "translations" / "en.po"))


def test_schema_error_names_the_line_and_the_allowed_values():
    text = broken("law: wi2013", "law: wi2099")
    with pytest.raises(GuideError) as caught:
        parse_check(text, "data/check.yml")
    assert caught.value.where == f"data/check.yml:{line(text, 'wi2099')}"
    assert "wi2021" in caught.value.fix


def test_next_that_does_not_exist_names_its_line_and_the_nearest_id():
    text = broken("{id: d, next: other}", "{id: d, next: othr}")
    error = fails(text)
    assert error.where == f"data/check.yml:{line(text, 'othr')}"
    assert "`other`" in error.problem


def test_a_loop_is_an_error():
    text = broken("{id: d, next: other}", "{id: d, next: first}")
    error = fails(text)
    assert "loop" in error.problem and "first → second → first" in error.problem
    assert error.where == f"data/check.yml:{line(text, '- id: second') + 1}"


def test_an_unreachable_result_is_an_error():
    text = broken("{id: d, next: other}", "{id: d, next: done}")
    error = fails(text)
    assert error.where == f"data/check.yml:{line(text, 'id: other')}"
    assert "no answer leads to the result `other`" in error.problem


def test_an_unreachable_question_is_an_error():
    text = broken("{id: a, next: second}", "{id: a, next: done}")
    error = fails(text.replace("{id: d, next: other}", "{id: d, next: done}"))
    assert "question `second`" in error.problem or "result `other`" in error.problem


def test_a_result_without_blocks_is_an_error():
    text = broken("blocks: [law-wi2013]", "blocks: []")
    error = fails(text)
    assert error.where == f"data/check.yml:{line(text, 'blocks: []')}"
    assert "shows nothing" in error.problem


def test_a_question_without_a_choice_is_a_dead_end():
    text = broken("      - {id: c, next: done}\n", "")
    error = fails(text)
    assert error.where == f"data/check.yml:{line(text, '- id: second') + 1}"
    assert "cannot choose" in error.problem


def test_the_same_id_twice_is_an_error():
    text = broken("  - id: other\n", "  - id: done\n")
    error = fails(text)
    assert "used twice" in error.problem


def test_the_same_answer_twice_is_an_error():
    error = fails(broken("{id: d, next: other}", "{id: c, next: other}"))
    assert "answer `c` twice" in error.problem


def test_nodes_asking_the_same_question_offer_the_same_answers():
    text = broken("  - id: second\n", "  - id: second\n    asks: first\n")
    error = fails(text)
    assert "asks `first` like `first`" in error.problem


def test_references_missing_block_page_rule_and_words(tmp_path):
    facts = load_facts(ROOT / "data" / "facts.yml")
    catalog = load_catalog(ROOT / "translations" / "en.po")
    content = ROOT / "content" / "check"

    def refs(text):
        with pytest.raises(GuideError) as caught:
            check_references(parse_check(text, "data/check.yml"), facts, ROOT / "docs", content, LANGUAGES, catalog)
        return caught.value

    text = broken("blocks: [law-wi2013]", "blocks: [no-such-block]")
    assert "no-such-block" in refs(text).problem
    assert refs(text).where == f"data/check.yml:{line(text, 'no-such-block')}"
    text = broken("next_step: wi2013.md", "next_step: nowhere.md")
    assert refs(text).where == f"data/check.yml:{line(text, 'nowhere.md')}"
    text = broken("deadline: term_start_wi2013", "deadline: integration_period")
    assert "not a rule fact" in refs(text).problem
    # The words of the node `first` are not in en.po.
    assert 'msgid "check.q.first"' in refs(GOOD).problem


def test_blocks_must_say_the_same_rules_in_every_language(tmp_path):
    facts = load_facts(ROOT / "data" / "facts.yml")
    for language, rules in (("en", "[term_start_wi2021]"), ("nl", "[term_start_wi2013]")):
        (tmp_path / language).mkdir()
        (tmp_path / language / "x.md").write_text(f"---\nrules: {rules}\n---\n\nText.\n", encoding="utf-8")
    from macros.check import block_rules

    with pytest.raises(GuideError) as caught:
        block_rules(tmp_path, LANGUAGES, "x", facts, "data/check.yml:3")
    assert caught.value.where.endswith("nl/x.md:1")


def test_blocks_write_no_facts_by_hand():
    for language in LANGUAGES:
        for block in sorted((ROOT / "content" / "check" / language).glob("*.md")):
            assert find_hand_written_facts(block.read_text(encoding="utf-8"), block, language) == []


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return build_pages(ROOT, list(LANGUAGES))[0]


def test_generated_pages_are_up_to_date_and_a_change_is_noticed(tmp_path, pages):
    languages = LANGUAGES
    check_up_to_date(ROOT / "docs", pages, languages)
    assert len(pages) == len(walk(load_check())) * len(languages)
    assert stale_pages(tmp_path, pages, languages) == sorted(pages)
    changed = dict(pages)
    changed["en/check/index.md"] += "x"
    with pytest.raises(GuideError) as caught:
        check_up_to_date(ROOT / "docs", changed, languages)
    assert "python -m macros.check_pages" in caught.value.fix


def test_question_pages_link_every_answer_and_change_answers_go_back(pages):
    page = pages["en/check/asylum/adult/index.md"]
    assert "\n# When did your integration obligation start, and do you have your plan (PIP)?\n" in page
    assert "- [Before {{ fact(\"wi2021_start_date\") }}](wi2013/index.md)\n" in page and "(has-pip/index.md)\n" in page
    assert "- [What is your situation?](../../index.md)" in page
    assert "- [How old are you?](../index.md)" in page
    # Placeholders in the words are facts, rendered by the build: no digits written here.
    assert '{{ fact("obligation_min_age") }}' in page


def test_result_pages_start_again_and_have_their_blocks_rules(pages):
    page = pages["en/check/asylum/adult/has-pip/no-permit/index.md"]
    assert "[Start again](../../../../index.md)" in page
    assert "term_start_wi2021" in page.split("---")[1]
    assert "(../../../../../steps/learning-route.md)" in page
    def rules_line(text):
        return next(line for line in text.split("---")[1].splitlines() if line.startswith("rules:"))

    assert rules_line(pages["nl/check/asylum/adult/has-pip/no-permit/index.md"]) == rules_line(page)


def test_translated_check_pages_carry_the_review_state_of_their_blocks(pages):
    assert "translation: {reviewed: false}" in pages["nl/check/index.md"]
    assert "translation:" not in pages["en/check/index.md"]


def test_relink_makes_block_links_relative_to_the_page():
    assert relink("[x](steps/intake.md#a) [y](https://a.nl) [z](#b)", "check/a/b/index.md") == \
        "[x](../../../steps/intake.md#a) [y](https://a.nl) [z](#b)"
