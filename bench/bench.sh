#!/usr/bin/env bash
# EstateHub benchmark: wrk against the API beside pgbench running the same SQL, on 100,000 assets and
# 2,000 projects with their funding. See bench/README.md.
#
#   bench/bench.sh database      create the bench database (and the estatehub role) if missing
#   bench/bench.sh seed          create and migrate the bench database (the app, profile demo, once) and load
#                                bench/seed.sql
#   bench/bench.sh run [label]   start the app on BENCH_PORT, measure every endpoint below, write
#                                bench/results/<label>.md (label default: the date and commit)
#   bench/bench.sh all [label]   seed, then run
#   bench/bench.sh startup [N]   start the app N times (default 5) and print each "started in"
#   bench/bench.sh import        the 100,000-row LGA-schema import (bench/import.sh, its own database and port)
#
# Environment (defaults in brackets):
#   BENCH_DB        database name [estatehub_bench]; PostgreSQL at BENCH_PG_HOST:BENCH_PG_PORT [127.0.0.1:5433],
#                   role estatehub/estatehub (it must own the database). On a local server (127.0.0.1 or
#                   localhost) seed creates both when missing, as superuser BENCH_PG_SUPERUSER [postgres],
#                   like scripts/postgres.sh; elsewhere create them first.
#   BENCH_ASSETS    assets to seed [100000]: 100,000 in Kent (bench/seed.sql); more are spread over the rest of
#                   England by population, clustered in towns (bench/seed-national.sql), e.g. 1000000
#   BENCH_PORT      the app's HTTP port [8095]
#   BENCH_OIDC_URL  Keycloak realm [http://localhost:8180/realms/estatehub]
#   BENCH_USER      demo user whose token the load carries [maidstone.editor]
#   BENCH_DURATION  seconds per wrk and pgbench run [20]; BENCH_WARMUP seconds of wrk first [10]
#   BENCH_CONNECTIONS  concurrency levels [16 64]
#   BENCH_JAVA_OPTS JVM options [the ones scripts/run.sh uses, see ESTATEHUB_JAVA_OPTS there]
#   BENCH_ONLY      run only endpoints whose name matches this regex
#   BENCH_RATE_LIMIT  on|off [on]: the rate limiter per caller (README "Limits"). On, its limits are raised
#                   so far (10,000,000 a second, bursts of 1,000,000,000) that the bench's single user is
#                   never refused while the limiter does all its work on every request; the non-2xx column
#                   must stay 0. Off: estatehub.rate-limit.enabled=false. See "Rate limiter cost" in
#                   bench/README.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# --- The endpoints: one line each -------------------------------------------------------------------
# name | path ({id}: a random id from the id list; {near}: nearLat=..&nearLon=.. of a random centre from
# bench_centre; {tile}: a random z/x/y from the tile list; {workspace}: the booking bench's workspace) | Accept | pgbench SQL file in bench/sql ("-": none;
# a file draws its own centre from bench_centre with \set n random(1, 1000) and \gset) | pgbench -D variables
# (SQL parameters, bound as prepared-statement parameters)
ENDPOINTS=(
  "asset-search|/assets?localAuthority=E07000110&status=OPERATIONAL&limit=50&offset=100|application/json|asset_search.sql|caller=maidstone authority=E07000110 status=OPERATIONAL"
  "asset-search-county|/assets?localAuthority=E10000016&status=OPERATIONAL&limit=50&offset=100|application/json|asset_search_county.sql|caller=maidstone status=OPERATIONAL"
  "asset-by-id|/assets/{id}|application/json|asset_by_id.sql|"
  "asset-geojson-dover|/assets?localAuthority=E07000108&limit=5000|application/geo+json|asset_geojson.sql|caller=maidstone authority=E07000108"
  "project-list|/projects?stage=DELIVERY&limit=50|application/json|project_list.sql|stage=DELIVERY ids=@project_ids"
  "funding-summary|/funding/summary|application/json|../../src/main/resources/funding/summary.sql|"
  "co-location|/assets/co-location?distanceM=500&limit=20|application/json|co_location.sql|caller=maidstone distance=500 cell=707.1067811865476 minpartners=2 limit=20 offset=0"
  "asset-radius|/assets?{near}&radiusM=1000&limit=50|application/json|asset_radius.sql|caller=maidstone"
  "asset-nearest-5km|/assets?{near}&radiusM=5000&sort=distance&total=bounded&limit=20|application/json|asset_nearest_radius.sql|caller=maidstone"
  "asset-nearest|/assets?{near}&sort=distance&total=bounded&limit=20|application/json|asset_nearest.sql|caller=maidstone"
  "asset-tiles|/tiles/assets/{tile}.mvt|application/vnd.mapbox-vector-tile|asset_tile.sql|caller=maidstone"
  # The opportunity finder (bench/seed-occupations.sql) as the bench user: its own occupations ending or breaking
  # within 12 months, the readable assets within 2 km with room. today/horizon: the run's date and 12 months on.
  "occupation-opportunities|/occupations/opportunities?withinMonths=12&distanceM=2000&candidates=5&limit=20|application/json|occupation_opportunities.sql|today=$(date -u +%F) horizon=$(date -u -d '+12 months' +%F) distance=2000 candidates=5 limit=20 offset=0 callerPartner=maidstone ownPartner=maidstone"
  # POSTs: {workspace} is the bench workspace (bench/seed-workspace.sql); wrk runs bench/wrk-booking.lua, which
  # books distinct desk/day/half-day combinations, after the workspace's bookings are deleted.
  "desk-booking|/workspaces/{workspace}/bookings|application/json|desk_booking.sql|ws=@workspace_id"
)

