"""Which pages of each language are translated, reviewed, missing or out of date.

A translated page (or check block) records in its front matter what it was made from:

    translation: {reviewed: false, source: 3f2a9c1b7d4e}

`source` is the content hash of the English file at the time of translation, so "out of
date" is computed, never remembered. A small editorial fix to an English page (a typo)
is recorded in translations/editorial.yml as "this new hash means the same as that old
one", so it does not make every translation out of date.

Pure standard library: translators run it with any Python.

    python -m macros.translations              status table, all languages
    python -m macros.translations check ar     structure of ar against English
    python -m macros.translations stamp ar     record `source:` where it is missing
    python -m macros.translations editorial docs/en/fines.md
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITORIAL = Path("translations/editorial.yml")
SOURCE_LANGUAGE = "en"

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_TRANSLATION_LINE = re.compile(r"^translation:\s*\{(?P<body>[^}]*)\}\s*$", re.M)
_MACRO = re.compile(r"\{\{.*?\}\}", re.S)
# Heading anchors and attribute lists ({#sources}, {lang=nl}) stay as they are in every language.
_ATTRIBUTE_LIST = re.compile(r"\{:?\s*(?:[#.]|[\w-]+=)[^}\n]*\}")
_ANCHOR = re.compile(r"\{#([^\s}]+)")
_LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
_RULES = re.compile(r"^rules:\s*(.*)$", re.M)
_WORD = re.compile(r"\w+")
_LINK_MACRO = re.compile(r'\{\{\s*link\(\s*"([^"]+)"\s*(?:,\s*"([^"]*)"\s*)?\)\s*\}\}')


@dataclass(frozen=True)
class Unit:
    """One translatable file: a page under docs/ or a check block under content/check/."""

    area: str  # "docs" or "content/check"
    name: str  # path inside the language folder, e.g. "steps/intake.md"

    def path(self, root: Path, language: str) -> Path:
        return root / self.area / language / self.name


@dataclass
class LanguageStatus:
    language: str
    partial: bool
    reviewed: list[str] = field(default_factory=list)
    unreviewed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    out_of_date: list[str] = field(default_factory=list)
    words_to_translate: int = 0
    # A translator's review of a current, unreviewed translation is quoted by the words too.
    words_to_review: int = 0


def source_units(root: Path = ROOT) -> list[Unit]:
    """Every English file a language must translate (generated check pages excluded)."""
    pages = [
        Unit("docs", p.relative_to(root / "docs" / SOURCE_LANGUAGE).as_posix())
        for p in sorted((root / "docs" / SOURCE_LANGUAGE).rglob("*.md"))
        if p.relative_to(root / "docs" / SOURCE_LANGUAGE).parts[0] != "check"
    ]
    blocks = [Unit("content/check", p.name) for p in sorted((root / "content/check" / SOURCE_LANGUAGE).glob("*.md"))]
    return pages + blocks


def content_hash(text: str) -> str:
    """Twelve hex digits of SHA-256 over the text with normalised line ends."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()[:12]


def front_matter(text: str) -> str:
    match = _FRONT_MATTER.match(text)
    return match.group(1) if match else ""


def translation_record(text: str) -> dict[str, str]:
    """The `translation: {...}` line of a translated file as a dict of strings ({} if none)."""
    match = _TRANSLATION_LINE.search(front_matter(text))
    if not match:
        return {}
    record = {}
    for part in match.group("body").split(","):
        if ":" in part:
            key, value = part.split(":", 1)
            record[key.strip()] = value.strip().strip("'\"")
    return record


def is_reviewed(record: dict[str, str]) -> bool:
    return record.get("reviewed", "false").lower() == "true"


def body(text: str) -> str:
    match = _FRONT_MATTER.match(text)
    return text[match.end():] if match else text


def word_count(text: str) -> int:
    """Words a translator translates: macros and front matter other than the text left out."""
    return len(_WORD.findall(_ATTRIBUTE_LIST.sub(" ", _MACRO.sub(" ", body(text)))))


