#!/usr/bin/env bash
# Makes sure Playwright has a Chromium. Playwright's own download does not work on every
# machine, so a Chromium on the system wins (tools/browser.py finds it):
#   1. $CHROMIUM_PATH, or /usr/bin/chromium (or chromium-browser) if installed;
#   2. as root on Debian or Ubuntu: apt-get install chromium;
#   3. otherwise: playwright install chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "Using Chromium at $candidate"
    exit 0
  fi
done

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi

echo "No system Chromium: installing Playwright's own"
.venv/bin/python -m playwright install chromium