DB="${BENCH_DB:-estatehub_bench}"
ASSETS="${BENCH_ASSETS:-100000}"
case "$ASSETS" in
  *[!0-9]*|"") echo "[bench] ERROR: BENCH_ASSETS must be a number of at least 100000 (got '$ASSETS')" >&2; exit 1 ;;
esac
[ "$ASSETS" -ge 100000 ] || { echo "[bench] ERROR: BENCH_ASSETS must be at least 100000 (Kent's seed)" >&2; exit 1; }
PG_HOST="${BENCH_PG_HOST:-127.0.0.1}"
PG_PORT="${BENCH_PG_PORT:-5433}"
PORT="${BENCH_PORT:-8095}"
OIDC_URL="${BENCH_OIDC_URL:-http://localhost:8180/realms/estatehub}"
BENCH_USER="${BENCH_USER:-maidstone.editor}"
DURATION="${BENCH_DURATION:-20}"
WARMUP="${BENCH_WARMUP:-10}"
CONNECTIONS="${BENCH_CONNECTIONS:-16 64}"
# shellcheck source=../scripts/jvm-options.sh
source "$root/scripts/jvm-options.sh"
JAVA_OPTS="${BENCH_JAVA_OPTS-$ESTATEHUB_JAVA_OPTS}"
WORK="$root/target/bench"
JDBC_URL="jdbc:postgresql://localhost:$PG_PORT/$DB"
RATE_LIMIT="${BENCH_RATE_LIMIT:-on}"
case "$RATE_LIMIT" in
  on) RATE_LIMIT_OPTS="-Destatehub.rate-limit.enabled=true -Destatehub.rate-limit.requests-per-second=10000000 -Destatehub.rate-limit.burst=1000000000" ;;
  off) RATE_LIMIT_OPTS="-Destatehub.rate-limit.enabled=false" ;;
  *) echo "[bench] ERROR: BENCH_RATE_LIMIT must be on or off (got '$RATE_LIMIT')" >&2; exit 1 ;;
esac
export PGPASSWORD=estatehub

log() { echo "[bench] $*" >&2; }
die() { echo "[bench] ERROR: $*" >&2; exit 1; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

tools() {
  local bin
  bin="$(pg_bin)"
  if ! command -v wrk >/dev/null || [ ! -x "$bin/pgbench" ]; then
    log "installing wrk and pgbench (Debian: wrk, postgresql-contrib)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq wrk postgresql-contrib >&2
    bin="$(pg_bin)"
  fi
  PGBENCH="$bin/pgbench"
  PSQL="$bin/psql"
  command -v jq >/dev/null || die "jq is required"
}

sql() { "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U estatehub -d "$DB" "$@"; }

# psql as the superuser, as the postgres OS user when we are root (scripts/postgres.sh does the same).
sql_admin() {
  local superuser="${BENCH_PG_SUPERUSER:-postgres}"
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    runuser -u postgres -- "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$superuser" -d postgres "$@"
  else
    "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$superuser" -d postgres "$@"
  fi
}

# A fresh machine has the shared server (scripts/postgres.sh) but no bench database: create it, owned by
# estatehub, and the role if that is missing too. A database that exists is left as it is.
ensure_database() {
  case "$DB" in
    *[!A-Za-z0-9_]*|"") die "BENCH_DB must be letters, digits and underscores (got '$DB')" ;;
  esac
  if sql -c 'select 1' >/dev/null 2>&1; then
    return 0
  fi
  case "$PG_HOST" in
    127.0.0.1|localhost|::1) ;;
    *) die "cannot connect to database $DB on $PG_HOST:$PG_PORT as estatehub; create it (owner estatehub) first" ;;
  esac
  log "creating database $DB (owner estatehub) on $PG_HOST:$PG_PORT"
  sql_admin <<SQL
