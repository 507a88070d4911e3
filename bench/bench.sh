#!/usr/bin/env bash
# Drives the service (Release build with its appsettings.json, its own schema) with wrk on loopback and prints a Markdown
# table: throughput, latency, errors, the service's CPU and peak memory, and each write against a raw-insert yardstick.
# Import and webhook delivery run last, through bench/bench-import.sh and bench/bench-webhooks.sh, with their own service.
# The table also goes to bench/results/<UTC time>.md.
# BENCH_DAEMON=false leaves the projection daemon off, as on an API node beside a worker.
# BENCH_CONNECTION_OPTIONS adds to the service's connection string (e.g. 'Max Auto Prepare=0', to compare with none prepared).
# BENCH_TIMINGS=1 adds where each scenario's time went (database commands by kind; it slows the service a little).
# BENCH_STATEMENTS=1 adds each scenario's costliest statements from pg_stat_statements (the private cluster must load it:
# shared_preload_libraries = 'pg_stat_statements' in .local/pgdata/postgresql.conf), per request: calls, mean time, WAL bytes.
# Usage: [CONNECTIONS=32] [BENCH_DAEMON=true] [BENCH_CONNECTION_OPTIONS=...] [BENCH_PORT=5090] [BENCH_TIMINGS=1] [BENCH_STATEMENTS=1] bench/bench.sh [seconds per scenario, default 15] [only the scenarios whose name matches this pattern]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
duration="${1:-15}"
only="${2:-}"
connections="${CONNECTIONS:-32}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

