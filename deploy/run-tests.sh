#!/usr/bin/env bash
# Runs every test of the solution against real PostgreSQL and RabbitMQ on loopback (started,
# or reused, by deploy/infra/start.sh), and ends with one line: "N passed, N failed, N skipped".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# The infrastructure prints the two connection strings the tests read as export lines. Assigned
# first: a failing start inside eval "$(…)" would not stop the script, and every test would fail.
infrastructure="$("$root/deploy/infra/start.sh")"
eval "$infrastructure"
# The portal's browser tests drive the system's Chromium (installed here when missing, as root).
browser="$("$root/deploy/infra/browser.sh")"
eval "$browser"

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
status=0
if [ "${CI:-}" = "true" ]; then
  # House rule: the tree is `dotnet format` clean; CI refuses drift.
  dotnet format "$root/TipReferral.sln" --verify-no-changes || { echo "dotnet format found changes to make (run: dotnet format TipReferral.sln)." >&2; status=1; }
fi
# In CI (CI=true) Directory.Build.props turns every warning into an error.
dotnet test "$root/TipReferral.sln" -c Release --logger trx --results-directory "$results" || status=$?

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test failed before or outside the tests (see above)." >&2
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
