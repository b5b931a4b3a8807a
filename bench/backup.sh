#!/usr/bin/env bash
# Backup and restore drill (issue #21, item 2), with processes of its own only:
#   - a PostgreSQL on BACKUP_PG_PORT (5436, data in /tmp/estatehub-pg-5436) started with scripts/postgres.sh,
#     then switched to continuous WAL archiving (archive_mode=on, archive_command copying each finished WAL
#     segment to /tmp/estatehub-pg-5436/wal-archive); its estatehub database is dropped and created afresh;
#   - the benchmark register in it (bench/bench.sh seed: 100,000 assets, 2,000 projects and their funding);
#   - the app on BACKUP_PORT (8493), profile prod as in bench/bench.sh run, for the writes (POST /assets: the
#     drill checks what the API acknowledged, so the writes go through the API), with the shared Keycloak read
#     only. (In the demo profile the app ran out of its 256 MB heap at start on the seeded register: the demo
#     loader's history pass over 100,000 records without events.)
# BACKUP_REUSE_SEED=true keeps a database seeded by an earlier run (skips the drop and the 1-6 minute seed).
#   - a second PostgreSQL on BACKUP_RESTORE_PORT (5437) for the point-in-time restore, its data directory
#     made from the base backup.
# The drill:
#   1. pg_basebackup of the running server (timed);
#   2. writes under load: two writers POST assets for BACKUP_WRITE_SECONDS s (10), pause 1 s, write again
#      for as long; the restore target is the middle of the pause (a moment between two known writes);
#   3. point-in-time restore (recovery_target_time) from the base backup and the archive into the second
#      server (timed): every asset acknowledged (201) before the target must be there, none after;
#   4. logical dump of the partnership's database (pg_dump -Fc) and restore into a new database
#      (pg_restore), both timed; row counts of the main tables compared.
# Results: bench/results/backup-<date>.md; raw logs in target/backup/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

PG_PORT="${BACKUP_PG_PORT:-5436}"
RESTORE_PORT="${BACKUP_RESTORE_PORT:-5437}"
PORT="${BACKUP_PORT:-8493}"
WRITE_SECONDS="${BACKUP_WRITE_SECONDS:-10}"
REALM="${BACKUP_OIDC_URL:-http://localhost:8180/realms/estatehub}"
DIR="/tmp/estatehub-pg-$PG_PORT"
PGDATA_DIR="$DIR/data"
ARCHIVE="$DIR/wal-archive"
BASE_BACKUP="$DIR/base-backup"
RESTORE_DIR="/tmp/estatehub-pg-$RESTORE_PORT"
WORK="$root/target/backup"
API="http://localhost:$PORT"
# shellcheck source=../scripts/jvm-options.sh
source "$root/scripts/jvm-options.sh"

