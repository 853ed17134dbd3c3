#!/usr/bin/env bash
# Makes Debian's Chromium available for the dashboard's browser tests (Playwright drives /usr/bin/chromium; the
# browser builds Playwright would download are not reachable). Quiet when it is already there; otherwise (root on
# Debian) installs the chromium package.
set -euo pipefail

chromium=/usr/bin/chromium
if [ -x "$chromium" ]; then exit 0; fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The browser tests need $chromium, and this script cannot install it (needs root and apt-get)." >&2
  echo "Install Debian's 'chromium' package, then run the tests again." >&2
  exit 1
fi

echo "Installing chromium ..."
if ! apt-get update -qq || ! DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 apt-get install -y -qq chromium >/dev/null; then
  echo "Installing Debian's 'chromium' package failed; the browser tests cannot run without $chromium." >&2
  exit 1
fi
[ -x "$chromium" ] || { echo "The chromium package is installed but $chromium is missing." >&2; exit 1; }
