"""Personas through 'Check what applies to you': their answers lead to the key answers they need.

Each row is a person, the answers they tap, and what the result must say: which law applies,
who pays the course and exams, the page with their next step, and the rule for their deadline.
Checked here against the tree (data/check.yml); tests/integration/test_check_rendered.py checks
some of them against the built result pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.check import check_tree, load_check, resolve

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Persona:
    name: str
    answers: tuple[str, ...]
    law: str
    payer: str
    next_step: str
    deadline: str | None


W21, W13 = "term_start_wi2021", "term_start_wi2013"
PERSONAS = [
    Persona("refugee with a permit from 2023 who got a letter from the municipality (the intake invitation)",
            ("asylum", "adult", "no-pip", "not-sure"), "wi2021", "municipality", "steps/intake.md", W21),
    Persona("asylum status holder with a PIP who wants to naturalise",
            ("asylum", "adult", "has-pip", "wants-permit"), "wi2021", "municipality",
            "steps/learning-route.md", W21),
    Persona("asylum status holder with a PIP, no plans for the IND",
            ("asylum", "adult", "has-pip", "no-permit"), "wi2021", "municipality",
            "steps/learning-route.md", W21),
    Persona("refugee whose obligation started in 2020",
            ("asylum", "adult", "wi2013", "no-permit"), "wi2013", "self", "wi2013.md", W13),
    Persona("refugee under Wi 2013 who wants a permanent residence permit",
            ("asylum", "adult", "wi2013", "wants-permit"), "wi2013", "self", "wi2013.md", W13),
    Persona("family migrant whose obligation started in 2021",
            ("family", "adult", "wi2013", "not-sure"), "wi2013", "self", "wi2013.md", W13),
    Persona("family migrant from 2024 waiting for the broad intake",
            ("family", "adult", "no-pip", "no-permit"), "wi2021", "self", "steps/intake.md", W21),
    Persona("Turkish national (family migrant, 2023) applying for permanent residence",
            ("family", "adult", "has-pip", "wants-permit"), "wi2021", "self",
            "steps/learning-route.md", W21),
    Persona("other migrant (spiritual leader) from 2024",
            ("other", "adult", "no-pip", "no-permit"), "wi2021", "self", "steps/intake.md", W21),
    Persona("other migrant with a PIP, not sure about the IND",
            ("other", "adult", "has-pip", "not-sure"), "wi2021", "self", "steps/learning-route.md", W21),
    Persona("EU citizen", ("eu",), "none", "none", "who-must-integrate.md", None),
    Persona("student", ("temporary",), "none", "none", "who-must-integrate.md", None),
    Persona("68-year-old who came to live with family", ("family", "pension-age"), "none", "none",
            "who-must-integrate.md", None),
    Persona("68-year-old with an asylum permit", ("asylum", "pension-age"), "none", "none",
            "who-must-integrate.md", None),
    Persona("16-year-old with an asylum permit", ("asylum", "younger"), "none", "none", "who-must-integrate.md", None),
    Persona("16-year-old who came for another long stay", ("other", "younger"), "none", "none",
            "who-must-integrate.md", None),
]


@pytest.fixture(scope="module")
def check():
    tree = load_check()
    check_tree(tree)
    return tree


def test_there_are_enough_personas():
    assert len(PERSONAS) >= 15
    assert len({persona.answers for persona in PERSONAS}) == len(PERSONAS)


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda persona: persona.name)
def test_persona_gets_the_right_key_answers(check, persona):
    result = check.results.get(resolve(check, list(persona.answers)))
    assert result is not None, f"{persona.answers} does not end at a result"
    got = (result["law"], result["payer"], result["next_step"].split("#")[0], result["deadline"])
    assert got == (persona.law, persona.payer, persona.next_step, persona.deadline)


def test_an_eu_citizen_learns_it_after_one_answer(check):
    assert check.results[resolve(check, ["eu"])]["law"] == "none"


def test_wanting_a_permit_adds_the_ind_and_the_turkish_warning(check):
    result = check.results[resolve(check, ["family", "adult", "has-pip", "wants-permit"])]
    assert {"ind-requirement", "ind-turkish"} <= set(result["blocks"])
    result = check.results[resolve(check, ["family", "adult", "has-pip", "no-permit"])]
    assert "ind-requirement" not in result["blocks"]


def test_every_persona_reaches_a_result_in_at_most_four_taps_from_the_home_page():
    # The home page asks the first question itself ({{ check_start() }}), so each answer is one tap.
    longest = max(PERSONAS, key=lambda persona: len(persona.answers))
    assert len(longest.answers) <= 4, f"{longest.name}: {len(longest.answers)} taps"
    home = (ROOT / "docs" / "en" / "index.md").read_text(encoding="utf-8")
    assert "{{ check_start() }}" in home
