#!/usr/bin/env bash
# Fault drills for EstateHub, against services of its own (never the shared ones):
#   - a PostgreSQL on FAULTS_PG_PORT (5434, data in /tmp/estatehub-pg-5434) started with scripts/postgres.sh,
#   - a Keycloak on FAULTS_KC_PORT (8185, management 9005) copied to /tmp/kc-bench from an unpacked
#     distribution (FAULTS_KC_DIST, default .run/keycloak-26.4.5 of this checkout or of /work/main),
#   - the app on FAULTS_PORT (8095), profile demo, pointed at both.
#
# 1. PostgreSQL stopped and restarted under load: a writer (POST /assets) and a reader (GET /assets/{id})
#    run throughout; PostgreSQL is stopped for FAULTS_PG_DOWN seconds. Expected: 503 problem+json while it
#    is down, full recovery after, and every asset that was answered 201 readable at the end.
# 2. Keycloak stopped: tokens issued before keep working (the app verifies JWTs with the realm keys it
#    already has); a token with a forged signature is still refused; readiness reports Keycloak DOWN.
#
# Results: bench/results/faults-<date>.md (and the raw request logs in target/faults/).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

PG_PORT="${FAULTS_PG_PORT:-5434}"
PGDATA_DIR="/tmp/estatehub-pg-$PG_PORT/data"
KC_PORT="${FAULTS_KC_PORT:-8185}"
KC_MGMT_PORT="${FAULTS_KC_MGMT_PORT:-9005}"
KC_HOME=/tmp/kc-bench
PORT="${FAULTS_PORT:-8095}"
PG_DOWN="${FAULTS_PG_DOWN:-20}"
KC_DOWN="${FAULTS_KC_DOWN:-60}"
WORK="$root/target/faults"
REALM="http://localhost:$KC_PORT/realms/estatehub"
API="http://localhost:$PORT"
# shellcheck source=../scripts/jvm-options.sh
source "$root/scripts/jvm-options.sh"

log() { echo "[faults $(date +%T)] $*" >&2; }
die() { echo "[faults] ERROR: $*" >&2; exit 1; }

mkdir -p "$WORK" bench/results
APP_PID="" KC_PID="" LOAD_PIDS=()

