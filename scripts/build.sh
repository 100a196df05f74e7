#!/usr/bin/env bash
# Sets everything up and builds the site into site/ (all languages, strict: any broken
# fact, link, translation or setting stops the build with a message).
#
#   ./scripts/build.sh                      the copy of municipality/settings.yml if it exists,
#                                           else the national edition (settings/national.yml)
#   ./scripts/build.sh path/to/settings.yml the copy of that settings file
#   ./scripts/build.sh --serve              then a preview with live reload on http://127.0.0.1:8000/
set -euo pipefail
cd "$(dirname "$0")/.."

serve=no
for arg in "$@"; do
  case "$arg" in
    --serve) serve=yes ;;
    *) export GUIDE_SETTINGS="$(realpath "$arg")" ;;
  esac
done

scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
# Never add -q: it hides the warnings that strict mode turns into errors.
.venv/bin/python -m mkdocs build --strict
echo "The site is in $(pwd)/site"

if [ "$serve" = yes ]; then
  .venv/bin/python -m mkdocs serve --strict
fi
