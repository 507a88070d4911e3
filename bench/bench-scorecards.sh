#!/usr/bin/env bash
# Scorecards at scale: fills a tenant with 100,000 complaints through the importer (the command line), lets the service's
# projection daemon build the scorecards, times the scorecard endpoints (p50/p99 over repeated calls) and measures the
# projection's lag while about 1,000 events/s are written (through POST /api/imports). Prints a Markdown table and
# writes it to bench/results/ (KEEP_SCHEMA=1 keeps the data for a look afterwards).
# With a third argument, the reads and the lag test run on the scorecards of that many complaints: once the daemon has
# built them, twins of every complaint are added by SQL (bench/lib/grow-scorecards.sql, whole copies: the tenant ends at
# the first multiple of the cases at or above it), as the projection would have written them. From 100,000 to 1,000,000
# that writes about 13 million fact rows and 3 million hold rows: about 5 min (estimated from 3 s for 28,000 rows on the
# shared 2-core machine), where the daemon would take about 30 min to build them from the events.
# Usage: [BENCH_PORT=5091] bench/bench-scorecards.sh [cases, default 100000] [write seconds, default 30] [complaints to grow the scorecards to]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
cases="${1:-100000}"
write_seconds="${2:-30}"
grow_to="${3:-0}"
work="$repo/.local/bench"
mkdir -p "$work" bench/results
log="$work/scorecard-log.csv"

# Each case: filed with a product and category, passed between 30 teams (some straight back), worked on, resolved;
# a few reopened, a few left open. Spread over a year.
awk -v cases="$cases" 'BEGIN {
    srand(11); print "ticket,updated,team,state,product,category";
    for (c = 1; c <= cases; c++) {
        t = 1700000000 + c * 300; team = "Desk"; n = 3 + int(rand() * 5);
        product = "Product " int(rand() * 200); category = "Category " int(rand() * 12);
        for (u = 1; u <= n; u++) {
            t += 300 + int(rand() * 30000);
            if (u > 1 && rand() < 0.5) team = (rand() < 0.15) ? "Desk" : "Team " int(rand() * 30);
            state = (u == 1) ? "New" : (u == n && rand() < 0.9) ? "Resolved" : "Active";
            printf "CASE-%07d,%s,%s,%s,%s,%s\n", c, strftime("%Y-%m-%d %H:%M", t, 1), team, state, product, category;
        }
        if (state == "Resolved" && rand() < 0.05)
            for (r = 0; r < 2; r++) {
                t += 3600; state = r ? "Resolved" : "Active";
                printf "CASE-%07d,%s,%s,%s,%s,%s\n", c, strftime("%Y-%m-%d %H:%M", t, 1), team, state, product, category;
            }
    }
}' > "$log"
cat > "$work/scorecard-mapping.json" <<'JSON'
{ "caseId": "ticket", "timestamp": "updated", "timestampFormat": "yyyy-MM-dd HH:mm", "party": "team", "status": "state",
  "product": "product", "category": "category" }
JSON
echo "synthetic log: $(($(wc -l < "$log") - 1)) rows, $cases cases"

connection="$(deploy/postgres.sh)"
schema="bench_scorecards_$(date +%s)"
port="${BENCH_PORT:-5091}"
base="http://127.0.0.1:$port"
export PGPASSWORD="$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$connection")"
export PGHOST=127.0.0.1 PGPORT="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$connection")" PGUSER=accountability PGDATABASE=accountability
export ConnectionStrings__Accountability="$connection" Accountability__Schema="$schema" Accountability__RunScheduler=false \
    Accountability__StatusPageBaseUrl="$base"
service=""
cleanup() {
    [[ -n "$service" ]] && kill "$service" 2>/dev/null || true
    [[ -n "${KEEP_SCHEMA:-}" ]] && echo "kept schema $schema" || psql -q -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
}
trap cleanup EXIT
"$repo/deploy/packages.sh"
dotnet build src/Accountability.Cli -c Release -nologo -v quiet -clp:ErrorsOnly
cli=(dotnet src/Accountability.Cli/bin/Release/net10.0/Accountability.Cli.dll)
operator_key="$("${cli[@]}" tenant create --id bench --name "Bench Marketplace" | sed -n 's/.*(shown once): //p')"
started=$(date +%s.%N)
"${cli[@]}" import --tenant bench --file "$log" --mapping "$work/scorecard-mapping.json" --source synthetic | grep -E "cases|events written"
import_seconds=$(echo "$(date +%s.%N) - $started" | bc)

# One node that serves the API and runs the daemon (in production the worker runs the daemon, API nodes serve).
Accountability__RequestsPerSecondPerKey=0 Accountability__MaxRequestBodyBytes=4194304 \
    dotnet src/Accountability.Api/bin/Release/net10.0/Accountability.Api.dll --urls "$base" > "$work/scorecard-service.log" 2>&1 &
service=$!
python3 bench/scenarios/scorecards.py --base "$base" --key "$operator_key" --schema "$schema" --cases "$cases" \
    --import-seconds "$import_seconds" --write-seconds "$write_seconds" --grow-to "$grow_to" --results "bench/results/scorecards-$(date -u +%Y%m%d-%H%M).md"
