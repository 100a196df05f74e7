#!/usr/bin/env bash
# Installs what the HTML checks need: Java (for the W3C Nu HTML Checker, vnu.jar) and the
# pinned npm packages of package-lock.json (vnu-jar, html_codesniffer) into node_modules/.
# As root on Debian or Ubuntu, a missing java or npm comes from apt; elsewhere install them
# yourself (any Java 11 or newer, Node.js 18 or newer).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} with apt"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing: ${missing[*]}. Install Java 11+ and Node.js 18+ (with npm), then run this again." >&2
    exit 1
  fi
fi

# --ignore-scripts: vnu-jar's postinstall would download a Java runtime; we use the system's.
echo "Installing the npm checkers from package-lock.json"
npm ci --ignore-scripts --no-audit --no-fund
