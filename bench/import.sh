#!/usr/bin/env bash
# Import benchmark (issue #15): a 100,000-row register in the LGA schema, Windows-1252, British National Grid
# (bench/LgaFile.java, fixed seed), through the packaged service: dry run, import, re-import (unchanged),
# dry run of the unchanged file. Targets: import < 10 s, dry run < 5 s. Figures: bench/README.md "Import".
#
#   bench/import.sh            (also: bench/bench.sh import)
#
# Environment (defaults in brackets): IMPORT_PORT [8098], IMPORT_DB [estatehub_import] (dropped and created
# afresh, owner estatehub, in the PostgreSQL on ESTATEHUB_PG_PORT [5433]), IMPORT_ROWS [100000],
# IMPORT_SEED [15] (IMPORT_ROWS=1000000 for #16's national-scale import: one owner, maidstone, as at 100,000;
# above the service's default limits of 100,000 rows and 64 MiB the run raises estatehub.import.max-rows,
# estatehub.import.max-bytes and quarkus.http.limits.max-body-size to fit the file), IMPORT_JFR [off; "on" records a flight recording of the whole run into
# target/import-bench/import.jfr], IMPORT_STEPS [dry-run,import,re-import,dry-run-unchanged: the requests, in
# order; "dry-run-unchanged" and "re-import" only mean so after an "import"], IMPORT_OPTS [more JVM options], IMPORT_LOG_MS [unset: PostgreSQL's
# log of the database's statements slower than this, into target/import-bench/pg.log], ESTATEHUB_OIDC_URL (the realm; read only).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# shellcheck source=../scripts/jvm-options.sh
source "$root/scripts/jvm-options.sh"

PORT="${IMPORT_PORT:-8098}"
PG_PORT="${ESTATEHUB_PG_PORT:-5433}"
DB="${IMPORT_DB:-estatehub_import}"
ROWS="${IMPORT_ROWS:-100000}"
SEED="${IMPORT_SEED:-15}"
STEPS="${IMPORT_STEPS:-dry-run,import,re-import,dry-run-unchanged}"
REALM="${ESTATEHUB_OIDC_URL:-http://localhost:${KEYCLOAK_PORT:-8180}/realms/estatehub}"
WORK="$root/target/import-bench"
API="http://localhost:$PORT"
# The row count is in the name: a 100,000-row and a 1,000,000-row run started in the same minute would
# otherwise write the same file.
OUT="bench/results/import-$ROWS-$(date +%Y%m%d-%H%M).md"
APP_PID=""

log() { echo "[import $(date +%T)] $*" >&2; }
die() { echo "[import] ERROR: $*" >&2; exit 1; }
psql_admin() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"
  else psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; fi
}
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  APP_PID=""
}
trap stop_app EXIT

mkdir -p "$WORK" bench/results
[ -f target/quarkus-app/quarkus-run.jar ] || die "no target/quarkus-app: run mvn package -DskipTests first"
curl -s -o /dev/null "$API/q/health/live" && die "port $PORT is already in use"

log "generating $ROWS rows (seed $SEED)"
java bench/LgaFile.java "$WORK/lga.csv" "$ROWS" "$SEED"
BYTES=$(stat -c %s "$WORK/lga.csv")

psql_admin -c "drop database if exists $DB" -c "create database $DB owner estatehub" >/dev/null
# IMPORT_LOG_MS: PostgreSQL logs this database's statements that take longer (log_min_duration_statement,
# set on the database only), and the run's lines of the server log are kept in target/import-bench/pg.log.
PG_LOG="${ESTATEHUB_PG_LOG:-/tmp/estatehub-pg-$PG_PORT/postgres.log}"
PG_LOG_FROM=0
if [ -n "${IMPORT_LOG_MS:-}" ]; then
  psql_admin -c "alter database $DB set log_min_duration_statement = ${IMPORT_LOG_MS}" >/dev/null
  [ -r "$PG_LOG" ] && PG_LOG_FROM=$(wc -l <"$PG_LOG")
fi
JFR=()
LIMITS=()
if [ "$ROWS" -gt 100000 ] || [ "$BYTES" -gt $((64 * 1024 * 1024)) ]; then
  MIB=$((BYTES / 1024 / 1024 + 16))
  # The transaction's time limit too (300 s by default, sized for 100,000 rows), in proportion to the rows.
  LIMITS=("-Destatehub.import.max-rows=$ROWS" "-Destatehub.import.max-bytes=${MIB}M"
    "-Dquarkus.http.limits.max-body-size=$((MIB + 1))M"
    "-Destatehub.import.transaction-timeout=$((300 * (ROWS + 99999) / 100000))")
