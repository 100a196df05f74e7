"""Shared fixtures: the project root and one strict build of the whole site per test run."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.build import build_site  # noqa: E402


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once in strict mode; the build must succeed.

    GUIDE_PREBUILT_SITE=<folder> reuses a site built by hand (for quick reruns while editing).
    """
    prebuilt = os.environ.get("GUIDE_PREBUILT_SITE")
    if prebuilt:
        return Path(prebuilt)
    site = tmp_path_factory.mktemp("site")
    result = build_site(site)
    assert result.returncode == 0, f"the site does not build:\n{result.stdout}\n{result.stderr}"
    return site
