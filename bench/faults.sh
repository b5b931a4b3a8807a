#!/usr/bin/env bash
# Fault drills for EstateHub, against services of its own (never the shared ones):
#   - a PostgreSQL on FAULTS_PG_PORT (5434, data in /tmp/estatehub-pg-5434) started with scripts/postgres.sh,
#   - a Keycloak on FAULTS_KC_PORT (8185, management 9005) copied to /tmp/kc-bench from an unpacked
#     distribution (FAULTS_KC_DIST, default .run/keycloak-26.4.5 of this checkout or of /work/main),
#   - the app on FAULTS_PORT (8095), profile demo, pointed at both.
# Each port must be free when the drill starts (a service already there would be measured instead); the
# estatehub database of the drill's PostgreSQL is dropped and created afresh on every run.
# The drill realm is the project's realm (docker/keycloak/estatehub-realm.json, left unchanged) with a short
# access-token lifespan: FAULTS_TOKEN_LIFESPAN seconds (60) instead of 900, set in the copy imported.
#
# 1. PostgreSQL stopped and restarted under load: a writer (POST /assets) and a reader (GET /assets/{id})
#    run throughout; PostgreSQL is stopped for FAULTS_PG_DOWN seconds. Expected: 503 problem+json while it
#    is down, full recovery after, and every asset that was answered 201 readable at the end.
#    The load's token is renewed in the background (tokens live only FAULTS_TOKEN_LIFESPAN seconds).
# 2. Keycloak stopped until a token issued just before has expired: that token keeps working while Keycloak
#    is down up to its exp (the app verifies JWTs with the realm keys it already has) and is refused with 401
#    from exp on (plus quarkus.oidc.token.lifespan-grace, if set), for FAULTS_AFTER_EXP seconds (15) past
#    it; a token with a forged signature is refused throughout; readiness reports Keycloak DOWN. Keycloak is
#    then started again on its data (same realm keys): readiness is UP again and a fresh token works.
#
# 3. (bench/faults.sh webhooks, alone) a webhook receiver down for two minutes under write load, with two
#    app instances on one database: bench/webhooks.sh faults (its header says what is measured).
#
# Results: bench/results/faults-<date>.md (and the raw request logs in target/faults/).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ "${1:-}" = webhooks ]; then
  exec bash bench/webhooks.sh faults
fi

PG_PORT="${FAULTS_PG_PORT:-5434}"
PGDATA_DIR="/tmp/estatehub-pg-$PG_PORT/data"
KC_PORT="${FAULTS_KC_PORT:-8185}"
KC_MGMT_PORT="${FAULTS_KC_MGMT_PORT:-9005}"
KC_HOME=/tmp/kc-bench
PORT="${FAULTS_PORT:-8095}"
PG_DOWN="${FAULTS_PG_DOWN:-20}"
TOKEN_LIFESPAN="${FAULTS_TOKEN_LIFESPAN:-60}"
AFTER_EXP="${FAULTS_AFTER_EXP:-15}"
WORK="$root/target/faults"
REALM="http://localhost:$KC_PORT/realms/estatehub"
API="http://localhost:$PORT"
# shellcheck source=../scripts/jvm-options.sh
source "$root/scripts/jvm-options.sh"

log() { echo "[faults $(date +%T)] $*" >&2; }
die() { echo "[faults] ERROR: $*" >&2; exit 1; }

# The app accepts a token until exp + quarkus.oidc.token.lifespan-grace (seconds; none unless configured).
GRACE=$(sed -n -E 's/^(%demo\.)?quarkus\.oidc\.token\.lifespan-grace=([0-9]+).*/\2/p' \
  src/main/resources/application.properties | tail -n 1)
GRACE="${GRACE:-0}"

mkdir -p "$WORK" bench/results
APP_PID="" KC_PID="" LOAD_PIDS=()

