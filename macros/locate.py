"""Find the line of a macro call in a page or template, so errors name the right line.

Pure functions of text. A page may use the same fact twice, and a key such as "pip"
may also appear in plain text, so we look for the call itself (`fact("pip"` inside
`{{ … }}` or `{% … %}`) and pick the Nth one for the Nth call made while rendering.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

# Jinja blocks: `{{ … }}` and `{% … %}`. Raw blocks and comments are not calls. Pages use
# `{## … ##}` for comments (mkdocs.yml; `{#id}` is a heading anchor there), templates `{# … #}`.
PAGE_COMMENTS = ("{##", "##}")
TEMPLATE_COMMENTS = ("{#", "#}")
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.DOTALL)
_BLOCK = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
# A call: name, "(", then optionally a first argument that is a quoted string (`key=` allowed).
_CALL = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\s*\(\s*(?:\w+\s*=\s*)?(?:(['\"])(.*?)\2)?")


class Call(NamedTuple):
    macro: str
    key: str | None  # the first argument when it is a quoted string
    line: int


def _blank(match: re.Match) -> str:
    """Replace a span by as many newlines as it holds, so later line numbers stay right."""
    return "\n" * match.group(0).count("\n")


@lru_cache(maxsize=64)
def calls(text: str, comments: tuple[str, str] = PAGE_COMMENTS) -> tuple[Call, ...]:
    """Every call written inside a Jinja block of `text`, in order, with its 1-based line."""
    comment = re.compile(re.escape(comments[0]) + ".*?" + re.escape(comments[1]), re.DOTALL)
    text = comment.sub(_blank, _RAW.sub(_blank, text))
    found = []
    for block in _BLOCK.finditer(text):
        for call in _CALL.finditer(block.group(0)):
            line = text.count("\n", 0, block.start() + call.start()) + 1
            found.append(Call(call.group(1), call.group(3), line))
    return tuple(found)


def call_line(
    text: str, macro: str, key: str | None, occurrence: int = 1, comments: tuple[str, str] = PAGE_COMMENTS
) -> int | None:
    """The line of the `occurrence`-th (from 1) call `macro("key"…)` in `text`.

    `key=None` matches any call of `macro`. With fewer calls than `occurrence` (a call
    inside a Jinja loop runs more often than it is written) the last one is named;
    with none, None.
    """
    lines = [call.line for call in calls(text, comments) if call.macro == macro and (key is None or call.key == key)]
    if not lines:
        return None
    return lines[min(occurrence, len(lines)) - 1]


def find_call(folder: Path, macro: str, key: str | None, pattern: str = "*.html") -> str | None:
    """`folder/partials/x.html:12` for the first file under `folder` that calls `macro("key"`."""
    for path in sorted(folder.rglob(pattern)):
        line = call_line(path.read_text(encoding="utf-8"), macro, key, comments=TEMPLATE_COMMENTS)
        if line is not None:
            return f"{path}:{line}"
    return None


def calling_macro(names: Collection[str], depth: int = 30) -> str | None:
    """The name of the nearest function on the call stack whose name is in `names`.

    For helpers such as ui(), which a page never calls itself: their errors should name the
    line of the page macro (step_pager, local_contact, …) that called them.
    """
    frame = sys._getframe(1)
    while frame is not None and depth > 0:
        if frame.f_code.co_name in names:
            return frame.f_code.co_name
        frame, depth = frame.f_back, depth - 1
    return None
