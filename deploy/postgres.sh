#!/usr/bin/env bash
# Starts (or reuses) a private PostgreSQL cluster for development and tests, then prints
# its connection string on stdout. With ACCOUNTABILITY_DB set, prints that and starts nothing.
set -euo pipefail

if [[ -n "${ACCOUNTABILITY_DB:-}" ]]; then
    echo "$ACCOUNTABILITY_DB"
    exit 0
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="$repo/.local"
data="${ACCOUNTABILITY_PG_DATA:-$state/pgdata}"
port="${ACCOUNTABILITY_PG_PORT:-55432}"
log() { echo "postgres.sh: $*" >&2; }

find_bin() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [[ -x "$dir/initdb" ]] && { echo "$dir"; return 0; }
    done
    return 1
}

bin="$(find_bin || true)"
if [[ -z "$bin" ]]; then
    log "PostgreSQL server not found: installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    bin="$(find_bin)"
fi

# The server refuses to run as root: run it as an unprivileged user that owns the data folder.
as_owner() { "$@"; }
if [[ "$(id -u)" == "0" ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    as_owner() { runuser -u postgres -- "$@"; }
fi

mkdir -p "$state"
chmod 755 "$state"
if [[ ! -s "$state/pg-password" ]]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$state/pg-password")
fi
password="$(cat "$state/pg-password")"

if [[ ! -f "$data/PG_VERSION" ]]; then
    log "creating a private cluster in $data"
    rm -rf "$data"
    mkdir -p "$data"
    pwfile="$(mktemp)"
    echo "$password" > "$pwfile"
    [[ "$(id -u)" == "0" ]] && chown postgres "$data" "$pwfile"
    as_owner "$bin/initdb" -D "$data" -U accountability --pwfile="$pwfile" \
        --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
    cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
max_connections = 300
shared_buffers = 512MB
CONF
fi

if ! as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$port"
    if ! as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null; then
        log "PostgreSQL did not start (is port $port taken? set ACCOUNTABILITY_PG_PORT). Its log says:"
        tail -n 5 "$data/server.log" >&2
        exit 1
    fi
fi

export PGPASSWORD="$password"
if ! psql -h 127.0.0.1 -p "$port" -U accountability -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'accountability'" | grep -q 1; then
    psql -h 127.0.0.1 -p "$port" -U accountability -d postgres -qc "CREATE DATABASE accountability" >&2
fi

echo "Host=127.0.0.1;Port=$port;Database=accountability;Username=accountability;Password=$password"