log() { echo "[backup $(date +%T)] $*" >&2; }
die() { echo "[backup] ERROR: $*" >&2; exit 1; }
now() { date +%s%3N; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

for p in "$PG_PORT" "$RESTORE_PORT" "$PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    die "port $p is in use; choose others with BACKUP_PG_PORT, BACKUP_RESTORE_PORT, BACKUP_PORT"
  fi
done
curl -sf -o /dev/null "$REALM/.well-known/openid-configuration" || die "Keycloak realm $REALM does not answer"
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests >&2

rm -rf "$WORK"
mkdir -p "$WORK" bench/results
APP_PID="" WRITER_PIDS=()

cleanup() {
  for p in "${WRITER_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; then wait "$APP_PID" 2>/dev/null || true; fi
  [ -s "$RESTORE_DIR/data/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$RESTORE_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  ESTATEHUB_PG_PORT=$PG_PORT ESTATEHUB_PGDATA=$PGDATA_DIR bash scripts/postgres.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

pg() { ESTATEHUB_PG_PORT=$PG_PORT ESTATEHUB_PGDATA=$PGDATA_DIR bash scripts/postgres.sh "$1" >&2; }
psql_on() { local port=$1 db=$2; shift 2; psql -X -h 127.0.0.1 -p "$port" -U postgres -d "$db" -At -v ON_ERROR_STOP=1 "$@"; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1f s", ms / 1000 }'; }
size() { du -sh "$1" | cut -f1; }

RESULT="bench/results/backup-$(date +%F).md"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':(exclude)bench/results' || echo ' (uncommitted changes)')"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- the server, with WAL archiving --------------------------------------------------------------------
pg start
rm -rf "$ARCHIVE" "$BASE_BACKUP"
mkdir -p "$ARCHIVE"
[ "$(id -u)" = 0 ] && chown postgres: "$ARCHIVE"
# Copy a finished segment only if the archive does not have it yet (never overwrite an archived segment;
# PostgreSQL retries a failing archive_command, so a full disk delays archiving instead of losing WAL).
psql_on "$PG_PORT" postgres -q \
  -c "alter system set archive_mode = on" \
  -c "alter system set archive_command = 'test ! -f $ARCHIVE/%f && cp %p $ARCHIVE/%f'" \
  -c "alter system set wal_level = replica"
pg stop
pg start
[ "$(psql_on "$PG_PORT" postgres -c 'show archive_mode')" = on ] || die "archive_mode is not on"
# --- the benchmark register ----------------------------------------------------------------------------
T_SEED=""
if [ "${BACKUP_REUSE_SEED:-false}" = true ] \
  && [ "$(psql_on "$PG_PORT" estatehub -c 'select count(*) >= 100000 from asset' 2>/dev/null)" = t ]; then
  log "reusing the seeded register"
else
  psql_on "$PG_PORT" postgres -q -c 'drop database if exists estatehub' -c 'create database estatehub owner estatehub'
  log "seeding the benchmark register (bench/bench.sh seed)"
  t0=$(now)
  BENCH_PG_PORT=$PG_PORT BENCH_DB=estatehub BENCH_PORT=$PORT BENCH_OIDC_URL=$REALM bash bench/bench.sh seed >"$WORK/seed.log" 2>&1 \
    || { tail -n 30 "$WORK/seed.log" >&2; die "seeding failed"; }
  T_SEED=$(( $(now) - t0 ))
fi
RUN="$(date +%H%M%S)$RANDOM"
ASSETS=$(psql_on "$PG_PORT" estatehub -c 'select count(*) from asset')
DB_SIZE=$(psql_on "$PG_PORT" estatehub -c "select pg_size_pretty(pg_database_size('estatehub'))")

# --- 1. base backup ------------------------------------------------------------------------------------
log "pg_basebackup"
t0=$(now)
as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U postgres -D "$BASE_BACKUP" -Fp -X stream -c fast
T_BASE=$(( $(now) - t0 ))
BASE_SIZE=$(size "$BASE_BACKUP")

# --- 2. writes through the API --------------------------------------------------------------------------
log "starting the app on $PORT for the writes"
# shellcheck disable=SC2086
ESTATEHUB_DB_URL="jdbc:postgresql://localhost:$PG_PORT/estatehub" ESTATEHUB_OIDC_URL="$REALM" ESTATEHUB_RATE_LIMIT_ENABLED=false \
  setsid java $ESTATEHUB_JAVA_OPTS -Dquarkus.profile=prod -Dquarkus.http.port="$PORT" \
  -Dquarkus.log.console.json.enabled=false -jar target/quarkus-app/quarkus-run.jar >"$WORK/app.log" 2>&1 </dev/null &
APP_PID=$!
for _ in $(seq 1 240); do
  [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "$API/q/health/ready")" = 200 ] && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$WORK/app.log" >&2; die "the app exited"; }
  sleep 0.5
done
TOKEN=$(curl -sf -d grant_type=password -d client_id=estatehub-cli -d username=maidstone.editor -d password=demo \
  "$REALM/protocol/openid-connect/token" | jq -r .access_token)

# writer PHASE N SECONDS: POSTs assets for SECONDS s; each line: phase sent-ms acked-ms status id
writer() {
  local phase=$1 w=$2 until=$(( $(now) + $3 * 1000 )) n=0
  while (( $(now) < until )); do
    n=$((n + 1))
    local body sent out id=""
    body=$(jq -nc --arg name "Backup drill $RUN $phase-$w-$n" --arg ref "BK-$RUN-$phase-$w-$n" '{name: $name, assetType: "OFFICE",
      landOnly: false, localAuthority: "E07000110", ownReference: $ref, location: {latitude: 51.27, longitude: 0.52},
      tenure: "FREEHOLD", status: "OPERATIONAL", visibility: "PARTNERSHIP"}')
    sent=$(now)
    out=$(curl -s -m 15 -o "$WORK/w$w.body" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/json' -d "$body" "$API/assets" || echo 000)
    [ "$out" = 201 ] && id=$(jq -r .id "$WORK/w$w.body")
    echo "$phase $sent $(now) $out $id" >>"$WORK/writes.log"
  done
}
: >"$WORK/writes.log"
log "writes, phase 1 (${WRITE_SECONDS}s, 2 writers)"
writer 1 1 "$WRITE_SECONDS" & WRITER_PIDS+=($!)
writer 1 2 "$WRITE_SECONDS" & WRITER_PIDS+=($!)
wait "${WRITER_PIDS[@]}"; WRITER_PIDS=()
LAST_ACK_1=$(awk '$1 == 1 {if ($3 > m) m = $3} END {print m}' "$WORK/writes.log")
sleep 0.5
# The target: half a second after the last answer of phase 1, half a second before phase 2 sends anything.
TARGET_MS=$(( LAST_ACK_1 + 500 ))
sleep 0.5
log "writes, phase 2"
T_PHASE2=$(now)
writer 2 1 "$WRITE_SECONDS" & WRITER_PIDS+=($!)
writer 2 2 "$WRITE_SECONDS" & WRITER_PIDS+=($!)
wait "${WRITER_PIDS[@]}"; WRITER_PIDS=()
FIRST_SENT_2=$(awk '$1 == 2 {if (!m || $2 < m) m = $2} END {print m}' "$WORK/writes.log")
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
TARGET=$(date -u -d "@$((TARGET_MS / 1000)).$(printf '%03d' $((TARGET_MS % 1000)))" '+%Y-%m-%d %H:%M:%S.%3N+00')
# The segment holding the last writes is archived once it is full or switched: switch it and wait until
# the archiver has it (pg_walfile_name of the switch's end position names the segment switched out).
LAST_WAL=$(psql_on "$PG_PORT" postgres -c 'select pg_walfile_name(pg_switch_wal())')
for _ in $(seq 1 120); do
  [ "$(psql_on "$PG_PORT" postgres -c "select coalesce(last_archived_wal, '') >= '$LAST_WAL' from pg_stat_archiver")" = t ] && break
  sleep 0.5
done
[ -f "$ARCHIVE/$LAST_WAL" ] || die "WAL segment $LAST_WAL was not archived"
ARCHIVE_SIZE=$(size "$ARCHIVE"); ARCHIVE_FILES=$(find "$ARCHIVE" -type f | wc -l)
ARCHIVER=$(psql_on "$PG_PORT" postgres -c "select archived_count || ' archived, ' || failed_count || ' failed' from pg_stat_archiver")

# --- 3. point-in-time restore into the second server ----------------------------------------------------
log "point-in-time restore to $TARGET"
t0=$(now)
rm -rf "$RESTORE_DIR"
mkdir -p "$RESTORE_DIR"
cp -a "$BASE_BACKUP" "$RESTORE_DIR/data"
[ "$(id -u)" = 0 ] && chown -R postgres: "$RESTORE_DIR"
chmod 700 "$RESTORE_DIR/data"
# The restored server must not archive into the production archive: it is a copy, not the primary. It
# needs max_connections (and the other limits recovery checks) at least the primary's: 200, as
# scripts/postgres.sh starts it (recovery aborts otherwise).
cat >>"$RESTORE_DIR/data/postgresql.auto.conf" <<EOF
archive_mode = off
restore_command = 'cp $ARCHIVE/%f %p'
recovery_target_time = '$TARGET'
recovery_target_action = 'promote'
EOF
touch "$RESTORE_DIR/data/recovery.signal"
[ "$(id -u)" = 0 ] && chown postgres: "$RESTORE_DIR/data/recovery.signal"
as_pg "$BIN/pg_ctl" -D "$RESTORE_DIR/data" -l "$RESTORE_DIR/postgres.log" -w -t 600 \
  -o "-p $RESTORE_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
for _ in $(seq 1 600); do
  [ "$(psql_on "$RESTORE_PORT" postgres -c 'select pg_is_in_recovery()' 2>/dev/null)" = f ] && break
  sleep 0.5
done
T_PITR=$(( $(now) - t0 ))
[ "$(psql_on "$RESTORE_PORT" postgres -c 'select pg_is_in_recovery()')" = f ] || die "the restored server did not finish recovery"
RECOVERY_LOG=$(grep -E 'recovery stopping|redo done|archive recovery complete' "$RESTORE_DIR/postgres.log" | sed -E 's/^.*(LOG|UTC) +//' | paste -sd ';' -)

# Which acknowledged assets the restored database has.
present() { # PHASE -> "acknowledged present"
  local ids
  ids=$(awk -v p="$1" '$1 == p && $4 == 201 {printf "%s\x27%s\x27", (n++ ? "," : ""), $5}' "$WORK/writes.log")
  local acked
  acked=$(awk -v p="$1" '$1 == p && $4 == 201' "$WORK/writes.log" | wc -l)
  if [ "$acked" = 0 ]; then echo "0 0"; return; fi
  echo "$acked $(psql_on "$RESTORE_PORT" estatehub -c "select count(*) from asset where id in ($ids)")"
}
read -r ACK1 PRESENT1 < <(present 1)
read -r ACK2 PRESENT2 < <(present 2)
# Unacknowledged phase-1 writes (no 201) may or may not be there; phase 2 must leave nothing at all.
PHASE2_BY_NAME=$(psql_on "$RESTORE_PORT" estatehub -c "select count(*) from asset where name like 'Backup drill $RUN 2-%'")
RESTORED_ASSETS=$(psql_on "$RESTORE_PORT" estatehub -c 'select count(*) from asset')
as_pg "$BIN/pg_ctl" -D "$RESTORE_DIR/data" -m fast -w stop >/dev/null

# --- 4. logical dump and restore --------------------------------------------------------------------------
log "pg_dump -Fc of estatehub"
t0=$(now)
as_pg "$BIN/pg_dump" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d estatehub -Fc -f "$DIR/estatehub.dump"
T_DUMP=$(( $(now) - t0 ))
DUMP_SIZE=$(size "$DIR/estatehub.dump")
psql_on "$PG_PORT" postgres -q -c 'drop database if exists estatehub_restored' -c 'create database estatehub_restored owner estatehub'
log "pg_restore into estatehub_restored"
t0=$(now)
# As the superuser, keeping the dump's owners (the service role estatehub owns the schema's objects):
# restored as estatehub itself, the comment on the postgis extension (owned by the superuser that
# created it, scripts/postgres.sh) fails.
as_pg "$BIN/pg_restore" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d estatehub_restored \
  -j 2 --exit-on-error "$DIR/estatehub.dump" 2>"$WORK/pg_restore.log" \
  || { grep -v 'already exists' "$WORK/pg_restore.log" | head -20 >&2; die "pg_restore failed"; }
T_RESTORE=$(( $(now) - t0 ))
counts() {
  psql_on "$PG_PORT" "$1" -c "select string_agg(t || '=' || n, ' ' order by t) from (
    select 'asset' t, count(*) n from asset union all select 'project', count(*) from project
    union all select 'audit_event', count(*) from audit_event union all select 'award', count(*) from award
    union all select 'bid_line', count(*) from bid_line union all select 'flyway', count(*) from flyway_schema_history) x"
}
# A digest of every asset's id, version and name: the same rows, not just as many.
digest() { psql_on "$PG_PORT" "$1" -c "select md5(string_agg(id::text || ':' || version || ':' || name, ',' order by id)) from asset"; }
COUNTS_SRC=$(counts estatehub); COUNTS_DST=$(counts estatehub_restored)
DIGEST_SRC=$(digest estatehub); DIGEST_DST=$(digest estatehub_restored)
psql_on "$PG_PORT" postgres -q -c 'drop database estatehub_restored'
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"

{
  echo "# Backup and restore $(date -u '+%F %H:%M UTC')"
  echo
  echo "Commit $commit; $(nproc) cores; PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') of the drill's own on $PG_PORT (fsync on);"
  echo "load average at the start $LOAD_START, at the end $LOAD_END (shared machine: other engineers' builds ran meanwhile)."
  echo "Register: $ASSETS assets (bench/bench.sh seed$([ -n "$T_SEED" ] && echo ", $(secs "$T_SEED") with the app's build and start" || echo " of an earlier run")), database $DB_SIZE."
  echo
  echo "## Continuous archiving and point-in-time restore"
  echo
  echo "- pg_basebackup -Fp -X stream -c fast: $(secs "$T_BASE"), $BASE_SIZE"
  echo "- writes through the API (POST /assets, 2 writers): phase 1 $(awk '$1 == 1 {c[$4]++} END {for (k in c) printf "%s x%d ", k, c[k]}' "$WORK/writes.log")," \
    "phase 2 $(awk '$1 == 2 {c[$4]++} END {for (k in c) printf "%s x%d ", k, c[k]}' "$WORK/writes.log")"
  echo "- restore target $TARGET: $((TARGET_MS - LAST_ACK_1)) ms after phase 1's last answer, $((FIRST_SENT_2 - TARGET_MS)) ms before phase 2's first request"
  echo "- WAL archive: $ARCHIVE_FILES files, $ARCHIVE_SIZE (pg_stat_archiver, counting earlier runs on this server: $ARCHIVER)"
  echo "- restore (copy of the base backup, recovery from the archive to the target, promotion): $(secs "$T_PITR")"
  echo "  ($RECOVERY_LOG)"
  echo "- acknowledged before the target and present after the restore: $PRESENT1 of $ACK1"
  echo "- acknowledged after the target and present after the restore: $PRESENT2 of $ACK2 (phase-2 assets by name: $PHASE2_BY_NAME)"
  echo "- assets in the restored database: $RESTORED_ASSETS"
  echo
  echo "## Logical dump and restore (pg_dump -Fc / pg_restore -j 2)"
  echo
  echo "- pg_dump: $(secs "$T_DUMP"), $DUMP_SIZE; pg_restore into a new database: $(secs "$T_RESTORE")"
  echo "- rows: source $COUNTS_SRC; restored $COUNTS_DST ($([ "$COUNTS_SRC" = "$COUNTS_DST" ] && echo same || echo DIFFERENT))"
  echo "- digest of every asset's id, version and name: $([ "$DIGEST_SRC" = "$DIGEST_DST" ] && echo same || echo DIFFERENT)"
  echo
} >"$RESULT"
log "results in $RESULT"
cat "$RESULT"
[ "$PRESENT1" = "$ACK1" ] && [ "$PRESENT2" = 0 ] && [ "$PHASE2_BY_NAME" = 0 ] && [ "$COUNTS_SRC" = "$COUNTS_DST" ] \
  && [ "$DIGEST_SRC" = "$DIGEST_DST" ] || die "the restore does not match (see $RESULT)"
