#!/usr/bin/env bash
# Rolling upgrade drill (issue #21, item 3): the last release (upgrade/last-release, built from `git archive`
# of its commit by scripts/upgrade-lib.sh) serving, then the current version started beside it on the same
# database, applying the migrations added since under Flyway's lock, while the old replica keeps answering
# its own smoke checks. Processes of its own only:
#   - a PostgreSQL on UPGRADE_PG_PORT (5438, data in /tmp/estatehub-pg-5438), estatehub database made afresh;
#   - the old replica on UPGRADE_OLD_PORT (8494), profile demo: it creates the release's schema and demo data;
#   - two new replicas on UPGRADE_NEW_PORTS (8495 8496), started at the same moment, so that both try to
#     migrate: Flyway's PostgreSQL advisory lock lets one apply the new migrations while the other waits;
#   - the shared Keycloak on 8180, read only.
# Throughout, every UPGRADE_SMOKE_EVERY s (1), the old replica gets the release's write round trip (create an
# asset, update it with If-Match, read its history) and reads (GET /me, /assets, /funding/summary, /events).
# At the end the old replica is stopped (SIGTERM) and a new one gets the same checks.
# Results: bench/results/upgrade-<date>.md; logs in target/upgrade-drill/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# shellcheck source=../scripts/upgrade-lib.sh
source "$root/scripts/upgrade-lib.sh"
# shellcheck source=../scripts/jvm-options.sh
source "$root/scripts/jvm-options.sh"
export ESTATEHUB_JAVA_OPTS

PG_PORT="${UPGRADE_PG_PORT:-5438}"
PGDATA_DIR="/tmp/estatehub-pg-$PG_PORT/data"
OLD_PORT="${UPGRADE_OLD_PORT:-8494}"
read -r -a NEW_PORTS <<<"${UPGRADE_NEW_PORTS:-8495 8496}"
SMOKE_EVERY="${UPGRADE_SMOKE_EVERY:-1}"
export ESTATEHUB_OIDC_URL="${UPGRADE_OIDC_URL:-http://localhost:8180/realms/estatehub}"
WORK="$root/target/upgrade-drill"
DB="jdbc:postgresql://localhost:$PG_PORT/estatehub"

log() { echo "[upgrade $(date +%T)] $*" >&2; }
die() { echo "[upgrade] ERROR: $*" >&2; exit 1; }
now() { date +%s%3N; }

for p in "$PG_PORT" "$OLD_PORT" "${NEW_PORTS[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    die "port $p is in use; choose others with UPGRADE_PG_PORT, UPGRADE_OLD_PORT, UPGRADE_NEW_PORTS"
  fi
done
curl -sf -o /dev/null "$ESTATEHUB_OIDC_URL/.well-known/openid-configuration" || die "Keycloak realm $ESTATEHUB_OIDC_URL does not answer"
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests >&2

rm -rf "$WORK"
mkdir -p "$WORK" bench/results
PIDS=() SMOKE_PID=""
cleanup() {
  [ -n "$SMOKE_PID" ] && kill "$SMOKE_PID" 2>/dev/null || true
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  ESTATEHUB_PG_PORT=$PG_PORT ESTATEHUB_PGDATA=$PGDATA_DIR bash scripts/postgres.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
psql_drill() { psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d estatehub -At -v ON_ERROR_STOP=1 "$@"; }

RESULT="bench/results/upgrade-$(date +%F).md"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':(exclude)bench/results' || echo ' (uncommitted changes)')"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"

t0=$(now)
OLD_DIR=$(build_last_release)
T_BUILD=$(( $(now) - t0 ))
OLD_MAX=$(ls "$OLD_DIR/src/main/resources/db/migration" | sed -n -E 's/^V([0-9]+)__.*/\1/p' | sort -n | tail -n 1)
NEW_MIGRATIONS=$(ls src/main/resources/db/migration | awk -v m="$OLD_MAX" -F'__' '{v = substr($1, 2) + 0} v > m' | sort -V | paste -sd ' ' -)

ESTATEHUB_PG_PORT=$PG_PORT ESTATEHUB_PGDATA=$PGDATA_DIR bash scripts/postgres.sh start >&2
psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c 'drop database if exists estatehub' -c 'create database estatehub owner estatehub'

log "old replica ($(last_release_version), ${OLD_DIR##*/}) on $OLD_PORT"
start_jar "$OLD_DIR" "$OLD_PORT" "$DB" "$WORK/old.log" demo
OLD_PID=$STARTED_PID; PIDS+=("$OLD_PID")
wait_ready_on "$OLD_PORT" "$OLD_PID" 240 || { tail -n 30 "$WORK/old.log" >&2; die "the old replica did not start"; }
SCHEMA_BEFORE=$(psql_drill -c "select max(version::int) from flyway_schema_history where version is not null")

