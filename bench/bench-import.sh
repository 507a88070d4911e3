#!/usr/bin/env bash
# Measures import throughput: generates a synthetic event log (default 20,000 cases, about 10 updates each),
# imports it with the command line into a fresh schema, then imports it again (which must change nothing).
# Usage: bench/bench-import.sh [cases]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
cases="${1:-20000}"
work="$repo/.local/bench"
mkdir -p "$work"
log="$work/synthetic-log.csv"

# Each case: filed at the service desk, bounced between teams, worked on, resolved and closed.
awk -v cases="$cases" 'BEGIN {
    srand(7); print "ticket,updated,team,state";
    for (c = 1; c <= cases; c++) {
        t = 1700000000 + c * 97; team = "Desk"; n = 6 + int(rand() * 8);
        for (u = 1; u <= n; u++) {
            t += 600 + int(rand() * 20000);
            if (u > 1 && rand() < 0.45) team = "Team " int(rand() * 40);
            state = (u == 1) ? "New" : (u == n) ? "Closed" : (u == n - 1) ? "Resolved" : (rand() < 0.2 ? "Awaiting User Info" : "Active");
            printf "CASE-%07d,%s,%s,%s\n", c, strftime("%Y-%m-%d %H:%M", t, 1), team, state;
        }
    }
}' > "$log"
echo "synthetic log: $(($(wc -l < "$log") - 1)) rows, $cases cases"

connection="$(deploy/postgres.sh)"
schema="bench_import_$(date +%s)"
export ConnectionStrings__Accountability="$connection" Accountability__Schema="$schema" Accountability__RunScheduler=false \
    Accountability__StatusPageBaseUrl=http://127.0.0.1
cleanup() {
    PGPASSWORD="$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$connection")" psql -q -h 127.0.0.1 -p "$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$connection")" \
        -U accountability -d accountability -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
}
trap cleanup EXIT
cat > "$work/synthetic-mapping.json" <<'JSON'
{ "caseId": "ticket", "timestamp": "updated", "timestampFormat": "yyyy-MM-dd HH:mm", "party": "team", "status": "state" }
JSON

dotnet build src/Accountability.Api -c Release -nologo -v quiet -clp:ErrorsOnly
cli=(dotnet src/Accountability.Api/bin/Release/net10.0/Accountability.Api.dll)
"${cli[@]}" tenant create --id bench --name "Bench Marketplace" >/dev/null
for run in first second; do
    echo "== $run import"
    "${cli[@]}" import --tenant bench --file "$log" --mapping "$work/synthetic-mapping.json" --source synthetic | grep -E "rows read|cases|events written|flags"
done
