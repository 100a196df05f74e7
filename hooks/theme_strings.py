"""Give theme templates `ui(key)`: UI strings from translations/<language>.po."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# MkDocs loads hooks by path; the project root must be importable for `macros`.
sys.path.insert(0, str(ROOT))

from macros.errors import GuideError
from macros.i18n import load_catalog, translate
from macros.locate import find_call


def on_env(env, config, files, **kwargs):
    language = config["theme"]["language"]
    catalog = load_catalog(ROOT / "translations" / f"{language}.po")

    def ui(key: str, **params) -> str:
        try:
            return translate(catalog, key, **params)
        except GuideError:
            pass
        # Only on failure: find the template and line that call ui("key"), and fail again with them.
        where = find_call(ROOT / "overrides", "ui", key) or f"a template in overrides/ (key {key})"
        return translate(catalog, key, where=where, **params)

    env.globals["ui"] = ui
    return env
