#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the store tests.
#
#   url=$(bash .ci/postgres.sh)       # start (installing Debian's postgresql if needed)
#   bash .ci/postgres.sh stop         # stop it and remove its data
#
# Prints the URL to give SITREP_TEST_POSTGRES on standard output (nothing else goes
# there); progress goes to standard error. The server runs from a data folder of its own
# (SITREP_PG_DIR, default /tmp/sitrep-pg) on port SITREP_PG_PORT (default 55432),
# listening on 127.0.0.1 only, so a packaged cluster on 5432 is left alone. As root it
# runs as the `postgres` user (initdb refuses root); otherwise as the caller.
set -euo pipefail

port="${SITREP_PG_PORT:-55432}"
data="${SITREP_PG_DIR:-/tmp/sitrep-pg}"
say() { echo "postgres.sh: $*" >&2; }

bindir() {
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; fi
}

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

bin=$(bindir)
if [ "${1:-}" = stop ]; then
    if [ -n "$bin" ] && [ -f "$data/PG_VERSION" ]; then
        as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >&2 || true
    fi
    rm -rf "$data"
    exit 0
fi

if [ -z "$bin" ]; then
    say "no PostgreSQL server binaries; installing Debian's postgresql"
    bash "$(cd "$(dirname "$0")" && pwd)/apt-install.sh" postgresql
    bin=$(bindir)
    [ -n "$bin" ] || { say "postgresql installed but no server binaries under /usr/lib/postgresql"; exit 1; }
fi
say "server binaries: $bin"

if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    say "a server already answers on 127.0.0.1:$port; reusing it"
else
    rm -rf "$data"
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres: "$data"
    chmod 700 "$data"
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # A test server: no durability needed (the tests kill clients, never the server). The
    # port lies in the kernel's ephemeral range, so a client's outgoing connection may hold
    # it for a moment: then the next port is tried (the URL printed names the one used).
    tries=0
    until as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >&2; do
        if [ "$tries" -lt 10 ] && grep -q "Address already in use" "$data/server.log"; then
            say "port $port is taken; trying $((port + 1))"
            port=$((port + 1))
            tries=$((tries + 1))
            : >"$data/server.log"
        else
            cat "$data/server.log" >&2
            exit 1
        fi
    done
fi
url="postgres://sitrep@127.0.0.1:${port}/sitrep_test"

psql_admin() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"; }
if [ "$(psql_admin -d postgres -tAc "SELECT count(*) FROM pg_roles WHERE rolname = 'sitrep'")" = 0 ]; then
    psql_admin -d postgres -c "CREATE ROLE sitrep LOGIN" >&2
fi
if [ "$(psql_admin -d postgres -tAc "SELECT count(*) FROM pg_database WHERE datname = 'sitrep_test'")" = 0 ]; then
    psql_admin -d postgres -c "CREATE DATABASE sitrep_test OWNER sitrep" >&2
fi
say "ready: $url"
echo "$url"
