"""`python -m tools.translation_check <code>`: a translation's structure against English.

Loads macros/translations.py by path, so it runs with any Python 3 (no project packages).
"""

import importlib.util
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "guide_translations", Path(__file__).resolve().parent.parent / "macros" / "translations.py")
translations = importlib.util.module_from_spec(_spec)
sys.modules["guide_translations"] = translations
_spec.loader.exec_module(translations)

if __name__ == "__main__":
    sys.exit(translations.main(["check", *sys.argv[1:]]))