def load_editorial(root: Path = ROOT) -> dict[str, dict[str, str]]:
    """{english file: {new hash: old hash}} from translations/editorial.yml (a tiny YAML subset)."""
    path = root / EDITORIAL
    if not path.exists():
        return {}
    result: dict[str, dict[str, str]] = {}
    current = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith(" "):
            current = line.rstrip(":").strip()
            result[current] = {}
        elif current and ":" in line:
            new, old = (part.strip() for part in line.split(":", 1))
            result[current][new] = old
        else:
            raise SystemExit(f"{EDITORIAL}:{number}: expected 'docs/en/page.md:' then '  newhash: oldhash' lines.")
    return result


def equivalent_hashes(current: str, fixes: dict[str, str]) -> set[str]:
    """The current hash and every older hash that editorial fixes declared the same text."""
    seen = {current}
    while current in fixes and fixes[current] not in seen:
        current = fixes[current]
        seen.add(current)
    return seen


def language_status(language: str, partial: bool, root: Path = ROOT) -> LanguageStatus:
    status = LanguageStatus(language, partial)
    editorial = load_editorial(root)
    for unit in source_units(root):
        english = unit.path(root, SOURCE_LANGUAGE).read_text(encoding="utf-8")
        translated_path = unit.path(root, language)
        label = f"{unit.area}/{language}/{unit.name}"
        if not translated_path.exists():
            status.missing.append(label)
            status.words_to_translate += word_count(english)
            continue
        record = translation_record(translated_path.read_text(encoding="utf-8"))
        english_key = f"{unit.area}/{SOURCE_LANGUAGE}/{unit.name}"
        current = equivalent_hashes(content_hash(english), editorial.get(english_key, {}))
        if record.get("source") not in current:
            status.out_of_date.append(label)
            status.words_to_translate += word_count(english)
        elif not is_reviewed(record):
            status.words_to_review += word_count(english)
        (status.reviewed if is_reviewed(record) else status.unreviewed).append(label)
    return status


def _macro_identity(macro: str) -> str:
    """A macro call as it must appear in every language: link()'s own text is translated,
    and a page may link to the official page in its own language, so only `link` counts."""
    return "{{ link(…) }}" if _LINK_MACRO.match(macro) else macro.strip()


def link_texts(text: str) -> list[str]:
    return [m.group(2) for m in map(_LINK_MACRO.match, _MACRO.findall(body(text))) if m and m.group(2)]


def structure(text: str) -> dict[str, object]:
    """What must be the same in every language: macros, anchors, link targets, rules."""
    rules = _RULES.search(front_matter(text))
    return {
        "macros": Counter(_macro_identity(m) for m in _MACRO.findall(body(text))),
        "anchors": _ANCHOR.findall(body(text)),
        "links": Counter(_LINK_TARGET.findall(_MACRO.sub(" ", body(text)))),
        "rules": rules.group(1).strip() if rules else "",
    }


def structure_problems(english: str, translated: str, language: str = "") -> list[str]:
    """Differences a translation must not have, in words an editor can act on.

    Dutch pages may leave out "In Dutch: {{ term(…) }}" lines: the word is already Dutch."""
    source, target = structure(english), structure(translated)
    problems = []
    for macro in (source["macros"] - target["macros"]).elements():
        if language == "nl" and macro.startswith("{{ term("):
            continue
        problems.append(f"macro missing or changed: {macro}")
    for macro in (target["macros"] - source["macros"]).elements():
        problems.append(f"macro not in English: {macro}")
    if source["anchors"] != target["anchors"]:
        problems.append(f"heading anchors differ: English {source['anchors']}, here {target['anchors']}")
    for link in (source["links"] - target["links"]).elements():
        problems.append(f"link target missing: ({link})")
    for link in (target["links"] - source["links"]).elements():
        problems.append(f"link target not in English: ({link})")
    if source["rules"] != target["rules"]:
        problems.append(f"front matter rules differ: English {source['rules']!r}, here {target['rules']!r}")
    for text in set(link_texts(english)) & set(link_texts(translated)):
        problems.append(f'link text still in English: "{text}" (translate the second argument of link())')
    if "translation" not in front_matter(translated):
        problems.append("front matter has no `translation: {reviewed: false}` line")
    return problems


def check_language(language: str, root: Path = ROOT) -> list[str]:
    messages = []
    for unit in source_units(root):
        path = unit.path(root, language)
        if not path.exists():
            english_path = unit.path(root, SOURCE_LANGUAGE).relative_to(root)
            messages.append(f"{path.relative_to(root)}: missing (translate {english_path})")
            continue
        english = unit.path(root, SOURCE_LANGUAGE).read_text(encoding="utf-8")
        for problem in structure_problems(english, path.read_text(encoding="utf-8"), language):
            messages.append(f"{path.relative_to(root)}: {problem}")
    return messages


