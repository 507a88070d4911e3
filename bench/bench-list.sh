#!/usr/bin/env bash
# The complaint list as the tenant grows: a Release service on its own schema, bench.sh's set-up (2,000 complaints filed,
# then its filing and handoff scenarios), then the list and the read of one complaint with wrk at CONNECTIONS, in the same
# run at each size: as set up, then grown by SQL to 10,000 and 100,000 complaints. Growing (bench/lib/grow-tenant.sql, as
# bench-sizing.sh grows) copies every complaint there under new ids, filed earlier, so the newest page stays the same and
# the tenant's documents weigh what real ones do. Prints a Markdown table, also written to bench/results/<UTC time>-list.md,
# with the load average: on a shared machine compare the ratio list / read one of the same row, not the requests/s across runs.
# Usage: [CONNECTIONS=32] [BENCH_PORT=5091] bench/bench-list.sh [seconds per measurement, default 10] [sizes, default "10000 100000"]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
duration="${1:-10}"
sizes="${2:-10000 100000}"
connections="${CONNECTIONS:-32}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
source bench/lib/tenant.sh

work="$repo/.local/bench-list"
results="$repo/bench/results/$(date -u +%Y-%m-%dT%H%M%SZ)-list.md"
mkdir -p "$repo/bench/results"
start_service "$work" "benchlist_$(date +%s)" "${BENCH_PORT:-5091}"

export COMPLAINT_IDS="$work/complaint-ids"
set_up_tenant 2000 "$COMPLAINT_IDS"
one="$(head -1 "$COMPLAINT_IDS")"
wrk -t2 -c"$connections" -d"${duration}s" -s bench/scenarios/file.lua "$base/api/complaints" >/dev/null
wrk -t2 -c"$connections" -d"${duration}s" -s bench/scenarios/handoff.lua "$base" >/dev/null

rps() { # wrk arguments...; prints requests/s, after a few seconds' warm-up
    wrk -t2 -c"$connections" -d3s "$@" >/dev/null
    wrk -t2 -c"$connections" -d"${duration}s" -s bench/scenarios/latency.lua "$@" | awk '/Requests\/sec/ {printf "%d", $2}'
}
bytes() { curl -s -o /dev/null -w '%{size_download}' "$@"; } # one page's size, as wrk receives it
count() { sql "select count(*) from $schema.complaint_list where tenant_id = 'bench'"; }
measure() {
    local complaints list vendor one_rps load list_bytes vendor_bytes
    complaints="$(count)"
    sql "analyze $schema.complaint_list; analyze $schema.mt_doc_complaint" >/dev/null
    load="$(cut -d' ' -f1 /proc/loadavg)"
    list="$(rps -H "X-Api-Key: $OPERATOR_KEY" "$base/api/complaints?limit=50")"
    vendor="$(rps -H "X-Api-Key: $ACME_KEY" "$base/api/complaints?holder=acme&limit=50")"
    one_rps="$(rps -H "X-Api-Key: $OPERATOR_KEY" "$base/api/complaints/$one")"
    list_bytes="$(bytes -H "X-Api-Key: $OPERATOR_KEY" "$base/api/complaints?limit=50")"
    vendor_bytes="$(bytes -H "X-Api-Key: $ACME_KEY" "$base/api/complaints?holder=acme&limit=50")"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$complaints" "$list" "$vendor" "$one_rps" "$list_bytes" "$vendor_bytes" \
        "$(awk -v a="$list" -v b="$one_rps" 'BEGIN {printf "%.2f", a / b}')" "$(awk -v a="$vendor" -v b="$one_rps" 'BEGIN {printf "%.2f", a / b}')" "$load" | tee -a "$results"
}

{
    echo "# bench/bench-list.sh ${duration}s per measurement, wrk -t2 -c${connections}; $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo
    echo "$(nproc) cores, shared by wrk, the service and PostgreSQL (and whatever else runs: see the load average of each row)."
    echo "After 2,000 complaints filed and bench.sh's filing and handoff scenarios (${duration}s each); then grown by SQL."
    echo
    echo "| complaints in the tenant | list (50, operator) req/s | list (50, holder=acme, Acme's key) req/s | read one req/s | list page bytes | holder page bytes | list / read one | holder list / read one | load average (1 min) |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} | tee "$results"
measure
for size in $sizes; do
    grow_tenant "$schema" "$size"
    measure
done
echo "written to ${results#"$repo/"}"
