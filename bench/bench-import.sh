#!/usr/bin/env bash
# Measures import throughput and peak memory: generates two synthetic event logs, (1) 20,000 cases of about 10
# updates each and (2) many small cases like a real helpdesk log (8 updates on average, 600 parties, rows sorted by
# time rather than by case), imports each with the command line into a fresh schema, then imports it again (which
# must change nothing), with the command line's executable alone (no service running). Usage:
# [BASELINE=<commit>] bench/bench-import.sh [cases] [small-cases]; BASELINE runs that commit on the same files, the two
# builds alternating, for a comparison in the same conditions (this machine is shared).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
cases="${1:-20000}"
small_cases="${2:-12000}"
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

# Many small cases, interleaved: each row is written at its time, so a case's rows are spread over the file.
small="$work/small-cases-log.csv"
awk -v cases="$small_cases" 'BEGIN {
    srand(11);
    for (c = 1; c <= cases; c++) {
        t = 1700000000 + c * 600; n = 4 + int(rand() * 9); group = "Group " int(rand() * 600);
        for (u = 1; u <= n; u++) {
            if (u > 1 && rand() < 0.3) group = "Group " int(rand() * 600);
            state = (u == n) ? "Closed" : (u == 1 ? "New" : "Active");
            printf "%d,INC%07d,%s,%s,%s\n", t, c, strftime("%d-%m-%Y %H:%M", t, 1), group, state;
            t += 300 + int(rand() * 90000);
        }
    }
}' | sort -n -t, -k1,1 | cut -d, -f2- | { echo "number,sys_updated_at,assignment_group,incident_state"; cat; } > "$small"
echo "small-cases log: $(($(wc -l < "$small") - 1)) rows, $small_cases cases"

connection="$(deploy/postgres.sh)"
schemas=()
cleanup() {
    for schema in "${schemas[@]}"; do
        PGPASSWORD="$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$connection")" psql -q -h 127.0.0.1 -p "$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$connection")" \
            -U accountability -d accountability -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
    done
}
trap cleanup EXIT
export ConnectionStrings__Accountability="$connection" Accountability__RunScheduler=false Accountability__StatusPageBaseUrl=http://127.0.0.1
cat > "$work/synthetic-mapping.json" <<'JSON'
{ "caseId": "ticket", "timestamp": "updated", "timestampFormat": "yyyy-MM-dd HH:mm", "party": "team", "status": "state" }
JSON
cat > "$work/small-mapping.json" <<'JSON'
{ "caseId": "number", "timestamp": "sys_updated_at", "timestampFormat": "dd-MM-yyyy HH:mm", "party": "assignment_group", "status": "incident_state" }
JSON
"$repo/deploy/packages.sh"
# The command line's executable (src/Accountability.Cli); a commit from before it had one runs the service's.
command_line_of() {
    local project=Accountability.Cli
    [[ -d "$1/src/$project" ]] || project=Accountability.Api
    dotnet build "$1/src/$project" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
    echo "$1/src/$project/bin/Release/net10.0/$project.dll"
}
clis=("$(command_line_of "$repo")")
# With BASELINE=<commit>, that commit is built beside this one and runs the same files, in the same conditions.
if [[ -n "${BASELINE:-}" ]]; then
    rm -rf "$work/baseline" && mkdir -p "$work/baseline"
    git archive "$BASELINE" | tar -x -C "$work/baseline"
    clis=("$(command_line_of "$work/baseline")" "${clis[@]}")
fi
# One run: the summary's figures, and the process's peak memory (maximum resident set size).
import_once() {
    /usr/bin/time -f "peak memory: %M KB" dotnet "$cli" import --tenant bench --file "$1" --mapping "$2" --source "$3" 2>&1 \
        | grep -E "rows read|cases|events written|time|peak memory" || true
}
results="$repo/bench/results/import-$(date -u +%Y%m%dT%H%M%SZ).txt"
exec > >(tee "$results") 2>&1
echo "bench-import.sh $cases $small_cases on $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)${BASELINE:+, baseline $BASELINE}"
# Each CLI in a schema of its own; the runs alternate between them, so that both see the same load.
declare -A schema_of
for cli in "${clis[@]}"; do
    schema_of[$cli]="bench_import_$(date +%s%N | cut -c1-13)"
    schemas+=("${schema_of[$cli]}")
    Accountability__Schema="${schema_of[$cli]}" dotnet "$cli" tenant create --id bench --name "Bench Marketplace" >/dev/null
done
name_of() { [[ "$1" == "$work/baseline/"* ]] && echo "baseline $BASELINE" || echo "this commit"; }
# Which build goes first alternates by file: the one that goes second meets PostgreSQL still busy with the first's writes.
order=("${clis[@]}")
for file in synthetic small-cases; do
    for run in first second; do
        for cli in "${order[@]}"; do
            echo "== $file, $run import, $(name_of "$cli")"
            if [[ $file == synthetic ]]; then
                Accountability__Schema="${schema_of[$cli]}" import_once "$log" "$work/synthetic-mapping.json" synthetic
            else
                Accountability__Schema="${schema_of[$cli]}" import_once "$small" "$work/small-mapping.json" small-cases
            fi
        done
    done
    order=($(printf '%s\n' "${order[@]}" | tac))
done
