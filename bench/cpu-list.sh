#!/usr/bin/env bash
# CPU per request of the complaint list (and of reading one complaint), for one or more builds of the service side by
# side: each build runs as its own process on a schema of its own with the same set-up, and the builds take turns under
# the same load, so a shared machine moves them alike. Reports, per build and request, the service's CPU and PostgreSQL's (its
# private cluster's processes), in milliseconds: on a busy machine compare these, not requests/s.
# Set-up, for each build: 300 complaints filed, each handed to acme, every third handed back (two holders' time, running
# clocks).
# With PERF=1, then samples each build's CPU with `perf` under the operator's list and prints where it went, by kind of work
# (bench/perf-categories.py; the services then start with the JIT's symbol maps on).
# A build folder holding a file `bench.env` (VAR=value lines) starts its service with those variables too: runtime settings that
# only the environment sets (DOTNET_GCgen0size), side by side with the same build without them.
# Usage: [CONNECTIONS=32] [ROUNDS=3] [PERF=1] bench/cpu-list.sh [seconds per measurement, default 8] [service folders (a built or
# published Accountability.Api), default: this tree's Release build]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${1:-8}"
shift || true
builds=()
for build in "$@"; do builds+=("$(cd "$build" && pwd)"); done
(( ${#builds[@]} > 0 )) || builds=("$repo/src/Accountability.Api/bin/Release/net10.0")
cd "$repo"
connections="${CONNECTIONS:-32}"
rounds="${ROUNDS:-3}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

connection="$(deploy/postgres.sh)"
schema="cpulist_$(date +%s)"
admin="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
work="$repo/.local/cpu-list"
mkdir -p "$work"
export PGPASSWORD="$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$connection")"
pg_port="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$connection")"
sql() { psql -qtA -h 127.0.0.1 -p "$pg_port" -U accountability -d accountability -c "$1"; }

perf_env=()
[[ -z "${PERF:-}" ]] || perf_env=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
services=() schemas=() operator_keys=() acme_keys=() ones=()
cleanup() {
    for pid in "${services[@]}"; do kill "$pid" 2>/dev/null || true; done
    for schema in "${schemas[@]}"; do sql "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT
json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
for i in "${!builds[@]}"; do
    # Each build on a schema of its own (a build may store the list rows otherwise), with the same set-up.
    schemas+=("${schema}_$i")
    base="http://127.0.0.1:$(( ${BENCH_PORT:-5095} + i ))"
    ConnectionStrings__Accountability="$connection" Accountability__Schema="${schema}_$i" Accountability__AdminKey="$admin" \
        Accountability__RunProjectionDaemon=false Accountability__RunScheduler=false Accountability__RequestsPerSecondPerKey=0 \
        Accountability__UnauthenticatedRequestsPerMinutePerAddress=0 Accountability__StatusPageBaseUrl="$base" \
        env "${perf_env[@]}" $(cat "${builds[$i]}/bench.env" 2>/dev/null) dotnet "${builds[$i]}/Accountability.Api.dll" --contentRoot "${builds[$i]}" --urls "$base" > "$work/service-$i.log" 2>&1 &
    services+=($!)
    for _ in $(seq 90); do curl -fs "$base/health/ready" >/dev/null && break; sleep 1; done
    export OPERATOR_KEY="$(curl -fs -X POST "$base/api/admin/tenants" -H "X-Admin-Key: $admin" -H 'Content-Type: application/json' \
        -d '{"id":"bench","name":"Bench Marketplace"}' | json key)"
    curl -fs -X POST "$base/api/parties" -H "X-Api-Key: $OPERATOR_KEY" -H 'Content-Type: application/json' -d '{"id":"acme","displayName":"Acme"}' >/dev/null
    acme="$(curl -fs -X POST "$base/api/api-keys" -H "X-Api-Key: $OPERATOR_KEY" -H 'Content-Type: application/json' -d '{"partyId":"acme","name":"bench"}' | json key)"
    seq 300 | xargs -P 4 -I{} sh -c 'curl -fs -X POST "$0/api/complaints" -H "X-Api-Key: $OPERATOR_KEY" -H "Content-Type: application/json" \
        -d "{\"customerReference\":\"cpu-{}\",\"product\":\"Photo Pro\",\"vendorId\":\"acme\",\"category\":\"crash\",\"description\":\"Crashes\",\"channel\":\"App\"}"; echo' "$base" \
        | grep -o '"id":"[0-9a-f-]\{36\}"' | cut -d'"' -f4 > "$work/complaint-ids"
    xargs -P 4 -I{} curl -fs -o /dev/null -X POST "$base/api/complaints/{}/handoffs" -H "X-Api-Key: $OPERATOR_KEY" -H 'Content-Type: application/json' \
        -d '{"to":"acme","reason":"NeedsVendorFix"}' < "$work/complaint-ids"
    awk 'NR % 3 == 0' "$work/complaint-ids" | xargs -P 4 -I{} curl -fs -o /dev/null -X POST "$base/api/complaints/{}/handoffs" -H "X-Api-Key: $acme" \
        -H 'Content-Type: application/json' -d '{"to":"store","reason":"NeedsStoreAction"}'
    operator_keys+=("$OPERATOR_KEY") acme_keys+=("$acme") ones+=("$(head -1 "$work/complaint-ids")")
    sql "analyze ${schema}_$i.complaint_list" >/dev/null
done

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
postmaster="$(head -1 "${ACCOUNTABILITY_PG_DATA:-$repo/.local/pgdata}/postmaster.pid")"
pg_ticks() {
    { awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat"
      for p in $(ps -o pid= --ppid "$postmaster"); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done; } | awk '{n += $1} END {print n + 0}'; }
measure() { # build index, path, key; prints "requests service-ms-per-request postgres-ms-per-request"
    local url="http://127.0.0.1:$(( ${BENCH_PORT:-5095} + $1 ))$2" before pg_before requests
    wrk -t2 -c"$connections" -d3s -H "X-Api-Key: $3" "$url" >/dev/null
    before="$(ticks "${services[$1]}")"; pg_before="$(pg_ticks)"
    requests="$(wrk -t2 -c"$connections" -d"${duration}s" -H "X-Api-Key: $3" "$url" | awk '/requests in/ {print $1}')"
    awk -v r="$requests" -v s="$(( $(ticks "${services[$1]}") - before ))" -v p="$(( $(pg_ticks) - pg_before ))" -v hz="$(getconf CLK_TCK)" \
        'BEGIN {printf "%d %.3f %.3f", r, s * 1000 / hz / r, p * 1000 / hz / r}'
}

for i in "${!builds[@]}"; do # past the JIT's first tiers before any measurement
    wrk -t2 -c"$connections" -d10s -H "X-Api-Key: ${operator_keys[$i]}" "http://127.0.0.1:$(( ${BENCH_PORT:-5095} + i ))/api/complaints?limit=50" >/dev/null
done
echo "# bench/cpu-list.sh ${duration}s per measurement, wrk -t2 -c${connections}, ${rounds} rounds; $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1 /proc/loadavg)"
echo
echo "| round | build | request | requests | service CPU ms/request | PostgreSQL CPU ms/request |"
echo "| ---: | --- | --- | ---: | ---: | ---: |"
for round in $(seq "$rounds"); do
    for i in "${!builds[@]}"; do
        for request in "list|/api/complaints?limit=50|${operator_keys[$i]}" "holder list|/api/complaints?holder=acme&limit=50|${acme_keys[$i]}" \
            "read one|/api/complaints/${ones[$i]}|${operator_keys[$i]}"; do
            IFS='|' read -r name path key <<<"$request"
            read -r requests service_ms pg_ms <<<"$(measure "$i" "$path" "$key")"
            echo "| $round | ${builds[$i]#"$repo/"} | $name | $requests | $service_ms | $pg_ms |"
        done
    done
done

[[ -n "${PERF:-}" ]] || exit 0
for i in "${!builds[@]}"; do
    perf record -q -F 999 -g -p "${services[$i]}" -o "$work/perf-$i.data" -- sleep "$duration" 2>/dev/null &
    perf_pid=$!
    before="$(ticks "${services[$i]}")"
    requests="$(wrk -t2 -c"$connections" -d"${duration}s" -H "X-Api-Key: ${operator_keys[$i]}" \
        "http://127.0.0.1:$(( ${BENCH_PORT:-5095} + i ))/api/complaints?limit=50" | awk '/requests in/ {print $1}')"
    ms="$(awk -v r="$requests" -v s="$(( $(ticks "${services[$i]}") - before ))" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.3f", s * 1000 / hz / r}')"
    wait "$perf_pid"
    echo
    echo "${builds[$i]#"$repo/"}, the operator's list: $ms ms of service CPU per request (perf sampling included)"
    echo
    perf script -i "$work/perf-$i.data" -F comm,tid,ip,sym,dso 2>/dev/null | python3 bench/perf-categories.py "$ms"
done
