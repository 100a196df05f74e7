"""One copy of the guide from one settings file (wired in mkdocs.yml `hooks:`).

The settings file is $GUIDE_SETTINGS, else municipality/settings.yml, else the national
default settings/national.yml (macros/settings.py). Before any other plugin reads the
configuration, this hook checks the settings (every mistake at once) and applies them:
the languages to build, the public address, the logo and favicon, the municipality's own
pages (a staged docs folder, macros/local.py) in the menu. After the build it adds the
brand colours to guide.css as custom properties. Templates and macros read the settings
from `config.extra.guide`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# MkDocs loads hooks by path; the project root must be importable for `macros`.
sys.path.insert(0, str(ROOT))

import rcssmin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from macros.brand import brand_css
from macros.errors import GuideError
from macros.facts import load_facts
from macros.i18n import load_catalog, translate
from macros.languages import (
    html_with_direction,
    isolate_other_directions,
    language_name,
    text_direction,
    theme_label,
    with_skip_link,
)
from macros.local import contact_html, stage_docs
from macros.settings import load_settings, settings_path

FACTS_PATH = ROOT / "data" / "facts.yml"
CATALOGS = ROOT / "translations"
STAGE = ROOT / ".build"
LOCAL_SECTION = "local"  # the menu section's title in mkdocs.yml terms; hooks/languages.py names it
NOT_FOUND_HEADING = "not-found"  # the id of the 404 page's heading (partials/guide/not-found.html)


def _i18n(config):
    return config["plugins"]["i18n"]


# Before mkdocs-static-i18n reads the languages (its on_config has priority 0).
@event_priority(100)
def on_config(config, **kwargs):
    if _i18n(config).building:  # the i18n plugin runs the build again per language
        return config
    plugin_languages = _i18n(config).config["languages"]
    codes = [lang.locale for lang in sorted(plugin_languages, key=lambda lang: not lang.default)]
    path = settings_path()
    try:
        settings = load_settings(path, load_facts(FACTS_PATH), codes)
    except GuideError as error:
        raise PluginError(str(error)) from None
    chosen = settings.get("languages") or [lang.locale for lang in plugin_languages if lang.build]
    for lang in plugin_languages:
        lang.build = lang.locale in chosen
    # $GUIDE_SITE_URL (set when deploying) wins over the settings' address.
    if settings.get("site_url") and not os.environ.get("GUIDE_SITE_URL"):
        config["site_url"] = settings["site_url"].rstrip("/") + "/"
    if any(settings.get(key) for key in ("logo", "favicon", "pages")):
        stage = STAGE / Path(settings["folder"]).name / "docs"
        pages = stage_docs(Path(config["docs_dir"]), stage, [c for c in codes if c in chosen], settings)
        config["docs_dir"] = str(stage)
        if pages:
            config["nav"] = [*config["nav"], {LOCAL_SECTION: pages}]
    if settings.get("logo"):
        config["theme"]["logo"] = f"assets/municipality/{Path(settings['logo']['file']).name}"
    if settings.get("favicon"):
        config["theme"]["favicon"] = f"assets/municipality/{Path(settings['favicon']).name}"
    config["extra"]["guide"] = settings
    return config


# The current language's theme environment, files and menu, for its 404 page (on_post_build).
_BUILD: dict = {}


def on_nav(nav, config, files, **kwargs):
    _BUILD["nav"] = nav
    return nav


def on_env(env, config, files, **kwargs):
    language = config["theme"]["language"]
    settings = config["extra"]["guide"]
    catalog = load_catalog(CATALOGS / f"{language}.po")

    def ui(key: str, **params) -> str:
        return translate(catalog, key, where=f"translations/{language}.po", **params)

    env.globals["direction_of"] = text_direction
    def name_of(code: str, reader: str) -> str:
        """A language's name in the reader's words: the catalogue's (`language.<code>`), else CLDR's."""
        entry = catalog.get(f"language.{code}")
        return entry.text if entry else language_name(code, reader)

    env.globals["language_name"] = name_of
    env.globals["guide_contact"] = lambda: contact_html(settings, language, ui, rtl=text_direction(language) == "rtl",
                                                       full=False)
    _BUILD.update(env=env, files=files)
    return env


def on_post_build(config, **kwargs):
    write_language_404(config)
    css = rcssmin.cssmin(brand_css((config["extra"]["guide"].get("colours")) or {}))
    if not css:
        return
    path = Path(config["site_dir"]) / "assets" / "stylesheets" / "guide.css"
    text = path.read_text(encoding="utf-8")
    if css not in text:  # each language's build copies the file again, or leaves it
        path.write_text(text + "\n" + css, encoding="utf-8")


def write_language_404(config) -> None:
    """<language>/404.html in the language's words and direction (Material writes only the
    site's root 404.html, in the first language); web servers send it for unknown addresses
    under /<language>/ (deploy/nginx/)."""
    language = config["theme"]["language"]
    root_404 = Path(config["site_dir"]) / "404.html"
    direction = text_direction(language)
    skip = theme_label("action.skip", language, load_catalog(CATALOGS / f"{language}.po"))
    if not _i18n(config).building:  # the first build is the default language's: the root 404
        if root_404.exists():
            html = html_with_direction(root_404.read_text(encoding="utf-8"), direction)
            _BUILD["root_404"] = with_skip_link(html, NOT_FOUND_HEADING, skip)
            root_404.write_text(_BUILD["root_404"], encoding="utf-8")
        return
    from mkdocs.commands.build import _build_template

    env = _BUILD["env"]
    html = _build_template("404.html", env.get_template("404.html"), _BUILD["files"], config, _BUILD["nav"])
    target = Path(config["site_dir"]) / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    html = with_skip_link(html_with_direction(html, direction), NOT_FOUND_HEADING, skip)
    target.write_text(isolate_other_directions(html, direction), encoding="utf-8")
    # Each language's build writes the root 404.html again, in its own language: restore it.
    if "root_404" in _BUILD:
        root_404.write_text(_BUILD["root_404"], encoding="utf-8")
