#!/usr/bin/env bash
# Sets up what the tests need (Python packages, Chromium) and runs every test:
# lint, unit tests, bad-input builds, and the browser tests on the built site.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --test
echo "ruff check"
.venv/bin/python -m ruff check .
echo "pytest"
export NO_MKDOCS_2_WARNING=1
.venv/bin/python -m pytest -n 2 "$@"