cleanup() {
  for p in "${LOAD_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; then wait "$APP_PID" 2>/dev/null || true; fi
  # Keycloak runs in its own process group (setsid); stop that group only.
  if [ -n "$KC_PID" ]; then kill -- "-$KC_PID" 2>/dev/null || true; fi
  ESTATEHUB_PG_PORT=$PG_PORT ESTATEHUB_PGDATA=$PGDATA_DIR bash scripts/postgres.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

pg() { ESTATEHUB_PG_PORT=$PG_PORT ESTATEHUB_PGDATA=$PGDATA_DIR bash scripts/postgres.sh "$1" >&2; }

# A fresh Keycloak: the distribution copied once to KC_HOME, its data wiped and the realm imported with
# accessTokenLifespan = TOKEN_LIFESPAN (the copy only; the project's realm file is not changed).
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
  jq --argjson s "$TOKEN_LIFESPAN" '.accessTokenLifespan = $s' docker/keycloak/estatehub-realm.json \
    >"$KC_HOME/data/import/estatehub-realm.json"
  : >"$WORK/keycloak.log"
  launch_keycloak
}

# Starts the Keycloak in KC_HOME on its current data (the realm is imported only if it is not there yet)
# and waits until the realm answers.
launch_keycloak() {
  log "starting Keycloak on $KC_PORT"
  (cd "$KC_HOME" && KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin exec setsid \
    bin/kc.sh start-dev --import-realm --http-port="$KC_PORT" --http-management-port="$KC_MGMT_PORT" \
    --hostname="http://localhost:$KC_PORT" </dev/null >>"$WORK/keycloak.log" 2>&1) &
  KC_PID=$!
  for _ in $(seq 1 180); do
    curl -sf -o /dev/null "$REALM/.well-known/openid-configuration" && { log "Keycloak up"; return 0; }
    kill -0 "$KC_PID" 2>/dev/null || die "Keycloak exited (log: $WORK/keycloak.log)"
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

# claim TOKEN PART NAME: a claim of a JWT's header (PART 1) or payload (PART 2)
claim() {
  local p
  p=$(cut -d. -f"$2" <<<"$1" | tr '_-' '/+')
  while (( ${#p} % 4 )); do p+="="; done
  base64 -d <<<"$p" 2>/dev/null | jq -r ".$3" 2>/dev/null || true
}

# keep_token USER FILE: keeps a valid token for USER in FILE (renewed every third of its lifespan) until killed
keep_token() {
  while true; do
    local t
    t=$(token "$1" || true)
    if [ -n "$t" ] && [ "$t" != null ]; then echo "$t" >"$2.new" && mv "$2.new" "$2"; fi
    sleep $(( TOKEN_LIFESPAN / 3 > 1 ? TOKEN_LIFESPAN / 3 : 1 ))
  done
}

# writer TOKENFILE OUT: creates assets until killed; each line: epoch-ms status content-type id
writer() {
  local n=0
  while true; do
    n=$((n + 1))
    local body out
    body=$(jq -nc --arg name "Fault drill $n $RANDOM" --arg ref "FD-$$-$n" '{name: $name, assetType: "OFFICE",
      landOnly: false, localAuthority: "E07000110", ownReference: $ref, location: {latitude: 51.27, longitude: 0.52},
      tenure: "FREEHOLD", status: "OPERATIONAL", visibility: "PARTNERSHIP"}')
    out=$(curl -s -m 15 -o "$WORK/w.body" -w '%{http_code} %{content_type}' -H "Authorization: Bearer $(<"$1")" \
      -H 'Content-Type: application/json' -d "$body" "$API/assets" || echo "000 -")
    local id=""
    [[ "$out" == 201* ]] && id=$(jq -r .id "$WORK/w.body")
    echo "$(date +%s%3N) $out $id" >>"$2"
    sleep 0.05
  done
}

# reader TOKENFILE OUT: reads the most recently created asset (or the list) until killed
reader() {
  while true; do
    local id out
    id=$(awk '$2 == 201 {id = $4} END {print id}' "$WORK/writes.log" 2>/dev/null)
    out=$(curl -s -m 15 -o /dev/null -w '%{http_code} %{content_type}' -H "Authorization: Bearer $(<"$1")" \
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
  rm -f "$WORK/editor.token" "$WORK/admin.token" "$WORK/lost.log"
  keep_token maidstone.editor "$WORK/editor.token" & LOAD_PIDS+=($!)
  keep_token pmo.admin "$WORK/admin.token" & LOAD_PIDS+=($!)
  for _ in $(seq 1 20); do [ -s "$WORK/editor.token" ] && [ -s "$WORK/admin.token" ] && break; sleep 0.5; done
  [ -s "$WORK/editor.token" ] || die "no token for maidstone.editor"
  local writer_pid reader_pid
  writer "$WORK/editor.token" "$WORK/writes.log" & writer_pid=$!
  reader "$WORK/editor.token" "$WORK/reads.log" & reader_pid=$!
  LOAD_PIDS+=("$writer_pid" "$reader_pid")
  sleep 15
  local stop_at start_at started_at
  stop_at=$(date +%s%3N)
  pg stop
  for _ in $(seq 1 "$PG_DOWN"); do
    echo "$(date +%s%3N) $(curl -s -m 5 -o /dev/null -w '%{http_code}' "$API/q/health/ready")" >>"$WORK/ready.log"
    sleep 1
  done
  start_at=$(date +%s%3N)
  pg start
  started_at=$(date +%s%3N)
  sleep 25
  # Stop the writer and reader; the token renewals go on until the writes are checked.
  kill "$writer_pid" "$reader_pid" 2>/dev/null || true
  local end_at
  end_at=$(date +%s%3N)

  # The first successful write after the restart.
  local recovered
  recovered=$(awk -v s="$started_at" '$1 >= s && $2 == 201 {print $1; exit}' "$WORK/writes.log")
  local lost=0 checked=0 id
  while read -r id; do
    checked=$((checked + 1))
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(<"$WORK/admin.token")" "$API/assets/$id")
    [ "$code" = 200 ] || { lost=$((lost + 1)); echo "lost: $id ($code)" >>"$WORK/lost.log"; }
  done < <(awk '$2 == 201 {print $4}' "$WORK/writes.log")
  for p in "${LOAD_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  LOAD_PIDS=()
  rm -f "$WORK/editor.token" "$WORK/admin.token"
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
    echo "- scripts/postgres.sh start (pg_ctl start -w and the role/database checks) took $((started_at - start_at)) ms"
    echo "- after the restart (from the start command on): writes $(summarise "$WORK/writes.log" "$start_at" "$end_at")"
    echo "- after the restart (from the start command on): reads $(summarise "$WORK/reads.log" "$start_at" "$end_at")"
    echo "- first 201 after the restart: $([ -n "$recovered" ] && echo "$((recovered - started_at)) ms after the start command returned" || echo never)"
    echo "- committed writes (201) checked afterwards: $checked, missing: $lost"
    echo
  } >>"$RESULT"
  [ "$lost" = 0 ] || log "LOST WRITES: see $WORK/lost.log"
}

# call TOKEN PATH: "status content-type www-authenticate" of GET PATH with TOKEN
call() {
  curl -s -m 5 -o /dev/null -w '%{http_code} %{content_type} %header{www-authenticate}' \
    -H "Authorization: Bearer $1" "$API$2" || true
}

# around FILE LABEL FROM TO: "status xcount ..." of LABEL's lines in FILE (each: start end label status ...,
# start and end in ms relative to exp) that started at or after FROM and were answered before TO
around() {
  awk -v l="$2" -v from="$3" -v to="$4" '$3 == l && $1 >= from && $2 < to { n++; c[$4]++ }
    END { if (!n) { printf "none"; exit } for (k in c) printf "%s x%d ", k, c[k] }' "$1"
}

# spanning FILE LABEL AT: the same for LABEL's calls under way at AT (started before, answered at or after)
spanning() {
  awk -v l="$2" -v at="$3" '$3 == l && $1 < at && $2 >= at { n++; c[$4]++ }
    END { if (!n) { printf "none"; exit } for (k in c) printf "%s x%d ", k, c[k] }' "$1"
}

# secs MS: milliseconds as signed seconds with one decimal ("-0.2 s", "+15.0 s")
secs() { awk -v ms="$1" 'BEGIN { printf "%+.1f s", ms / 1000 }'; }

drill_keycloak() {
  log "drill 2: Keycloak stopped until a token issued before it has expired (lifespan ${TOKEN_LIFESPAN}s)"
  local t other forged exp iat kid before
  t=$(token maidstone.editor || true)
  if [ -z "$t" ] || [ "$t" = null ]; then die "no token for maidstone.editor"; fi
  # Same header and claims, signature of another token: must never verify.
  other=$(token dover.editor || true)
  forged="${t%.*}.${other##*.}"
  exp=$(claim "$t" 2 exp)
  iat=$(claim "$t" 2 iat)
  kid=$(claim "$t" 1 kid)
  # Times are recorded in ms relative to exp; the app should refuse the token from exp + GRACE on.
  local exp_ms=$((exp * 1000)) refuse=$((GRACE * 1000))
  before=$(call "$t" /me)
  kill -- "-$KC_PID"
  wait "$KC_PID" 2>/dev/null || true
  KC_PID=""
  for _ in $(seq 1 30); do curl -s -o /dev/null -m 2 "$REALM/.well-known/openid-configuration" || break; sleep 1; done
  local stopped
  stopped=$(( $(date +%s%3N) - exp_ms ))
  log "Keycloak stopped ($(secs "$stopped") from exp); calling the API with the token until $((GRACE + AFTER_EXP))s after its exp"
  local down="$WORK/kc-down.log" rel
  : >"$down"
  # probe LABEL TOKEN PATH: "start end LABEL status ...", times in ms relative to exp taken just before the
  # call and just after its answer: the app handled it somewhere in between.
  probe() {
    local start answer
    start=$(( $(date +%s%3N) - exp_ms ))
    answer=$(call "$2" "$3")
    echo "$start $(( $(date +%s%3N) - exp_ms )) $1 $answer"
  }
  while rel=$(( $(date +%s%3N) - exp_ms )); (( rel < refuse + AFTER_EXP * 1000 )); do
    {
      probe me "$t" /me
      probe list "$t" '/assets?limit=5'
      probe forged "$forged" /me
      local ready_start=$(( $(date +%s%3N) - exp_ms )) ready
      ready=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$API/q/health/ready")
      echo "$ready_start $(( $(date +%s%3N) - exp_ms )) ready $ready"
    } >>"$down"
    # Rounds back to back in the second around the expected refusal, a few a second near it, else one a second.
    if (( rel > refuse - 1000 && rel < refuse + 1000 )); then sleep 0.05
    elif (( rel > refuse - 3000 && rel < refuse + 3000 )); then sleep 0.2
    else sleep 1; fi
  done
  local expired_body="$WORK/expired.json" expired
  expired=$(curl -s -m 5 -o "$expired_body" -w '%{http_code} %{content_type}; WWW-Authenticate: %header{www-authenticate}' \
    -H "Authorization: Bearer $t" "$API/me")
  local new_token
  new_token=$(curl -s -o /dev/null -w '%{http_code}' -d grant_type=password -d client_id=estatehub-cli \
    -d username=maidstone.editor -d password=demo "$REALM/protocol/openid-connect/token" || true)

  # Recovery: Keycloak again on its data (same realm keys), readiness, a fresh token.
  local restart_at up_at ready_at="" fresh fresh_kid
  restart_at=$(date +%s%3N)
  launch_keycloak
  up_at=$(date +%s%3N)
  for _ in $(seq 1 60); do
    if [ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$API/q/health/ready")" = 200 ]; then
      ready_at=$(date +%s%3N); break
    fi
    sleep 0.5
  done
  fresh=$(token maidstone.editor || true)
  fresh_kid=$(claim "$fresh" 1 kid)

  # Unexpected: a 200 to a call started at or after exp + GRACE, a refusal answered before it, or any
  # status but 200 and 401. A call under way at exp + GRACE may rightly get either.
  local unexpected last_ok first_refused
  unexpected=$(awk -v r="$refuse" '($3 == "me" || $3 == "list") &&
    (($4 == 200 && $1 >= r) || ($4 != 200 && $2 < r) || ($4 != 200 && $4 != 401))' "$down" | wc -l)
  last_ok=$(awk '($3 == "me" || $3 == "list") && $4 == 200 {t = sprintf("started %+d ms, answered %+d ms", $1, $2)} END {print t}' "$down")
  first_refused=$(awk '($3 == "me" || $3 == "list") && $4 != 200 {printf "started %+d ms, answered %+d ms", $1, $2; exit}' "$down")
  {
    echo "## Keycloak stopped until a token issued before had expired (token lifespan ${TOKEN_LIFESPAN} s)"
    echo
    echo "Drill realm: access-token lifespan ${TOKEN_LIFESPAN} s (FAULTS_TOKEN_LIFESPAN; the project's realm has 900 s);"
    echo "quarkus.oidc.token.lifespan-grace: ${GRACE} s (from application.properties; no other clock-skew allowance),"
    echo "so the token should be accepted until exp and refused from exp + ${GRACE} s. Times are relative to the token's exp,"
    echo "taken on the drill's clock just before each call and just after its answer (app, Keycloak and drill share"
    echo "the machine's clock); a call under way at exp may rightly be answered either way."
    echo
    echo "- token: exp - iat = $((exp - iat)) s; GET /me before the stop: ${before%% *}"
    echo "- Keycloak stopped (realm no longer answering) at $(secs "$stopped"); calls until $(secs "$(tail -n 1 "$down" | cut -d' ' -f2)")"
    echo "- GET /me answered before exp: $(around "$down" me -999999999 0)"
    echo "- GET /assets answered before exp: $(around "$down" list -999999999 0)"
    if (( GRACE > 0 )); then
      echo "- GET /me in the grace (exp to exp + ${GRACE} s): $(around "$down" me 0 "$refuse")"
      echo "- GET /assets in the grace: $(around "$down" list 0 "$refuse")"
    fi
    echo "- GET /me and GET /assets under way at exp + ${GRACE} s (either answer is right): me $(spanning "$down" me "$refuse"), assets $(spanning "$down" list "$refuse")"
    echo "- GET /me started from exp + ${GRACE} s on: $(around "$down" me "$refuse" 999999999)"
    echo "- GET /assets started from exp + ${GRACE} s on: $(around "$down" list "$refuse" 999999999)"
    echo "- last call with the token answered 200: ${last_ok:-never}; first refused: ${first_refused:-never}"
    echo "- answers not as expected (200 to a call started after exp + grace, a refusal answered before it, other statuses): $unexpected"
    echo "- the expired token's answer: $expired, \`$(jq -c '{title, detail}' "$expired_body" 2>/dev/null || echo '-')\`"
    echo "- forged signature, throughout: $(around "$down" forged -999999999 999999999)"
    echo "- /q/health/ready while stopped: $(around "$down" ready -999999999 999999999)(Keycloak is part of readiness by design)"
    echo "- a new token while stopped: HTTP $new_token (no login possible)"
    echo "- Keycloak started again on its data: realm answering $(awk -v ms=$((up_at - restart_at)) 'BEGIN { printf "%.1f", ms / 1000 }') s after the start;"
    echo "  /q/health/ready 200 $([ -n "$ready_at" ] && echo "$((ready_at - up_at)) ms after that" || echo "NOT within 30 s")"
    echo "- after the restart: fresh token (signing key $([ "$fresh_kid" = "$kid" ] && echo "unchanged" || echo "CHANGED")):" \
      "GET /me $(call "$fresh" /me | cut -d' ' -f1), GET /assets $(call "$fresh" '/assets?limit=5' | cut -d' ' -f1);" \
      "the expired token $(call "$t" /me | cut -d' ' -f1); the forged one $(call "$forged" /me | cut -d' ' -f1)"
    echo
  } >>"$RESULT"
  [ "$unexpected" = 0 ] || log "UNEXPECTED ANSWERS while Keycloak was down: see $down"
}

# Something already listening on a drill port would be measured (and stopped, its data dropped) instead of
# the drill's own.
for p in "$PG_PORT" "$PORT" "$KC_PORT" "$KC_MGMT_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    die "port $p is in use; choose others with FAULTS_PG_PORT, FAULTS_PORT, FAULTS_KC_PORT, FAULTS_KC_MGMT_PORT"
  fi
done

RESULT="bench/results/faults-$(date +%F).md"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':(exclude)bench/results' || echo ' (uncommitted changes)')"
{
  echo "# Fault drills $(date -u '+%F %H:%M UTC')"
  echo
  echo "Commit $commit; $(nproc) cores; app \`java $ESTATEHUB_JAVA_OPTS\`,"
  echo "PostgreSQL on $PG_PORT and Keycloak on $KC_PORT of the drill's own (bench/faults.sh); load average at the"
  echo "start $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: other work's load lowers the request rates)."
  echo
} >"$RESULT"

pg start
# A fresh database each run: one left by a run of another commit may hold migrations this one lacks.
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c 'drop database if exists estatehub' -c 'create database estatehub owner estatehub'
start_keycloak
start_app
drill_postgres
drill_keycloak
log "results in $RESULT"
cat "$RESULT"
