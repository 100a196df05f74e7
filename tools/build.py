"""Build the site (all languages) into a folder, with the checks of a strict build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_site(site_dir: Path, project: Path = ROOT) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` (never with -q: it hides warnings from strict mode)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
