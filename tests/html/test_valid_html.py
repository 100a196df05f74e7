"""Every built page is valid HTML: the W3C Nu HTML Checker (vnu.jar, npm `vnu-jar`) over the
whole site in one run, zero errors; the same for each example municipality's copy. Nothing
is filtered out: an error is fixed in the markup (overrides/) or the content. Warnings do
not fail the test but are reported by pytest.

Needs Java and `npm ci` (scripts/setup.sh --test installs both).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import warnings
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from tests.conftest import EXAMPLE_SETTINGS

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def run_vnu(site: Path) -> list[dict]:
    """All of the checker's messages for every HTML file under `site` (one JVM start)."""
    java = shutil.which("java")
    assert java, "Java is missing: run scripts/setup.sh --test (or install Java 11+)"
    assert VNU_JAR.exists(), f"{VNU_JAR.relative_to(ROOT)} is missing: run scripts/setup.sh --test (npm ci)"
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", str(site)],
        capture_output=True, text=True, check=False, timeout=300,
    )
    # With --format json the report goes to stderr; exit code 1 only means "errors found".
    try:
        return json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError) as error:
        raise AssertionError(f"vnu gave no JSON report (exit {result.returncode}):\n{result.stderr[:2000]}") from error


def describe(message: dict, site: Path) -> str:
    path = Path(unquote(urlparse(message.get("url", "")).path))
    where = path.relative_to(site).as_posix() if path.is_relative_to(site) else str(path)
    line = message.get("lastLine", message.get("firstLine", "?"))
    extract = " ".join(message.get("extract", "").split())[:100]
    return f"{where}:{line}: {message['message']}  [{extract}]"


def test_every_page_is_valid_html(built_site):
    assert_valid(built_site.resolve())


@pytest.mark.parametrize("name", [path.parent.name for path in EXAMPLE_SETTINGS])
def test_every_page_of_each_example_municipality_is_valid_html(municipal_sites, name):
    """Their local blocks (contact, providers, routes in note boxes) are markup of their own."""
    assert_valid(municipal_sites[name].resolve())


def assert_valid(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert pages, f"no HTML pages in {site}"
    messages = run_vnu(site)
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    notes = [m for m in messages if m["type"] == "info" and m.get("subType") == "warning"]
    if notes:
        warnings.warn(f"W3C checker: {len(notes)} warnings:\n" + "\n".join(describe(m, site) for m in notes),
                      stacklevel=1)
    assert not errors, f"W3C checker: {len(errors)} errors in {len(pages)} pages:\n" + "\n".join(
        describe(m, site) for m in errors
    )
