#!/usr/bin/env bash
# Webhook throughput and latency: hands complaints back and forth with wrk (each handoff makes one delivery per endpoint),
# while the service's dispatcher sends them to a local receiver that measures commit-to-delivery time.
# Usage: bench/bench-webhooks.sh [seconds of load, default 15] [deliveries per second offered, default 500; 0 = all it takes]
#                                 [endpoints per party, default 2: each handoff makes that many deliveries]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
duration="${1:-15}"
rate="${2:-500}"
fanout="${3:-2}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
connection="$(deploy/postgres.sh)"
schema="bench_hooks_$(date +%s)"
base="http://127.0.0.1:5091"
admin="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
work="$repo/.local/bench"
mkdir -p "$work"
rm -f "$work/receiver.in"; mkfifo "$work/receiver.in"
"$repo/deploy/packages.sh"
dotnet build src/Accountability.Api -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build tests/Accountability.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet tests/Accountability.Benchmarks/bin/Release/net10.0/Accountability.Benchmarks.dll webhook-receiver --port 5098 < "$work/receiver.in" > "$work/receiver.out" &
receiver=$!
exec 3>"$work/receiver.in"
ConnectionStrings__Accountability="$connection" Accountability__Schema="$schema" Accountability__AdminKey="$admin" \
    Accountability__RequestsPerSecondPerKey=0 Accountability__StatusPageRequestsPerMinutePerAddress=0 \
    Accountability__UnauthenticatedRequestsPerMinutePerAddress=0 Accountability__StatusPageBaseUrl="$base" \
Accountability__RunScheduler=false Accountability__WebhookAllowedPrivateHosts__0=127.0.0.1 Accountability__WebhookPollSeconds=0.05 \
    dotnet src/Accountability.Api/bin/Release/net10.0/Accountability.Api.dll --contentRoot "$repo/src/Accountability.Api/bin/Release/net10.0" --urls "$base" > "$work/service-hooks.log" 2>&1 &
service=$!
cleanup() {
    kill "$service" "$receiver" 2>/dev/null || true
    PGPASSWORD="$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$connection")" psql -q -h 127.0.0.1 -p "$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$connection")" \
        -U accountability -d accountability -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
}
trap cleanup EXIT
for _ in $(seq 60); do curl -fs "$base/health/ready" >/dev/null && break; sleep 1; done

json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
post() { curl -fs -X POST "$base/api/$1" -H "X-Api-Key: $2" -H 'Content-Type: application/json' -d "$3"; }
export OPERATOR_KEY="$(curl -fs -X POST "$base/api/admin/tenants" -H "X-Admin-Key: $admin" -H 'Content-Type: application/json' \
    -d '{"id":"bench","name":"Bench Marketplace"}' | json key)"
post parties "$OPERATOR_KEY" '{"id":"acme","displayName":"Acme"}' >/dev/null
export ACME_KEY="$(post api-keys "$OPERATOR_KEY" '{"partyId":"acme","name":"bench"}' | json key)"
# Flags still run, but none escalates: escalated complaints refuse vendor handoffs, which would end the back and forth.
curl -fs "$base/api/policy" -H "X-Api-Key: $OPERATOR_KEY" | sed 's/"escalates":true/"escalates":false/g; s/"version":[0-9]*,//' \
    | curl -fs -X PUT "$base/api/policy" -H "X-Api-Key: $OPERATOR_KEY" -H 'Content-Type: application/json' -d @- >/dev/null
# Several endpoints per party: every handoff makes that many deliveries, so the sender is offered a multiple of the write rate.
for _ in $(seq "$fanout"); do
    post webhooks "$ACME_KEY" '{"url":"http://127.0.0.1:5098/hooks","eventTypes":["complaint.assigned"]}' >/dev/null
    post webhooks "$OPERATOR_KEY" '{"url":"http://127.0.0.1:5098/hooks","eventTypes":["complaint.assigned"]}' >/dev/null
done

export COMPLAINT_IDS="$work/hook-complaint-ids"
seq 2000 | xargs -P 8 -I{} curl -fs -X POST "$base/api/complaints" -H "X-Api-Key: $OPERATOR_KEY" -H 'Content-Type: application/json' \
    -d '{"customerReference":"bench-{}","product":"Photo Pro","vendorId":"acme","category":"crash","description":"Crashes","channel":"App"}' \
    | grep -o '"id":"[0-9a-f-]\{36\}"' | cut -d'"' -f4 > "$COMPLAINT_IDS"

# Each of 32 connections waits between handoffs so that together they offer about the asked rate (a little less,
# as each handoff's own latency adds to the wait).
export PACE_MS=$(( rate > 0 ? 32 * 1000 * fanout / rate : 0 ))
echo "load: wrk -t2 -c32 -d${duration}s handoffs (each ${fanout} deliveries), every connection pausing ${PACE_MS} ms between requests"
wrk -t2 -c32 -d"${duration}s" --latency -s bench/scenarios/handoff.lua "$base" | grep -E "Requests/sec|99%|Non-2xx" || true
sleep 10
echo report >&3
exec 3>&-
wait "$receiver" || true
cat "$work/receiver.out" | tail -1
