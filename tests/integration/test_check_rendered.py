"""Personas against the built result pages of 'Check what applies to you': the page a person
reaches names their law and who pays, in words, in every language (tests/unit/test_check_personas.py)."""

from __future__ import annotations

import html
import re

import pytest

from tests.unit.test_check_personas import PERSONAS

# How each language says the key answers (words of content/check/<language>/ and the .po files).
WORDS = {
    "en": {
        "wi2021": "Wi 2021 applies to you", "wi2013": "Wi 2013 applies to you",
        "none": "You do not have to integrate",
        "municipality": "The municipality pays for your course",
        "self": "you pay for your course and your exams yourself",
    },
    "nl": {
        "wi2021": "De Wi 2021 geldt voor jou", "wi2013": "De Wi 2013 geldt voor jou",
        "none": "hoeft niet in te burgeren",
        "municipality": "De gemeente betaalt je cursus", "self": "je cursus en je examens zelf",
    },
}
RENDERED = [p for p in PERSONAS if p.name.startswith(("refugee with a permit", "family migrant whose",
                                                        "other migrant (spiritual", "EU citizen", "asylum status"))]


def text_of(built_site, language: str, answers: tuple[str, ...]) -> str:
    prefix = "" if language == "en" else f"{language}/"
    page = built_site / f"{prefix}check/{'/'.join(answers)}/index.html"
    article = re.search(r"<article.*?</article>", page.read_text(encoding="utf-8"), re.DOTALL).group(0)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", article)))


def test_enough_personas_are_checked_on_the_built_pages():
    assert len(RENDERED) >= 3


@pytest.mark.parametrize("language", list(WORDS))
@pytest.mark.parametrize("persona", RENDERED, ids=lambda persona: persona.name)
def test_result_page_names_law_and_payer(built_site, language, persona):
    text = text_of(built_site, language, persona.answers)
    words = WORDS[language]
    assert words[persona.law].lower() in text.lower(), f"the page does not say {words[persona.law]!r}: {text[:400]}"
    if persona.payer != "none":
        assert words[persona.payer].lower() in text.lower(), f"the page does not say {words[persona.payer]!r}"
        other = "self" if persona.payer == "municipality" else "municipality"
        assert words[other].lower() not in text.lower(), f"the page also says {words[other]!r}"