connection="$(deploy/postgres.sh)${BENCH_CONNECTION_OPTIONS:+;$BENCH_CONNECTION_OPTIONS}"
schema="bench_$(date +%s)"
port="${BENCH_PORT:-5090}"
base="http://127.0.0.1:$port"
admin="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
work="$repo/.local/bench"
mkdir -p "$work" "$repo/bench/results"
rm -f "$work"/*.timings.json "$work"/*.statements.txt
results="$repo/bench/results/$(date -u +%Y-%m-%dT%H%M%SZ).md"
row() { printf '| %s |\n' "$(IFS='|'; echo "$*" | sed 's/|/ | /g')" | tee -a "$results"; }

# The benchmark build adds the raw-insert yardstick (Features/Baseline); it goes to a folder of its own.
dotnet publish src/Accountability.Api -c Release -p:Benchmark=true -o "$work/service" -nologo -v quiet -clp:ErrorsOnly
ConnectionStrings__Accountability="$connection" Accountability__Schema="$schema" Accountability__AdminKey="$admin" \
    Accountability__RunProjectionDaemon=${BENCH_DAEMON:-true} Accountability__RequestsPerSecondPerKey=0 Accountability__StatusPageRequestsPerMinutePerAddress=0 \
    Accountability__UnauthenticatedRequestsPerMinutePerAddress=0 Accountability__StatusPageBaseUrl="$base" \
    dotnet "$work/service/Accountability.Api.dll" --contentRoot "$work/service" --urls "$base" > "$work/service.log" 2>&1 &
service=$!
cleanup() {
    kill "$service" 2>/dev/null || true
    PGPASSWORD="$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$connection")" psql -q -h 127.0.0.1 -p "$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$connection")" \
        -U accountability -d accountability -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
}
trap cleanup EXIT
sql() { PGPASSWORD="$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$connection")" psql -qAt -F ' | ' -h 127.0.0.1 -p "$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$connection")" \
    -U accountability -d accountability -c "$1"; }
[[ -n "${BENCH_STATEMENTS:-}" ]] && sql "create extension if not exists pg_stat_statements" >/dev/null
for _ in $(seq 60); do curl -fs "$base/health/ready" >/dev/null && break; sleep 1; done

json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
export OPERATOR_KEY="$(curl -fs -X POST "$base/api/admin/tenants" -H "X-Admin-Key: $admin" -H 'Content-Type: application/json' \
    -d '{"id":"bench","name":"Bench Marketplace"}' | json key)"
curl -fs -X POST "$base/api/parties" -H "X-Api-Key: $OPERATOR_KEY" -H 'Content-Type: application/json' -d '{"id":"acme","displayName":"Acme"}' >/dev/null
export ACME_KEY="$(curl -fs -X POST "$base/api/api-keys" -H "X-Api-Key: $OPERATOR_KEY" -H 'Content-Type: application/json' \
    -d '{"partyId":"acme","name":"bench"}' | json key)"
# Flags still run, but none escalates: escalated complaints refuse vendor handoffs, which would end the back and forth.
curl -fs "$base/api/policy" -H "X-Api-Key: $OPERATOR_KEY" | sed 's/"escalates":true/"escalates":false/g; s/"version":[0-9]*,//' \
    | curl -fs -X PUT "$base/api/policy" -H "X-Api-Key: $OPERATOR_KEY" -H 'Content-Type: application/json' -d @- >/dev/null

export COMPLAINT_IDS="$work/complaint-ids" STATUS_PATHS="$work/status-paths"
seq 2000 | xargs -P 8 -I{} sh -c 'curl -fs -X POST "$0/api/complaints" -H "X-Api-Key: $OPERATOR_KEY" -H "Content-Type: application/json" \
    -d "{\"customerReference\":\"bench-{}\",\"product\":\"Photo Pro\",\"vendorId\":\"acme\",\"category\":\"crash\",\"description\":\"Crashes\",\"channel\":\"App\"}"; echo' "$base" \
    > "$work/filed.jsonl"
grep -o '"id":"[0-9a-f-]\{36\}"' "$work/filed.jsonl" | cut -d'"' -f4 > "$COMPLAINT_IDS"
# Complaints of their own for the handoffs' warm-up, so the measured handoffs start where the holders stand.
seq 300 | xargs -P 8 -I{} sh -c 'curl -fs -X POST "$0/api/complaints" -H "X-Api-Key: $OPERATOR_KEY" -H "Content-Type: application/json" \
    -d "{\"customerReference\":\"warm-{}\",\"product\":\"Photo Pro\",\"vendorId\":\"acme\",\"category\":\"crash\",\"description\":\"Crashes\",\"channel\":\"App\"}"; echo' "$base" \
    | grep -o '"id":"[0-9a-f-]\{36\}"' | cut -d'"' -f4 > "$work/warm-up-ids"
grep -o '"trackingLink":"[^"]*"' "$work/filed.jsonl" | cut -d'"' -f4 | sed 's#^https\?://[^/]*##' > "$STATUS_PATHS"
one="$(head -1 "$COMPLAINT_IDS")"
page="$(head -1 "$STATUS_PATHS")"
etag="$(curl -fs -D - -o /dev/null -H 'Accept: text/html' "$base$page" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')"

ticks() { awk '{print $14 + $15}' "/proc/$service/stat"; }
# PostgreSQL's CPU: its server processes' (children of the private cluster's postmaster; none with ACCOUNTABILITY_DB).
postmaster="$(head -1 "${ACCOUNTABILITY_PG_DATA:-$repo/.local/pgdata}/postmaster.pid" 2>/dev/null || true)"
pg_ticks() { [[ -z "${ACCOUNTABILITY_DB:-}" && -n "$postmaster" ]] || { echo 0; return; }
    # Its live processes' CPU, and (fields 16 and 17 of the postmaster) that of the ones that have exited.
    { awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat"
      for p in $(ps -o pid= --ppid "$postmaster"); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done; } | awk '{n += $1} END {print n + 0}'; }
# A scenario's statements by total time: per request, calls and WAL bytes; per call, mean time (wall, so it waits for a
# CPU on a loaded machine) and shared buffers touched.
statements() { # name, requests
    sql "select round(calls::numeric / $2, 2), round(mean_exec_time::numeric, 3), round(wal_bytes::numeric / calls),
        round((shared_blks_hit + shared_blks_read)::numeric / calls, 1), round(total_exec_time::numeric / $2, 3),
        regexp_replace(left(query, 90), '\s+', ' ', 'g')
        from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
        and query not like '%pg_stat_statements%' order by total_exec_time desc limit 8" > "$work/$1.statements.txt"
}
baseline=""
run() { # name, wrk arguments...
    local name="$1"; shift
    [[ -z "$only" || "$name" =~ $only || "$name" == "raw insert (baseline)" ]] || return 0
    # A few seconds first, unmeasured: JIT, pools and caches warm up as in a service that has been running. Handoffs warm
    # up on complaints of their own: their script walks the complaints in rounds from where the holders stand.
    if [[ "$name" == "hand off" ]]; then COMPLAINT_IDS="$work/warm-up-ids" wrk -t2 -c"$connections" -d3s "$@" >/dev/null
    else wrk -t2 -c"$connections" -d3s "$@" >/dev/null; fi
    [[ -n "${BENCH_TIMINGS:-}" ]] && curl -fs -X POST "$base/api/baseline/timings" >/dev/null
    [[ -n "${BENCH_STATEMENTS:-}" ]] && sql "select pg_stat_statements_reset()" >/dev/null
    local before pg_before; before="$(ticks)"; pg_before="$(pg_ticks)"
    local out; out="$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$@")"
    local cpu; cpu="$(( ($(ticks) - before) * 100 / $(getconf CLK_TCK) / duration ))"
    local pg_cpu=""; [[ -z "${ACCOUNTABILITY_DB:-}" ]] && pg_cpu="$(( ($(pg_ticks) - pg_before) * 100 / $(getconf CLK_TCK) / duration ))%"
    local rss; rss="$(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$service/status")"
    echo "$out" > "$work/$name.txt"
    [[ -n "${BENCH_TIMINGS:-}" ]] && curl -fs "$base/api/baseline/timings" > "$work/$name.timings.json"
    [[ -n "${BENCH_STATEMENTS:-}" ]] && statements "$name" "$(awk '/requests in/ {print $1}' <<<"$out")"
    local rps p50 p95 p99 errors ratio=""
    rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
    p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
    p95="$(awk '$1 == "p95:" {print $2}' <<<"$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
    errors="$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")"
    [[ "$name" == "raw insert (baseline)" ]] && baseline="$rps"
    [[ -n "$baseline" && "$name" =~ ^(file|hand) ]] && ratio="$(awk -v a="$rps" -v b="$baseline" 'BEGIN {printf "%.2fx", a / b}')"
    row "$name" "$rps" "$p50" "$p95" "$p99" "$errors" "$cpu%" "$pg_cpu" "$rss" "$ratio"
}

{
    echo "# bench/bench.sh ${duration}s per scenario, scenarios: ${only:-all}, projection daemon: ${BENCH_DAEMON:-true}; $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo
    echo "$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%d GB", $2 / 1048576}' /proc/meminfo);" \
        "wrk, the service and PostgreSQL share them. Writes are compared with the raw-insert yardstick of the same run."
    echo
} | tee "$results"
row "scenario (wrk -t2 -c${connections} -d${duration}s)" "requests/s" "p50" "p95" "p99" "errors" "service CPU (200% = both cores)" "PostgreSQL CPU" "service peak RSS" "vs raw insert"
row "---" "---" "---" "---" "---" "---" "---" "---" "---" "---"
ROUTE=/api/baseline/complaints/ run "raw insert (baseline)" -s bench/scenarios/handoff.lua "$base"
run "file a complaint" -s bench/scenarios/file.lua "$base/api/complaints"
run "hand off" -s bench/scenarios/handoff.lua "$base"
run "read one complaint" -s bench/scenarios/latency.lua -H "X-Api-Key: $OPERATOR_KEY" "$base/api/complaints/$one"
run "list (50, holder filter)" -s bench/scenarios/latency.lua -H "X-Api-Key: $OPERATOR_KEY" "$base/api/complaints?holder=acme&limit=50"
run "list (50, a vendor's)" -s bench/scenarios/latency.lua -H "X-Api-Key: $ACME_KEY" "$base/api/complaints?limit=50"
run "flags list (50, a vendor's)" -s bench/scenarios/latency.lua -H "X-Api-Key: $ACME_KEY" "$base/api/flags?limit=50"
run "status page (HTML, 2,000 links)" -s bench/scenarios/status.lua "$base"
run "status page (JSON)" -s bench/scenarios/latency.lua -H "Accept: application/json" "$base$page"
run "status page unchanged (304)" -s bench/scenarios/latency.lua -H "Accept: text/html" -H "If-None-Match: $etag" "$base$page"
cleanup

# The other two throughputs come from their own scripts, each with its own service; one row each.
if [[ -z "$only" || "import" =~ $only ]]; then
    bench/bench-import.sh 5000 > "$work/import.txt" 2>&1
    imported="$(grep -m1 'events written' "$work/import.txt")"
    events_per_s="$(sed -n 's/.*(\([0-9,]*\) events\/s).*/\1/p' <<<"$imported")"
    seconds="$(sed -n 's/.* in \([0-9.]*\) s .*/\1/p' <<<"$imported")"
    row "import (command line, 5,000 synthetic cases)" "${events_per_s:-?} events/s" "" "" "" "" "" "" "" "${seconds:-?} s for the first import"
