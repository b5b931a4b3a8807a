#!/usr/bin/env bash
# Starts (or stops) a local PostgreSQL for EstateHub on port ${ESTATEHUB_PG_PORT:-5433}, with the
# role estatehub/estatehub and the databases estatehub (service) and estatehub_test (tests).
# Uses the machine's PostgreSQL binaries, installing Debian's postgresql package if none is there, and
# Debian's PostGIS for that major version (postgresql-<major>-postgis-3), also where PostgreSQL was
# installed before. PostGIS is not a trusted extension, so the superuser creates it in template1 (every
# database made later, such as the benchmark's and the heap test's, inherits it) and in each database here;
# the migrations then only state `create extension if not exists postgis`.
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
  ensure_postgis "$dir"
  echo "$dir"
}

ensure_postgis() {
  local major
  major=$(basename "$(dirname "$1")")
  if [ ! -f "/usr/share/postgresql/$major/extension/postgis.control" ]; then
    echo "PostGIS not found for PostgreSQL $major; installing Debian's postgresql-$major-postgis-3" >&2
    export DEBIAN_FRONTEND=noninteractive
    local log=/tmp/estatehub-postgis-install.log
    if ! { apt-get update -qq && apt-get install -y -qq "postgresql-$major-postgis-3"; } >"$log" 2>&1; then
      cat "$log" >&2
      echo "installing postgresql-$major-postgis-3 failed" >&2
      exit 1
    fi
  fi
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
  local db
  for db in template1 estatehub estatehub_test; do
    as_pg "$BIN/psql" -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -p "$PORT" -U postgres -d "$db" \
      -c 'set client_min_messages = warning' -c 'create extension if not exists postgis'
  done
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
