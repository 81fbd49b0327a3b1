#!/usr/bin/env bash
# Regenerates the README's screenshots (docs/screenshots/*.png) from the demo, in Debian's Chromium at 1440 and 390 px.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASHBRIDGE_TEST_CHROMIUM="${ASHBRIDGE_TEST_CHROMIUM:-/usr/bin/chromium}"
export ASHBRIDGE_SCREENSHOTS="$PWD/docs/screenshots"
dotnet build tests/Ashbridge.Server.Tests >/dev/null
dotnet test --project tests/Ashbridge.Server.Tests --no-build -- --filter-class "*ScreenshotTests"
ls -1 "$ASHBRIDGE_SCREENSHOTS"/*.png
