#!/usr/bin/env bash
# PNGs of the portal's main pages under docs/screenshots/, taken with headless Chromium in the
# running demo system (start it first: deploy/start-system.sh). Which pages, as whom and in which
# language: deploy/screenshots.json. A page that does not exist yet is reported, not fatal.
#
#   deploy/screenshots.sh [plan.json] [output-dir]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
plan="${1:-$root/deploy/screenshots.json}"
output="${2:-$root/docs/screenshots}"

curl -fs http://127.0.0.1:5500/health/ready >/dev/null \
  || { echo "[screenshots] the portal is not running on http://127.0.0.1:5500/: start it with deploy/start-system.sh" >&2; exit 1; }
browser="$("$root/deploy/infra/browser.sh")"
eval "$browser"
devtools="$root/deploy/tools/TipReferral.DevTools/bin/Release/net10.0/TipReferral.DevTools.dll"
[ -f "$devtools" ] || dotnet build "$root/deploy/tools/TipReferral.DevTools" -c Release -v quiet -nologo >&2
dotnet "$devtools" screenshots http://127.0.0.1:5500/ http://127.0.0.1:5401 "$plan" "$output"
