#!/usr/bin/env bash
# Drives the service (Release build with its appsettings.json, its own schema) with wrk on loopback and prints a Markdown
# table: throughput, latency, errors, the service's CPU and peak memory, and each write against a raw-insert yardstick.
# Usage: [CONNECTIONS=32] deploy/bench.sh [seconds per scenario, default 15] [only the scenarios whose name matches this pattern]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
duration="${1:-15}"
only="${2:-}"
connections="${CONNECTIONS:-32}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

connection="$(deploy/postgres.sh)"
schema="bench_$(date +%s)"
port=5090
base="http://127.0.0.1:$port"
admin="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
work="$repo/.local/bench"
mkdir -p "$work"

# The benchmark build adds the raw-insert yardstick (Features/Baseline); it goes to a folder of its own.
dotnet publish src/Accountability.Api -c Release -p:Benchmark=true -o "$work/service" -nologo -v quiet -clp:ErrorsOnly
ConnectionStrings__Accountability="$connection" Accountability__Schema="$schema" Accountability__AdminKey="$admin" \
    Accountability__RequestsPerSecondPerKey=0 Accountability__StatusPageRequestsPerMinutePerAddress=0 \
    dotnet "$work/service/Accountability.Api.dll" --contentRoot "$work/service" --urls "$base" > "$work/service.log" 2>&1 &
service=$!
cleanup() {
    kill "$service" 2>/dev/null || true
    PGPASSWORD="$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$connection")" psql -q -h 127.0.0.1 -p "$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$connection")" \
        -U accountability -d accountability -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
}
trap cleanup EXIT
for _ in $(seq 60); do curl -fs "$base/swagger/v1/swagger.json" >/dev/null && break; sleep 1; done

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
grep -o '"trackingLink":"[^"]*"' "$work/filed.jsonl" | cut -d'"' -f4 | sed 's#^https\?://[^/]*##' > "$STATUS_PATHS"
one="$(head -1 "$COMPLAINT_IDS")"
page="$(head -1 "$STATUS_PATHS")"
etag="$(curl -fs -D - -o /dev/null -H 'Accept: text/html' "$base$page" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')"

ticks() { awk '{print $14 + $15}' "/proc/$service/stat"; }
baseline=""
run() { # name, wrk arguments...
    local name="$1"; shift
    [[ -z "$only" || "$name" =~ $only || "$name" == "raw insert (baseline)" ]] || return 0
    # A few seconds first, unmeasured: JIT, pools and caches warm up as in a service that has been running. Not for
    # handoffs: their script walks the complaints in rounds from where the holders stand, which a warm-up would move.
    [[ "$name" == "hand off" ]] || wrk -t2 -c"$connections" -d3s "$@" >/dev/null
    local before; before="$(ticks)"
    local out; out="$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$@")"
    local cpu; cpu="$(( ($(ticks) - before) * 100 / $(getconf CLK_TCK) / duration ))"
    local rss; rss="$(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$service/status")"
    echo "$out" > "$work/$name.txt"
    local rps p50 p99 errors ratio=""
    rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
    p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
    errors="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
    [[ "$name" == "raw insert (baseline)" ]] && baseline="$rps"
    [[ -n "$baseline" && "$name" =~ ^(file|hand) ]] && ratio="$(awk -v a="$rps" -v b="$baseline" 'BEGIN {printf "%.2fx", a / b}')"
    printf '| %s | %s | %s | %s | %s | %s%% | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}" "$cpu" "$rss" "$ratio"
}

echo "| scenario (wrk -t2 -c${connections} -d${duration}s) | requests/s | p50 | p99 | non-2xx | service CPU (200% = both cores) | service peak RSS | vs raw insert |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
ROUTE=/api/baseline/complaints/ run "raw insert (baseline)" -s deploy/bench/handoff.lua "$base"
run "file a complaint" -s deploy/bench/file.lua "$base/api/complaints"
run "hand off" -s deploy/bench/handoff.lua "$base"
run "read one complaint" -H "X-Api-Key: $OPERATOR_KEY" "$base/api/complaints/$one"
run "list (50, holder filter)" -H "X-Api-Key: $OPERATOR_KEY" "$base/api/complaints?holder=acme&limit=50"
run "status page (HTML, 2,000 links)" -s deploy/bench/status.lua "$base"
run "status page (JSON)" -H "Accept: application/json" "$base$page"
run "status page unchanged (304)" -H "Accept: text/html" -H "If-None-Match: $etag" "$base$page"
