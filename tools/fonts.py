"""Make the web fonts the site serves for Arabic script and Ge'ez (Tigrinya).

    npm ci && .venv/bin/python -m tools.fonts

Sources: Noto Naskh Arabic and Noto Sans Ethiopic, regular weight, from the npm packages
@fontsource/noto-naskh-arabic and @fontsource/noto-sans-ethiopic (SIL Open Font License
1.1, pinned in package.json). fontTools subsets them to WOFF2 in docs/assets/fonts/:

- one font per script with every letter the languages use (Arabic, Farsi, Dari, Pashto;
  Tigrinya), loaded only by pages in that language (`:lang()` in guide.css);
- one tiny "menu" font per script with only the letters of the language names and the
  word "language" in the language menu, which is on every page. It is embedded in
  guide.css, so a page in English can show "ትግርኛ" and "العربية" without
  downloading a whole font.
Bold is left to the browser (synthesised): a second weight would double the download.
"""

from __future__ import annotations

import base64
import io
import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FONTSOURCE = ROOT / "node_modules" / "@fontsource"
OUT = ROOT / "docs" / "assets" / "fonts"
# The rules go into guide.css between these markers: one stylesheet, one request.
CSS = ROOT / "docs" / "assets" / "stylesheets" / "guide.css"
BEGIN, END = "/* --- Fonts: begin (made by python -m tools.fonts) --- */", "/* --- Fonts: end --- */"

# Unicode ranges of each script's letters, punctuation and the marks readers need.
ARABIC_RANGES = "U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF, U+200C-200F"
ETHIOPIC_RANGES = "U+1200-137F, U+1380-139F, U+2D80-2DDF"

SCRIPTS = {
    "arabic": {
        "family": "Guide Naskh Arabic",
        "source": FONTSOURCE / "noto-naskh-arabic" / "files" / "noto-naskh-arabic-arabic-400-normal.woff2",
        "ranges": ARABIC_RANGES,
        "file": "noto-naskh-arabic.woff2",
    },
    "ethiopic": {
        "family": "Guide Noto Sans Ethiopic",
        "source": FONTSOURCE / "noto-sans-ethiopic" / "files" / "noto-sans-ethiopic-ethiopic-400-normal.woff2",
        "ranges": ETHIOPIC_RANGES,
        "file": "noto-sans-ethiopic.woff2",
    },
}


def parse_ranges(ranges: str) -> list[int]:
    """'U+0600-06FF, U+200C' -> every code point in them."""
    points: list[int] = []
    for part in ranges.split(","):
        start, _, end = part.strip().removeprefix("U+").partition("-")
        points.extend(range(int(start, 16), int(end or start, 16) + 1))
    return points


def menu_text(root: Path = ROOT) -> str:
    """The language names in mkdocs.yml and the words for "language" in the menu's label."""
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    names = re.findall(r"^\s+name:\s*(.+)$", config, re.M)
    label = (root / "overrides" / "partials" / "alternate.html").read_text(encoding="utf-8")
    words = re.findall(r'\("[a-zA-Z-]+",\s*"(?:ltr|rtl)",\s*"([^"]+)"\)', label)
    return " ".join(names + words)


def subset_font(source: Path, unicodes: list[int]) -> bytes:
    """WOFF2 bytes of `source` with only `unicodes` and the glyphs its shaping reaches."""
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # Arabic joining forms and Ge'ez ligatures need them all
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff2"
    font.save(buffer)
    return buffer.getvalue()


def font_face(family: str, src: str, ranges: str) -> str:
    return (f'@font-face {{ font-family: "{family}"; src: url({src}) format("woff2"); '
            f"font-weight: 400 700; font-display: swap; unicode-range: {ranges}; }}")


def replace_between_markers(css: str, block: str) -> str:
    """`css` with the old fonts block replaced by `block` (added after the header comment if new)."""
    if BEGIN in css:
        return css[: css.index(BEGIN)] + block + css[css.index(END) + len(END):]
    head_end = css.index("*/") + 2
    return css[:head_end] + "\n\n" + block + css[head_end:]


def main() -> int:
    missing = [str(s["source"]) for s in SCRIPTS.values() if not s["source"].exists()]
    if missing:
        print(f"Missing {', '.join(missing)}: run `npm ci` first.", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    menu = {ord(c) for c in menu_text() if not c.isspace()}
    rules = [BEGIN, "/* Do not edit. Fonts: SIL Open Font License 1.1 (docs/assets/fonts/OFL.txt).",
             "   The menu fonts are embedded: every page shows the menu. */"]
    for script in SCRIPTS.values():
        full = subset_font(script["source"], parse_ranges(script["ranges"]))
        (OUT / script["file"]).write_bytes(full)
        points = sorted(p for p in menu if p in set(parse_ranges(script["ranges"])))
        small = subset_font(script["source"], points)
        data = "data:font/woff2;base64," + base64.b64encode(small).decode("ascii")
        ranges = ", ".join(f"U+{p:04X}" for p in points)
        rules.append(font_face(script["family"], f"../fonts/{script['file']}", script["ranges"]))
        rules.append(font_face("Guide Menu", data, ranges))
        print(f"{script['file']}: {len(full):,} B; menu font: {len(small):,} B ({len(points)} letters)")
    rules.append(END)
    CSS.write_text(replace_between_markers(CSS.read_text(encoding="utf-8"), "\n".join(rules)), encoding="utf-8")
    license_text = (FONTSOURCE / "noto-sans-ethiopic" / "LICENSE").read_text(encoding="utf-8")
    (OUT / "OFL.txt").write_text(license_text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