select 'create role estatehub login password ''estatehub'''
 where not exists (select 1 from pg_roles where rolname = 'estatehub') \gexec
select 'create database $DB owner estatehub'
 where not exists (select 1 from pg_database where datname = '$DB') \gexec
SQL
  sql -c 'select 1' >/dev/null || die "database $DB was created but estatehub cannot connect to it"
}

build() {
  if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src pom.xml openapi -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
    log "building the app"
    mvn -B -q package -DskipTests >&2
  fi
}

APP_PID=""
# start_app PROFILE LOGFILE: starts the app on $PORT against the bench database, waits until it serves.
start_app() {
  local profile="$1" logfile="$2"
  if curl -s -o /dev/null "http://localhost:$PORT/q/health/live"; then
    die "port $PORT is already in use"
  fi
  # shellcheck disable=SC2086
  setsid java $JAVA_OPTS $RATE_LIMIT_OPTS -Dquarkus.profile="$profile" -Dquarkus.http.port="$PORT" \
    -Dquarkus.datasource.jdbc.url="$JDBC_URL" -Dquarkus.oidc.auth-server-url="$OIDC_URL" \
    -jar target/quarkus-app/quarkus-run.jar >"$logfile" 2>&1 </dev/null &
  APP_PID=$!
  trap stop_app EXIT
  for _ in $(seq 1 120); do
    if grep -q "started in" "$logfile"; then return 0; fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$logfile" >&2; die "the app exited during start-up"; }
    sleep 0.5
  done
  die "the app did not start in 60 s (log: $logfile)"
}

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

cmd_seed() {
  tools
  ensure_database
  build
  mkdir -p "$WORK"
  log "migrating $DB and loading the demo data (the app with profile demo, once)"
  start_app demo "$WORK/seed-app.log"
  stop_app
  log "loading bench/seed.sql (100,000 assets, 2,000 projects and their funding)"
  local t0=$SECONDS
  sql -f bench/seed.sql >/dev/null
  log "kent seeded in $((SECONDS - t0)) s; $((ASSETS - 100000)) more across England (bench/seed-national.sql)"
  sql -v national="$((ASSETS - 100000))" -f bench/seed-national.sql >/dev/null
  sql -f bench/seed-workspace.sql >/dev/null
  sql -f bench/seed-occupations.sql >/dev/null
  log "seeded in $((SECONDS - t0)) s: $(sql -At -c "select count(*) || ' assets, ' || (select count(*) from project)
    || ' projects, ' || (select count(*) from funding_round) || ' rounds, ' || (select count(*) from bid) || ' bids, '
    || (select count(*) from bid_line) || ' lines, ' || (select count(*) from award) || ' awards, '
    || (select count(*) from claim) || ' claims, ' || (select count(*) from payment) || ' payments, '
    || (select count(*) from mou) || ' MOUs' from asset")"
}

token() {
  curl -sf -d grant_type=password -d client_id=estatehub-cli -d username="$BENCH_USER" -d password=demo \
    "$OIDC_URL/protocol/openid-connect/token" | jq -r .access_token
}

# rss_watch PID OUTFILE: samples the process's RSS (kB) every 0.5 s into OUTFILE until killed.
rss_watch() {
  while kill -0 "$1" 2>/dev/null; do
    awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null >>"$2" || true
    sleep 0.5
  done
}

# CPU time (user + system, in clock ticks) the app's process has used so far.
app_cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }

