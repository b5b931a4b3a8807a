#!/usr/bin/env bash
# Starts (or stops) a local PostgreSQL for EstateHub on port ${ESTATEHUB_PG_PORT:-5433}, with the
# role estatehub/estatehub and the databases estatehub (service) and estatehub_test (tests).
# Uses the machine's PostgreSQL binaries, installing Debian's postgresql package if none is there.
set -euo pipefail

PORT="${ESTATEHUB_PG_PORT:-5433}"
PGDATA_DIR="${ESTATEHUB_PGDATA:-/tmp/estatehub-pg-$PORT/data}"
LOG="$(dirname "$PGDATA_DIR")/postgres.log"

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ]; then
    echo "PostgreSQL not found; installing Debian's postgresql package" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$dir"
}

# initdb and postgres refuse to run as root: run them as the postgres user when we are root.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() {
  "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"
}

psql_admin() {
  as_pg "$BIN/psql" -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres "$@"
}

start() {
  if running; then
    echo "PostgreSQL already running on port $PORT"
  else
    mkdir -p "$(dirname "$PGDATA_DIR")"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$(dirname "$PGDATA_DIR")"; fi
    if [ ! -s "$PGDATA_DIR/PG_VERSION" ]; then
      as_pg "$BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth-local=trust --auth-host=trust \
        --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    as_pg "$BIN/pg_ctl" -D "$PGDATA_DIR" -l "$LOG" -w -t 60 \
      -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=${ESTATEHUB_PG_FSYNC:-on}" start >/dev/null
    echo "PostgreSQL started on port $PORT (data $PGDATA_DIR)"
  fi
  psql_admin <<'SQL'
select 'create role estatehub login password ''estatehub'''
 where not exists (select 1 from pg_roles where rolname = 'estatehub') \gexec
select 'create database estatehub owner estatehub'
 where not exists (select 1 from pg_database where datname = 'estatehub') \gexec
select 'create database estatehub_test owner estatehub'
 where not exists (select 1 from pg_database where datname = 'estatehub_test') \gexec
SQL
}

stop() {
  if [ -s "$PGDATA_DIR/PG_VERSION" ] && running; then
    as_pg "$BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
    echo "PostgreSQL stopped"
  else
    echo "PostgreSQL not running on port $PORT"
  fi
}

BIN=$(pg_bin)
case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "PostgreSQL running on port $PORT"; else echo "PostgreSQL not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
