"""The Sources list and the checked date at the end of each page, and the stale-facts command."""

from __future__ import annotations

import datetime

import pytest

from macros.errors import GuideError
from macros.sources import oldest_check, rules_of_page, source_language, sources_markdown, used_sources
from macros.stale import main as stale_main
from macros.stale import stale_facts

FACTS = {
    "sources": {
        "law": {"publisher": "Overheid.nl", "title": "Wet inburgering 2021", "url": "https://wetten.overheid.nl/x"},
        "duo": {"publisher": "DUO", "title": "Boete", "url": "https://www.inburgeren.nl/boete"},
        "seed": {"publisher": "A municipality", "title": "Local page", "file": "seeds/x.txt"},
    },
    "facts": {
        "period": {"value": 3, "unit": "year", "source": "law", "checked": "2026-11-20"},
        "fine": {"value": 340, "unit": "euro", "source": "duo", "checked": "2026-11-27"},
        "fine_2": {"value": 1250, "unit": "euro", "source": "duo", "checked": "2026-01-02"},
        "local": {"value": 2, "unit": "count", "source": "seed", "checked": "2025-06-01"},
        "who_pays": {"value": "The municipality pays.", "unit": "rule", "source": "law", "checked": "2026-11-27"},
    },
}


def ui(key, **params):
    texts = {"sources.heading": "Sources", "sources.checked": "Checked on {date}.", "sources.checked_on": "on {date}"}
    return texts[key].format(**params)


def test_each_source_once_sorted_by_publisher_with_its_newest_check():
    listed = used_sources(["fine", "fine_2", "period"], FACTS)
    assert [(key, checked) for key, _, checked in listed] == [("duo", "2026-11-27"), ("law", "2026-11-20")]


def test_the_page_shows_the_oldest_check_of_its_facts():
    assert oldest_check(["fine", "fine_2", "period"], FACTS) == "2026-01-02"
    assert oldest_check([], FACTS) is None


def test_sources_markdown_links_public_sources_and_names_the_rest():
    text = sources_markdown(["period", "local", "period"], FACTS, ui, lambda iso: f"<{iso}>")
    assert "## Sources {#sources .guide-sources}" in text
    assert "Checked on <2025-06-01>." in text
    # Titles are marked with the source's language (Dutch unless the address is an /en/ page).
    assert "- Overheid.nl: [Wet inburgering 2021](https://wetten.overheid.nl/x){lang=nl} (on <2026-11-20>)" in text
    assert "- A municipality: *Local page*{lang=nl} (on <2025-06-01>)" in text
    assert text.index("A municipality") < text.index("Overheid.nl")


def test_a_source_is_in_english_when_its_address_says_so_or_its_entry_does():
    assert source_language({"url": "https://www.inburgeren.nl/en/fines.jsp"}) == "en"
    assert source_language({"url": "https://www.inburgeren.nl/boete.jsp"}) == "nl"
    assert source_language({"file": "seeds/x.txt", "language": "en"}) == "en"


def test_a_page_without_facts_gets_no_sources_section():
    assert sources_markdown([], FACTS, ui, str) == ""


def test_rules_named_in_front_matter_must_be_rule_facts():
    assert rules_of_page({"rules": ["who_pays"]}, FACTS, "docs/en/paying.md") == ["who_pays"]
    assert rules_of_page({}, FACTS, "x") == []
    with pytest.raises(GuideError, match="`fine`, which is not a rule fact"):
        rules_of_page({"rules": ["fine"]}, FACTS, "docs/en/paying.md")
    with pytest.raises(GuideError, match="must be a list"):
        rules_of_page({"rules": "who_pays"}, FACTS, "docs/en/paying.md")


def test_stale_facts_are_those_older_than_the_limit_oldest_first():
    today = datetime.date(2026, 11, 27)
    assert stale_facts(FACTS, today, 365) == [("local", "2025-06-01", 544)]
    assert [key for key, _, _ in stale_facts(FACTS, today, 300)] == ["local", "fine_2"]
    assert stale_facts(FACTS, today, 1000) == []


def test_the_stale_command_exits_non_zero_only_when_a_fact_is_too_old(capsys):
    assert stale_main(["--max-age-days", "100000"]) == 0
    assert stale_main(["--max-age-days", "0", "--today", "2100-01-01"]) == 1
    assert "was last checked on" in capsys.readouterr().out


def test_translations_name_the_same_rules_as_english(tmp_path):
    from macros.sources import check_rules_match

    for language, rules in (("en", "[a, b]"), ("nl", "[b, a]")):
        (tmp_path / language).mkdir()
        (tmp_path / language / "p.md").write_text(f"---\ndescription: x\nrules: {rules}\n---\n# T\n")
    check_rules_match(tmp_path, ["en", "nl"])
    (tmp_path / "nl" / "p.md").write_text("---\ndescription: x\nrules: [a]\n---\n# T\n")
    with pytest.raises(GuideError) as error:
        check_rules_match(tmp_path, ["en", "nl"])
    assert error.value.where.endswith("nl/p.md:1")
    assert "['a', 'b']" in error.value.problem
