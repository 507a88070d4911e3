#!/usr/bin/env bash
# Runs every test against a real PostgreSQL: the private cluster (started if needed) unless
# ACCOUNTABILITY_DB names another database. Installs the browser tests' Chromium and axe-core
# first if they are missing. Extra arguments go to `dotnet test` (e.g. --filter); categories: docs/testing.md.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
deploy/packages.sh

results="$repo/.local/test-results"
rm -rf "$results"
run() { dotnet test "$1" -c Release --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "${@:2}"; }

# The domain tests need neither a database nor a browser: run them alone, without starting either.
if [[ "$*" == "--filter TestCategory=domain" ]]; then
    run tests/Accountability.Domain.Tests "$@"
    exit
fi

deploy/browser.sh
# The client's drift test runs the generator pinned in the tool manifest (docs/decisions/0036).
dotnet tool restore >/dev/null
# The run starts the service about a hundred times, in process and as processes, and JITs it each time (the tiered
# compiler's thread alone is a tenth of the run's CPU). Without the instrumented tier and double-mapped code pages a
# start costs about a quarter less CPU (docs/testing.md); nothing the tests assert depends on either.
export DOTNET_TieredPGO="${DOTNET_TieredPGO:-0}" DOTNET_EnableWriteXorExecute="${DOTNET_EnableWriteXorExecute:-0}"
connection="$(deploy/postgres.sh)"
export ACCOUNTABILITY_DB="$connection"
run Accountability.sln "$@"
