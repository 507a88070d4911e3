#!/usr/bin/env bash
# Big files: generates a log of a million rows (125,000 cases of 8 updates, 600 parties, rows sorted by time so a
# case's rows are spread over the whole file), imports it with the command line into a fresh schema, and prints the
# summary and the process's peak memory (maximum resident set), which must stay under 1 GB.
# DOTNET_gcServer=0 runs it with the workstation garbage collector, for comparison.
# Usage: bench/bench-import-million.sh [rows]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
rows="${1:-1000000}"
work="$repo/.local/bench"
mkdir -p "$work"
log="$work/million-log.csv"
awk -v cases="$((rows / 8))" 'BEGIN {
    srand(13);
    for (c = 1; c <= cases; c++) {
        t = 1600000000 + c * 240; group = "Group " int(rand() * 600);
        for (u = 1; u <= 8; u++) {
            if (u > 1 && rand() < 0.3) group = "Group " int(rand() * 600);
            state = (u == 8) ? "Closed" : (u == 1 ? "New" : (u == 7 ? "Resolved" : "Active"));
            printf "%d,INC%08d,%s,%s,%s,caller %d\n", t, c, strftime("%d-%m-%Y %H:%M", t, 1), group, state, int(rand() * 5000);
            t += 300 + int(rand() * 90000);
        }
    }
}' | sort -n -t, -k1,1 | cut -d, -f2- | { echo "number,sys_updated_at,assignment_group,incident_state,caller"; cat; } > "$log"
echo "log: $(($(wc -l < "$log") - 1)) rows, $(du -m "$log" | cut -f1) MB"
cat > "$work/million-mapping.json" <<'JSON'
{ "caseId": "number", "timestamp": "sys_updated_at", "timestampFormat": "dd-MM-yyyy HH:mm", "party": "assignment_group", "status": "incident_state" }
JSON

connection="$(deploy/postgres.sh)"
schema="bench_million_$(date +%s)"
export ConnectionStrings__Accountability="$connection" Accountability__Schema="$schema" Accountability__RunScheduler=false \
    Accountability__StatusPageBaseUrl=http://127.0.0.1
cleanup() {
    PGPASSWORD="$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$connection")" psql -q -h 127.0.0.1 -p "$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$connection")" \
        -U accountability -d accountability -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
}
trap cleanup EXIT
"$repo/deploy/packages.sh"
dotnet build src/Accountability.Cli -c Release -nologo -v quiet -clp:ErrorsOnly
cli=(dotnet src/Accountability.Cli/bin/Release/net10.0/Accountability.Cli.dll)
"${cli[@]}" tenant create --id bench --name "Bench Marketplace" >/dev/null
/usr/bin/time -f "peak memory: %M KB" "${cli[@]}" import --tenant bench --file "$log" --mapping "$work/million-mapping.json" --source million 2>&1 \
    | grep -E "rows read|cases|events written|time|peak memory" || true
