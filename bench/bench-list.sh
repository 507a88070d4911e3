#!/usr/bin/env bash
# The complaint list as the tenant grows: a Release service on its own schema, bench.sh's set-up (2,000 complaints filed,
# then its filing and handoff scenarios), then the list and the read of one complaint with wrk at CONNECTIONS, in the same
# run at each size: as set up, then grown by SQL to 10,000 and 100,000 complaints. Growing copies the set-up's rows
# (complaint documents with their history, and list rows) under new ids, filed earlier, so the newest page stays the same
# and the tenant's documents weigh what real ones do; no events are copied (neither read measures them). Prints a Markdown
# table, also written to bench/results/<UTC time>-list.md, with the load average: on a shared machine compare the ratio
# list / read one of the same row, not the requests/s across runs.
# Usage: [CONNECTIONS=32] [BENCH_PORT=5091] bench/bench-list.sh [seconds per measurement, default 10] [sizes, default "10000 100000"]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
duration="${1:-10}"
sizes="${2:-10000 100000}"
connections="${CONNECTIONS:-32}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

connection="$(deploy/postgres.sh)"
schema="benchlist_$(date +%s)"
port="${BENCH_PORT:-5091}"
base="http://127.0.0.1:$port"
admin="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
work="$repo/.local/bench-list"
mkdir -p "$work" "$repo/bench/results"
results="$repo/bench/results/$(date -u +%Y-%m-%dT%H%M%SZ)-list.md"
export PGPASSWORD="$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$connection")"
sql() { psql -qtA -h 127.0.0.1 -p "$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$connection")" -U accountability -d accountability -c "$1"; }

dotnet publish src/Accountability.Api -c Release -o "$work/service" -nologo -v quiet -clp:ErrorsOnly
ConnectionStrings__Accountability="$connection" Accountability__Schema="$schema" Accountability__AdminKey="$admin" \
    Accountability__RunProjectionDaemon=false Accountability__RunScheduler=false Accountability__RequestsPerSecondPerKey=0 \
    Accountability__UnauthenticatedRequestsPerMinutePerAddress=0 Accountability__StatusPageBaseUrl="$base" \
    dotnet "$work/service/Accountability.Api.dll" --contentRoot "$work/service" --urls "$base" > "$work/service.log" 2>&1 &
