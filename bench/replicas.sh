#!/usr/bin/env bash
# Two API replicas behind nginx (issue #21, items 1 and 4), with processes of its own only:
#   - a PostgreSQL on REPLICAS_PG_PORT (5435, data in /tmp/estatehub-pg-5435) started with scripts/postgres.sh,
#     its estatehub database dropped and created afresh on every run;
#   - replicas A and B: the packaged jar (target/quarkus-app, `mvn -B -q package -DskipTests`), profile demo
#     (the demo partnership and its users), on REPLICAS_A_PORT / REPLICAS_B_PORT (8491 / 8492);
#   - nginx (Debian's nginx-light) on REPLICAS_LB_PORT (8490), run as our own process with its own config,
#     pid and temp paths under target/replicas (never the system service), round robin over the replicas;
#   - the shared Keycloak on 8180, read only (tokens of the demo users), or REPLICAS_OIDC_URL.
# The load (bench/replicas-load.mjs, Node) runs throughout: searches, asset updates with If-Match, claims
# with an Idempotency-Key retried against the other replica, approvals followed at once by funding summary
# reads on both replicas, two change-feed readers. The drill:
#   1. steady load (REPLICAS_STEADY s, 20);
#   2. replica B killed with SIGKILL, left down REPLICAS_DOWN s (10), started again: the readiness loop below
#      puts it back into rotation only once /q/health/ready answers 200;
#   3. replica A stopped with SIGTERM (graceful: readiness DOWN first, quarkus.shutdown.delay, then in-flight
#      requests finish within quarkus.shutdown.timeout) and started again;
#   4. the load stops and checks every acknowledged write (bench/replicas-load.mjs says how).
# Results: bench/results/replicas-<date>.md; raw logs in target/replicas/.
#
# Why readiness is polled by a loop here: nginx open source has only passive health checks (a server is
# marked failed after max_fails errors for fail_timeout, then tried again blindly). A replica that is
# starting refuses connections until Quarkus is up, which passive checks handle, but one that is up and
# not ready (PostgreSQL or Keycloak unreachable, or shutting down: readiness DOWN during
# quarkus.shutdown.delay) would still get traffic. So a loop polls each replica's /q/health/ready every
# REPLICAS_CHECK_EVERY s (0.5) and rewrites the upstream list to the ready ones and reloads nginx when the
# set changes (a reload lets requests in flight finish on the old workers). Passive checks stay on for
# what happens between two polls (a replica killed outright).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

PG_PORT="${REPLICAS_PG_PORT:-5435}"
PGDATA_DIR="/tmp/estatehub-pg-$PG_PORT/data"
LB_PORT="${REPLICAS_LB_PORT:-8490}"
A_PORT="${REPLICAS_A_PORT:-8491}"
B_PORT="${REPLICAS_B_PORT:-8492}"
REALM="${REPLICAS_OIDC_URL:-http://localhost:8180/realms/estatehub}"
STEADY="${REPLICAS_STEADY:-20}"
DOWN="${REPLICAS_DOWN:-10}"
CHECK_EVERY="${REPLICAS_CHECK_EVERY:-0.5}"
WORK="$root/target/replicas"
NGINX_TMP="/tmp/estatehub-nginx-$LB_PORT"
# shellcheck source=../scripts/jvm-options.sh
source "$root/scripts/jvm-options.sh"

log() { echo "[replicas $(date +%T)] $*" >&2; }
die() { echo "[replicas] ERROR: $*" >&2; exit 1; }
now() { date +%s%3N; }

command -v nginx >/dev/null || die "nginx is not installed (apt-get install -y nginx-light)"
command -v node >/dev/null || die "node is not installed"
for p in "$PG_PORT" "$LB_PORT" "$A_PORT" "$B_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    die "port $p is in use; choose others with REPLICAS_PG_PORT, REPLICAS_LB_PORT, REPLICAS_A_PORT, REPLICAS_B_PORT"
  fi
done
curl -sf -o /dev/null "$REALM/.well-known/openid-configuration" || die "Keycloak realm $REALM does not answer"
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests >&2

rm -rf "$WORK" "$NGINX_TMP"
mkdir -p "$WORK" bench/results "$NGINX_TMP"
declare -A APP_PID=()
CHECK_PID="" LOAD_PID="" NGINX_STARTED=""

