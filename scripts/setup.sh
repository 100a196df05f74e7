#!/usr/bin/env bash
# Installs the pinned Python packages into .venv. With --test, also what the tests need,
# including a Chromium for Playwright, Java and the npm checkers (W3C Nu HTML Checker,
# HTML_CodeSniffer).
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv with $($python --version)"
  "$python" -m venv .venv
fi

requirements=requirements.txt
[ "${1:-}" = "--test" ] && requirements=requirements-test.txt
echo "Installing Python packages from $requirements"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"

if [ "${1:-}" = "--test" ]; then
  scripts/install-browser.sh
  scripts/install-checkers.sh
fi
