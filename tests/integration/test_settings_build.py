"""A municipality's settings with mistakes: the build stops before building anything and
names every mistake, its key, its line and the fix, in one run."""

from __future__ import annotations

import shutil
import time

from tools.build import build_site


def test_every_settings_mistake_is_named_in_one_failed_build(project, tmp_path):
    folder = tmp_path / "town"
    shutil.copytree(project / "examples" / "hoogmeer", folder)
    settings = folder / "settings.yml"
    text = settings.read_text(encoding="utf-8")
    for old, new in [("  phone:", "  telefoon:"), ("statushouders@hoogmeer.example", "statushouders.hoogmeer"),
                     ("file: logo.svg", "file: logo.png"), ("languages: [en, nl, ar, ti, so]",
                                                        "languages: [en, nl, ar, tig]"),
                     ('primary: "#6a1b4d"', 'primary: "#e0a0c8"')]:
        assert old in text
        text = text.replace(old, new, 1)
    settings.write_text(text, encoding="utf-8")

    start = time.monotonic()
    result = build_site(project / "site", project=project, settings=settings)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert time.monotonic() - start < 60, "settings are checked before any page is built"
    assert "6 mistake(s) in the settings file:" in output
    for expected in ("`contact.telefoon` is not a setting the guide knows",
                     "'phone' is a required property", '`contact.email` "statushouders.hoogmeer" is not an e-mail',
                     "logo.png does not exist", "`languages` names `tig`", "did you mean `ti`?",
                     "`colours.light.primary` #e0a0c8: white text on the header"):
        assert expected in output, expected
    assert "Traceback" not in output
    assert not (project / "site" / "index.html").exists()