# wrk_run CONNECTIONS SECONDS PATH ACCEPT -> "rps p50ms p99ms non2xx errors cpu-us-per-request"
# The app's CPU time per request is less disturbed by other work on the machine than req/s is (it counts
# what the app did, not how long it waited for a core).
wrk_run() {
  local c="$1" d="$2" path="$3" accept="$4" out cpu0 cpu1 script=bench/wrk.lua
  if [[ "$path" == *"{workspace}"* ]]; then
    # Bookings: every run starts from an empty bench workspace, so each request books a free desk.
    sql -c "delete from desk_booking where workspace_id = '$(cat "$WORK/workspace_id.txt")'" >/dev/null
    path="${path//\{workspace\}/$(cat "$WORK/workspace_id.txt")}"
    script=bench/wrk-booking.lua
  fi
  cpu0=$(app_cpu_ticks)
  out=$(BENCH_TOKEN="$(token)" BENCH_ACCEPT="$accept" BENCH_IDS="$WORK/asset_ids.txt" BENCH_CENTRES="$WORK/centres.txt" BENCH_TILES="$WORK/tiles.txt" \
    BENCH_DESKS="$WORK/desks.txt" BENCH_THREADS=2 BENCH_DAY0="$(date -u -d 'tomorrow 00:00' +%s)" \
    wrk -t 2 -c "$c" -d "${d}s" --timeout 10s --latency -s "$script" "http://localhost:$PORT$path")
  cpu1=$(app_cpu_ticks)
  echo "$out" >>"$WORK/wrk.log"
  local rps p50 p99 non2xx errors requests cpu
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  cpu=$(awk -v t="$((cpu1 - cpu0))" -v hz="$(getconf CLK_TCK)" -v n="${requests:-0}" \
    'BEGIN { if (n > 0) printf "%.0f", t / hz * 1e6 / n; else print "-" }')
  echo "$rps $(ms "$p50") $(ms "$p99") ${non2xx:-0} ${errors:-0} $cpu"
}

# wrk's latencies come as 812.00us, 12.34ms or 1.20s; all in ms.
ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.1f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.1f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.0f", v * 1000 }
    else print "?" }'
}

# pgbench_run CONNECTIONS SECONDS FILE DEFINES -> "tps p50? avg-latency-ms"
pgbench_run() {
  local c="$1" d="$2" file="$3" defines="$4" args=() out kv
  for kv in $defines; do
    if [[ "$kv" == *=@project_ids ]]; then kv="${kv%%=*}=$(cat "$WORK/project_ids.txt")"; fi
    if [[ "$kv" == *=@workspace_id ]]; then kv="${kv%%=*}=$(cat "$WORK/workspace_id.txt")"; fi
    args+=(-D "$kv")
  done
  out=$("$PGBENCH" -n -M prepared -c "$c" -j 2 -T "$d" -h "$PG_HOST" -p "$PG_PORT" -U estatehub \
    "${args[@]}" -f "bench/sql/$file" "$DB" 2>&1) || { echo "$out" >&2; die "pgbench failed on $file"; }
  echo "$out" >>"$WORK/pgbench.log"
  local tps lat
  tps=$(awk '/^tps/ {printf "%.0f", $3}' <<<"$out")
  lat=$(awk '/^latency average/ {printf "%.1f", $4}' <<<"$out")
  echo "$tps $lat"
}

