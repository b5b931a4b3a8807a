#!/usr/bin/env bash
# Proves that an upload's size does not decide the service's memory (issue #12, README "Limits"): runs the
# packaged jar with the production JVM options (scripts/jvm-options.sh: 256 MB heap, ExitOnOutOfMemoryError)
# on a port and a database of its own, and sends two generated 64 MB files (scripts/UploadProbe.java writes
# them as it generates them; nothing is stored):
#   1. ~97,000 rows, every one invalid (three errors each): 422 with the first 1,000 errors and the counts;
#   2. ~97,000 valid rows, sent chunked: 200, every row created;
#   3. a chunked file just over 64 MiB: 413 problem+json;
#   4. 64 MB of 45-byte invalid rows (1.5 million rows, 4.5 million errors): 413 at the row limit.
# Then the service must still be alive and answer a search, no OutOfMemoryError may be logged, and the
# java process's peak RSS (sampled from /proc every 0.2 s) must stay under HEAP_TEST_MAX_RSS_MB (400).
# A service that held the file, its rows or its errors in memory dies of OutOfMemoryError (the code before
# issue #12 did on file 4, and answered file 1 with 10,000 errors in 1.6 MB).
#
# Environment: HEAP_TEST_PORT (first free of 8096-8099), HEAP_TEST_DB (estatehub_heap; dropped and created
# afresh), ESTATEHUB_PG_PORT (5433), ESTATEHUB_OIDC_URL (the realm). Needs the jar built by mvn package.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# shellcheck source=jvm-options.sh
source "$root/scripts/jvm-options.sh"

PG_PORT="${ESTATEHUB_PG_PORT:-5433}"
DB="${HEAP_TEST_DB:-estatehub_heap}"
REALM="${ESTATEHUB_OIDC_URL:-http://localhost:${KEYCLOAK_PORT:-8180}/realms/estatehub}"
MAX_RSS_MB="${HEAP_TEST_MAX_RSS_MB:-400}"
BYTES=67000000
WORK="$root/target/heap-test"
mkdir -p "$WORK"

log() { echo "[heap-test $(date +%T)] $*"; }
fail() { echo "[heap-test] FAILED: $*" >&2; [ -f "$WORK/app.log" ] && tail -n 20 "$WORK/app.log" >&2; exit 1; }

[ -f target/quarkus-app/quarkus-run.jar ] || fail "no target/quarkus-app/quarkus-run.jar; run mvn package first"
if ! command -v jq >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || fail "jq is needed"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null && apt-get install -y -qq jq </dev/null >/dev/null
fi
PORT="${HEAP_TEST_PORT:-}"
if [ -z "$PORT" ]; then
  for candidate in 8096 8097 8098 8099; do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then PORT=$candidate; break; fi
  done
fi
[ -n "$PORT" ] || fail "ports 8096-8099 are all busy"
API="http://localhost:$PORT"

psql_admin() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"
  else psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; fi
}
psql_admin -c "drop database if exists $DB" -c "create database $DB owner estatehub" >/dev/null

