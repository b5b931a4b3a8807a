#!/usr/bin/env bash
# Upload drill (issue #12): four 60 MB imports sent at once while searches run, against the packaged jar
# with the production JVM options (scripts/jvm-options.sh: 256 MB heap, ExitOnOutOfMemoryError) on a port
# of its own (UPLOADS_PORT, 8097) and a database of its own (UPLOADS_DB, estatehub_uploads, dropped and
# created afresh) in the PostgreSQL on ESTATEHUB_PG_PORT (5433); tokens from the realm at ESTATEHUB_OIDC_URL
# (read only). The files are generated as they are sent (scripts/UploadProbe.java); nothing is stored.
#
#   round 1, the service as configured (estatehub.import.max-concurrent=2): four owners' editors (kcc,
#     maidstone, dover, sevenoaks) each send 60 MB of valid rows at once, and maidstone a second file.
#     Expected: two imports run (200), the other three are refused (503, or 429 for a second import of
#     the same owner; problem+json with Retry-After) and their bodies dropped as they arrive.
#   round 2, ESTATEHUB_IMPORT_MAX_CONCURRENT=4, to load the heap with four streaming imports at once: two of
#     60 MB of valid rows, two of 60 MB of invalid rows. Expected: all four answered (200, 200, 422, 422).
# In both rounds two search loops (GET /assets?q=..., a partner viewer and pmo.admin) run from the first
# upload to the last answer; the drill counts their answers and latencies. The java process's RSS is
# sampled from /proc every 0.2 s. Passes when the service stays up, every upload gets its expected answer,
# every search is answered 200, and peak RSS < UPLOADS_MAX_RSS_MB (400).
#
# Results: bench/results/uploads-<date>.md (raw files in target/uploads/). Method and figures: bench/README.md
# "Upload drill".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# shellcheck source=../scripts/jvm-options.sh
source "$root/scripts/jvm-options.sh"

PORT="${UPLOADS_PORT:-8097}"
PG_PORT="${ESTATEHUB_PG_PORT:-5433}"
DB="${UPLOADS_DB:-estatehub_uploads}"
REALM="${ESTATEHUB_OIDC_URL:-http://localhost:${KEYCLOAK_PORT:-8180}/realms/estatehub}"
MAX_RSS_MB="${UPLOADS_MAX_RSS_MB:-400}"
BYTES=$(( 60 * 1000 * 1000 ))
WORK="$root/target/uploads"
API="http://localhost:$PORT"
OUT="bench/results/uploads-$(date +%Y%m%d-%H%M).md"

log() { echo "[uploads $(date +%T)] $*" >&2; }
die() { echo "[uploads] ERROR: $*" >&2; exit 1; }

mkdir -p "$WORK" bench/results
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && die "port $PORT is busy; set UPLOADS_PORT"
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests >&2

APP_PID="" BG_PIDS=()
cleanup() {
  for p in "${BG_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; then wait "$APP_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

psql_admin() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"
  else psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; fi
}

token() {
  curl -sf -d grant_type=password -d client_id=estatehub-cli -d username="$1" -d password=demo \
    "$REALM/protocol/openid-connect/token" | jq -r .access_token >"$WORK/$1.token"
  [ -s "$WORK/$1.token" ] || die "no token for $1 from $REALM"
}

# start_app ROUND [java -D options]
start_app() {
  local round=$1; shift
  psql_admin -c "drop database if exists $DB" -c "create database $DB owner estatehub" >/dev/null
  log "round $round: starting the jar on $API ($ESTATEHUB_JAVA_OPTS $*)"
  # shellcheck disable=SC2086
  ESTATEHUB_DB_URL="jdbc:postgresql://localhost:$PG_PORT/$DB" ESTATEHUB_OIDC_URL="$REALM" \
    java $ESTATEHUB_JAVA_OPTS "$@" -Dquarkus.profile=demo -Dquarkus.http.port="$PORT" \
    -Dquarkus.log.console.json.enabled=false -jar target/quarkus-app/quarkus-run.jar \
    >"$WORK/app-$round.log" 2>&1 </dev/null &
  APP_PID=$!
  for _ in $(seq 1 120); do
    grep -q "started in" "$WORK/app-$round.log" && break
    kill -0 "$APP_PID" 2>/dev/null || die "the app exited (log: $WORK/app-$round.log)"
    sleep 0.5
  done
  (while kill -0 "$APP_PID" 2>/dev/null; do
     awk '/^VmRSS/ {print $2}' "/proc/$APP_PID/status" 2>/dev/null || true
     sleep 0.2
   done) >"$WORK/rss-$round.txt" &
  BG_PIDS+=($!)
}

stop_app() {
  for p in "${BG_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  BG_PIDS=()
  if kill "$APP_PID" 2>/dev/null; then wait "$APP_PID" 2>/dev/null || true; fi
  APP_PID=""
}

# search_loop USER FILE: searches until target/uploads/stop exists (at most 10 minutes); one line per answer
search_loop() {
  local end=$(( SECONDS + 600 )) i=0
  while [ ! -e "$WORK/stop" ] && (( SECONDS < end )); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 30 \
      -H "Authorization: Bearer $(cat "$WORK/$1.token")" \
      "$API/assets?q=centre&limit=50&offset=$(( i % 5 * 10 ))" >>"$2" || echo "000 30" >>"$2"
    i=$(( i + 1 ))
    sleep 0.1
  done
}

