"""Bad input that MkDocs itself or the hand-written-facts scan catches (not a GuideError):
the strict build stops and names the file (and the line where possible). Each test breaks
one thing in a copy of the real project and builds it. GuideError kinds: test_guide_errors.py."""

from __future__ import annotations

import re

import pytest

from tools.build import build_site

from .helpers import append, failed_build


def test_the_unbroken_copy_builds(project):
    result = build_site(project / "site", project=project)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("page", "link", "named"),
    [
        ("nl/paying.md", "[De examens](steps/examens.md)", "steps/examens.md"),
        ("en/paying.md", "[Resits](steps/exams.md#no-such-heading)", "#no-such-heading"),
    ],
    ids=["missing-page", "missing-heading"],
)
def test_dead_link(project, page, link, named):
    append(project / "docs" / page, link)
    output = failed_build(project)
    assert page in output and named in output
    assert "Aborted" in output


def test_fact_written_by_hand(project):
    page = project / "docs" / "en" / "wi2013.md"
    line = append(page, "You have 3 years.")
    output = failed_build(project)
    assert re.search(rf"docs/en/wi2013\.md:{line}: '3' is written by hand", output), output[-1500:]
