"""Find facts written by hand in Markdown pages: numbers, number words and web addresses.

Facts belong in data/facts.yml and reach pages through macros, so that every
language says the same thing. Run `python -m macros.content_checks docs` to list
offenders; the test suite runs the same check.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .local import LOCAL_FOLDER

# Names that contain digits but are terms, not facts: language levels, laws, school levels,
# the accessibility standard.
ALLOWED_TERMS = re.compile(
    r"\b(?:A1|A2|B1|B2|C1|C2|NT2|MBO[ -]?[1-4]|Wi[  ]?20(?:13|21)|Wet inburgering 20(?:13|21)|WCAG 2\.[0-2])\b",
    re.IGNORECASE,
)
MACRO_CALLS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{##.*?##\}", re.DOTALL)
LINK_TARGETS = re.compile(r"\]\([^)]*\)")
ATTRIBUTE_LISTS = re.compile(r"\{[#:.][^}]*\}|\{lang=[^}]*\}")
HTML_TAGS = re.compile(r"<[^>]+>")
LIST_MARKER = re.compile(r"^\s*\d+[.)]\s")
# \d covers Arabic-Indic and Persian digits; Ge'ez numerals (፩ … ፼) are not digits to Python.
DIGITS = re.compile(r"[\d\u1369-\u137C]+(?:[.,٫٬][\d\u1369-\u137C]+)*")
WEB_ADDRESS = re.compile(r"https?://\S+|www\.\S+|\b[\w-]+\.(?:nl|com|org|net|eu|info)\b", re.IGNORECASE)
# Number words hide facts as well as digits do ("three years"). Only unambiguous words.
NUMBER_WORDS = {
    "en": r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|twice|thrice",
    "nl": r"twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|honderd|tweemaal|driemaal",
    # Words that also mean something else are left out: Farsi نه (no) and ده (village),
    # Turkish on (front), altı (under), yüz (face).
    "ar": r"اثنان|اثنين|اثنتان|اثنتين|ثلاث|ثلاثة|أربع|أربعة|خمس|خمسة|ستة|سبعة|ثمانية|تسعة|عشرة|عشرين|مئة|مائة|مرتين",
    "fa": r"دو|سه|چهار|پنج|شش|هفت|هشت|یازده|دوازده|بیست|صد|دوبار",
    "fa-AF": r"دو|سه|چهار|پنج|شش|هفت|هشت|یازده|دوازده|بیست|صد|دوبار",
    "ps": r"دوه|درې|څلور|پنځه|شپږ|اووه|اته|نهه|لس|دولس|شل|سل",
    "ti": r"ክልተ|ሰለስተ|ኣርባዕተ|ሓሙሽተ|ሽዱሽተ|ሸውዓተ|ሸሞንተ|ትሽዓተ|ዓሰርተ|ዕስራ|ሚእቲ",
    "so": r"laba|saddex|afar|shan|lix|toddoba|siddeed|sagaal|toban|labaatan|boqol",
    "es": r"dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|veinte|cien|ciento|doble",
    "tr": r"iki|üç|dört|beş|yedi|sekiz|dokuz|yirmi|iki kez|üç kez",
}


@dataclass(frozen=True)
class HandWrittenFact:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: '{self.text}' is written by hand. "
            "Put the value in data/facts.yml and use a macro such as {{ fact('key') }} or {{ link('key') }}."
        )


def prose_of(line: str) -> str:
    """The part of a Markdown line that readers see as text, minus macros and allowed terms."""
    for pattern in (MACRO_CALLS, LINK_TARGETS, ATTRIBUTE_LISTS, HTML_TAGS, ALLOWED_TERMS):
        line = pattern.sub(" ", line)
    return LIST_MARKER.sub(" ", line)


# Front matter keys whose values readers see (in menus, search results, the step overview).
READER_VISIBLE_KEYS = ("title", "description")


def without_editor_front_matter(markdown: str) -> str:
    """Blank the front matter lines readers never see (`rules: [fine_wi2013_...]`), keeping the line count."""
    lines = markdown.split("\n")
    if not lines or lines[0].strip() != "---":
        return markdown
    key = None
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            break
        if ":" in lines[index] and not lines[index].startswith(" "):
            key = lines[index].split(":", 1)[0].strip()
        # A key's own line and its indented continuation lines (`translation:` with
        # `source: 9d48…` below it) are for editors unless readers see the key.
        if key is not None and key not in READER_VISIBLE_KEYS and (lines[index].startswith(" ") or ":" in lines[index]):
            lines[index] = ""
    return "\n".join(lines)


def find_hand_written_facts(markdown: str, path: Path, language: str) -> list[HandWrittenFact]:
    # Macro calls may span lines: blank them out first, keeping the line count.
    markdown = MACRO_CALLS.sub(lambda m: "\n" * m.group(0).count("\n"), without_editor_front_matter(markdown))
    words = NUMBER_WORDS.get(language)
    word_pattern = re.compile(rf"\b(?:{words})\b", re.IGNORECASE) if words else None
    found = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        prose = prose_of(line)
        for pattern in (WEB_ADDRESS, DIGITS, word_pattern):
            if pattern is None:
                continue
            found += [HandWrittenFact(path, number, match.group(0)) for match in pattern.finditer(prose)]
    return found


def scan_docs(docs: Path) -> list[HandWrittenFact]:
    found = []
    for path in sorted(docs.rglob("*.md")):
        language, *rest = path.relative_to(docs).parts
        if rest[:1] == [LOCAL_FOLDER]:  # a municipality's own pages: its text, not national facts
            continue
        found += find_hand_written_facts(path.read_text(encoding="utf-8"), path, language)
    return found


if __name__ == "__main__":
    problems = scan_docs(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
    print("\n".join(map(str, problems)) or "No facts written by hand.")
    sys.exit(1 if problems else 0)
