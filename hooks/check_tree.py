"""Build checks for 'Check what applies to you' (data/check.yml), wired in mkdocs.yml `hooks:`.

- data/check.yml matches data/check.schema.json;
- the tree is sound: every `next:` exists, every path ends at a result, nothing is
  unreachable, no loops, no empty result;
- every result names a page, a rule fact and blocks that exist in every language;
- the blocks in content/check/ write no facts by hand;
- the pages under docs/<language>/check/ are what `python -m macros.check_pages` writes.
The logic lives in macros/check.py and macros/check_pages.py (pure, tested).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# MkDocs loads hooks by path; the project root must be importable for `macros`.
sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError

from macros.check_pages import build_pages, check_up_to_date
from macros.content_checks import find_hand_written_facts
from macros.errors import GuideError
from macros.site_checks import built_languages


def on_config(config, **kwargs):
    # mkdocs-static-i18n builds again for each further language; these checks cover all at once.
    if config["plugins"]["i18n"].building:
        return config
    languages = built_languages(config)
    try:
        hand_written = [
            problem
            for language in languages
            for block in sorted((ROOT / "content" / "check" / language).glob("*.md"))
            for problem in find_hand_written_facts(block.read_text(encoding="utf-8"), block.relative_to(ROOT), language)
        ]
        if hand_written:
            raise PluginError("\n".join(map(str, hand_written)))
        pages, with_check = build_pages(ROOT, languages)
        check_up_to_date(Path(config["docs_dir"]), pages, with_check)
    except GuideError as error:
        raise PluginError(str(error)) from None
    return config
