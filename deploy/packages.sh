#!/usr/bin/env bash
# Forgets a stand-in for Patched.DistributedLock.Postgres 1.3.3 left in the NuGet package cache by older checkouts:
# it had the real package's id and version but no assembly, so a restore would keep using it (docs/decisions/0007).
set -euo pipefail
cached="${NUGET_PACKAGES:-$HOME/.nuget/packages}/patched.distributedlock.postgres/1.3.3"
if [[ -d "$cached" && ! -d "$cached/lib" ]]; then
    rm -rf "$cached"
    echo "Removed the stand-in Patched.DistributedLock.Postgres 1.3.3 from the package cache; restoring the real one." >&2
fi