fi
# IMPORT_OPTS: more JVM options for the service, e.g. -Destatehub.import.index-rebuild-share=1 (never
# rebuild the indexes: the import as before the bulk path, for a side-by-side run).
# shellcheck disable=SC2206
EXTRA=(${IMPORT_OPTS:-})
[ "${IMPORT_JFR:-off}" = on ] && JFR=("-XX:StartFlightRecording=filename=$WORK/import.jfr,settings=profile")
log "starting the service on $PORT (database $DB, demo data)"
# shellcheck disable=SC2086
setsid java $ESTATEHUB_JAVA_OPTS "${JFR[@]}" "${LIMITS[@]}" "${EXTRA[@]}" -Dquarkus.profile=demo -Dquarkus.http.port="$PORT" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:$PG_PORT/$DB" -Dquarkus.oidc.auth-server-url="$REALM" \
  -Destatehub.rate-limit.enabled=false -jar target/quarkus-app/quarkus-run.jar >"$WORK/app.log" 2>&1 </dev/null &
APP_PID=$!
for _ in $(seq 1 240); do
  grep -q "started in" "$WORK/app.log" && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$WORK/app.log" >&2; die "the service exited during start-up"; }
  sleep 0.5
done
grep -q "started in" "$WORK/app.log" || die "the service did not start in 120 s"

token() {
  curl -sf -d grant_type=password -d client_id=estatehub-cli -d username=maidstone.editor -d password=demo \
    "$REALM/protocol/openid-connect/token" | jq -r .access_token
}

# step NAME QUERY: sends the file (no charset: the service detects Windows-1252), prints "name seconds answer".
step() {
  local name="$1" query="$2" load
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  local t
  t=$(curl -s -o "$WORK/$name.json" -w '%{http_code} %{time_total}' --max-time 900 \
    -H "Authorization: Bearer $(token)" -H 'Content-Type: text/csv' --data-binary "@$WORK/lga.csv" \
    "$API/assets/import$query")
  local code="${t%% *}" secs="${t##* }"
  [ "$code" = 200 ] || { cat "$WORK/$name.json" >&2; die "$name answered $code"; }
  local answer
  answer=$(jq -c '{dryRun, valid, rows, created, updated, unchanged, encoding, warningCount,
    coordinateSystems: [.coordinateSystems[] | "\(.system) \(.rows)"]}' "$WORK/$name.json")
  log "$name: $secs s (load $load) $answer"
  echo "| $name | $secs | $load | \`$answer\` |" >>"$WORK/rows.md"
}

: >"$WORK/rows.md"
for name in ${STEPS//,/ }; do
  case "$name" in
    dry-run | dry-run-unchanged) step "$name" "?dryRun=true" ;;
    import | re-import) step "$name" "" ;;
    *) die "unknown step $name in IMPORT_STEPS" ;;
  esac
done

{
  echo "# Import benchmark $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)"
  echo
  echo "$ROWS rows, $BYTES bytes (bench/LgaFile.java seed $SEED: LGA schema, Windows-1252, OSGB36), one request"
  echo "each through the packaged service (JVM options of scripts/jvm-options.sh), client curl on the same machine."
  echo "Machine: $(nproc) cores, shared; load average (1, 5, 15 min) at the start of each step."
  echo
  echo "| step | seconds | load | answer |"
  echo "|---|---|---|---|"
  cat "$WORK/rows.md"
  echo
  echo "pgbench-free check of the database at the end: $(PGPASSWORD=estatehub psql -h 127.0.0.1 -p "$PG_PORT" -U estatehub -d "$DB" -At -c "select count(*) || ' assets, ' || count(*) filter (where latitude is null) || ' without a location' from asset where owner_partner_id = 'maidstone'")."
} >"$OUT"
if [ -n "${IMPORT_LOG_MS:-}" ] && [ -r "$PG_LOG" ]; then
  tail -n +"$((PG_LOG_FROM + 1))" "$PG_LOG" | grep -E 'duration: ' | grep -v checkpoint >"$WORK/pg.log" || true
  log "statements over ${IMPORT_LOG_MS} ms: $WORK/pg.log"
fi
log "written $OUT"
cat "$OUT"
