"""Brand colours (WCAG contrast, nearest passing colour, CSS) and the municipality's details."""

from __future__ import annotations

from pathlib import Path

import pytest
from coloraide import Color

from macros.brand import ROLES, brand_css, contrast, failures, nearest_passing
from macros.local import (
    contact_html,
    day_range,
    dial_link,
    opening_hours,
    provider_line,
    route_line,
    shown_language,
    stage_docs,
    with_shown_in,
)


def test_contrast_of_known_pairs():
    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_the_guides_own_colours_pass_every_role():
    assert failures("#1d4f91", ROLES["light", "primary"]) == []
    assert failures("#1a4a85", ROLES["light", "accent"]) == []
    assert failures("#9cc3ff", ROLES["dark", "accent"]) == []


@pytest.mark.parametrize("colour", ["#7fb3e6", "#ff0000", "#00a86b", "#ffcc00"])
def test_nearest_passing_colour_passes_and_keeps_the_hue(colour):
    pairs = ROLES["light", "primary"]
    assert failures(colour, pairs)
    nearest = nearest_passing(colour, pairs)
    assert failures(nearest, pairs) == []
    hue = Color(colour).convert("oklch")["hue"]
    assert Color(nearest).convert("oklch")["hue"] == pytest.approx(hue, abs=6)


def test_a_dark_accent_too_dark_for_the_dark_page_is_made_lighter():
    nearest = nearest_passing("#135c36", ROLES["dark", "accent"])
    assert Color(nearest).convert("oklch")["lightness"] > Color("#135c36").convert("oklch")["lightness"]


def test_brand_css_keeps_dark_mode_to_its_own_colours():
    css = brand_css({"light": {"primary": "#17603a", "accent": "#135c36"}})
    assert css.startswith("@media not all and (prefers-color-scheme: dark){")
    assert "--guide-brand:#17603a;" in css and "--guide-link:#135c36" in css
    assert css.count("@media") == 1  # no dark block: dark mode keeps the guide's colours
    assert brand_css({}) == ""


def test_dial_links():
    assert dial_link("0345 123 456") == "tel:+31345123456"
    assert dial_link("+31 20 123 4567") == "tel:+31201234567"
    assert dial_link("0031 20 123 4567") == "tel:+31201234567"


# Expected strings written by hand (Babel gives day names and times).
@pytest.mark.parametrize(("language", "expected"), [
    ("en", ["Monday\u2013Thursday: 09:00\u201317:00", "Friday: 09:00\u201312:30"]),
    ("nl", ["maandag\u2013donderdag: 09:00\u201317:00", "vrijdag: 09:00\u201312:30"]),
    ("tr", ["Pazartesi\u2013Perşembe: 09:00\u201317:00", "Cuma: 09:00\u201312:30"]),
])
def test_opening_hours_in_the_readers_language(language, expected):
    hours = [{"days": ["mon", "tue", "wed", "thu"], "opens": "09:00", "closes": "17:00"},
             {"days": ["fri"], "opens": "09:00", "closes": "12:30"}]
    assert opening_hours(hours, language) == expected


def test_days_that_are_not_next_to_each_other():
    assert day_range(["mon", "wed", "fri"], "en") == "Monday, Wednesday, Friday"
    assert day_range(["sat", "sun", "mon"], "en") == "Monday, Saturday\u2013Sunday"


SETTINGS = {
    "municipality": {"name": "Lindewaard", "name_nl": "Gemeente Lindewaard"},
    "contact": {"phone": "0345 123 456", "email": "a@lindewaard.example"},
    "providers": {"pvt": {"name": "Stichting Welkom", "url": "https://welkom.example/"}},
    "local_routes": ["b1_introductory"],
}


def ui(key, **params):
    return key + "".join(f"|{k}={v}" for k, v in sorted(params.items()))


def test_the_national_edition_shows_no_local_details():
    national = {"municipality": None}
    assert contact_html(national, "en", ui, rtl=False, full=True) == ""
    assert provider_line(national, "pvt", ui) == ""
    assert route_line(national, "b1_introductory", ui) == ""


def test_provider_and_route_lines():
    assert provider_line(SETTINGS, "pvt", ui) == (
        '<span class="guide-local">local.provider.pvt|municipality=Lindewaard|'
        'provider=<a href="https://welkom.example/">Stichting Welkom</a></span>')
    assert provider_line(SETTINGS, "map", ui) == ""  # no MAP organiser named
    assert "local.route.b1_introductory|municipality=Lindewaard" in route_line(SETTINGS, "b1_introductory", ui)


def test_phone_and_email_stay_left_to_right_in_right_to_left_pages():
    html = contact_html(SETTINGS, "ar", ui, rtl=True, full=False)
    assert '<a href="tel:+31345123456"><span dir="ltr">0345 123 456</span></a>' in html
    assert '<span dir="ltr">a@lindewaard.example</span>' in html


def test_a_page_in_one_language_reaches_readers_of_the_others(tmp_path: Path):
    docs, folder = tmp_path / "docs", tmp_path / "town"
    for language in ("en", "nl", "ar"):
        (docs / language / "steps").mkdir(parents=True)
        (docs / language / "index.md").write_text("# Home\n")
        (docs / language / "steps" / "intake.md").write_text("# Intake\n")
    (docs / "assets").mkdir()
    (docs / "assets" / "guide.css").write_text("")
    (folder / "pages" / "nl").mkdir(parents=True)
    (folder / "pages" / "nl" / "taalcafe.md").write_text("---\ndescription: x\n---\n# Taalcafé\n")
    (folder / "logo.svg").write_text("<svg/>")
    settings = {"folder": str(folder), "pages": "pages", "logo": {"file": "logo.svg", "alt": "x"},
                "languages": ["en", "nl"]}
    stage = tmp_path / "stage"
    assert stage_docs(docs, stage, ["en", "nl"], settings) == ["local/taalcafe.md"]
    assert (stage / "nl" / "local" / "taalcafe.md").is_symlink()
    assert (stage / "en" / "local" / "taalcafe.md").read_text().startswith("---\nshown_in: nl\ndescription: x\n")
    assert (stage / "en" / "steps" / "intake.md").read_text() == "# Intake\n"
    assert not (stage / "ar").exists()  # not built
    assert (stage / "assets" / "municipality" / "logo.svg").is_file()


def test_shown_language_prefers_the_readers_then_english_then_dutch():
    available = {"nl": Path("nl.md"), "en": Path("en.md")}
    assert shown_language(available, "nl", ["en", "nl"]) == "nl"
    assert shown_language(available, "ar", ["en", "nl"]) == "en"
    assert shown_language({"nl": Path("nl.md")}, "ar", ["en", "nl"]) == "nl"
    assert with_shown_in("# Title\n", "nl") == "---\nshown_in: nl\n---\n# Title\n"
