"""Shared fixtures: the project root and one strict build of the whole site per test run."""

from __future__ import annotations

import fcntl
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.build import build_many, build_site, site_folder  # noqa: E402

EXAMPLE_SETTINGS = sorted((ROOT / "examples").glob("*/settings.yml"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once in strict mode; the build must succeed.

    Built once per test run, shared by pytest-xdist's workers (the first builds under a lock,
    the others wait and reuse it): two builds at once would take both cores for nothing.
    Tests read it and never change it (a test that needs a changed site copies it).
    GUIDE_PREBUILT_SITE=<folder> reuses a site built by hand (for quick reruns while editing).
    """
    prebuilt = os.environ.get("GUIDE_PREBUILT_SITE")
    if prebuilt:
        return Path(prebuilt)
    shared = _run_folder(tmp_path_factory)
    site, done = shared / "site", shared / "site.built"
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            result = build_site(site, settings=ROOT / "settings" / "national.yml")
            assert result.returncode == 0, f"the site does not build:\n{result.stdout}\n{result.stderr}"
            done.touch()
    return site


def _run_folder(tmp_path_factory) -> Path:
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    return shared


@pytest.fixture(scope="session")
def municipal_sites(tmp_path_factory) -> dict[str, Path]:
    """The example municipalities' copies (examples/*/settings.yml), each built once per run,
    one after the other under a lock (the other worker builds the national site meanwhile).
    GUIDE_PREBUILT_EXAMPLES=<folder> reuses copies built by `python -m tools.build --out <folder>`."""
    prebuilt = os.environ.get("GUIDE_PREBUILT_EXAMPLES")
    out = Path(prebuilt) if prebuilt else _run_folder(tmp_path_factory) / "sites"
    sites = {path.parent.name: site_folder(path, out) for path in EXAMPLE_SETTINGS}
    if prebuilt:
        return sites
    with open(_run_folder(tmp_path_factory) / "sites.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (out / "built").exists():
            for settings, _, result in build_many(EXAMPLE_SETTINGS, out, jobs=1):
                assert result.returncode == 0, f"{settings} does not build:\n{result.stdout}\n{result.stderr}"
            (out / "built").touch()
    return sites


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium, one per worker for the whole run: Playwright's sync API allows one
    instance per process, so every test folder (browser, hosting) shares this one."""
    from playwright.sync_api import sync_playwright

    from tools.browser import launch_options

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        yield browser
        browser.close()
