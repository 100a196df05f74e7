"""The two example municipalities (examples/*/settings.yml) and the national default, read as
files: each copy shows its own name, contact, organisations and local rules where the pages
speak of them, and nothing of the other's; the national content names no municipality,
school or provider by hand; the accessibility statement's measured record matches the site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.facts import load_facts
from macros.i18n import load_catalog
from macros.settings import load_settings
from tests.browser.conftest import LANGUAGES, built_pages, distinct_pages

ROOT = Path(__file__).resolve().parents[2]
FACTS = load_facts(ROOT / "data" / "facts.yml")
EXAMPLES = {p.parent.name: load_settings(p, FACTS, list(LANGUAGES))
            for p in sorted((ROOT / "examples").glob("*/settings.yml"))}
# Pages that speak of the municipality's own details (the macros that show them).
LOCAL_PAGES = ["contact/", "paying/", "steps/pvt/", "steps/knm/", "steps/map/", "steps/exams/",
               "routes/b1-introductory/", "toegankelijkheid/"]


def page(site: Path, language: str, address: str) -> str:
    prefix = "" if language == "en" else f"{language}/"
    return (site / prefix / address / "index.html").read_text(encoding="utf-8")


def marks(settings: dict) -> list[str]:
    """Words that only this municipality's copy may show: name, phone, e-mail, organisations."""
    found = [settings["municipality"]["name"], settings["contact"]["phone"], settings["contact"]["email"]]
    return found + [provider["name"] for provider in settings.get("providers", {}).values()]


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def ui(language: str, key: str, **params) -> str:
    return load_catalog(ROOT / "translations" / f"{language}.po")[key].text.format(**params)