cleanup() {
  for p in "${LOAD_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  # Keycloak runs in its own process group (setsid); stop that group only.
  [ -n "$KC_PID" ] && kill -- "-$KC_PID" 2>/dev/null || true
  ESTATEHUB_PG_PORT=$PG_PORT ESTATEHUB_PGDATA=$PGDATA_DIR bash scripts/postgres.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

pg() { ESTATEHUB_PG_PORT=$PG_PORT ESTATEHUB_PGDATA=$PGDATA_DIR bash scripts/postgres.sh "$1" >&2; }

start_keycloak() {
  local dist="${FAULTS_KC_DIST:-}"
  if [ -z "$dist" ]; then
    for d in "$root/.run/keycloak-26.4.5" /work/main/.run/keycloak-26.4.5; do
      if [ -x "$d/bin/kc.sh" ]; then dist="$d"; break; fi
    done
  fi
  if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    [ -n "$dist" ] || die "no unpacked Keycloak found; run scripts/keycloak.sh start once or set FAULTS_KC_DIST"
    log "copying Keycloak from $dist to $KC_HOME"
    cp -r "$dist" "$KC_HOME"
  fi
  rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/transaction-logs" "$KC_HOME/data/import"
  mkdir -p "$KC_HOME/data/import"
  cp docker/keycloak/estatehub-realm.json "$KC_HOME/data/import/"
  log "starting Keycloak on $KC_PORT"
  (cd "$KC_HOME" && KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin exec setsid \
    bin/kc.sh start-dev --import-realm --http-port="$KC_PORT" --http-management-port="$KC_MGMT_PORT" \
    --hostname="http://localhost:$KC_PORT" </dev/null >"$WORK/keycloak.log" 2>&1) &
  KC_PID=$!
  for _ in $(seq 1 180); do
    curl -sf -o /dev/null "$REALM/.well-known/openid-configuration" && { log "Keycloak up"; return 0; }
    sleep 1
  done
  die "Keycloak did not start (log: $WORK/keycloak.log)"
}

start_app() {
  [ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests >&2
  log "starting the app on $PORT (profile demo) against PostgreSQL $PG_PORT and Keycloak $KC_PORT"
  # shellcheck disable=SC2086
  ESTATEHUB_DB_URL="jdbc:postgresql://localhost:$PG_PORT/estatehub" ESTATEHUB_OIDC_URL="$REALM" \
    setsid java $ESTATEHUB_JAVA_OPTS -Dquarkus.profile=demo -Dquarkus.http.port="$PORT" \
    -Dquarkus.log.console.json.enabled=false -jar target/quarkus-app/quarkus-run.jar >"$WORK/app.log" 2>&1 </dev/null &
  APP_PID=$!
  for _ in $(seq 1 120); do
    grep -q "started in" "$WORK/app.log" && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$WORK/app.log" >&2; die "the app exited"; }
    sleep 0.5
  done
  die "the app did not start"
}

token() {
  curl -sf -d grant_type=password -d client_id=estatehub-cli -d username="$1" -d password=demo \
    "$REALM/protocol/openid-connect/token" | jq -r .access_token
}

# writer TOKEN OUT: creates assets until killed; each line: epoch-ms status content-type id
writer() {
  local n=0
  while true; do
    n=$((n + 1))
    local body out
    body=$(jq -nc --arg name "Fault drill $n $RANDOM" --arg ref "FD-$$-$n" '{name: $name, assetType: "OFFICE",
      landOnly: false, district: "MAIDSTONE", ownReference: $ref, location: {latitude: 51.27, longitude: 0.52},
      tenure: "FREEHOLD", status: "OPERATIONAL", visibility: "PARTNERSHIP"}')
    out=$(curl -s -m 15 -o "$WORK/w.body" -w '%{http_code} %{content_type}' -H "Authorization: Bearer $1" \
      -H 'Content-Type: application/json' -d "$body" "$API/assets" || echo "000 -")
    local id=""
    [[ "$out" == 201* ]] && id=$(jq -r .id "$WORK/w.body")
    echo "$(date +%s%3N) $out $id" >>"$2"
    sleep 0.05
  done
}

# reader TOKEN OUT: reads the most recently created asset (or the list) until killed
reader() {
  while true; do
    local id out
    id=$(awk '$2 == 201 {id = $4} END {print id}' "$WORK/writes.log" 2>/dev/null)
    out=$(curl -s -m 15 -o /dev/null -w '%{http_code} %{content_type}' -H "Authorization: Bearer $1" \
      "$API/assets${id:+/$id}" || echo "000 -")
    echo "$(date +%s%3N) $out" >>"$2"
    sleep 0.05
  done
}

# summarise FILE FROM TO: "n=.. statuses {..}" for lines whose time is in [FROM, TO)
summarise() {
  awk -v from="$2" -v to="$3" '$1 >= from && $1 < to { n++; k = $2 " " $3; c[k]++ }
    END { printf "%d requests:", n; for (k in c) printf " %s x%d;", k, c[k]; print "" }' "$1"
}

drill_postgres() {
  log "drill 1: PostgreSQL stopped for ${PG_DOWN}s under load"
  : >"$WORK/writes.log"; : >"$WORK/reads.log"; : >"$WORK/ready.log"
  local t
  t=$(token maidstone.editor)
  writer "$t" "$WORK/writes.log" & LOAD_PIDS+=($!)
  reader "$t" "$WORK/reads.log" & LOAD_PIDS+=($!)
  sleep 15
  local stop_at start_at
  stop_at=$(date +%s%3N)
  pg stop
  for _ in $(seq 1 "$PG_DOWN"); do
    echo "$(date +%s%3N) $(curl -s -m 5 -o /dev/null -w '%{http_code}' "$API/q/health/ready")" >>"$WORK/ready.log"
    sleep 1
  done
  start_at=$(date +%s%3N)
  pg start
  sleep 25
  for p in "${LOAD_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  LOAD_PIDS=()
  local end_at
  end_at=$(date +%s%3N)

  # The first successful write after the restart.
  local recovered
  recovered=$(awk -v s="$start_at" '$1 >= s && $2 == 201 {print $1; exit}' "$WORK/writes.log")
  local lost=0 checked=0 id
  for id in $(awk '$2 == 201 {print $4}' "$WORK/writes.log"); do
    checked=$((checked + 1))
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(cached_token)" "$API/assets/$id")
    [ "$code" = 200 ] || { lost=$((lost + 1)); echo "lost: $id ($code)" >>"$WORK/lost.log"; }
  done
  local bad_outage
  bad_outage=$(awk -v a="$stop_at" -v b="$start_at" '$1 >= a && $1 < b && !($2 == 503 && $3 ~ /problem\+json/) && $2 != 201 && $2 != 200' \
    "$WORK/writes.log" "$WORK/reads.log" | wc -l)
  {
    echo "## PostgreSQL stopped for ${PG_DOWN} s under load"
    echo
    echo "- before: writes $(summarise "$WORK/writes.log" 0 "$stop_at")"
    echo "- before: reads $(summarise "$WORK/reads.log" 0 "$stop_at")"
    echo "- while down: writes $(summarise "$WORK/writes.log" "$stop_at" "$start_at")"
    echo "- while down: reads $(summarise "$WORK/reads.log" "$stop_at" "$start_at")"
    echo "- while down: answers other than 503 problem+json (or a success that finished before the stop): $bad_outage"
    echo "- /q/health/ready while down: $(awk '{c[$2]++} END {for (k in c) printf "%s x%d; ", k, c[k]}' "$WORK/ready.log")"
    echo "- after the restart: writes $(summarise "$WORK/writes.log" "$start_at" "$end_at")"
    echo "- after the restart: reads $(summarise "$WORK/reads.log" "$start_at" "$end_at")"
    echo "- first 201 after the restart: $([ -n "$recovered" ] && echo "$(( (recovered - start_at) ))ms after pg_ctl start returned" || echo never)"
    echo "- committed writes (201) checked afterwards: $checked, missing: $lost"
    echo
  } >>"$RESULT"
  [ "$lost" = 0 ] || log "LOST WRITES: see $WORK/lost.log"
}

CACHED=""
cached_token() {
  [ -n "$CACHED" ] || CACHED=$(token pmo.admin)
  echo "$CACHED"
}

drill_keycloak() {
  log "drill 2: Keycloak stopped"
  local t forged before during_me during_list during_forged ready
  t=$(token maidstone.editor)
  # Same header and claims, signature of another token: must never verify.
  local other
  other=$(token dover.editor)
  forged="${t%.*}.${other##*.}"
  before=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $t" "$API/me")
  kill -- "-$KC_PID"
  wait "$KC_PID" 2>/dev/null || true
  KC_PID=""
  for _ in $(seq 1 30); do curl -s -o /dev/null -m 2 "$REALM/.well-known/openid-configuration" || break; sleep 1; done
  log "Keycloak stopped; calling the API for ${KC_DOWN}s with the token issued before"
  : >"$WORK/kc-down.log"
  local end=$((SECONDS + KC_DOWN))
  while (( SECONDS < end )); do
    echo "me $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $t" "$API/me")" >>"$WORK/kc-down.log"
    echo "list $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $t" "$API/assets?limit=5")" >>"$WORK/kc-down.log"
    echo "forged $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $forged" "$API/me")" >>"$WORK/kc-down.log"
    sleep 1
  done
  ready=$(curl -s -o /dev/null -w '%{http_code}' "$API/q/health/ready")
  local new_token
  new_token=$(curl -s -o /dev/null -w '%{http_code}' -d grant_type=password -d client_id=estatehub-cli \
    -d username=maidstone.editor -d password=demo "$REALM/protocol/openid-connect/token" || true)
  {
    echo "## Keycloak stopped for ${KC_DOWN} s"
    echo
    echo "- GET /me with a token issued before the stop: $before before the stop"
    echo "- while stopped (one round a second): $(sort "$WORK/kc-down.log" | uniq -c | awk '{printf "%s %s x%d; ", $2, $3, $1}')"
    echo "- /q/health/ready while stopped: $ready (Keycloak is part of readiness by design)"
    echo "- a new token while stopped: HTTP $new_token (no login possible)"
    echo
  } >>"$RESULT"
}

RESULT="bench/results/faults-$(date +%F).md"
{
  echo "# Fault drills $(date -u '+%F %H:%M UTC')"
  echo
  echo "Commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (uncommitted changes)'); $(nproc) cores; app \`java $ESTATEHUB_JAVA_OPTS\`,"
  echo "PostgreSQL on $PG_PORT and Keycloak on $KC_PORT of the drill's own (bench/faults.sh)."
  echo
} >"$RESULT"

pg start
start_keycloak
start_app
drill_postgres
drill_keycloak
log "results in $RESULT"
cat "$RESULT"
