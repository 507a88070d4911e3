# Sourced by the benches that drive a running service: psql on the private cluster (or ACCOUNTABILITY_DB), and the tenant
# they all set up alike. Needs: set -euo pipefail, the repository as working folder.

# connection (the service's), pg_port, PGPASSWORD; sql runs one statement, grow_tenant a growth script (bench/lib/grow-*.sql).
connection="$(deploy/postgres.sh)"
pg_port="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$connection")"
export PGPASSWORD="$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$connection")"
sql() { psql -qtA -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U accountability -d accountability -c "$1"; }
sql_file() { psql -qtA -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U accountability -d accountability -f "$@"; }

# Publishes the service (Release) to folder/service and starts it on a port as an API node without scheduler, on a schema
# of its own, with no rate limits; sets base (its address) and admin (its admin key). It stops, and the schema is dropped,
# when the bench exits (KEEP_SCHEMA=1 keeps the schema). More settings go through the environment
# (Accountability__...=... start_service ...). Usage: start_service folder schema port [dotnet publish options...]
start_service() {
    local folder="$1"
    schema="$2" base="http://127.0.0.1:$3" admin="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
    mkdir -p "$folder"
    dotnet publish src/Accountability.Api -c Release "${@:4}" -o "$folder/service" -nologo -v quiet -clp:ErrorsOnly
    ConnectionStrings__Accountability="$connection" Accountability__Schema="$schema" Accountability__AdminKey="$admin" \
        Accountability__RunProjectionDaemon=false Accountability__RunScheduler=false Accountability__RequestsPerSecondPerKey=0 \
        Accountability__UnauthenticatedRequestsPerMinutePerAddress=0 Accountability__StatusPageBaseUrl="$base" \
        dotnet "$folder/service/Accountability.Api.dll" --contentRoot "$folder/service" --urls "$base" > "$folder/service.log" 2>&1 &
    service=$!
    trap stop_service EXIT
    for _ in $(seq 90); do curl -fs "$base/health/ready" >/dev/null && return 0; sleep 1; done
    echo "start_service: not ready, see $folder/service.log" >&2
    return 1
}
stop_service() {
    kill "$service" 2>/dev/null || true
    [[ -n "${KEEP_SCHEMA:-}" ]] && echo "kept schema $schema" || sql "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
}

json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

# The Bench Marketplace (tenant "bench") on start_service's service, with the vendor acme, OPERATOR_KEY and ACME_KEY
# exported, flags that never escalate (an escalated complaint refuses vendor handoffs, which would end handoff.lua's back
# and forth), and complaints filed, their ids written to a file. Usage: set_up_tenant complaints ids-file
set_up_tenant() {
    local complaints="$1" ids="$2"
    export OPERATOR_KEY ACME_KEY
    OPERATOR_KEY="$(curl -fs -X POST "$base/api/admin/tenants" -H "X-Admin-Key: $admin" -H 'Content-Type: application/json' \
        -d '{"id":"bench","name":"Bench Marketplace"}' | json key)"
    curl -fs -X POST "$base/api/parties" -H "X-Api-Key: $OPERATOR_KEY" -H 'Content-Type: application/json' -d '{"id":"acme","displayName":"Acme"}' >/dev/null
    ACME_KEY="$(curl -fs -X POST "$base/api/api-keys" -H "X-Api-Key: $OPERATOR_KEY" -H 'Content-Type: application/json' \
        -d '{"partyId":"acme","name":"bench"}' | json key)"
    curl -fs "$base/api/policy" -H "X-Api-Key: $OPERATOR_KEY" | sed 's/"escalates":true/"escalates":false/g; s/"version":[0-9]*,//' \
        | curl -fs -X PUT "$base/api/policy" -H "X-Api-Key: $OPERATOR_KEY" -H 'Content-Type: application/json' -d @- >/dev/null
    seq "$complaints" | xargs -P 8 -I{} sh -c 'curl -fs -X POST "$0/api/complaints" -H "X-Api-Key: $OPERATOR_KEY" -H "Content-Type: application/json" \
        -d "{\"customerReference\":\"bench-{}\",\"product\":\"Photo Pro\",\"vendorId\":\"acme\",\"category\":\"crash\",\"description\":\"Crashes\",\"channel\":\"App\"}"; echo' "$base" \
        | grep -o '"id":"[0-9a-f-]\{36\}"' | cut -d'"' -f4 > "$ids"
}

# Grows the tenant "bench" of a schema to this many complaints with bench/lib/grow-tenant.sql (copies of those there),
# then checks that every complaint has each of its rows. Usage: grow_tenant schema complaints
grow_tenant() {
    local there wanted
    there="$(complaints_in "$1")"
    wanted=$(( $2 - there ))
    (( wanted > 0 )) || return 0
    sql_file bench/lib/grow-tenant.sql -v schema="$1" -v wanted="$wanted" -v copies=$(( (wanted + there - 1) / there )) >/dev/null
    sql "vacuum (analyze) $1.mt_streams, $1.mt_events, $1.mt_doc_complaint, $1.complaint_list, $1.complaint_deadlines,
        $1.mt_doc_statuspagedocument, $1.webhook_deliveries" >/dev/null
    local table key
    for table in mt_doc_complaint:id complaint_list:id complaint_deadlines:complaint_id mt_doc_statuspagedocument:id; do
        key="${table#*:}" table="${table%:*}"
        [[ "$(sql "select count(*) from $1.mt_streams s where s.tenant_id = 'bench' and s.type = 'complaint'
                   and not exists (select 1 from $1.$table t where t.tenant_id = 'bench' and t.$key = s.id)")" == 0 ]] \
            || { echo "grow_tenant: complaints without a row in $table" >&2; return 1; }
    done
}

complaints_in() { sql "select count(*) from $1.mt_streams where tenant_id = 'bench' and type = 'complaint'"; }
