#!/usr/bin/env bash
# Benchmarks what the rules engine costs per appended event at stream lengths 10, 1,000 and 10,000 (BenchmarkDotNet,
# Release) and prints the summary table. The Ratio column must stay under 2 for 10,000. A few minutes on 2 cores.
# Extra arguments go to BenchmarkDotNet (e.g. --iterationCount 20).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
artifacts="$repo/.local/bench-rules"
rm -rf "$artifacts" && mkdir -p "$artifacts"
"$repo/deploy/packages.sh"
dotnet run -c Release --project tests/Accountability.Benchmarks -- --filter '*' --artifacts "$artifacts" "$@" > "$artifacts.log" 2>&1 \
    || { tail -50 "$artifacts.log"; exit 1; }
grep '^// [0-9]* events before' "$artifacts.log" || true
sed -n '/^\/\/ \* Summary \*/,/^\/\/ \* Diagnostic Output/p' "$artifacts.log" | sed '$d'
