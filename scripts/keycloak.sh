#!/usr/bin/env bash
# Local Keycloak for EstateHub dev/test, without Docker.
#
# Runs the plain Keycloak distribution (org.keycloak:keycloak-quarkus-dist from
# Maven Central) in start-dev mode and imports the demo realm afresh on every start (the H2 dev database
# is wiped first). The demo realm is the production realm docker/keycloak/estatehub-realm.json with the
# demo overlay docker/keycloak/estatehub-demo-overlay.json laid over it (demo users with password `demo`,
# the demo partners' organizations and their members, the test and demo clients with their fixed secrets):
# only this script applies the overlay, so only scripts/run.sh and the tests ever see demo users. The
# overlay's clients, users, organizations, identity providers and client scopes replace the realm file's
# ones of the same id (clientId, username, alias, name) and add the others; its other keys override.
# A second realm, swale-council (docker/keycloak/council-idp-realm.json), plays a council's own identity
# provider: the overlay's identity provider `swale` brokers it for the swale organization (README
# "Partners sign in with their own identity provider").
#
# Usage: scripts/keycloak.sh start|stop|restart|status|logs|sync-clients|demo-realm
# (demo-realm only writes the merged demo realm, .run/estatehub-demo-realm.json, e.g. for docker compose)
#
# A Keycloak that is already running (started earlier, or shared) is not restarted: `start` then only adds
# the realm file's clients that the running realm lacks (sync-clients, through the admin REST API), so a
# client added to the realm file reaches it without wiping its sessions. Existing clients are left as they are.
#
# Environment:
#   KEYCLOAK_PORT      HTTP port (default 8180)
#   KEYCLOAK_VERSION   distribution version (default 26.4.5)
#   KEYCLOAK_HOSTNAME  public base URL, fixes the token "iss" (default http://localhost:$KEYCLOAK_PORT)
#   KEYCLOAK_TIMEOUT   seconds to wait for the realm to come up (default 180)
#   KEYCLOAK_JAVA_HOME JDK to run Keycloak with (default: JAVA_HOME / java on PATH; needs 17+)
#   KEYCLOAK_ADMIN_USER / KEYCLOAK_ADMIN_PASSWORD  master realm admin for sync-clients (default admin / admin)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

KC_VERSION="${KEYCLOAK_VERSION:-26.4.5}"
KC_PORT="${KEYCLOAK_PORT:-8180}"
KC_HOSTNAME="${KEYCLOAK_HOSTNAME:-http://localhost:${KC_PORT}}"
KC_TIMEOUT="${KEYCLOAK_TIMEOUT:-180}"
KC_REALM="estatehub"

RUN_DIR="$REPO_ROOT/.run"
KC_HOME="$RUN_DIR/keycloak-$KC_VERSION"
KC_ZIP="$RUN_DIR/keycloak-quarkus-dist-$KC_VERSION.zip"
KC_LOG="$RUN_DIR/keycloak.log"
KC_PID_FILE="$RUN_DIR/keycloak.pid"
PRODUCTION_REALM_FILE="$REPO_ROOT/docker/keycloak/estatehub-realm.json"
DEMO_OVERLAY_FILE="$REPO_ROOT/docker/keycloak/estatehub-demo-overlay.json"
COUNCIL_IDP_REALM_FILE="$REPO_ROOT/docker/keycloak/council-idp-realm.json"
# The merged demo realm: what is imported and what sync-clients reads.
REALM_FILE="$RUN_DIR/estatehub-demo-realm.json"
WELL_KNOWN_URL="http://localhost:${KC_PORT}/realms/${KC_REALM}/.well-known/openid-configuration"

log() { echo "[keycloak] $*"; }
die() { echo "[keycloak] ERROR: $*" >&2; exit 1; }

realm_up() {
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$WELL_KNOWN_URL" 2>/dev/null || true)"
  [[ "$code" == "200" ]]
}