def stamp(language: str, root: Path = ROOT) -> list[str]:
    """Write `source: <hash of the English file now>` into translations that lack it."""
    stamped = []
    for unit in source_units(root):
        path = unit.path(root, language)
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        record = translation_record(text)
        if "source" in record:
            continue
        record.setdefault("reviewed", "false")
        record["source"] = content_hash(unit.path(root, SOURCE_LANGUAGE).read_text(encoding="utf-8"))
        line = "translation: {" + ", ".join(f"{k}: {v}" for k, v in record.items()) + "}"
        if _TRANSLATION_LINE.search(front_matter(text)):
            text = _TRANSLATION_LINE.sub(line, text, count=1)
        elif _FRONT_MATTER.match(text):
            text = text.replace("---\n", f"---\n{line}\n", 1)
        else:
            text = f"---\n{line}\n---\n\n{text}"
        path.write_text(text, encoding="utf-8")
        stamped.append(str(path.relative_to(root)))
    return stamped


def mark_editorial(english_file: str, root: Path = ROOT) -> str:
    """Record that the uncommitted change to `english_file` is editorial (translations stay current)."""
    old = subprocess.run(["git", "show", f"HEAD:{english_file}"], cwd=root,
                         capture_output=True, text=True, check=True).stdout
    new = (root / english_file).read_text(encoding="utf-8")
    old_hash, new_hash = content_hash(old), content_hash(new)
    if old_hash == new_hash:
        return f"{english_file} has not changed since the last commit: nothing to mark."
    fixes = load_editorial(root)
    fixes.setdefault(english_file, {})[new_hash] = old_hash
    lines = ["# Editorial fixes to English pages: `new hash: old hash` means the same text for translators.",
             "# Written by `python -m macros.translations editorial <file>`."]
    for name in sorted(fixes):
        lines.append(f"{name}:")
        lines.extend(f"  {n}: {o}" for n, o in fixes[name].items())
    (root / EDITORIAL).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f"{english_file}: {new_hash} marked as an editorial fix of {old_hash}."


def configured_languages(root: Path = ROOT) -> list[tuple[str, bool]]:
    """(code, partial) for each language in mkdocs.yml, read without a YAML library."""
    languages = []
    for line in (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s*- locale:\s*(\S+)", line)
        if match:
            languages.append([match.group(1), False])
        elif languages and re.match(r"\s*extra:.*\bpartial:\s*true", line):
            languages[-1][1] = True
    return [(code, partial) for code, partial in languages if code != SOURCE_LANGUAGE]


def status_table(statuses: list[LanguageStatus]) -> str:
    rows = ["| language | reviewed | not reviewed | missing | out of date | words to translate | words to review |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for s in statuses:
        name = s.language + (" (partial)" if s.partial else "")
        rows.append(f"| {name} | {len(s.reviewed)} | {len(s.unreviewed)} | {len(s.missing)} | "
                    f"{len(s.out_of_date)} | {s.words_to_translate} | {s.words_to_review} |")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "status"
    if command == "check":
        problems = check_language(argv[1], ROOT)
        print("\n".join(problems) or f"{argv[1]}: same structure as English.")
        return 1 if problems else 0
    if command == "stamp":
        for path in stamp(argv[1], ROOT):
            print(f"stamped {path}")
        return 0
    if command == "editorial":
        print(mark_editorial(argv[1], ROOT))
        return 0
    if command not in ("status", "--json"):
        print(__doc__)
        return 2
    statuses = [language_status(code, partial, ROOT) for code, partial in configured_languages(ROOT)]
    if "--json" in argv:
        print(json.dumps([s.__dict__ for s in statuses], indent=2, ensure_ascii=False))
    else:
        print(status_table(statuses))
        for s in statuses:
            for label in s.missing + s.out_of_date:
                print(f"  {label}: {'missing' if label in s.missing else 'out of date'}")
    failing = [s.language for s in statuses if s.missing and not s.partial]
    if failing:
        print(f"Missing pages in a full language: {', '.join(failing)}. Translate them, or mark the "
              "language partial in mkdocs.yml (extra: {partial: true}).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
