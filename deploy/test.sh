#!/usr/bin/env bash
# Runs every test against a real PostgreSQL: the private cluster (started if needed) unless
# ACCOUNTABILITY_DB names another database. Installs the browser tests' Chromium and axe-core
# first if they are missing. Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

deploy/browser.sh
connection="$(deploy/postgres.sh)"
export ACCOUNTABILITY_DB="$connection"
results="$repo/.local/test-results"
rm -rf "$results"
dotnet test Accountability.sln -c Release --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
