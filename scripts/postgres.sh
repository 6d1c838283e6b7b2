#!/usr/bin/env bash
# A throw-away PostgreSQL server for the PostgreSQL test profile (and for trying Tandem on PostgreSQL).
#   scripts/postgres.sh start   installs Debian's postgresql if missing, creates a cluster under
#                               $TANDEM_PG_DIR (default /tmp/tandem-pg) and starts it on $TANDEM_PG_PORT
#                               (default 55432, loopback only) with role/database "tandem" (password "tandem")
#   scripts/postgres.sh stop    stops it
#   scripts/postgres.sh url     prints the JDBC URL
# The password is for a local test cluster only; production credentials come from etc/ (docs/deployment.md).
set -euo pipefail
DIR=${TANDEM_PG_DIR:-/tmp/tandem-pg}
PORT=${TANDEM_PG_PORT:-55432}

pgbin() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$bin" ]; then
        if [ "$(id -u)" != 0 ]; then
            echo "PostgreSQL server not installed; run as root or: apt-get install postgresql" >&2
            exit 1
        fi
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    echo "$bin"
}

# initdb and postgres refuse to run as root: run them as the postgres system user then.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "${1:-start}" in
start)
    BIN=$(pgbin)
    if [ ! -f "$DIR/PG_VERSION" ]; then
        mkdir -p "$DIR"
        [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
        echo tandem > /tmp/tandem-pg.pw && chmod 644 /tmp/tandem-pg.pw
        as_owner "$BIN/initdb" -D "$DIR" -U postgres -A scram-sha-256 --pwfile=/tmp/tandem-pg.pw -E UTF8 >/dev/null
        rm -f /tmp/tandem-pg.pw
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
        as_owner "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 \
            -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c fsync=on -c max_connections=200" start >/dev/null
    fi
    export PGPASSWORD=tandem
    if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname='tandem'" postgres | grep -q 1; then
        "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE ROLE tandem LOGIN CREATEDB PASSWORD 'tandem'" postgres
        "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE tandem OWNER tandem" postgres
    fi
    echo "PostgreSQL ready: jdbc:postgresql://127.0.0.1:$PORT/tandem (user tandem)"
    ;;
stop)
    BIN=$(pgbin)
    if [ -f "$DIR/PG_VERSION" ]; then
        as_owner "$BIN/pg_ctl" -D "$DIR" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
url)
    echo "jdbc:postgresql://127.0.0.1:$PORT/tandem"
    ;;
*)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
