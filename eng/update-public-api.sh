#!/usr/bin/env bash
# Records every public symbol the PublicApiAnalyzers report as undeclared (RS0016) in
# PublicAPI.Unshipped.txt and drops the ones reported as removed (RS0017).
# Run it after a deliberate change to the client's public surface, then review the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
project=src/Ashbridge.Ashby
unshipped=$project/PublicAPI.Unshipped.txt
for _ in 1 2 3; do
  out=$(dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 || true)
  added=$(grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" <<<"$out" | sort -u || true)
  removed=$(grep -oP "RS0017: Symbol '\K.*(?=' is part of the declared API, but)" <<<"$out" | sort -u || true)
  [ -z "$added" ] && [ -z "$removed" ] && break
  { echo '#nullable enable'; { grep -v '^#nullable' "$unshipped" || true; printf '%s\n' "$added"; } \
      | grep -v '^$' | grep -vxF -f <(printf '%s\n' "$removed" | grep -v '^$' || echo '@@none@@') | sort -u; } > "$unshipped.tmp"
  mv "$unshipped.tmp" "$unshipped"
done
echo "PublicAPI.Unshipped.txt: $(grep -vc '^#' "$unshipped") symbols"
