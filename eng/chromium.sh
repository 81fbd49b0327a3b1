#!/usr/bin/env bash
# Makes Debian's Chromium available for the browser tests (Playwright drives it headless) and prints
# its path:
#
#   export ASHBRIDGE_TEST_CHROMIUM="$(eng/chromium.sh)"
#
# Idempotent: installs only when missing. Stdout carries exactly one line (the path); progress goes to stderr.
set -euo pipefail

if [ "$(id -u)" -ne 0 ] && ! command -v chromium >/dev/null 2>&1; then
  command -v sudo >/dev/null 2>&1 || { echo "chromium.sh: run as root (or install sudo)." >&2; exit 1; }
  exec sudo -- bash "$0" "$@"
fi

if ! command -v chromium >/dev/null 2>&1; then
  echo "chromium.sh: installing Debian's chromium package" >&2
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } >&2
fi

command -v chromium