def test_the_examples_differ_in_what_the_issue_names():
    lindewaard, hoogmeer = EXAMPLES["lindewaard"], EXAMPLES["hoogmeer"]
    assert lindewaard["colours"] != hoogmeer["colours"] and lindewaard["logo"] != hoogmeer["logo"]
    assert set(marks(lindewaard)).isdisjoint(marks(hoogmeer))
    assert lindewaard.get("local_facts") and not hoogmeer.get("local_facts")
    assert lindewaard.get("local_routes") and not hoogmeer.get("local_routes")


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_each_copy_builds_its_languages_and_no_others(municipal_sites, name):
    site, chosen = municipal_sites[name], EXAMPLES[name]["languages"]
    for language in LANGUAGES:
        home = site / ("" if language == "en" else language) / "index.html"
        assert home.exists() == (language in chosen), f"{name}: {language}"
    switcher = re.findall(r'hreflang="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    assert set(switcher) - {"x-default"} == set(chosen)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_each_copy_shows_its_own_details_and_none_of_the_others(municipal_sites, name):
    settings, site = EXAMPLES[name], municipal_sites[name]
    others = [mark for other, s in EXAMPLES.items() if other != name for mark in marks(s)]
    for built in built_pages(site):
        html = (site / built.path.lstrip("/")).read_text(encoding="utf-8") if built.path.endswith(".html") else \
            (site / built.path.lstrip("/") / "index.html").read_text(encoding="utf-8")
        leaked = [mark for mark in others if mark in html]
        assert not leaked, f"{name}{built.path} shows {leaked}"
        # The contact block is in the footer of every page.
        assert 'class="guide-footer-contact"' in html and settings["contact"]["email"] in html, built.path
    for language in settings["languages"]:
        contact = page(site, language, "contact/")
        for mark in marks(settings):
            assert mark in contact, f"{name}/{language}/contact: {mark}"
        pvt = text_of(page(site, language, "steps/pvt/"))
        assert settings["providers"]["pvt"]["name"] in pvt


@pytest.mark.parametrize("language", EXAMPLES["lindewaard"]["languages"])
def test_a_local_rule_shows_the_local_value_marked_as_local(municipal_sites, language):
    paying = page(municipal_sites["lindewaard"], language, "paying/")
    mark = ui(language, "local.value_mark", municipality="Lindewaard")
    assert f"<small>{mark}</small>" in paying
    assert "Gemeente Lindewaard" in paying  # the local source in the page's Sources list
    national = page(municipal_sites["hoogmeer"], language, "paying/") if language in EXAMPLES["hoogmeer"][
        "languages"] else ""
    assert "guide-local-value" not in national


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_local_route_is_said_to_exist_only_where_it_does(municipal_sites, built_site, language):
    expected = ui(language, "local.route.b1_introductory", municipality="Lindewaard")
    assert expected in page(municipal_sites["lindewaard"], language, "routes/b1-introductory/")
    assert 'class="guide-local"' not in page(built_site, language, "routes/b1-introductory/")
    if language in EXAMPLES["hoogmeer"]["languages"]:
        assert 'class="guide-local"' not in page(municipal_sites["hoogmeer"], language, "routes/b1-introductory/")


def test_local_pages_join_the_menu_in_every_language_and_say_when_they_are_in_another(municipal_sites):
    site = municipal_sites["lindewaard"]
    for language in EXAMPLES["lindewaard"]["languages"]:
        html = page(site, language, "local/spreekuur/")
        home = page(site, language, "")
        assert "local/spreekuur/" in home, f"{language}: not in the menu"
        assert ui(language, "nav.local", municipality="Lindewaard") in home
        if language in ("en", "nl", "ar"):
            assert "guide-translation-notice" not in html or language != "en"
        else:  # shown in English, marked as English, with a notice in the reader's language
            assert '<div lang="en" dir="ltr">' in html
            assert re.search(rf'class="guide-translation-notice" lang="{language}"', html)
    taalcafe = page(municipal_sites["hoogmeer"], "ar", "local/taalcafe/")
    assert '<div lang="nl" dir="ltr">' in taalcafe and "الهولندية" in taalcafe


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_branding_reaches_the_page(municipal_sites, name):
    settings, site = EXAMPLES[name], municipal_sites[name]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'alt="{settings["logo"]["alt"]}"' in home
    assert 'rel="icon" href="assets/municipality/' in home
    css = (site / "assets" / "stylesheets" / "guide.css").read_text(encoding="utf-8")
    assert f"--guide-brand:{settings['colours']['light']['primary']}" in css
    assert css.count("--guide-brand:") == 2 + len(settings["colours"])  # the guide's light, dark, then the brand's
    assert f'<link rel="canonical" href="{settings["site_url"]}">' in home


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_page_names_the_municipality_above_its_title(municipal_sites, name):
    """Phones hide the header logo: the brand line gives the Dutch name, as on the letters."""
    settings, site = EXAMPLES[name], municipal_sites[name]
    line = re.compile(r'<p class="guide-brand-line"><img src="[^"]*assets/municipality/[^"]+" alt=""[^>]*>'
                      rf'\s*<span lang="nl" dir="ltr">{re.escape(settings["municipality"]["name_nl"])}</span>\s*</p>'
                      r'\s*(?:<div [^>]*>\s*)?<h1')
    for built in built_pages(site):
        file = site / built.path.lstrip("/")
        html = (file if built.path.endswith(".html") else file / "index.html").read_text(encoding="utf-8")
        assert line.search(html), f"{name} {built.path}: no brand line directly above the title"


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_language_has_its_own_not_found_page(municipal_sites, name):
    site = municipal_sites[name]
    for language in EXAMPLES[name]["languages"]:
        path = site / ("404.html" if language == "en" else f"{language}/404.html")
        html = path.read_text(encoding="utf-8")
        assert re.search(rf'<html lang="{language}"[^>]* dir="(ltr|rtl)"', html), path
        assert f'<h1 id="not-found">{ui(language, "notfound.title")}</h1>' in html
        assert 'class="md-skip"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_accessibility_statement_gives_the_measured_results(municipal_sites, built_site, language):
    record = yaml.safe_load((ROOT / "data" / "accessibility.yml").read_text(encoding="utf-8"))
    statement = text_of(page(municipal_sites["lindewaard"], language, "toegankelijkheid/"))
    assert "Gemeente Lindewaard" in statement and "0345 123 456" in statement
    assert f"{ui(language, 'a11y.pages')}: {record['pages']}" in " ".join(statement.split())
    national = text_of(page(built_site, language, "toegankelijkheid/"))
    assert "Lindewaard" not in national


def test_the_accessibility_record_matches_what_the_tests_check(built_site):
    """data/accessibility.yml states what tests/browser/test_axe.py checks: keep them equal."""
    from tests.browser.test_axe import PAGES

    record = yaml.safe_load((ROOT / "data" / "accessibility.yml").read_text(encoding="utf-8"))
    assert record["pages"] == len(PAGES), "update `pages` in data/accessibility.yml"
    assert record["languages"] == len(LANGUAGES)
    assert len(distinct_pages()) < len(built_pages(built_site))  # sanity: the check's duplicates are counted once


NATIONAL_NAMES = re.compile(r"\b(?:Gemeente|gemeente) [A-Z][a-z]+|\b(?:Taalhuis|Taalschool|Stichting) [A-Z]")


def test_no_national_page_names_a_municipality_school_or_provider_by_hand():
    examples = [mark for settings in EXAMPLES.values() for mark in marks(settings)]
    for path in sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert not NATIONAL_NAMES.search(text), f"{path.relative_to(ROOT)} names {NATIONAL_NAMES.search(text)[0]}"
        assert not [mark for mark in examples if mark in text], path


def test_the_national_site_names_no_municipality(built_site):
    for built in built_pages(built_site):
        file = built_site / built.path.lstrip("/")
        html = (file if built.path.endswith(".html") else file / "index.html").read_text(encoding="utf-8")
        assert "guide-footer-contact" not in html and "guide-local" not in html, built.path
        assert "guide-brand-line" not in html, built.path