service=$!
cleanup() { kill "$service" 2>/dev/null || true; sql "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true; }
trap cleanup EXIT
for _ in $(seq 90); do curl -fs "$base/health/ready" >/dev/null && break; sleep 1; done

json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
export OPERATOR_KEY="$(curl -fs -X POST "$base/api/admin/tenants" -H "X-Admin-Key: $admin" -H 'Content-Type: application/json' \
    -d '{"id":"bench","name":"Bench Marketplace"}' | json key)"
curl -fs -X POST "$base/api/parties" -H "X-Api-Key: $OPERATOR_KEY" -H 'Content-Type: application/json' -d '{"id":"acme","displayName":"Acme"}' >/dev/null
export ACME_KEY="$(curl -fs -X POST "$base/api/api-keys" -H "X-Api-Key: $OPERATOR_KEY" -H 'Content-Type: application/json' \
    -d '{"partyId":"acme","name":"bench"}' | json key)"
# As bench.sh: flags run, none escalates, so the handoffs go back and forth for the whole scenario.
curl -fs "$base/api/policy" -H "X-Api-Key: $OPERATOR_KEY" | sed 's/"escalates":true/"escalates":false/g; s/"version":[0-9]*,//' \
    | curl -fs -X PUT "$base/api/policy" -H "X-Api-Key: $OPERATOR_KEY" -H 'Content-Type: application/json' -d @- >/dev/null
export COMPLAINT_IDS="$work/complaint-ids"
seq 2000 | xargs -P 8 -I{} sh -c 'curl -fs -X POST "$0/api/complaints" -H "X-Api-Key: $OPERATOR_KEY" -H "Content-Type: application/json" \
    -d "{\"customerReference\":\"bench-{}\",\"product\":\"Photo Pro\",\"vendorId\":\"acme\",\"category\":\"crash\",\"description\":\"Crashes\",\"channel\":\"App\"}"; echo' "$base" \
    | grep -o '"id":"[0-9a-f-]\{36\}"' | cut -d'"' -f4 > "$COMPLAINT_IDS"
one="$(head -1 "$COMPLAINT_IDS")"
wrk -t2 -c"$connections" -d"${duration}s" -s bench/scenarios/file.lua "$base/api/complaints" >/dev/null
wrk -t2 -c"$connections" -d"${duration}s" -s bench/scenarios/handoff.lua "$base" >/dev/null

rps() { # wrk arguments...; prints requests/s, after a few seconds' warm-up
    wrk -t2 -c"$connections" -d3s "$@" >/dev/null
    wrk -t2 -c"$connections" -d"${duration}s" -s bench/scenarios/latency.lua "$@" | awk '/Requests\/sec/ {printf "%d", $2}'
}
count() { sql "select count(*) from $schema.complaint_list where tenant_id = 'bench'"; }
measure() {
    local complaints list vendor one_rps load
    complaints="$(count)"
    sql "analyze $schema.complaint_list; analyze $schema.mt_doc_complaint" >/dev/null
    load="$(cut -d' ' -f1 /proc/loadavg)"
    list="$(rps -H "X-Api-Key: $OPERATOR_KEY" "$base/api/complaints?limit=50")"
    vendor="$(rps -H "X-Api-Key: $ACME_KEY" "$base/api/complaints?holder=acme&limit=50")"
    one_rps="$(rps -H "X-Api-Key: $OPERATOR_KEY" "$base/api/complaints/$one")"
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$complaints" "$list" "$vendor" "$one_rps" \
        "$(awk -v a="$list" -v b="$one_rps" 'BEGIN {printf "%.2f", a / b}')" "$(awk -v a="$vendor" -v b="$one_rps" 'BEGIN {printf "%.2f", a / b}')" "$load" | tee -a "$results"
}
grow() { # to about this many complaints: copies of the rows there under new ids, each copy filed a day before the last
    local template copies
    template="$(count)"
    copies=$(( ($1 - 1) / template ))  # whole copies of what is there: the tenant ends at or just above the size
    (( copies > 0 )) || return 0
    sql "create temp table n as select g, c.id as old, gen_random_uuid() as new from generate_series(1, $copies) g,
             (select id from $schema.complaint_list where tenant_id = 'bench' order by filed_at desc limit $template) c;
         insert into $schema.mt_doc_complaint (tenant_id, id, data, mt_last_modified, mt_version, mt_dotnet_type, status, holder, vendor_id, product, filed_at)
             select d.tenant_id, n.new, jsonb_set(d.data, '{id}', to_jsonb(n.new)), d.mt_last_modified, d.mt_version, d.mt_dotnet_type,
                    d.status, d.holder, d.vendor_id, d.product, d.filed_at - n.g * interval '1 day'
             from n join $schema.mt_doc_complaint d on d.tenant_id = 'bench' and d.id = n.old;
         insert into $schema.complaint_list (tenant_id, id, filed_at, status, holder, vendor_id, product, accountable, escalated, flagged_rules, parties, due_at, item)
             select l.tenant_id, n.new, l.filed_at - n.g * interval '1 day', l.status, l.holder, l.vendor_id, l.product, l.accountable, l.escalated,
                    l.flagged_rules, l.parties, l.due_at,
                    jsonb_set(jsonb_set(l.item::jsonb, '{complaint,id}', to_jsonb(n.new)), '{complaint,filedAt}', to_jsonb(l.filed_at - n.g * interval '1 day'))::json
             from n join $schema.complaint_list l on l.tenant_id = 'bench' and l.id = n.old;" >/dev/null
}

{
    echo "# bench/bench-list.sh ${duration}s per measurement, wrk -t2 -c${connections}; $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo
    echo "$(nproc) cores, shared by wrk, the service and PostgreSQL (and whatever else runs: see the load average of each row)."
    echo "After 2,000 complaints filed and bench.sh's filing and handoff scenarios (${duration}s each); then grown by SQL."
    echo
    echo "| complaints in the tenant | list (50, operator) req/s | list (50, holder=acme, Acme's key) req/s | read one req/s | list / read one | holder list / read one | load average (1 min) |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} | tee "$results"
measure
for size in $sizes; do
    grow "$size"
    measure
done
echo "written to ${results#"$repo/"}"
