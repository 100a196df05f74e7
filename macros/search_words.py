"""Word boundaries Pagefind does not see, made visible to it (the index only, never the page).

Pagefind splits words at white space. Two scripts mark word boundaries otherwise:
- Ge'ez: the word space ፡ and the other Ethiopic punctuation (። ፣ ፤ ፥ ፦ ፧ ፨) can stand
  between words with no space ("ሰላም፡ኣሕዋት" is two words);
- Arabic script: the conjunction و ("and") is written joined to the next word
  ("والمدرسة" is "و" + "المدرسة"), so the word alone would not find it.

hooks/search.py indexes a copy of the pages with an underscore after each of these: Pagefind
indexes "و_المدرسة" as the whole and as its parts, and keeps the underscore in the excerpt
it returns, where search.js removes it again (no Arabic or Ge'ez prose has one there; a
space would show in the excerpt as a misspelling, "و احد" for "واحد"). search.js also
splits what the reader types the same way, so "والمدرسة", "المدرسة" and a word that really
starts with و ("وزارة") are all found.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

JOIN_MARK = "_"  # search.js removes it from excerpts: keep the two in step
ETHIOPIC_PUNCTUATION = re.compile(r"([\u1361-\u1368])(?=[^\s\u1361-\u1368])")
ARABIC_LETTER = "\u0620-\u064a\u066e-\u06d3\u06fa-\u06fc\u0750-\u077f"
# و at the start of a word, followed by at least two letters (a word of its own).
JOINED_AND = re.compile(rf"(?<![{ARABIC_LETTER}\u064b-\u065f\u0670])\u0648(?=[{ARABIC_LETTER}]{{2}})")
TAG = re.compile(r"(<[^>]*>)")
RAW_TEXT = re.compile(r"<(script|style)\b", re.I)


def search_text(text: str) -> str:
    """`text` with JOIN_MARK after every word boundary Pagefind would miss."""
    text = ETHIOPIC_PUNCTUATION.sub(r"\1" + JOIN_MARK, text)
    return JOINED_AND.sub("\u0648" + JOIN_MARK, text)


def search_html(html: str) -> str:
    """`html` with search_text applied to its text, not to tags, scripts or styles."""
    parts = TAG.split(html)
    raw = None  # inside <script> or <style>: the tag name whose end is awaited
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            if raw is None and (match := RAW_TEXT.match(part)):
                raw = match.group(1).lower()
            elif raw is not None and part.lower().startswith(f"</{raw}"):
                raw = None
        elif raw is None and part:
            parts[index] = search_text(part)
    return "".join(parts)


def index_for_search(site: Path) -> subprocess.CompletedProcess:
    """Run Pagefind on a copy of `site`'s pages made with search_html; the index goes to
    site/pagefind/ and its addresses are those of `site` (the copy has the same folders)."""
    with tempfile.TemporaryDirectory(prefix="guide-search-") as copy:
        for html in site.rglob("*.html"):
            target = Path(copy) / html.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(search_html(html.read_text(encoding="utf-8")), encoding="utf-8")
        return subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", copy, "--output-path", str(site / "pagefind"), "--quiet"],
            capture_output=True, text=True, check=False,
        )
