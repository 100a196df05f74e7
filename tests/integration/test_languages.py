"""Adding a language as a new maintainer would: one folder, one catalogue, one entry in mkdocs.yml.

A throwaway eleventh language ("de", marked partial, with only a home page) builds; its
missing pages show the English page with a notice in the reader's language, never a 404;
a right-to-left language gets dir="rtl" on <html>; a full language with a missing page stops
the build and says how to fix it.
"""

from __future__ import annotations

import re
import shutil

from macros.i18n import load_catalog
from tools.build import build_site

from .conftest import build_only

EXTRA_LANGUAGE = """        - locale: de
          name: Deutsch
          build: true
          extra: {partial: true}
"""


def add_partial_german(project) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("        - locale: nl\n", EXTRA_LANGUAGE + "        - locale: nl\n", 1),
                      encoding="utf-8")
    # The one folder: a home page only. The catalogue: here the Dutch one under the new code.
    (project / "docs" / "de").mkdir()
    shutil.copy(project / "docs" / "nl" / "index.md", project / "docs" / "de" / "index.md")
    catalogue = (project / "translations" / "nl.po").read_text(encoding="utf-8")
    (project / "translations" / "de.po").write_text(catalogue.replace('"Language: nl', '"Language: de'),
                                                    encoding="utf-8")


def test_an_eleventh_partial_language_and_a_right_to_left_one_build(project, tmp_path):
    add_partial_german(project)
    build_only(project / "mkdocs.yml", ("en", "nl", "ar", "de"))
    site = tmp_path / "site"
    result = build_site(site, project)
    assert result.returncode == 0, result.stdout + result.stderr

    home = (site / "de" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="de"[^>]* dir="ltr"', home)
    assert 'lang="de"' in home and ">Deutsch<" in home  # in the language menu, in its own name

    # A page the partial language lacks: the English page, marked English, with the notice.
    fallback = (site / "de" / "paying" / "index.html").read_text(encoding="utf-8")
    notice = load_catalog(project / "translations" / "de.po")["translation.fallback"].text
    assert notice in fallback
    assert '<div lang="en" dir="ltr">' in fallback
    assert "Paying for your integration" in fallback

    arabic = (site / "ar" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="ar"[^>]* dir="rtl"', arabic)


def test_a_full_language_with_a_missing_page_stops_the_build(project, tmp_path):
    (project / "docs" / "nl" / "fines.md").unlink()
    result = build_site(tmp_path / "site", project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "has no translation of fines.md" in output
    assert "extra: {partial: true}" in output
