"""Word boundaries for the search index (macros/search_words.py), with expected strings by hand."""

from __future__ import annotations

import pytest

from macros.search_words import JOIN_MARK as H
from macros.search_words import search_html, search_text


@pytest.mark.parametrize(("text", "expected"), [
    ("ሰላም፡ኣሕዋት", f"ሰላም፡{H}ኣሕዋት"),            # the Ge'ez word space between two words
    ("ቃል፣ሓድሽ", f"ቃል፣{H}ሓድሽ"),                  # a comma with no space after it
    ("ቃል። ካልእ", "ቃል። ካልእ"),                    # a space already there: nothing added
    ("ሰላም፡", "ሰላም፡"),                            # at the end: nothing to split
    ("والمدرسة", f"و{H}المدرسة"),                   # "and the school"
    ("ذهبت وقال", f"ذهبت و{H}قال"),                 # after a space
    ("(والمدرسة)", f"(و{H}المدرسة)"),               # after punctuation
    ("هو", "هو"),                                   # و at the end of a word
    ("سوال", "سوال"),                               # و inside a word
    ("و المدرسة", "و المدرسة"),                     # و already on its own
    ("وي", "وي"),                                   # too short to be و + a word
    ("The Wi 2021", "The Wi 2021"),                 # Latin text is left alone
])
def test_search_text_marks_the_boundaries_pagefind_misses(text, expected):
    assert search_text(text) == expected


def test_search_html_changes_text_but_not_tags_scripts_or_styles():
    html = ('<p title="والمدرسة">والمدرسة</p><script>var s = "والمدرسة";</script>'
            '<style>.a::after { content: "ሰላም፡ኣሕዋት"; }</style><b>ሰላም፡ኣሕዋት</b>')
    assert search_html(html) == (f'<p title="والمدرسة">و{H}المدرسة</p><script>var s = "والمدرسة";</script>'
                                 f'<style>.a::after {{ content: "ሰላም፡ኣሕዋት"; }}</style><b>ሰላም፡{H}ኣሕዋት</b>')
