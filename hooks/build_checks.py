"""Build checks that stop the build with a plain message (wired in mkdocs.yml `hooks:`).

- every built language has every page that English has;
- every built language translates every UI string (translations/<language>.po);
- every page has valid front matter with a description, and a title of its own;
- no page writes a fact (number, number word, web address) by hand;
- facts not checked for a long time are mentioned (never failing the build).
The logic lives in macros/ (pure, tested); this file only connects it to MkDocs.
"""

from __future__ import annotations

import datetime
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# MkDocs loads hooks by path; the project root must be importable for `macros`.
sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError

from macros.content_checks import scan_docs
from macros.errors import GuideError
from macros.facts import load_facts
from macros.i18n import load_checked_catalogs
from macros.site_checks import built_languages, check_page_metadata, missing_pages, partial_languages
from macros.sources import check_rules_match
from macros.stale import DEFAULT_MAX_AGE_DAYS, FACTS_PATH, stale_facts

log = logging.getLogger("mkdocs.hooks.build_checks")


def on_config(config, **kwargs):
    # mkdocs-static-i18n runs the whole build again for each further language (with
    # `building` set); the checks below already cover every language, so run them once.
    if config["plugins"]["i18n"].building:
        return config
    languages = built_languages(config)
    try:
        missing_pages(Path(config["docs_dir"]), languages, default=languages[0], partial=partial_languages(config))
        check_page_metadata(Path(config["docs_dir"]), languages)
        check_rules_match(Path(config["docs_dir"]), languages)
        hand_written = scan_docs(Path(config["docs_dir"]))
        if hand_written:
            raise PluginError("\n".join(map(str, hand_written)))
        load_checked_catalogs(ROOT / "translations", languages)
        mention_stale_facts(load_facts(FACTS_PATH))
    except GuideError as error:
        raise PluginError(str(error)) from None
    return config


def mention_stale_facts(facts: dict) -> None:
    # Info, not a warning: strict mode would turn a warning into a failed build, and a
    # build must not start failing because the calendar moved. `python -m macros.stale`
    # exits non-zero for a scheduled job.
    stale = stale_facts(facts, datetime.date.today(), DEFAULT_MAX_AGE_DAYS)
    if stale:
        log.info(
            "%d fact(s) in data/facts.yml were checked more than %d days ago (oldest: %s, %s). "
            "Run `python -m macros.stale` for the list.",
            len(stale), DEFAULT_MAX_AGE_DAYS, stale[0][0], stale[0][1],
        )
