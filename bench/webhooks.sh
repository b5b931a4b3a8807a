#!/usr/bin/env bash
# Webhook benchmark and fault drill (issue #20), against the packaged app (target/quarkus-app) started here
# on its own database; PostgreSQL and Keycloak are the ones already running (Keycloak read-only: tokens).
#   bench/webhooks.sh latency   50 writes a second for WEBHOOKS_SECONDS (60): p99 from commit to receipt
#   bench/webhooks.sh faults    WEBHOOKS_INSTANCES (2) instances on one database, writes at WEBHOOKS_RATE (20)
#                               a second for WEBHOOKS_SECONDS (180); the receiver is down for
#                               WEBHOOKS_DOWN_FOR (120) seconds from WEBHOOKS_DOWN_AT (30): written vs
#                               delivered, duplicates, time to catch up after the receiver is back.
# The first instance listens on WEBHOOKS_PORT (8480), the next on the following ports; the receiver on
# WEBHOOKS_RECEIVER_PORT (8489). Database WEBHOOKS_DB (estatehub_test_h20_bench), dropped and created afresh.
# The app: WEBHOOKS_APP (target/quarkus-app, packaged if missing).
# Results: one JSON line appended to bench/results/webhooks-<mode>.jsonl, app logs in target/webhooks/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mode="${1:-latency}"
PORT="${WEBHOOKS_PORT:-8480}"
RECEIVER_PORT="${WEBHOOKS_RECEIVER_PORT:-8489}"
DB="${WEBHOOKS_DB:-estatehub_test_h20_bench}"
PG_PORT="${ESTATEHUB_PG_PORT:-5433}"
REALM="${ESTATEHUB_OIDC_URL:-http://localhost:8180/realms/estatehub}"
if [ "$mode" = faults ]; then
  INSTANCES="${WEBHOOKS_INSTANCES:-2}"; RATE="${WEBHOOKS_RATE:-20}"; SECONDS_="${WEBHOOKS_SECONDS:-180}"
else
  INSTANCES="${WEBHOOKS_INSTANCES:-1}"; RATE="${WEBHOOKS_RATE:-50}"; SECONDS_="${WEBHOOKS_SECONDS:-60}"
fi
WORK="$root/target/webhooks"
mkdir -p "$WORK" bench/results
# shellcheck source=../scripts/jvm-options.sh
source "$root/scripts/jvm-options.sh"
APP="${WEBHOOKS_APP:-target/quarkus-app}"
[ -f "$APP/quarkus-run.jar" ] || mvn -B -q package -DskipTests

psql_admin() { runuser -u postgres -- psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
psql_admin -c "drop database if exists $DB" -c "create database $DB owner estatehub"
psql_admin -d "$DB" -c "create extension if not exists postgis"

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
for i in $(seq 0 $((INSTANCES - 1))); do
  port=$((PORT + i))
  # shellcheck disable=SC2086
  java $ESTATEHUB_JAVA_OPTS -Dquarkus.http.port="$port" -Dquarkus.profile=demo \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:$PG_PORT/$DB" \
    -Destatehub.webhooks.allow-http-localhost=true -Destatehub.webhooks.allowed-networks=127.0.0.0/8,::1/128 \
    -Destatehub.webhooks.retry-max-delay="${WEBHOOKS_RETRY_MAX_DELAY:-30s}" \
    -Destatehub.rate-limit.enabled=false \
    -jar "$APP/quarkus-run.jar" </dev/null >"$WORK/app-$port.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 180); do
    curl -sf -o /dev/null --max-time 3 "http://localhost:$port/q/health/ready" && break
    kill -0 "${PIDS[-1]}" 2>/dev/null || { tail -n 30 "$WORK/app-$port.log" >&2; exit 1; }
    sleep 1
  done
done
echo "[webhooks] $INSTANCES instance(s) from port $PORT, mode $mode, $RATE writes/s for $SECONDS_ s" >&2
started="$(date -u +%FT%TZ)"
result="$(python3 bench/webhook_load.py --api "http://localhost:$PORT" --realm "$REALM" --mode "$mode" \
  --rate "$RATE" --seconds "$SECONDS_" --receiver-port "$RECEIVER_PORT" \
  --down-at "${WEBHOOKS_DOWN_AT:-30}" --down-for "${WEBHOOKS_DOWN_FOR:-120}")"
attempts="$(psql_admin -d "$DB" -At -c "select coalesce(string_agg(instance || '=' || n, ' '), '') from (select instance, count(*) n from webhook_attempt group by instance) x")"
twice="$(psql_admin -d "$DB" -At -c "select count(*) from (select delivery_id, attempt from webhook_attempt group by 1, 2 having count(*) > 1) x")"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
line="{\"started\":\"$started\",\"instances\":$INSTANCES,\"loadavg\":\"$load\",\"attempts_by_instance\":\"$attempts\",\"attempts_made_twice\":$twice,${result#\{}"
echo "$line" | tee -a "bench/results/webhooks-$mode.jsonl"
