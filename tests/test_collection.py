"""Every test file under tests/ is collected by a plain `pytest` from the project root.

tests/build was never run for months: pytest's default `norecursedirs` skips folders
named `build`, silently. This guard runs the collection the way CI does and fails,
naming the file and the likely reason, when a test file on disk is not collected.
"""

from __future__ import annotations

import fnmatch
import subprocess
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
TEST_FILE_PATTERNS = ("test_*.py", "*_test.py")  # pytest's default python_files
# pytest's own default, which applies whenever pyproject.toml does not set norecursedirs.
PYTEST_DEFAULT_NORECURSEDIRS = ("*.egg", ".*", "_darcs", "build", "CVS", "dist", "node_modules", "venv", "{arch}")


def configured_norecursedirs(pyproject: Path = ROOT / "pyproject.toml") -> tuple[str, ...]:
    options = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    return tuple(options.get("norecursedirs", PYTEST_DEFAULT_NORECURSEDIRS))


def files_on_disk(tests: Path = TESTS, root: Path = ROOT) -> list[str]:
    """Every test file under `tests`, as a path relative to `root` with forward slashes."""
    files = {path for pattern in TEST_FILE_PATTERNS for path in tests.rglob(pattern)}
    return sorted(path.relative_to(root).as_posix() for path in files if "__pycache__" not in path.parts)


def collected_files(collect_output: str) -> set[str]:
    """The files in the node ids that `pytest --collect-only -q` prints, one per line."""
    return {line.split("::", 1)[0] for line in collect_output.splitlines() if "::" in line}


def likely_reason(path: str, norecursedirs: Iterable[str], collect_output: str) -> str:
    folders = path.split("/")[:-1]
    for folder in folders:
        for pattern in norecursedirs:
            if fnmatch.fnmatch(folder, pattern):
                return (
                    f"its folder `{folder}` matches `{pattern}` in norecursedirs; rename the folder "
                    "or change norecursedirs in pyproject.toml"
                )
    if any(line.startswith("ERROR") and path in line for line in collect_output.splitlines()):
        return "pytest could not import it (see the ERROR lines of `pytest --collect-only`)"
    return (
        "it holds no test pytest recognises (functions `test_…`, classes `Test…` without __init__), "
        "or a conftest/--ignore excludes it"
    )


def uncollected(
    on_disk: Iterable[str], collected: set[str], norecursedirs: Iterable[str], output: str = ""
) -> list[str]:
    """One message per test file on disk that pytest did not collect."""
    patterns = tuple(norecursedirs)
    return [
        f"{path} is not collected by `pytest` from the project root: {likely_reason(path, patterns, output)}."
        for path in on_disk
        if path not in collected
    ]


def test_every_test_file_is_collected():
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:xdist", "-p", "no:cacheprovider", "-q", "--collect-only",
         "--continue-on-collection-errors"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    on_disk = files_on_disk()
    assert "tests/test_collection.py" in on_disk and len(on_disk) > 3, on_disk
    problems = uncollected(on_disk, collected_files(output), configured_norecursedirs(), output)
    assert not problems, "\n".join(problems) + f"\n\npytest output (end):\n{output[-2000:]}"


def test_the_configured_norecursedirs_do_not_skip_a_folder_named_build():
    assert not any(fnmatch.fnmatch("build", pattern) for pattern in configured_norecursedirs())


# The guard must be able to fail: feed it a fake collection that misses files.


def test_a_file_in_a_folder_named_build_is_reported_with_the_reason():
    on_disk = ["tests/unit/test_a.py", "tests/build/test_b.py"]
    collected = collected_files("tests/unit/test_a.py::test_one\ntests/unit/test_a.py::test_two[x-y]\n")
    [problem] = uncollected(on_disk, collected, PYTEST_DEFAULT_NORECURSEDIRS)
    assert problem.startswith("tests/build/test_b.py is not collected")
    assert "`build` matches `build` in norecursedirs" in problem


def test_a_file_that_fails_to_import_or_has_no_tests_is_reported():
    output = "ERROR tests/unit/test_broken.py - ModuleNotFoundError: No module named 'nope'\n"
    problems = uncollected(["tests/unit/test_broken.py", "tests/unit/test_empty.py"], set(), (".*",), output)
    assert len(problems) == 2
    assert "could not import it" in problems[0]
    assert "holds no test pytest recognises" in problems[1]


def test_nothing_is_reported_when_everything_is_collected():
    on_disk = ["tests/unit/test_a.py"]
    assert uncollected(on_disk, collected_files("tests/unit/test_a.py::test_one\n"), (".*",)) == []


@pytest.mark.parametrize("pattern", TEST_FILE_PATTERNS)
def test_files_on_disk_finds_both_name_patterns(tmp_path, pattern):
    name = pattern.replace("*", "thing")
    (tmp_path / "tests" / "sub").mkdir(parents=True)
    (tmp_path / "tests" / "sub" / name).write_text("", encoding="utf-8")
    (tmp_path / "tests" / "sub" / "helper.py").write_text("", encoding="utf-8")
    assert files_on_disk(tmp_path / "tests", tmp_path) == [f"tests/sub/{name}"]
