"""Ways to break a copy of the project that survive edits to the content by others.

Pages are broken by appending lines, the facts file by the YAML path of a value (not
its text), catalogues by message id.
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.facts import line_of
from tools.build import build_site


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} does not contain {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(page: Path, *lines: str) -> int:
    """Append lines to a page; returns the line number of the first one."""
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    first = text.count("\n") + 1
    page.write_text(text + "\n".join(lines) + "\n", encoding="utf-8")
    return first


def last_line(page: Path) -> int:
    return len(page.read_text(encoding="utf-8").splitlines())


def yaml_line(path: Path, yaml_path: list[str | int]) -> int:
    line = line_of(path.read_text(encoding="utf-8"), yaml_path)
    assert line, f"{yaml_path} not found in {path}"
    return line


def set_yaml(path: Path, yaml_path: list[str | int], value: str) -> int:
    """Replace the value of `key: value` at `yaml_path` by the raw text `value`; returns its line."""
    line = yaml_line(path, yaml_path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    key = lines[line - 1].split(":", 1)[0]
    assert key.strip() == str(yaml_path[-1]), f"line {line} of {path} is {lines[line - 1]!r}"
    lines[line - 1] = f"{key}: {value}\n"
    path.write_text("".join(lines), encoding="utf-8")
    return line


def delete_yaml(path: Path, yaml_path: list[str | int]) -> int:
    """Remove the one-line `key: value` at `yaml_path`; returns the line it was on."""
    line = yaml_line(path, yaml_path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    del lines[line - 1]
    path.write_text("".join(lines), encoding="utf-8")
    return line


def insert_after_yaml(path: Path, yaml_path: list[str | int], new_line: str) -> int:
    """Insert a line after the line of `yaml_path`; returns the new line's number."""
    line = yaml_line(path, yaml_path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(line, new_line.rstrip("\n") + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return line + 1


def _po_message(key: str) -> re.Pattern:
    return re.compile(rf'^msgid "{re.escape(key)}"\n(msgstr ".*"\n(?:".*"\n)*)', re.MULTILINE)


def po_set(path: Path, key: str, msgstr: str) -> int:
    """Give message `key` a new msgstr; returns the line of that msgstr."""
    text = path.read_text(encoding="utf-8")
    match = _po_message(key).search(text)
    assert match, f'msgid "{key}" not in {path}'
    path.write_text(text[: match.start(1)] + f'msgstr "{msgstr}"\n' + text[match.end(1):], encoding="utf-8")
    return text.count("\n", 0, match.start(1)) + 1


def po_remove(path: Path, key: str) -> None:
    text = path.read_text(encoding="utf-8")
    match = _po_message(key).search(text)
    assert match, f'msgid "{key}" not in {path}'
    path.write_text(text[: match.start()] + text[match.end():], encoding="utf-8")


def po_keys(path: Path, prefix: str) -> list[str]:
    return re.findall(rf'^msgid "({re.escape(prefix)}[^"]*)"', path.read_text(encoding="utf-8"), re.MULTILINE)


def failed_build(project: Path) -> str:
    result = build_site(project / "site", project=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{output[-3000:]}"
    return output


def guide_error(output: str) -> str:
    """The last GuideError message in the build output: its `where: problem` line and its fix."""
    matches = re.findall(r"^.*\n\s*How to fix: .*$", output, re.MULTILINE)
    assert matches, f"no GuideError message ('How to fix: …') in the output:\n{output[-3000:]}"
    return matches[-1]
