"""The contrast helpers of contrast.py (pure, no browser)."""

from __future__ import annotations

import pytest

from .contrast import composite, contrast_ratio, flatten, parse_css_color, relative_luminance

WHITE, BLACK = (255, 255, 255), (0, 0, 0)


def test_luminance_of_black_white_and_a_mid_grey():
    assert relative_luminance(BLACK) == 0
    assert relative_luminance(WHITE) == pytest.approx(1)
    assert relative_luminance((119, 119, 119)) == pytest.approx(0.1845, abs=1e-4)  # #777


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (WHITE, BLACK, 21.0),
        (BLACK, WHITE, 21.0),
        ((29, 79, 145), (29, 79, 145), 1.0),
        ((0xB3, 0x44, 0x1C), (0x1D, 0x4F, 0x91), 1.46),  # the old orange ring on the blue header
        ((0xB3, 0x44, 0x1C), WHITE, 5.58),
        ((119, 119, 119), WHITE, 4.48),  # the classic "just below 4.5:1" grey
    ],
)
def test_contrast_ratio(first, second, expected):
    assert contrast_ratio(first, second) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rgb(29, 79, 145)", (29, 79, 145, 1)),
        ("rgba(0, 0, 0, 0)", (0, 0, 0, 0)),
        ("rgba(255, 255, 255, 0.5)", (255, 255, 255, 0.5)),
        ("rgb(10 20 30 / 25%)", (10, 20, 30, 0.25)),
        ("#1d4f91", (29, 79, 145, 1)),
        ("#00000080", (0, 0, 0, 128 / 255)),
        ("transparent", (0, 0, 0, 0)),
    ],
)
def test_parse_css_color(text, expected):
    assert parse_css_color(text) == pytest.approx(expected)


def test_parse_rejects_what_it_does_not_know():
    with pytest.raises(ValueError, match="not a colour"):
        parse_css_color("color(display-p3 1 0 0)")


def test_composite_and_flatten():
    half_black = (0, 0, 0, 0.5)
    assert composite(half_black, (255, 255, 255, 1)) == pytest.approx((127.5, 127.5, 127.5, 1))
    assert flatten([(0, 0, 0, 0), half_black, (255, 255, 255, 1), (1, 2, 3, 1)]) == pytest.approx((127.5,) * 3)
    with pytest.raises(ValueError, match="no opaque"):
        flatten([(0, 0, 0, 0), half_black])