cleanup() {
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null || true
  [ -n "$CHECK_PID" ] && kill "$CHECK_PID" 2>/dev/null || true
  for r in "${!APP_PID[@]}"; do kill -9 "${APP_PID[$r]}" 2>/dev/null && wait "${APP_PID[$r]}" 2>/dev/null || true; done
  if [ -n "$NGINX_STARTED" ] && [ -s "$WORK/nginx.pid" ]; then kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; fi
  ESTATEHUB_PG_PORT=$PG_PORT ESTATEHUB_PGDATA=$PGDATA_DIR bash scripts/postgres.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

port_of() { if [ "$1" = A ]; then echo "$A_PORT"; else echo "$B_PORT"; fi; }

# start_app A|B: starts the replica in the background; its log is $WORK/app-<r>.log (appended to on restarts).
start_app() {
  local r=$1 port
  port=$(port_of "$r")
  echo "=== start $(now)" >>"$WORK/app-$r.log"
  # The rate limit is per replica and per caller (README "Limits"); the drill's load is a few callers
  # sending as fast as they can, so it is off here: the drill measures failover, not the limiter.
  # Only A's first start loads the demo data (DEMO=true): the demo loader's history pass, run at every start,
  # records a creation for records without events, and a claim committed while it runs can get a second
  # SUBMITTED event (found by this drill, see bench/README.md); production never runs the demo loader.
  # shellcheck disable=SC2086
  ESTATEHUB_DB_URL="jdbc:postgresql://localhost:$PG_PORT/estatehub" ESTATEHUB_OIDC_URL="$REALM" \
    ESTATEHUB_RATE_LIMIT_ENABLED=false \
    setsid java $ESTATEHUB_JAVA_OPTS -Dquarkus.profile=demo -D%demo.estatehub.demo-data="${DEMO:-false}" -Dquarkus.http.port="$port" \
    -Dquarkus.log.console.json.enabled=false -jar target/quarkus-app/quarkus-run.jar >>"$WORK/app-$r.log" 2>&1 </dev/null &
  APP_PID[$r]=$!
}

ready() { [ "$(curl -s -m 1 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(port_of "$1")/q/health/ready")" = 200 ]; }

wait_ready() {
  for _ in $(seq 1 240); do
    ready "$1" && return 0
    kill -0 "${APP_PID[$1]}" 2>/dev/null || { tail -n 30 "$WORK/app-$1.log" >&2; die "replica $1 exited"; }
    sleep 0.5
  done
  die "replica $1 not ready after 120 s"
}

# The upstream list: the given replicas, or both when none is ready (nginx needs one server; clients then
# get 502 until one is back, which is the truth).
write_upstream() {
  local servers="$*"
  [ -n "$servers" ] || servers="A B"
  {
    echo "upstream estatehub {"
    for r in $servers; do echo "  server 127.0.0.1:$(port_of "$r") max_fails=1 fail_timeout=2s;"; done
    echo "}"
  } >"$WORK/upstream.conf.new"
  mv "$WORK/upstream.conf.new" "$WORK/upstream.conf"
}

nginx_conf() {
  cat >"$WORK/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  log_format lb '\$msec \$request_method \$status \$upstream_addr \$upstream_status \$request_time "\$request_uri"';
  access_log $WORK/nginx-access.log lb;
  client_body_temp_path $NGINX_TMP/body;
  proxy_temp_path $NGINX_TMP/proxy;
  fastcgi_temp_path $NGINX_TMP/fastcgi;
  uwsgi_temp_path $NGINX_TMP/uwsgi;
  scgi_temp_path $NGINX_TMP/scgi;
  include $WORK/upstream.conf;
  server {
    listen 127.0.0.1:$LB_PORT;
    location / {
      proxy_pass http://estatehub;
      proxy_http_version 1.1;
      # No keep-alive to the replicas: a replica closing an idle pooled connection as it shuts down
      # races with nginx sending a request on it, and a POST that was sent is never retried (below).
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$host;
      proxy_set_header X-Forwarded-Port \$server_port;
      # Passive health checks: a connection refused, a timeout, or a 502/503/504 from a replica
      # sends the request to the other one -- but only for idempotent methods (GET, HEAD, PUT, DELETE...):
      # nginx never passes a POST on once it was sent (no "non_idempotent" here), because the first
      # replica may have applied it before failing (a claim would be made twice). A POST that never
      # reached a replica (connection refused) is still passed on: nothing was sent. Clients retry
      # their POSTs themselves with the same Idempotency-Key, which makes the retry safe.
      # PUT is idempotent by method and the API's PUTs carry If-Match, so a repeat is refused (412), never applied twice.
      proxy_next_upstream error timeout http_502 http_503 http_504;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 1s;
      proxy_read_timeout 60s;
      client_max_body_size 65m;
    }
  }
}
EOF
}

# The readiness loop: every CHECK_EVERY s, the ready replicas become the upstream list (nginx reloaded on a
# change). Each change is logged to $WORK/rotation.log as "epoch-ms servers...".
check_loop() {
  local last="-"
  while true; do
    local set=""
    for r in A B; do ready "$r" && set="$set $r"; done
    set="${set# }"
    if [ "$set" != "$last" ]; then
      write_upstream "$set"
      nginx -p "$WORK" -c "$WORK/nginx.conf" -s reload 2>>"$WORK/nginx-error.log" || true
      echo "$(now) ${set:-none}" >>"$WORK/rotation.log"
      last="$set"
    fi
    sleep "$CHECK_EVERY"
  done
}

pg() { ESTATEHUB_PG_PORT=$PG_PORT ESTATEHUB_PGDATA=$PGDATA_DIR bash scripts/postgres.sh "$1" >&2; }
psql_drill() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d estatehub -At -v ON_ERROR_STOP=1 "$@"; }

