#!/usr/bin/env bash
# Sizing: the write path and the reads of one tenant as it grows, in one run. A Release service with bench.sh's
# raw-insert yardstick, run as an API node (no projection daemon, scheduler or webhook dispatcher), on its own schema;
# bench.sh's set-up (2,000 complaints filed), and each party with a webhook endpoint for assignments and flags, as an
# integration would (BENCH_WEBHOOKS=0: none, as in bench.sh). Then at each size, first as set up and then grown by SQL:
# the raw-insert yardstick, filing and handoff (each against the yardstick of the same row), the list (50, the
# operator's and holder=acme with Acme's key) and the read of one complaint, with wrk at CONNECTIONS.
# Growing (bench/lib/grow-tenant.sql) copies every complaint already there under new ids, set-based: its stream and
# events, document, list row, deadline clocks, status page and webhook deliveries; the webhook deliveries the writes
# queued are marked delivered before each row (the workers' part). The handoffs go to 2,000 complaints held by the
# store, picked at random over the whole tenant, so they read and write where a tenant of that size keeps its rows.
# Growing takes about 1 ms per complaint added, vacuum and checks included, on the 2-core machine shared with other work
# (load average 20 to 30): 35 s from 20,000 to 60,000 complaints measured, so about 1.5 min to 100,000 and 15 min from
# there to 1,000,000 (estimated; less on a quiet machine). The whole run at the default sizes: about 25 minutes.
# Prints a Markdown table, also written to bench/results/<UTC time>-sizing.md, with each row's load average.
# KEEP_SCHEMA=1 keeps the data for a look afterwards.
# Usage: [CONNECTIONS=32] [BENCH_PORT=5093] [BENCH_WEBHOOKS=0] [KEEP_SCHEMA=1] bench/bench-sizing.sh [seconds per scenario, default 10] [sizes, default "100000 1000000"]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
duration="${1:-10}"
sizes="${2:-100000 1000000}"
connections="${CONNECTIONS:-32}"
webhooks="${BENCH_WEBHOOKS:-1}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
source bench/lib/tenant.sh

work="$repo/.local/bench-sizing"
results="$repo/bench/results/$(date -u +%Y-%m-%dT%H%M%SZ)-sizing.md"
mkdir -p "$repo/bench/results"
# No dispatcher (an API node), and webhook endpoints on loopback accepted.
Accountability__RunWebhooks=false Accountability__WebhookAllowedPrivateHosts__0=127.0.0.1 \
    start_service "$work" "benchsizing_$(date +%s)" "${BENCH_PORT:-5093}" -p:Benchmark=true

set_up_tenant 2000 "$work/filed-ids"
if [[ "$webhooks" != 0 ]]; then
    # Nothing listens there and no dispatcher runs: the deliveries only wait in the outbox.
    for key in "$OPERATOR_KEY" "$ACME_KEY"; do
        curl -fs -X POST "$base/api/webhooks" -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
            -d '{"url":"http://127.0.0.1:9/hooks","eventTypes":["complaint.assigned","complaint.flagged"]}' >/dev/null
    done
fi

export COMPLAINT_IDS="$work/complaint-ids"
# wrk's summary of one scenario, after a few seconds' warm-up: requests/s, p99, errors (non-2xx and socket errors).
scenario() { # warm-up ids, wrk arguments...
    local warm_up="$1"; shift
    COMPLAINT_IDS="$warm_up" wrk -t2 -c"$connections" -d3s "$@" >/dev/null
    wrk -t2 -c"$connections" -d"${duration}s" --latency "$@" | awk '
        /Requests\/sec/ {rps = $2} $1 == "99%" {p99 = $2}
        /Non-2xx/ {errors += $NF} /Socket errors/ {gsub(/,/, ""); errors += $4 + $6 + $8 + $10}
        END {printf "%d %s %d\n", rps, p99, errors}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }
measure() { # seconds the growth took
    local complaints events raw file handoff list holder one errors
    sql "update $schema.webhook_deliveries set status = 'Delivered' where status = 'Pending'" >/dev/null
    complaints="$(complaints_in "$schema")"
    events="$(sql "select count(*) from $schema.mt_events where tenant_id = 'bench'")"
    # Handoffs (and their warm-up, on complaints of its own) start with the store holding each complaint.
    sql "select id from $schema.complaint_list where tenant_id = 'bench' and holder = 'store' and status = 'Open' order by random() limit 2300" \
        > "$work/picked-ids"
    head -300 "$work/picked-ids" > "$work/warm-up-ids"
    tail -n +301 "$work/picked-ids" > "$COMPLAINT_IDS"
    read -r -a raw <<<"$(ROUTE=/api/baseline/complaints/ scenario "$COMPLAINT_IDS" -s bench/scenarios/handoff.lua "$base")"
    read -r -a file <<<"$(scenario "$COMPLAINT_IDS" -s bench/scenarios/file.lua "$base/api/complaints")"
    read -r -a handoff <<<"$(scenario "$work/warm-up-ids" -s bench/scenarios/handoff.lua "$base")"
    read -r -a list <<<"$(scenario "$COMPLAINT_IDS" -s bench/scenarios/latency.lua -H "X-Api-Key: $OPERATOR_KEY" "$base/api/complaints?limit=50")"
    read -r -a holder <<<"$(scenario "$COMPLAINT_IDS" -s bench/scenarios/latency.lua -H "X-Api-Key: $ACME_KEY" "$base/api/complaints?holder=acme&limit=50")"
    read -r -a one <<<"$(scenario "$COMPLAINT_IDS" -s bench/scenarios/latency.lua -H "X-Api-Key: $OPERATOR_KEY" "$base/api/complaints/$(head -1 "$COMPLAINT_IDS")")"
    errors=$(( raw[2] + file[2] + handoff[2] + list[2] + holder[2] + one[2] ))
    printf '| %s |\n' "$(printf '%s | ' "$complaints" "$events" "$1" "${raw[0]}" "${file[0]} (p99 ${file[1]})" "$(ratio "${file[0]}" "${raw[0]}")" \
        "${handoff[0]} (p99 ${handoff[1]})" "$(ratio "${handoff[0]}" "${raw[0]}")" "${list[0]}" "${holder[0]}" "${one[0]}" "$errors" \
        "$(cut -d' ' -f1 /proc/loadavg)" | sed 's/ | $//')" | tee -a "$results"
}

{
    echo "# bench/bench-sizing.sh ${duration}s per scenario, wrk -t2 -c${connections}, webhook endpoints: $([[ "$webhooks" != 0 ]] && echo 2 || echo none);" \
        "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo
    echo "$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%d GB", $2 / 1048576}' /proc/meminfo);" \
        "wrk, the service (an API node) and PostgreSQL share them: compare each write with the raw insert of its row."
    echo "First as set up (2,000 complaints filed), then grown by SQL; complaints and events as the row starts (its filings add more)."
    echo
    echo "| complaints | events | grown in (s) | raw insert req/s | file req/s | file / raw | hand off req/s | hand off / raw | list (50, operator) req/s | list (50, holder=acme) req/s | read one req/s | errors (all scenarios) | load average (1 min) |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} | tee "$results"
measure 0
for size in $sizes; do
    started=$(date +%s)
    grow_tenant "$schema" "$size"
    measure $(( $(date +%s) - started ))
done
echo "written to ${results#"$repo/"}"
