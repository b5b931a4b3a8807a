#!/usr/bin/env bash
# The last release against the current schema (README "Upgrades without downtime"; scripts/test.sh runs it
# after the e2e stage): the jar of upgrade/last-release's commit, built from `git archive` (scripts/upgrade-lib.sh),
# is started on a database the current version has migrated (ESTATEHUB_TEST_DB_URL, which `mvn verify` and the
# e2e stage left at the current schema), and its own TS client smoke script plus a write round trip (create,
# update with If-Match, history) must pass. That is what an old replica does during a rolling upgrade, after
# the first new replica has migrated. Its Flyway must leave the migrations it does not know alone:
# quarkus.flyway.ignore-migration-patterns=*:future, which application.properties sets after 3.2.0 and which is
# given here for 3.2.0, which lacks it (it would refuse to start: "Detected applied migration not resolved
# locally"; README "Upgrades without downtime").
# The old jar runs in the demo profile as the e2e stage runs the current one (the smoke script expects the
# demo partnership's area), but with the demo loader off: it must not write its own demo rows.
#   ESTATEHUB_TEST_DB_URL  [jdbc:postgresql://localhost:5433/estatehub_test]
#   UPGRADE_CHECK_PORT     [the first free of 8096-8099]
#   UPGRADE_CHECK_KC_PORT / UPGRADE_CHECK_KC_MGMT_PORT  [8187 / 9007]: the release's own Keycloak
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# shellcheck source=upgrade-lib.sh
source "$root/scripts/upgrade-lib.sh"

db="${ESTATEHUB_TEST_DB_URL:-jdbc:postgresql://localhost:5433/estatehub_test}"
port="${UPGRADE_CHECK_PORT:-}"
if [ -z "$port" ]; then
  for candidate in 8096 8097 8098 8099; do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
  done
fi
[ -n "$port" ] || { echo "[upgrade-check] ports 8096-8099 are all busy" >&2; exit 1; }

t0=$SECONDS
dir=$(build_last_release)
log="$root/target/upgrade-check.log"
: >"$log"
echo "[upgrade-check] release $(last_release_version) (${dir##*/}) on port $port against $db (log: $log)" >&2
# The release's own realm on a Keycloak of its own (scripts/upgrade-lib.sh start_release_keycloak says why).
kc_port="${UPGRADE_CHECK_KC_PORT:-8187}" kc_mgmt="${UPGRADE_CHECK_KC_MGMT_PORT:-9007}"
for p in "$kc_port" "$kc_mgmt"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "[upgrade-check] port $p is in use (UPGRADE_CHECK_KC_PORT, UPGRADE_CHECK_KC_MGMT_PORT)" >&2; exit 1
  fi
done
echo "[upgrade-check] the release's realm on a Keycloak of its own on $kc_port" >&2
kc_log="$root/target/upgrade-check-keycloak.log"
: >"$kc_log"
STARTED_KC_PID=""
stop_kc() { if [ -n "$STARTED_KC_PID" ]; then kill -- "-$STARTED_KC_PID" 2>/dev/null || kill "$STARTED_KC_PID" 2>/dev/null || true; fi; }
trap stop_kc EXIT
start_release_keycloak "$dir" "$kc_port" "$kc_mgmt" "$kc_log" || { tail -n 30 "$kc_log" >&2; exit 1; }
export ESTATEHUB_OIDC_URL="http://localhost:$kc_port/realms/estatehub"
start_jar "$dir" "$port" "$db" "$log" demo -D%demo.estatehub.demo-data=false -Dquarkus.flyway.ignore-migration-patterns="*:future"
pid=$STARTED_PID
stop() { kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; stop_kc; }
trap stop EXIT
if ! wait_ready_on "$port" "$pid" 180; then
  echo "[upgrade-check] the last release did not become ready on the current schema; its log:" >&2
  tail -n 40 "$log" >&2
  exit 1
fi
release_smoke "$dir" "http://127.0.0.1:$port" || { echo "[upgrade-check] the last release's smoke failed on the current schema" >&2; exit 1; }
echo "[upgrade-check] ok: release $(last_release_version) serves on the current schema ($((SECONDS - t0)) s with the build)" >&2