# upload USER OWNER KIND NAME [delay]
upload() {
  sleep "${5:-0}"
  java -cp "$WORK/classes" UploadProbe "$API" "$WORK/$1.token" "$2" "$3" "$BYTES" fixed "$WORK/$4.json" "$RANDOM" \
    >"$WORK/$4.txt" 2>&1
}

# run_round ROUND OKS SPEC... where SPEC is USER:OWNER:KIND:EXPECTED[:DELAY]; EXPECTED is a regular
# expression of statuses; OKS is how many uploads must be answered 200.
run_round() {
  local round=$1 oks=$2; shift 2
  rm -f "$WORK/stop" "$WORK/search-$round-"*.txt
  search_loop maidstone.viewer "$WORK/search-$round-a.txt" & local s1=$!
  search_loop pmo.admin "$WORK/search-$round-b.txt" & local s2=$!
  sleep 2
  local start=$SECONDS pids=() n=0
  for spec in "$@"; do
    IFS=: read -r user owner kind _ delay <<<"$spec"
    n=$(( n + 1 ))
    upload "$user" "$owner" "$kind" "up-$round-$n" "${delay:-0}" & pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || true; done
  local took=$(( SECONDS - start ))
  sleep 2
  touch "$WORK/stop"
  wait "$s1" "$s2" || true
  kill -0 "$APP_PID" 2>/dev/null || die "round $round: the service died (log: $WORK/app-$round.log)"
  ! grep -q OutOfMemoryError "$WORK/app-$round.log" || die "round $round: OutOfMemoryError"
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(cat "$WORK/pmo.admin.token")" \
    "$API/assets?limit=1")
  [ "$code" = 200 ] || die "round $round: a search after the uploads answered $code"

  {
    echo "### Round $round"
    echo
    echo "| upload | owner | file | expected | answer |"
    echo "| --- | --- | --- | --- | --- |"
  } >>"$OUT"
  n=0
  local bad=0
  for spec in "$@"; do
    IFS=: read -r user owner kind expected _ <<<"$spec"
    n=$(( n + 1 ))
    local line status
    line=$(cat "$WORK/up-$round-$n.txt")
    status=$(sed -E 's/^status=([0-9]+).*/\1/' <<<"$line")
    [[ "$status" =~ ^($expected)$ ]] || bad=$(( bad + 1 ))
    [ "$status" = 200 ] && oks=$(( oks - 1 ))
    if [[ "$status" =~ ^(429|503)$ ]] && ! grep -q "retry-after=" <<<"$line"; then bad=$(( bad + 1 )); fi
    echo "| $n | $owner ($user) | 60 MB $kind | ${expected//|/ or } | $line |" >>"$OUT"
  done
  local peak_kb samples
  peak_kb=$(sort -n "$WORK/rss-$round.txt" | tail -n 1)
  samples=$(wc -l <"$WORK/rss-$round.txt")
  cat "$WORK/search-$round-"*.txt >"$WORK/search-$round.txt"
  local searches failed
  searches=$(wc -l <"$WORK/search-$round.txt")
  failed=$(awk '$1 != 200' "$WORK/search-$round.txt" | wc -l)
  local stats
  stats=$(awk '{print $2}' "$WORK/search-$round.txt" | sort -n | awk '{a[NR]=$1} END {
    printf "p50 %.0f ms, p95 %.0f ms, max %.0f ms", a[int(NR*0.5)+1]*1000, a[int(NR*0.95)+1]*1000, a[NR]*1000}')
  {
    echo
    echo "- uploads took ${took} s from the first sent to the last answered"
    echo "- searches during the round: $searches answered, $failed not 200; latency $stats"
    echo "- peak RSS of the java process: $(( peak_kb / 1024 )) MB ($samples samples, limit $MAX_RSS_MB MB)"
    echo "- the service was alive and answered a search after the round"
    echo
  } >>"$OUT"
  log "round $round: $(tail -n 5 "$OUT" | tr '\n' ' ')"
  (( bad == 0 && oks == 0 )) || die "round $round: uploads did not get their expected answers (see $OUT)"
  (( failed == 0 )) || die "round $round: $failed searches were not answered 200"
  (( peak_kb / 1024 < MAX_RSS_MB )) || die "round $round: peak RSS $(( peak_kb / 1024 )) MB"
}

{
  echo "# Upload drill, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "bench/uploads.sh; JVM: \`$ESTATEHUB_JAVA_OPTS\`; $(nproc) cores; 60 MB files (60,000,000 bytes, ~87,000 rows)."
  echo
} >"$OUT"

for u in kcc.editor maidstone.editor dover.editor sevenoaks.editor maidstone.viewer pmo.admin; do token "$u"; done

mkdir -p "$WORK/classes"
javac -d "$WORK/classes" scripts/UploadProbe.java

start_app 1
# All five start at once: which two get the service's two places is not known, so the round expects two
# answers 200 and three refusals (503, or 429 for maidstone's second file while its first runs).
run_round 1 2 kcc.editor:kcc:valid:'200|503' maidstone.editor:maidstone:valid:'200|503|429' \
  dover.editor:dover:valid:'200|503' sevenoaks.editor:sevenoaks:valid:'200|503' \
  maidstone.editor:maidstone:valid:'200|503|429'
stop_app

start_app 2 -Destatehub.import.max-concurrent=4
run_round 2 2 kcc.editor:kcc:valid:200 maidstone.editor:maidstone:valid:200 \
  dover.editor:dover:invalid:422 sevenoaks.editor:sevenoaks:invalid:422
stop_app

log "passed; results in $OUT"
cat "$OUT"
