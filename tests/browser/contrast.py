"""WCAG 2.2 contrast of CSS colours: small pure functions, no browser (tested in test_contrast.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable

RGBA = tuple[float, float, float, float]  # red, green, blue 0-255; alpha 0-1
RGB = tuple[float, float, float]

_FUNCTION = re.compile(r"rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)")


def parse_css_color(text: str) -> RGBA:
    """A computed CSS colour ('rgb(1, 2, 3)', 'rgba(1, 2, 3, 0.5)', 'rgb(1 2 3 / 50%)', '#rrggbb[aa]')."""
    text = text.strip().lower()
    if text == "transparent":
        return (0.0, 0.0, 0.0, 0.0)
    match = _FUNCTION.fullmatch(text)
    if match:
        red, green, blue, alpha = match.groups()
        if alpha is None:
            opacity = 1.0
        elif alpha.endswith("%"):
            opacity = float(alpha[:-1]) / 100
        else:
            opacity = float(alpha)
        return (float(red), float(green), float(blue), opacity)
    if re.fullmatch(r"#[0-9a-f]{6}([0-9a-f]{2})?", text):
        channels = [int(text[i : i + 2], 16) for i in range(1, len(text), 2)]
        opacity = channels[3] / 255 if len(channels) == 4 else 1.0
        return (float(channels[0]), float(channels[1]), float(channels[2]), opacity)
    raise ValueError(f"not a colour this test understands: {text!r}")


def composite(top: RGBA, bottom: RGBA) -> RGBA:
    """`top` painted over `bottom` (source-over)."""
    alpha = top[3] + bottom[3] * (1 - top[3])
    if alpha == 0:
        return (0.0, 0.0, 0.0, 0.0)
    channels = [(t * top[3] + b * bottom[3] * (1 - top[3])) / alpha for t, b in zip(top[:3], bottom[:3], strict=True)]
    return (channels[0], channels[1], channels[2], alpha)


def flatten(layers: Iterable[RGBA]) -> RGB:
    """The colour seen through `layers` (topmost first), down to the first opaque one."""
    seen: RGBA = (0.0, 0.0, 0.0, 0.0)
    for layer in layers:
        seen = composite(seen, layer)
        if seen[3] >= 0.999:
            return seen[:3]
    raise ValueError("no opaque background under these layers")


def relative_luminance(rgb: RGB) -> float:
    """WCAG 2.2 relative luminance of an sRGB colour (channels 0-255)."""

    def linear(channel: float) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: RGB, second: RGB) -> float:
    """WCAG contrast ratio, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
