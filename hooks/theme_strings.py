"""Give theme templates `ui(key)`: UI strings from translations/<language>.po."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# MkDocs loads hooks by path; the project root must be importable for `macros`.
sys.path.insert(0, str(ROOT))

from macros.i18n import load_catalog, translate


def on_env(env, config, files, **kwargs):
    language = config["theme"]["language"]
    catalog = load_catalog(ROOT / "translations" / f"{language}.po")
    env.globals["ui"] = lambda key, **params: translate(catalog, key, where=f"overrides (key {key})", **params)
    return env