cmd_run() {
  tools
  build
  local label="${1:-$(date +%F)-$(git rev-parse --short HEAD)}"
  local result="bench/results/$label.md"
  mkdir -p "$WORK" bench/results
  : >"$WORK/wrk.log"
  : >"$WORK/pgbench.log"
  [ "$(sql -At -c "select count(*) >= 100000 from asset where own_reference like 'BENCH-%'")" = t ] \
    || die "$DB has no bench data; run bench/bench.sh seed first"
  sql -At -c "select id from asset where own_reference like 'BENCH-%' and visibility = 'PARTNERSHIP' order by md5(id::text) limit 5000" \
    >"$WORK/asset_ids.txt"
  sql -At -F ' ' -c "select lat, lon from bench_centre order by n" >"$WORK/centres.txt"
  echo "{$(sql -At -c "select string_agg(id::text, ',') from (select id from project where stage = 'DELIVERY' order by name, id limit 50) p")}" \
    >"$WORK/project_ids.txt"
  # Tiles over dense areas: those of 5,000 random bench assets, each at a random zoom of 8-14 (XYZ, as
  # bench/sql/asset_tile.sql picks them), so crowded places come up as often as they hold assets.
  sql -At -c "select z || '/' || floor((longitude + 180) / 360 * 2 ^ z)::int || '/'
      || floor((1 - ln(tan(radians(latitude)) + 1 / cos(radians(latitude))) / pi()) / 2 * 2 ^ z)::int
    from (select latitude, longitude, 8 + floor(random() * 7)::int as z from asset
          where own_reference like 'BENCH-%' and latitude is not null order by random() limit 5000) a" \
    >"$WORK/tiles.txt"
  # The booking bench's workspace (a database seeded before #19 gets it here) and its 200 desks.
  sql -f bench/seed-workspace.sql >/dev/null
  sql -At -c "select md5('bench-workspace')::uuid" >"$WORK/workspace_id.txt"
  sql -At -c "select id from workspace_desk where workspace_id = md5('bench-workspace')::uuid order by label" >"$WORK/desks.txt"

  log "starting the app on $PORT with: $JAVA_OPTS"
  start_app prod "$WORK/app.log"
  local started
  started=$(grep -o 'started in [0-9.]*s' "$WORK/app.log" | head -n 1 | grep -o '[0-9.]*')
  log "started in ${started}s"
  : >"$WORK/rss.txt"
  rss_watch "$APP_PID" "$WORK/rss.txt" &
  local watcher=$!

  {
    echo "# Benchmark $label"
    echo
    echo "$(date -u '+%F %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (uncommitted changes)'),"
    echo "$(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GB RAM, $(java -version 2>&1 | head -n 1)."
    echo "Rate limiter: $RATE_LIMIT (\`$RATE_LIMIT_OPTS\`)."
    echo "App: \`java $JAVA_OPTS\`; token of $BENCH_USER; wrk -t2 --latency ${DURATION}s after ${WARMUP}s warm-up;"
    echo "pgbench -M prepared -j2 -T $DURATION against the same database. wrk, pgbench, the app and PostgreSQL share the cores."
    echo "Load average at the start (other work on the machine included): $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "| endpoint | conns | wrk req/s | p50 ms | p99 ms | non-2xx | app CPU µs/req | pgbench tps | pgbench avg ms | endpoint/pgbench |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  } >"$result"

  local line name path accept file defines c
  for line in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name path accept file defines <<<"$line"
    if [ -n "${BENCH_ONLY:-}" ] && ! [[ "$name" =~ $BENCH_ONLY ]]; then continue; fi
    log "$name: warm-up ${WARMUP}s"
    wrk_run 16 "$WARMUP" "$path" "$accept" >/dev/null
    for c in $CONNECTIONS; do
      local w p rps p50 p99 non2xx errors cpu tps lat ratio
      w=$(wrk_run "$c" "$DURATION" "$path" "$accept")
      read -r rps p50 p99 non2xx errors cpu <<<"$w"
      if [ "$file" != "-" ]; then
        p=$(pgbench_run "$c" "$DURATION" "$file" "$defines")
        read -r tps lat <<<"$p"
        ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN { printf "%.0f%%", 100 * a / b }')
      else
        tps="-"; lat="-"; ratio="-"
      fi
      [ "${errors:-0}" = 0 ] || non2xx="$non2xx (+$errors socket errors)"
      log "$name c=$c: ${rps} req/s p50 ${p50} ms p99 ${p99} ms non-2xx ${non2xx} app CPU ${cpu} us/req; pgbench ${tps} tps (${ratio})"
      echo "| $name | $c | $rps | $p50 | $p99 | $non2xx | $cpu | $tps | $lat | $ratio |" >>"$result"
    done
  done

  kill "$watcher" 2>/dev/null || true
  local rss_max
  rss_max=$(sort -n "$WORK/rss.txt" | tail -n 1)
  {
    echo
    echo "JVM start: started in ${started} s (from the log). RSS of the java process under load: max $((rss_max / 1024)) MB."
    echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  } >>"$result"
  stop_app
  log "results in $result"
  cat "$result"
}

# startup [N]: starts and stops the app N times (default 5), prints each "started in" and the load average.
cmd_startup() {
  tools
  build
  mkdir -p "$WORK"
  local n="${1:-5}" i s
  for i in $(seq 1 "$n"); do
    start_app prod "$WORK/startup.log"
    s=$(grep -o 'started in [0-9.]*s' "$WORK/startup.log" | head -n 1)
    stop_app
    echo "run $i: $s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  done
}

case "${1:-}" in
  database) PSQL="$(pg_bin)/psql"; [ -x "$PSQL" ] || die "psql not found (scripts/postgres.sh installs PostgreSQL)"
    ensure_database; log "database $DB is ready" ;;
  seed) cmd_seed ;;
  startup) shift; cmd_startup "$@" ;;
  run) shift; cmd_run "$@" ;;
  all) shift; cmd_seed; cmd_run "$@" ;;
  import) exec bash "$root/bench/import.sh" ;;
  *) echo "usage: $0 database|seed|run [label]|all [label]|startup [N]|import" >&2; exit 2 ;;
esac