# The old replica's checks, every SMOKE_EVERY s: "epoch-ms ok|FAIL what"
smoke_loop() {
  local url="http://127.0.0.1:$OLD_PORT" token
  while true; do
    local t
    t=$(now)
    if out=$(release_writes "$url" 2>&1); then echo "$t ok writes" ; else echo "$t FAIL writes: $out"; fi
    token=$(curl -sf -d grant_type=password -d client_id=estatehub-cli -d username=maidstone.editor -d password=demo \
      "$ESTATEHUB_OIDC_URL/protocol/openid-connect/token" | jq -r .access_token || true)
    for path in /me '/assets?limit=5' /funding/summary '/events?limit=5'; do
      code=$(curl -s -m 15 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url$path" || true)
      if [ "$code" = 200 ]; then echo "$t ok GET $path"; else echo "$t FAIL GET $path -> $code"; fi
    done
    sleep "$SMOKE_EVERY"
  done
}
smoke_loop >"$WORK/old-smoke.log" 2>&1 &
SMOKE_PID=$!
sleep 5

log "starting ${#NEW_PORTS[@]} new replicas at once on ${NEW_PORTS[*]} (new migrations: ${NEW_MIGRATIONS:-none})"
T_NEW=$(now)
NEW_PIDS=()
for p in "${NEW_PORTS[@]}"; do
  # The old replica loaded the demo data; a second load's history pass could race its writes (bench/README.md,
  # *Two replicas*), so the new replicas do not load it.
  start_jar "$root" "$p" "$DB" "$WORK/new-$p.log" demo -D%demo.estatehub.demo-data=false
  NEW_PIDS+=("$STARTED_PID"); PIDS+=("$STARTED_PID")
done
declare -A NEW_READY=()
for i in "${!NEW_PORTS[@]}"; do
  wait_ready_on "${NEW_PORTS[$i]}" "${NEW_PIDS[$i]}" 300 || { tail -n 30 "$WORK/new-${NEW_PORTS[$i]}.log" >&2; die "new replica ${NEW_PORTS[$i]} did not start"; }
  NEW_READY[${NEW_PORTS[$i]}]=$(( $(now) - T_NEW ))
done
T_ALL_NEW=$(now)
SCHEMA_AFTER=$(psql_drill -c "select max(version::int) from flyway_schema_history where version is not null")
APPLIED=$(psql_drill -c "select coalesce(string_agg('V' || version || ' ' || execution_time || ' ms', ', ' order by installed_rank), 'none')
  from flyway_schema_history where version is not null and version::int > $SCHEMA_BEFORE")
sleep 10
# The checks stop first: the old replica's own stop (its release has no shutdown delay) is not the upgrade's doing.
kill "$SMOKE_PID" 2>/dev/null || true; wait "$SMOKE_PID" 2>/dev/null || true; SMOKE_PID=""
T_OLD_STOP=$(now)
kill -TERM "$OLD_PID"; wait "$OLD_PID" 2>/dev/null || true
NEW_WRITES=$(release_writes "http://127.0.0.1:${NEW_PORTS[0]}" 2>&1 || true)
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"

# smoke FROM TO: "ok x.. FAIL x.." of the old replica's checks started in [FROM, TO)
smoke() { awk -v a="$1" -v b="$2" '$1 >= a && $1 < b {c[$2]++} END {printf "ok x%d, FAIL x%d", c["ok"], c["FAIL"]}' "$WORK/old-smoke.log"; }
flyway_lines() { grep -h -E 'Migrating schema|Successfully applied|Schema .* is up to date|Successfully validated' "$1" | sed -E 's/^.*(INFO|WARN) +\[[^]]*\] +\([^)]*\) +(\[[^]]*\] +)?//' | paste -sd ';' -; }
{
  echo "# Rolling upgrade $(date -u '+%F %H:%M UTC')"
  echo
  echo "Commit $commit; $(nproc) cores; \`java $ESTATEHUB_JAVA_OPTS\`; PostgreSQL on $PG_PORT of the drill's own, the shared Keycloak read only."
  echo "Load average at the start $LOAD_START, at the end $LOAD_END (shared machine)."
  echo
  echo "- old replica: release $(last_release_version) (${OLD_DIR##*/}), built from git archive in $(awk -v ms="$T_BUILD" 'BEGIN { printf "%.0f s", ms / 1000 }') (0 when already built); schema V$SCHEMA_BEFORE"
  echo "- migrations newer than the release in this commit: ${NEW_MIGRATIONS:-none}; applied by the new replicas: $APPLIED; schema after: V$SCHEMA_AFTER"
  for p in "${NEW_PORTS[@]}"; do
    echo "- new replica $p: ready $(awk -v ms="${NEW_READY[$p]}" 'BEGIN { printf "%.1f s", ms / 1000 }') after both were started; Flyway: $(flyway_lines "$WORK/new-$p.log")"
  done
  echo "- the old replica's checks (release write round trip + 4 reads, every ${SMOKE_EVERY} s):"
  echo "  - before the new replicas: $(smoke 0 "$T_NEW")"
  echo "  - while they started and migrated: $(smoke "$T_NEW" "$T_ALL_NEW")"
  echo "  - with both versions serving: $(smoke "$T_ALL_NEW" "$T_OLD_STOP")"
  echo "  - failures: $(grep -c FAIL "$WORK/old-smoke.log" || true) $(grep FAIL "$WORK/old-smoke.log" | head -n 3 | cut -c1-200 | paste -sd ';' -)"
  echo "- after the old replica was stopped, the new one: $NEW_WRITES"
  echo
} >"$RESULT"
log "results in $RESULT"
cat "$RESULT"
! grep -q FAIL "$WORK/old-smoke.log" || die "the old replica failed checks during the upgrade (see $RESULT)"
