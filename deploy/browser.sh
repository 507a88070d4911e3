#!/usr/bin/env bash
# Installs what the browser tests need when it is missing: Debian's Chromium (Playwright drives it; it never
# downloads a browser of its own) and axe-core from npm, pinned by tests/browser/package-lock.json.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { echo "browser.sh: $*" >&2; }
export DEBIAN_FRONTEND=noninteractive

apt_install() {
    log "installing Debian's $*"
    apt-get update -qq >&2
    apt-get install -y -qq "$@" >/dev/null
}

[[ -x /usr/bin/chromium ]] || apt_install chromium
command -v npm >/dev/null || apt_install nodejs npm

packages="$repo/tests/browser"
# npm writes node_modules/.package-lock.json on every install: older than the lockfile means out of date.
if [[ ! -f "$packages/node_modules/axe-core/axe.min.js" || "$packages/package-lock.json" -nt "$packages/node_modules/.package-lock.json" ]]; then
    log "installing axe-core with npm ci"
    (cd "$packages" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