APP_PID="" SAMPLER_PID=""
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  if [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; then wait "$APP_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

log "starting the jar on $API ($ESTATEHUB_JAVA_OPTS) against database $DB"
# shellcheck disable=SC2086
ESTATEHUB_DB_URL="jdbc:postgresql://localhost:$PG_PORT/$DB" ESTATEHUB_OIDC_URL="$REALM" \
  java $ESTATEHUB_JAVA_OPTS -Dquarkus.profile=demo -Dquarkus.http.port="$PORT" \
  -Dquarkus.log.console.json.enabled=false -jar target/quarkus-app/quarkus-run.jar >"$WORK/app.log" 2>&1 </dev/null &
APP_PID=$!
for _ in $(seq 1 120); do
  grep -q "started in" "$WORK/app.log" && break
  kill -0 "$APP_PID" 2>/dev/null || fail "the service exited on start"
  sleep 0.5
done
grep -q "started in" "$WORK/app.log" || fail "the service did not start"

(while kill -0 "$APP_PID" 2>/dev/null; do
   awk '/^VmRSS/ {print $2}' "/proc/$APP_PID/status" 2>/dev/null || true
   sleep 0.2
 done) >"$WORK/rss.txt" &
SAMPLER_PID=$!

curl -sf -d grant_type=password -d client_id=estatehub-cli -d username=pmo.admin -d password=demo \
  "$REALM/protocol/openid-connect/token" | jq -r .access_token >"$WORK/token"
[ -s "$WORK/token" ] || fail "no token from $REALM"
probe() { java scripts/UploadProbe.java "$API" "$WORK/token" kalc "$@"; }
alive() {
  kill -0 "$APP_PID" 2>/dev/null || fail "the service died ($1)"
  ! grep -q OutOfMemoryError "$WORK/app.log" || fail "OutOfMemoryError ($1)"
}

log "1. 64 MB of invalid rows"
probe invalid "$BYTES" fixed "$WORK/invalid.json" 11 | tee "$WORK/invalid.txt"
alive "64 MB of invalid rows"
jq -e '.status == 422 and (.errors | length) == 1000 and .errorCount > 250000
       and .invalidRowCount == .errorCount / 3' "$WORK/invalid.json" >/dev/null \
  || fail "expected 422 with 1,000 listed errors and the counts: $(head -c 400 "$WORK/invalid.json")"
rows=$(sed -E 's/.* rows=([0-9]+).*/\1/' "$WORK/invalid.txt")
jq -e --argjson rows "$rows" '.invalidRowCount == $rows' "$WORK/invalid.json" >/dev/null \
  || fail "invalidRowCount is not the $rows rows sent"

log "2. 64 MB of valid rows, chunked"
probe valid "$BYTES" chunked "$WORK/valid.json" 12 | tee "$WORK/valid.txt"
alive "64 MB of valid rows"
rows=$(sed -E 's/.* rows=([0-9]+).*/\1/' "$WORK/valid.txt")
jq -e --argjson rows "$rows" '.rows == $rows and .created == $rows' "$WORK/valid.json" >/dev/null \
  || fail "expected 200 with $rows rows created: $(head -c 400 "$WORK/valid.json")"

log "3. just over 64 MiB, chunked"
probe oversize 67108864 chunked "$WORK/oversize.json" 13 | tee "$WORK/oversize.txt"
alive "a file over the limit"
grep -q "status=413 .*type=application/problem+json" "$WORK/oversize.txt" || fail "expected 413 problem+json"

log "4. 64 MB of short invalid rows (1.5 million rows, three errors each)"
probe short-invalid "$BYTES" fixed "$WORK/short.json" 14 | tee "$WORK/short.txt"
alive "64 MB of short invalid rows"
grep -q "status=413 .*type=application/problem+json" "$WORK/short.txt" || fail "expected 413 problem+json"
grep -q "more than 100000 asset rows" "$WORK/short.json" || fail "expected the row limit: $(cat "$WORK/short.json")"

code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(cat "$WORK/token")" \
  "$API/assets?partner=kalc&limit=1")
[ "$code" = 200 ] || fail "a search after the uploads answered $code"
total=$(curl -sf -H "Authorization: Bearer $(cat "$WORK/token")" "$API/assets?partner=kalc&limit=1" | jq .total)
[ "$total" = "$rows" ] || fail "the register holds $total of kalc's assets, not the $rows imported"

kill "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
peak_kb=$(sort -n "$WORK/rss.txt" | tail -n 1)
log "peak RSS $(( peak_kb / 1024 )) MB over $(wc -l <"$WORK/rss.txt") samples (limit $MAX_RSS_MB MB)"
(( peak_kb / 1024 < MAX_RSS_MB )) || fail "peak RSS $(( peak_kb / 1024 )) MB is not under $MAX_RSS_MB MB"
log "passed: the service stayed up, answered every upload and a search, peak RSS $(( peak_kb / 1024 )) MB"
