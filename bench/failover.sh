#!/usr/bin/env bash
# The projection daemon's failover between two real worker processes: the leader is SIGKILLed, and each run prints how
# long until the other held every projection's lock and until it had projected a complaint filed after the kill.
# Usage: bench/failover.sh [runs, default 3] [leader poll seconds, default 5: the service's own], after
#   dotnet build Accountability.sln -c Release
# The test (Faults/FailoverTests) polls each second and asserts only a hang bound; the figures go to docs/scaling.md.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
runs="${1:-3}"
export ACCOUNTABILITY_FAILOVER_POLL_SECONDS="${2:-5}"
for ((run = 1; run <= runs; run++)); do
    bash deploy/test.sh --no-build --filter "FullyQualifiedName~Faults.FailoverTests" --logger "console;verbosity=normal" \
        | grep -E "^\s*(takeover:|Failed )" || echo "run $run: no takeover line (did the test fail? see .local/test-results)"
done