fi
if [[ -z "$only" || "webhook" =~ $only ]]; then
    bench/bench-webhooks.sh "$duration" 600 4 > "$work/webhooks.txt" 2>&1
    delivered="$(tail -1 "$work/webhooks.txt")"
    row "webhook deliveries (offered about 540/s, 4 endpoints per party)" \
        "$(sed -n 's/.* = \([0-9]*\/s\).*/\1/p' <<<"$delivered")" \
        "$(sed -n 's/.*p50 \([0-9]* ms\).*/\1/p' <<<"$delivered") (commit to arrival)" "" \
        "$(sed -n 's/.*p99 \([0-9]* ms\).*/\1/p' <<<"$delivered")" "" "" "" "" ""
fi
[[ -n "${BENCH_TIMINGS:-}" ]] && {
    echo
    echo "Where the time went (database commands' wall time by kind, summed over the scenario; Features/Baseline/Timings.cs):"
    for f in "$work"/*.timings.json; do [[ -s "$f" ]] && echo && echo "- $(basename "$f" .timings.json): $(cat "$f")"; done
} | tee -a "$results"
[[ -n "${BENCH_STATEMENTS:-}" ]] && {
    echo
    echo "Statements (pg_stat_statements; per request: calls, then per call: mean ms, WAL bytes, buffers; then ms per request):"
    for f in "$work"/*.statements.txt; do [[ -s "$f" ]] && { echo; echo "- $(basename "$f" .statements.txt):"; echo; sed 's/^/    /' "$f"; }; done
} | tee -a "$results"
echo "written to ${results#"$repo/"}"
