#!/usr/bin/env bash
# Runs the service on http://127.0.0.1:5080 (override with ACCOUNTABILITY_URL), on the private
# PostgreSQL cluster unless ACCOUNTABILITY_DB names another database. With --demo, first fills the marketplace
# "demo" from ../shared/data/servicenow-incidents and prints the dashboard's address and an operator key.
set -euo pipefail
demo=false
case "${1:-}" in
    --demo) demo=true ;;
    "") ;;
    *) echo "Usage: deploy/run.sh [--demo]" >&2; exit 2 ;;
esac
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

deploy/packages.sh
connection="$(deploy/postgres.sh)"
mkdir -p .local
if [[ -z "${Accountability__AdminKey:-}" && ! -s .local/admin-key ]]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > .local/admin-key)
fi
export Accountability__AdminKey="${Accountability__AdminKey:-$(cat .local/admin-key)}"
export ConnectionStrings__Accountability="$connection"
export Accountability__ServeApiExplorer="${Accountability__ServeApiExplorer:-true}"
url="${ACCOUNTABILITY_URL:-http://127.0.0.1:5080}"
# Tracking links point here (the service runs as in Production, where this setting is required).
export Accountability__StatusPageBaseUrl="${Accountability__StatusPageBaseUrl:-$url}"

dotnet build src/Accountability.Api -c Release -nologo -v quiet -clp:ErrorsOnly
if $demo; then
    dotnet run --project src/Accountability.Api -c Release --no-build --no-launch-profile -- demo --url "$url" \
        --file "$repo/../shared/data/servicenow-incidents/incident_event_log_sample.csv" --mapping "$repo/deploy/import/servicenow-mapping.json"
fi
echo "Accountability is starting:"
echo "  API         $url/api"
echo "  Swagger UI  $url/swagger"
echo "  Dashboard   $url/dashboard (sign in with an operator key)"
echo "  Admin key   in .local/admin-key (send it as X-Admin-Key to create a tenant)"
exec dotnet run --project src/Accountability.Api -c Release --no-build --no-launch-profile --urls "$url"
