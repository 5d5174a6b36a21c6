#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the portal's browser tests and the screenshots
# (Playwright drives it; it never downloads a browser of its own). Installs it with apt-get
# only when missing, and only as root; safe to run again.
#
# Progress goes to stderr; stdout carries only the export line, so both
#   deploy/infra/browser.sh
#   eval "$(deploy/infra/browser.sh)"
# are useful.
#
# Env knobs:
#   TIPREFERRAL_CHROMIUM        an existing Chromium to use instead (nothing is installed)
#   TIPREFERRAL_NO_INSTALL=1    never apt-get install
set -euo pipefail

log() { printf '[browser] %s\n' "$*" >&2; }

chromium="${TIPREFERRAL_CHROMIUM:-}"
if [[ -z $chromium ]]; then
    chromium="$(command -v chromium 2>/dev/null || true)"
fi
if [[ -z $chromium || ! -x $chromium ]]; then
    if [[ $(id -u) -ne 0 || -n ${TIPREFERRAL_NO_INSTALL:-} ]]; then
        log "ERROR: Chromium is not installed; as root: apt-get install chromium (or set TIPREFERRAL_CHROMIUM)."
        exit 1
    fi
    log "installing Debian's chromium (apt-get)..."
    export DEBIAN_FRONTEND=noninteractive
    # DejaVu has the Arabic glyphs the right-to-left pages need. A fresh machine's package lists may be empty or stale: update once, then install.
    apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core >/dev/null; }
    chromium="$(command -v chromium)"
fi
log "Chromium: $chromium ($("$chromium" --version 2>/dev/null || echo "version unknown"))"
printf 'export TIPREFERRAL_CHROMIUM=%q\n' "$chromium"
