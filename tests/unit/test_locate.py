"""Finding the line of a macro call, so an error names the call that failed."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.locate import TEMPLATE_COMMENTS, call_line, calling_macro, calls, find_call

PAGE = """---
description: The pip and the fact("integration_period") in prose are not calls.
---

# The plan {#plan}

You have {{ fact("integration_period") }} to finish.
Your {{ term("pip") }} says so. The pip is a plan.
Again: {{ fact('integration_period', variant=1) }} and {{ fact("duo_letter_wait") }}.
A call over two lines: {{ link(
    "url_ind", "the IND") }}
{## {{ fact("integration_period") }} is a comment ##}
{% raw %}{{ fact("integration_period") }}{% endraw %}
{{ step_progress() }}
Last: {{ fact(key="integration_period") }}
"""


@pytest.mark.parametrize(
    ("macro", "key", "occurrence", "line"),
    [
        ("fact", "integration_period", 1, 7),
        ("fact", "integration_period", 2, 9),
        ("fact", "integration_period", 3, 15),
        ("fact", "duo_letter_wait", 1, 9),
        ("term", "pip", 1, 8),
        ("link", "url_ind", 1, 10),
        ("step_progress", None, 1, 14),
        ("fact", None, 2, 9),
    ],
)
def test_the_nth_call_names_the_nth_line(macro, key, occurrence, line):
    assert call_line(PAGE, macro, key, occurrence) == line


def test_a_loop_that_calls_more_often_than_written_names_the_last_call():
    assert call_line(PAGE, "fact", "integration_period", 9) == 15


@pytest.mark.parametrize(
    ("macro", "key"),
    [("term", "plan"), ("fact", "pip"), ("term", "integration_period"), ("ui", "step.next"), ("fac", None)],
)
def test_keys_in_prose_comments_or_other_macros_are_not_calls(macro, key):
    assert call_line(PAGE, macro, key, 1) is None


def test_heading_anchors_are_not_taken_for_comments():
    # `{#plan}` must not start a comment that swallows the calls after it up to a later `#}`.
    text = "# A {#plan}\n{{ fact('x') }}\n{{ fact('y') }} #}\n"
    assert [call.line for call in calls(text)] == [2, 3]


def test_template_comments_are_skipped_in_templates():
    text = '{# {{ ui("a") }} #}\n<span>{{ ui("a") }}</span>\n'
    assert call_line(text, "ui", "a", comments=TEMPLATE_COMMENTS) == 2


def test_find_call_names_the_template_file_and_line(tmp_path: Path):
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "footer.html").write_text('<p>\n  {{ ui("footer.x", n=1) }}\n</p>\n', encoding="utf-8")
    assert find_call(tmp_path, "ui", "footer.x") == f"{tmp_path / 'partials' / 'footer.html'}:2"
    assert find_call(tmp_path, "ui", "footer.y") is None


def test_calling_macro_finds_the_nearest_named_caller():
    def helper():
        return calling_macro({"step_pager", "local_contact"})

    def step_pager():
        return helper()

    assert step_pager() == "step_pager"
    assert helper() is None