RESULT="bench/results/replicas-$(date +%F).md"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':(exclude)bench/results' || echo ' (uncommitted changes)')"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"

pg start
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c 'drop database if exists estatehub' -c 'create database estatehub owner estatehub'
log "starting replica A on $A_PORT (migrates the fresh database), then B on $B_PORT"
DEMO=true start_app A
wait_ready A
start_app B
wait_ready B

# The demo's OPE award to Kent County Council (signed MOU, money left): the claimer's award, and its round.
AWARD=$(psql_drill -c "select a.id from award a where a.programme = 'OPE' and a.recipient_partner_id = 'kcc'
  and exists (select 1 from bid_line l where l.id = a.bid_line_id and 'Option studies' = any (l.activities))
  order by a.amount_awarded - a.released desc limit 1")
ROUND=$(psql_drill -c "select b.round_id from award a join bid_line l on l.id = a.bid_line_id join bid b on b.id = l.bid_id where a.id = '$AWARD'")
[ -n "$AWARD" ] && [ -n "$ROUND" ] || die "no OPE award to kcc in the demo data"

write_upstream A B
nginx_conf
nginx -p "$WORK" -c "$WORK/nginx.conf" -t 2>>"$WORK/nginx-error.log" || die "nginx config invalid: $WORK/nginx-error.log"
nginx -p "$WORK" -c "$WORK/nginx.conf"
NGINX_STARTED=1
check_loop & CHECK_PID=$!

RUN="$(date +%H%M%S)$RANDOM"
log "load starting (run $RUN)"
BASE="http://127.0.0.1:$LB_PORT" REPLICA_A="http://127.0.0.1:$A_PORT" REPLICA_B="http://127.0.0.1:$B_PORT" \
  REALM="$REALM" AWARD="$AWARD" ROUND="$ROUND" RUN="$RUN" STOP_FILE="$WORK/stop" OUT="$WORK/load.json" \
  LOG="$WORK/requests.log" node bench/replicas-load.mjs >"$WORK/load.out" 2>&1 &
LOAD_PID=$!
for _ in $(seq 1 120); do [ -f "$WORK/load.json.started" ] && break; kill -0 "$LOAD_PID" 2>/dev/null || break; sleep 0.5; done
[ -f "$WORK/load.json.started" ] || { cat "$WORK/load.out" "$WORK/load.json" 2>/dev/null >&2; die "the load did not start"; }
T_LOAD=$(cat "$WORK/load.json.started")
sleep "$STEADY"

# first_in_rotation R AFTER: when the loop first listed R after AFTER (epoch ms)
first_in_rotation() { awk -v r="$1" -v t="$2" '$1 >= t { for (i = 2; i <= NF; i++) if ($i == r) { print $1; exit } }' "$WORK/rotation.log"; }
first_out_of_rotation() { awk -v r="$1" -v t="$2" '$1 >= t { found = 0; for (i = 2; i <= NF; i++) if ($i == r) found = 1; if (!found) { print $1; exit } }' "$WORK/rotation.log"; }
# first_lb_request_to PORT AFTER: the first request nginx sent to that replica at or after AFTER (epoch ms)
first_lb_request_to() { awk -v p="127.0.0.1:$1" -v t="$2" '{ ms = $1 * 1000 } ms >= t && index($4, p) { printf "%.0f\n", ms; exit }' "$WORK/nginx-access.log"; }

log "SIGKILL replica B"
T_KILL=$(now)
kill -9 "${APP_PID[B]}"
wait "${APP_PID[B]}" 2>/dev/null || true
sleep "$DOWN"
log "starting replica B again"
T_B_START=$(now)
start_app B
# When Quarkus says it started, and when readiness first answers 200 (polled here independently of the loop).
T_B_READY=""
for _ in $(seq 1 480); do
  if ready B; then T_B_READY=$(now); break; fi
  sleep 0.25
done
[ -n "$T_B_READY" ] || die "replica B not ready again"
sleep 15
T_B_IN=$(first_in_rotation B "$T_B_START")
T_B_FIRST=$(first_lb_request_to "$B_PORT" "$T_B_START")
# Requests nginx sent to B after the restart and before the loop put it back (should be none: B is out of
# the list from the kill until it is ready).
B_EARLY=$(awk -v p="127.0.0.1:$B_PORT" -v a="$T_B_START" -v b="${T_B_IN:-0}" '{ ms = $1 * 1000 } ms >= a && ms < b && index($4, p)' "$WORK/nginx-access.log" | wc -l)
B_STARTED_LINE=$(awk '/^=== start/ {n++} n == 2 && /started in/ {print; exit}' "$WORK/app-B.log" | sed -E 's/.*(started in [0-9.]+s).*/\1/')

log "SIGTERM replica A (graceful)"
# Requests directly to A under way at the SIGTERM: each must be answered in full (200), not cut off.
ADMIN_TOKEN=$(curl -s -d grant_type=password -d client_id=estatehub-cli -d username=pmo.admin -d password=demo \
  "$REALM/protocol/openid-connect/token" | jq -r .access_token)
INFLIGHT_PIDS=()
for _ in 1 2 3; do
  ( echo "$(now) $(curl -s -m 60 -o /dev/null -w '%{http_code} %{size_download} %{time_total}' \
      -H "Authorization: Bearer $ADMIN_TOKEN" "http://127.0.0.1:$A_PORT/assets/export")" >>"$WORK/inflight.log" ) &
  INFLIGHT_PIDS+=($!)
done
sleep 0.1
T_TERM=$(now)
kill -TERM "${APP_PID[A]}"
# Readiness as seen directly, every 0.2 s, until the process is gone.
: >"$WORK/term-ready.log"
while kill -0 "${APP_PID[A]}" 2>/dev/null; do
  echo "$(now) $(curl -s -m 1 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$A_PORT/q/health/ready")" >>"$WORK/term-ready.log"
  sleep 0.2
done
T_A_EXIT=$(now)
wait "${APP_PID[A]}" 2>/dev/null || true
wait "${INFLIGHT_PIDS[@]}" 2>/dev/null || true
T_A_OUT=$(first_out_of_rotation A "$T_TERM")
T_A_DOWN=$(awk '$2 != 200 {print $1; exit}' "$WORK/term-ready.log")
T_A_LAST_LB=$(awk -v p="127.0.0.1:$A_PORT" -v t="$T_TERM" '{ ms = $1 * 1000 } ms >= t && index($4, p) { last = ms } END { printf "%.0f\n", last }' "$WORK/nginx-access.log")
log "starting replica A again"
T_A_START=$(now)
start_app A
for _ in $(seq 1 480); do ready A && break; sleep 0.25; done
sleep 10
T_END=$(now)
touch "$WORK/stop"
wait "$LOAD_PID" || true
LOAD_PID=""
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"
# The same checks from the database's side: the run's claims and their audit events, by action.
SQL_CLAIMS=$(psql_drill -c "select count(*) || ' claims, ' || count(*) filter (where status = 'APPROVED') || ' approved'
  from claim where invoice_reference like 'RD-$RUN-%'")
SQL_CLAIM_EVENTS=$(psql_drill -c "select coalesce(string_agg(action || ' x' || n, ', ' order by action), 'none') from (
  select e.action, count(*) n from audit_event e join claim c on c.id::text = e.entity_id
   where e.entity_type = 'CLAIM' and c.invoice_reference like 'RD-$RUN-%' group by e.action) x")
SQL_CLAIM_DUPS=$(psql_drill -c "select count(*) || coalesce(' (second events by ' || string_agg(distinct actors, ', ') || ')', '') from (
  select e.entity_id, e.action, string_agg(distinct e.actor_username, '+') actors from audit_event e join claim c on c.id::text = e.entity_id
   where e.entity_type = 'CLAIM' and c.invoice_reference like 'RD-$RUN-%' group by 1, 2 having count(*) > 1) x")

# Each load request belongs to the phase in which its answer came (start + duration): a request under way
# at the kill counts as the kill's.
# window FROM TO [KIND-REGEX]: "n requests: status xcount ..." of load requests through the balancer answered in [FROM, TO)
window() {
  awk -v a="$1" -v b="$2" -v k="${3:-.}" '$1 + $2 >= a && $1 + $2 < b && $4 == "lb" && $3 ~ k { n++; c[$5]++ }
    END { printf "%d requests:", n; for (s in c) printf " %s x%d", (s == 0 ? "no-answer" : s), c[s]; if (!n) printf " none" }' "$WORK/requests.log"
}
# failures FROM TO: answers through the balancer that are not what the API gives a healthy caller
failures() {
  awk -v a="$1" -v b="$2" '$1 + $2 >= a && $1 + $2 < b && $4 == "lb" && ($5 == 0 || $5 >= 500) { n++ } END { print n + 0 }' "$WORK/requests.log"
}
# still_failing FROM TO: GETs whose one client retry (through the balancer) also got no usable answer
still_failing() { awk -v a="$1" -v b="$2" '$1 + $2 >= a && $1 + $2 < b && $3 ~ /-retry$/ && $4 == "lb" && ($5 == 0 || $5 >= 500) { n++ } END { print n + 0 }' "$WORK/requests.log"; }
retries() { awk -v a="$1" -v b="$2" '$1 + $2 >= a && $1 + $2 < b && $3 ~ /-retry$/ { n++ } END { print n + 0 }' "$WORK/requests.log"; }
nginx_retried() { awk -v a="$1" -v b="$2" '{ ms = $1 * 1000 } ms >= a && ms < b && $4 ~ /,/ { n++ } END { print n + 0 }' "$WORK/nginx-access.log"; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1f s", ms / 1000 }'; }

J="$WORK/load.json"
jq -e '.error' "$J" >/dev/null 2>&1 && { cat "$J" >&2; die "the load failed"; }
T_B_BACK=${T_B_IN:-$T_TERM}
T_A_BACK=$(first_in_rotation A "$T_A_START"); T_A_BACK=${T_A_BACK:-$T_END}
{
  echo "# Two replicas behind nginx $(date -u '+%F %H:%M UTC')"
  echo
  echo "Commit $commit; $(nproc) cores; replicas \`java $ESTATEHUB_JAVA_OPTS\`, profile demo, rate limit off;"
  echo "nginx $(nginx -v 2>&1 | sed 's/.*\///'), PostgreSQL on $PG_PORT of the drill's own, the shared Keycloak read only."
  echo "Load average at the start $LOAD_START, at the end $LOAD_END (the machine is shared: other work's load lowers the rates)."
  echo "Load: 2 searchers, 1 updater (If-Match), 1 claimer + approver (Idempotency-Key), 2 change-feed readers (bench/replicas-load.mjs)."
  echo
  echo "## Phases (load requests through the balancer, by the time of their answer)"
  echo
  echo "- steady, $(secs $((T_KILL - T_LOAD))): $(window "$T_LOAD" "$T_KILL")"
  echo "- B killed (SIGKILL) until B back in rotation, $(secs $((T_B_BACK - T_KILL))): $(window "$T_KILL" "$T_B_BACK")"
  echo "  - 5xx or no answer through the balancer: $(failures "$T_KILL" "$T_B_BACK"); requests nginx passed to the other replica: $(nginx_retried "$T_KILL" "$T_B_BACK");" \
    "client retries (GETs once through the balancer; POST claims and PUT updates against the other replica): $(retries "$T_KILL" "$T_B_BACK"), GETs failing again: $(still_failing "$T_KILL" "$T_B_BACK")"
  echo "- both serving again until A's SIGTERM, $(secs $((T_TERM - T_B_BACK))): $(window "$T_B_BACK" "$T_TERM")"
  echo "- A stopped with SIGTERM until A back in rotation, $(secs $((T_A_BACK - T_TERM))): $(window "$T_TERM" "$T_A_BACK")"
  echo "  - 5xx or no answer through the balancer: $(failures "$T_TERM" "$T_A_BACK"); requests nginx passed to the other replica: $(nginx_retried "$T_TERM" "$T_A_BACK");" \
    "client retries: $(retries "$T_TERM" "$T_A_BACK"), GETs failing again: $(still_failing "$T_TERM" "$T_A_BACK")"
  echo "- both serving until the end, $(secs $((T_END - T_A_BACK))): $(window "$T_A_BACK" "$T_END")"
  echo "- whole run: 5xx or no answer through the balancer $(failures 0 "$T_END") (each phase's are listed in its line), client retries $(retries 0 "$T_END"), GETs failing again $(still_failing 0 "$T_END")"
  echo
  echo "## Readiness keeps a starting replica out of rotation"
  echo
  echo "- B started again at +0 ms: Quarkus ${B_STARTED_LINE:-?}; /q/health/ready 200 at +$((T_B_READY - T_B_START)) ms;"
  echo "  the loop put B back at +$(( ${T_B_IN:-0} - T_B_START )) ms; nginx's first request to B at +$(( ${T_B_FIRST:-0} - T_B_START )) ms"
  echo "- requests nginx sent to B between its restart and its return to rotation: $B_EARLY"
  echo
  echo "## Graceful shutdown (SIGTERM to A; quarkus.shutdown.delay / timeout of the demo profile)"
  echo
  echo "- A's readiness DOWN (first non-200, polled every 0.2 s) at +$(( ${T_A_DOWN:-0} - T_TERM )) ms; out of rotation at +$(( ${T_A_OUT:-0} - T_TERM )) ms;"
  echo "  nginx's last request to A at +$(( T_A_LAST_LB > 0 ? T_A_LAST_LB - T_TERM : 0 )) ms; the process exited at +$((T_A_EXIT - T_TERM)) ms"
  echo "- readiness answers while stopping: $(awk '{c[$2]++} END {for (k in c) printf "%s x%d; ", (k == "000" ? "refused" : k), c[k]}' "$WORK/term-ready.log")"
  echo "- requests sent directly to A just before the SIGTERM (GET /assets/export, status bytes seconds): $(cut -d' ' -f2- "$WORK/inflight.log" 2>/dev/null | paste -sd ';' -)"
  echo
  echo "## Writes, summaries and the feed (checked after the load)"
  echo
  echo "- asset updates (If-Match): acknowledged $(jq '[.assets[].acknowledged] | add' "$J"), found applied after a lost answer $(jq '[.assets[].foundAppliedAfterLostAnswer] | add' "$J"),"
  echo "  lost answers not applied $(jq '[.assets[].lostAnswerNotApplied] | add' "$J"); assets whose current name is the last acknowledged one: $(jq '[.assets[] | select(.lastAcknowledgedIsCurrent)] | length' "$J")/$(jq '.assets | length' "$J");"
  echo "  history events = 1 + acknowledged updates (none lost, none twice): $(jq '[.assets[] | select(.historyEvents == .expectedHistoryEvents)] | length' "$J")/$(jq '.assets | length' "$J");" \
    "updates in the feed = acknowledged: $(jq '[.assets[] | select(.updatesInFeed == .acknowledged)] | length' "$J")/$(jq '.assets | length' "$J")"
  echo "- claims (Idempotency-Key): $(jq -c '.claims | {sent, acknowledged, failedAfterRetries, retriedOnTheOtherReplica, answeredAsReplay, inRegister, acknowledgedMissing, presentTwice, unacknowledgedButPresent}' "$J")"
  echo "- approvals (If-Match): $(jq -c '.claims | {approvedAcknowledged, approvalFoundOnReRead, approvedInRegister, approvalsRefused, claimEventsInFeed}' "$J")"
  echo "- in SQL: $SQL_CLAIMS; their audit events $SQL_CLAIM_EVENTS; claims with an action recorded twice: $SQL_CLAIM_DUPS"
  echo "- funding summary right after each acknowledged approval, read on each replica that was up: $(jq '.summary.checksRightAfterApproval' "$J") reads, stale: $(jq '.summary.stale | length' "$J");"
  echo "  the round's released money: before $(jq -r '.summary.releasedBefore' "$J") p, expected after $(jq -r '.summary.expectedAfter' "$J") p, A $(jq -r '.summary.releasedAfterA' "$J") p, B $(jq -r '.summary.releasedAfterB' "$J") p"
  echo "- change feed: $(jq -r '.feed.referenceEvents' "$J") events since the start cursor (one pass after the load); readers: $(jq -c '.feed.readers' "$J")"
  echo
} >"$RESULT"
log "results in $RESULT"
cat "$RESULT"
