"""The `project` fixture: a fresh copy of the real project for one test to break."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "content", "macros", "hooks", "overrides", "translations", "settings",
                 "examples")


# Each language is a whole rebuild. These tests break one thing and read the message, so the
# copy builds English and Dutch (test_languages.py adds others); the browser tests build all ten.
LANGUAGES_BUILT_HERE = ("en", "nl")


def build_only(config_file: Path, keep: tuple[str, ...]) -> None:
    """Build exactly the languages in `keep` (`build: true`), the others not (`build: false`)."""
    text = config_file.read_text(encoding="utf-8")

    def switch(match: re.Match) -> str:
        return match.group(0)[: -len(match.group(2))] + ("true" if match.group(1) in keep else "false")

    pattern = r"- locale: (\S+)\n(?:[^\n-][^\n]*\n)*?\s+build: (true|false)"
    config_file.write_text(re.sub(pattern, switch, text), encoding="utf-8")


@pytest.fixture
def project(tmp_path) -> Path:
    copy = tmp_path / "project"
    copy.mkdir()
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / part)
    build_only(copy / "mkdocs.yml", LANGUAGES_BUILT_HERE)
    return copy
