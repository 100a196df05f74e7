#!/usr/bin/env bash
# Sets everything up and builds the site into site/ (all languages, strict: any broken
# fact, link or translation stops the build with a message). `--serve` then starts a
# preview with live reload on http://127.0.0.1:8000/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
# Never add -q: it hides the warnings that strict mode turns into errors.
.venv/bin/python -m mkdocs build --strict
echo "The site is in $(pwd)/site"

if [ "${1:-}" = "--serve" ]; then
  .venv/bin/python -m mkdocs serve --strict
fi
