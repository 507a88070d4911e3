#!/usr/bin/env bash
# The webhook dispatch simulation at a larger size than the test run's 480 deliveries (three real dispatchers, seeded
# receivers, simulated days; see docs/webhook-delivery.md). Prints each run's summary line.
# Usage: bench/webhook-simulation.sh [endpoints, default 8] [complaints per endpoint, default 100] [versions per complaint, default 5]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export ACCOUNTABILITY_SIMULATION_ENDPOINTS="${1:-8}" ACCOUNTABILITY_SIMULATION_COMPLAINTS="${2:-100}" ACCOUNTABILITY_SIMULATION_VERSIONS="${3:-5}"
bash deploy/test.sh --filter "FullyQualifiedName~DispatchSimulationTests" --logger "console;verbosity=normal" \
    | grep -E "deliveries \(|Passed |Failed |Total tests"