read_pid() {
  [[ -f "$KC_PID_FILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' < "$KC_PID_FILE")"
  [[ -n "$pid" ]] || return 1
  echo "$pid"
}

pid_alive() { kill -0 "$1" 2>/dev/null; }

ensure_dist() {
  mkdir -p "$RUN_DIR"
  if [[ -x "$KC_HOME/bin/kc.sh" ]]; then
    return 0
  fi
  if [[ ! -f "$KC_ZIP" ]]; then
    local m2_zip="${HOME}/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip"
    if command -v mvn >/dev/null 2>&1; then
      log "Fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip via Maven (local repo first)"
      # Run from .run/ (no pom there): dependency:copy needs no project, and this keeps
      # a half-edited pom.xml in the repo root from breaking the fetch.
      local mvn_out
      if ! mvn_out="$(cd "$RUN_DIR" && mvn -B -q -Dstyle.color=never dependency:copy \
          -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
          -DoutputDirectory="$RUN_DIR" </dev/null 2>&1)"; then
        echo "$mvn_out" >&2
        log "Maven fetch failed"
      fi
    fi
    if [[ ! -f "$KC_ZIP" && -f "$m2_zip" ]]; then
      cp "$m2_zip" "$KC_ZIP"
    fi
  fi
  [[ -f "$KC_ZIP" ]] || die "Keycloak distribution zip not found at $KC_ZIP"

  log "Unpacking $(basename "$KC_ZIP") into $RUN_DIR"
  local tmp="$RUN_DIR/.kc-unpack.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$KC_ZIP" -d "$tmp"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$KC_ZIP" "$tmp"
  elif command -v jar >/dev/null 2>&1; then
    (cd "$tmp" && jar xf "$KC_ZIP")
  else
    rm -rf "$tmp"
    die "need unzip, python3 or jar to unpack Keycloak (apt-get install -y unzip)"
  fi
  [[ -d "$tmp/keycloak-$KC_VERSION" ]] || { rm -rf "$tmp"; die "unexpected zip layout in $KC_ZIP"; }
  rm -rf "$KC_HOME"
  mv "$tmp/keycloak-$KC_VERSION" "$KC_HOME"
  rm -rf "$tmp"
  # python's zipfile and jar do not preserve the executable bit
  chmod +x "$KC_HOME"/bin/*.sh
}

# Writes $REALM_FILE: the production realm with the demo overlay laid over it (see the header).
build_demo_realm() {
  [[ -f "$PRODUCTION_REALM_FILE" ]] || die "realm file not found: $PRODUCTION_REALM_FILE"
  [[ -f "$DEMO_OVERLAY_FILE" ]] || die "demo overlay not found: $DEMO_OVERLAY_FILE"
  mkdir -p "$RUN_DIR"
  if command -v jq >/dev/null 2>&1; then
    jq -s '
      def merged($key; $base; $over):
        ($over // []) as $o | [($base // [])[] | select(.[$key] as $id | ($o | map(.[$key]) | index($id)) == null)] + $o;
      .[0] as $b | .[1] as $o
      | ($b + ($o | del(.clients, .users, .organizations, .identityProviders, .clientScopes)))
      | .clients = merged("clientId"; $b.clients; $o.clients)
      | .users = merged("username"; $b.users; $o.users)
      | .organizations = merged("alias"; $b.organizations; $o.organizations)
      | .identityProviders = merged("alias"; $b.identityProviders; $o.identityProviders)
      | .clientScopes = merged("name"; $b.clientScopes; $o.clientScopes)' \
      "$PRODUCTION_REALM_FILE" "$DEMO_OVERLAY_FILE" > "$REALM_FILE.tmp"
  elif command -v python3 >/dev/null 2>&1; then
    python3 - "$PRODUCTION_REALM_FILE" "$DEMO_OVERLAY_FILE" > "$REALM_FILE.tmp" <<'PY'
import json, sys
base, over = (json.load(open(f)) for f in sys.argv[1:3])
keys = {"clients": "clientId", "users": "username", "organizations": "alias", "identityProviders": "alias",
        "clientScopes": "name"}
merged = dict(base)
merged.update({k: v for k, v in over.items() if k not in keys})
for field, key in keys.items():
    ids = {o[key] for o in over.get(field) or []}
    merged[field] = [b for b in base.get(field) or [] if b[key] not in ids] + list(over.get(field) or [])
json.dump(merged, sys.stdout, indent=1)
PY
  else
    die "need jq or python3 to lay the demo overlay over the realm file"
  fi
  mv "$REALM_FILE.tmp" "$REALM_FILE"
}

# Adds the demo realm's clients that the running realm does not have (partial import, SKIP existing).
cmd_sync_clients() {
  build_demo_realm
  local clients
  if command -v jq >/dev/null 2>&1; then
    clients="$(jq -c '{ifResourceExists: "SKIP", clients: .clients}' "$REALM_FILE")"
  elif command -v python3 >/dev/null 2>&1; then
    clients="$(python3 -c 'import json, sys; print(json.dumps({"ifResourceExists": "SKIP", "clients": json.load(open(sys.argv[1]))["clients"]}))' "$REALM_FILE")"
  else
    log "neither jq nor python3 found: cannot add missing clients to the running realm (restart re-imports it)"
    return 1
  fi
  local base="http://localhost:${KC_PORT}" token answer
  token="$(curl -sf --max-time 10 -d grant_type=password -d client_id=admin-cli \
      --data-urlencode "username=${KEYCLOAK_ADMIN_USER:-admin}" --data-urlencode "password=${KEYCLOAK_ADMIN_PASSWORD:-admin}" \
      "$base/realms/master/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')" || true
  [[ -n "$token" ]] || { log "could not log in to the master realm as ${KEYCLOAK_ADMIN_USER:-admin} to add missing clients"; return 1; }
  answer="$(curl -sf --max-time 30 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data-binary @- "$base/admin/realms/$KC_REALM/partialImport" <<<"$clients")" \
    || { log "partial import of the realm file's clients into realm '$KC_REALM' failed"; return 1; }
  local added
  added="$(sed -n 's/.*"added":\([0-9]*\).*/\1/p' <<<"$answer")"
  log "realm '$KC_REALM': ${added:-?} missing client(s) added from $(basename "$REALM_FILE")"
  # Partners are organizations since issue #18: a realm imported before that has none, and its tokens name
  # no partner the API accepts. Adding them to a running realm is not attempted (members, scopes, flows):
  # say so plainly instead of letting every test fail with 403.
  local realm
  realm="$(curl -sf --max-time 10 -H "Authorization: Bearer $token" "$base/admin/realms/$KC_REALM")" || realm=""
  if [[ -n "$realm" ]] && ! grep -q '"organizationsEnabled":true' <<<"$realm"; then
    log "WARNING: the running realm '$KC_REALM' predates partner organizations (organizationsEnabled is off):"
    log "         its tokens carry no organization claim and the API answers 403; restart it to re-import"
    log "         the demo realm (scripts/keycloak.sh restart, for a Keycloak started from this checkout)"
  fi
}

cmd_start() {
  if realm_up; then
    log "Keycloak already running ($WELL_KNOWN_URL)"
    # A Keycloak run by others (other admin credentials) still serves the tests: a failed sync only warns.
    cmd_sync_clients || log "warning: clients missing from the running realm were not added"
    exit 0
  fi
  command -v curl >/dev/null 2>&1 || die "curl is required"
  build_demo_realm

  # An instance started from this checkout is still alive but the realm does not answer:
  # either it is still booting on this port (wait for it) or it runs on another port
  # (it holds the H2 dev database, so refuse rather than kill it behind the user's back).
  local old
  if old="$(read_pid)" && pid_alive "$old"; then
    if tr '\0' '\n' < "/proc/$old/cmdline" 2>/dev/null | grep -qx -- "--http-port=$KC_PORT"; then
      log "Keycloak (pid $old) is still starting on port $KC_PORT, waiting for it"
      wait_for_realm "$old" "$SECONDS"
      exit $?
    fi
    die "Keycloak from this checkout is already running (pid $old) but not serving realm '$KC_REALM' on port $KC_PORT; run '$0 stop' first"
  fi
  if curl -s -o /dev/null --max-time 3 "http://localhost:${KC_PORT}/" 2>/dev/null; then
    die "port $KC_PORT is in use by something that does not serve realm '$KC_REALM'"
  fi

  ensure_dist

  # Fresh dev database every start so the realm file is always (re)imported.
  rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/transaction-logs" "$KC_HOME/data/import"
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/estatehub-realm.json"
  # A council's own identity provider for the federated login (demo and tests only; see the header).
  cp "$COUNCIL_IDP_REALM_FILE" "$KC_HOME/data/import/swale-council-realm.json"

  local java_home="${KEYCLOAK_JAVA_HOME:-${JAVA_HOME:-}}"

  log "Starting Keycloak $KC_VERSION on port $KC_PORT (log: $KC_LOG)"
  : > "$KC_LOG"
  local start_ts=$SECONDS
  # setsid: own session/process group (survives the caller, stop can kill the group);
  # stdin from /dev/null so it works under CI with no terminal.
  (
    cd "$KC_HOME"
    if [[ -n "$java_home" ]]; then export JAVA_HOME="$java_home"; fi
    export KC_BOOTSTRAP_ADMIN_USERNAME=admin
    export KC_BOOTSTRAP_ADMIN_PASSWORD=admin
    # The realm files' import placeholders: where the estatehub realm reaches the council's realm and
    # where the council's realm sends its users back (the same Keycloak here).
    export ESTATEHUB_KEYCLOAK_URL="$KC_HOSTNAME"
    exec setsid nohup "$KC_HOME/bin/kc.sh" start-dev \
      --import-realm \
      --http-port="$KC_PORT" \
      --hostname="$KC_HOSTNAME" \
      </dev/null >>"$KC_LOG" 2>&1
  ) &
  local pid=$!
  echo "$pid" > "$KC_PID_FILE"

  wait_for_realm "$pid" "$start_ts"
}

# wait_for_realm PID START_SECONDS: returns 0 once the realm answers, 1 if the process dies
# or KC_TIMEOUT elapses (then the process is stopped and the log tail printed).
wait_for_realm() {
  local pid="$1" start_ts="$2"
  while (( SECONDS - start_ts < KC_TIMEOUT )); do
    if realm_up; then
      log "Keycloak is up after $(( SECONDS - start_ts ))s: realm '$KC_REALM' at http://localhost:${KC_PORT}/realms/${KC_REALM} (pid $pid, admin/admin)"
      return 0
    fi
    if ! pid_alive "$pid"; then
      echo "[keycloak] Keycloak process exited during startup. Last log lines of $KC_LOG:" >&2
      tail -n 60 "$KC_LOG" >&2 || true
      rm -f "$KC_PID_FILE"
      return 1
    fi
    sleep 1
  done
  echo "[keycloak] Timed out after ${KC_TIMEOUT}s waiting for $WELL_KNOWN_URL. Last log lines of $KC_LOG:" >&2
  tail -n 60 "$KC_LOG" >&2 || true
  cmd_stop >&2
  return 1
}

cmd_stop() {
  local pid
  if ! pid="$(read_pid)"; then
    log "Keycloak not running (no pid file)"
    return 0
  fi
  if ! pid_alive "$pid"; then
    log "Keycloak not running (stale pid $pid)"
    rm -f "$KC_PID_FILE"
    return 0
  fi
  log "Stopping Keycloak (pid $pid)"
  # kc.sh execs java, and setsid made it a process-group leader: signal the group,
  # fall back to the pid and its children if it is not a group leader.
  kill -TERM -- "-$pid" 2>/dev/null || { pkill -TERM -P "$pid" 2>/dev/null || true; kill -TERM "$pid" 2>/dev/null || true; }
  local i
  for (( i = 0; i < 30; i++ )); do
    pid_alive "$pid" || break
    sleep 1
  done
  if pid_alive "$pid"; then
    log "Still alive after 30s, sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || { pkill -KILL -P "$pid" 2>/dev/null || true; kill -KILL "$pid" 2>/dev/null || true; }
    for (( i = 0; i < 10; i++ )); do
      pid_alive "$pid" || break
      sleep 1
    done
  fi
  rm -f "$KC_PID_FILE"
  log "Stopped"
}

cmd_status() {
  local pid=""
  pid="$(read_pid)" || pid=""
  if realm_up; then
    if [[ -n "$pid" ]] && pid_alive "$pid"; then
      log "running (pid $pid) on port $KC_PORT, realm '$KC_REALM' available"
    else
      log "realm '$KC_REALM' answers on port $KC_PORT (not started by this script)"
    fi
    return 0
  fi
  if [[ -n "$pid" ]] && pid_alive "$pid"; then
    log "process $pid alive but realm not (yet) available on port $KC_PORT"
    return 1
  fi
  log "not running"
  return 3
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart) cmd_stop; cmd_start ;;
  status) cmd_status ;;
  logs) tail -n "${2:-100}" "$KC_LOG" ;;
  sync-clients) cmd_sync_clients ;;
  demo-realm) build_demo_realm; log "demo realm written to $REALM_FILE" ;;
  *) echo "Usage: $(basename "$0") start|stop|restart|status|logs [lines]|sync-clients|demo-realm" >&2; exit 2 ;;
esac
