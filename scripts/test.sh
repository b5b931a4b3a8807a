#!/usr/bin/env bash
# The test command. First the fast tests (plain unit tests tagged @FastTest: no Quarkus, no database),
# stopping if one fails; then it starts a real PostgreSQL and a real Keycloak (if not already running), and:
#   1. mvn -B verify            every Java test, against the real database and Keycloak
#   2. scripts/heap-test.sh     the jar mvn verify built, at the production heap (256 MB), on a port and
#      database of its own: 64 MB of invalid rows, 64 MB of valid rows and a file over the limit; the service
#      must answer each, stay up and keep its RSS under 400 MB
#   3. scripts/contract-check.sh  Spectral lint + breaking-change check of openapi/estatehub.yaml
#   4. the API as users see it: runs the jar mvn verify built, in the demo profile, on a free port
#      (8090-8094, the ports estatehub-ui may redirect to) against the test database, runs the
#      TypeScript client's smoke script (client/) and, in headless Chromium (e2e/), the Swagger UI login
#      test, the federated login test (a council's own identity provider, the realm swale-council that
#      scripts/keycloak.sh imports), the SPA CORS test (a page on http://localhost:5173, an origin the demo
#      profile allows) and the /map test, then stops the API.
#   5. scripts/upgrade-check.sh  the last release (upgrade/last-release), built from git archive, started on
#      the test database the current version migrated: its TS client smoke and a write round trip must pass
#      (rolling upgrades; MigrationCompatibilityTest, a fast test, checks the new migrations' statements)
#   6. scripts/docker-check.sh  docker/compose.yaml and docker/k8s/estatehub.yaml validated (docker compose
#      config where a Docker client exists), and the image's contents built and started as the Dockerfile does
# Extra arguments go to Maven, e.g. scripts/test.sh -Dtest=MeResourceTest
# Installs what it needs on a fresh Debian machine (PostgreSQL, Chromium, Node.js via apt; npm ci).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

export ESTATEHUB_OIDC_URL="${ESTATEHUB_OIDC_URL:-http://localhost:${KEYCLOAK_PORT:-8180}/realms/estatehub}"
export ESTATEHUB_TEST_DB_URL="${ESTATEHUB_TEST_DB_URL:-jdbc:postgresql://localhost:${ESTATEHUB_PG_PORT:-5433}/estatehub_test}"

step() { echo; echo "=== [test.sh] $* ($(( SECONDS ))s)"; }

apt_install() {
  [[ "$(id -u)" == 0 ]] || { echo "[test.sh] need root to apt-get install $*" >&2; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null
  apt-get install -y -qq "$@" </dev/null >/dev/null
}

# Before anything is started or installed: a broken rule fails here, in seconds once compiled (the compile
# is reused by mvn verify), not after the services are up.
step "fast tests: mvn -B test -Dgroups=fast"
mvn -B test -Dgroups=fast </dev/null

bash scripts/postgres.sh start
bash scripts/keycloak.sh start

step "mvn -B verify"
mvn -B verify "$@" </dev/null

step "upload memory at the production heap (scripts/heap-test.sh)"
bash scripts/heap-test.sh </dev/null

command -v npm >/dev/null 2>&1 || { step "installing Node.js"; apt_install nodejs npm; }
node_major="$(node -p 'process.versions.node.split(".")[0]')"
(( node_major >= 18 )) || { echo "[test.sh] Node.js 18 or later is needed (found $(node --version))" >&2; exit 1; }

step "contract checks"
bash scripts/contract-check.sh

if [[ ! -x /usr/bin/chromium ]]; then
  step "installing Chromium"
  apt_install chromium chromium-driver
fi
step "npm ci (client/, e2e/)"
(cd client && npm ci --no-audit --no-fund --loglevel=error </dev/null)
(cd e2e && npm ci --no-audit --no-fund --loglevel=error </dev/null)
(cd client && npm run --silent build </dev/null)

port=""
for candidate in 8090 8091 8092 8093 8094; do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[[ -n "$port" ]] || { echo "[test.sh] ports 8090-8094 are all busy" >&2; exit 1; }
base="http://localhost:$port"
api_log="$root/target/e2e-api.log"

step "starting the API on $base (log: $api_log)"
java -Dquarkus.http.port="$port" -Dquarkus.profile=demo \
  -Destatehub.webhooks.allow-http-localhost=true -Destatehub.webhooks.allowed-networks=127.0.0.0/8,::1/128 \
  -Dquarkus.datasource.jdbc.url="$ESTATEHUB_TEST_DB_URL" \
  -jar target/quarkus-app/quarkus-run.jar </dev/null >"$api_log" 2>&1 &
api_pid=$!
stop_api() {
  if kill -0 "$api_pid" 2>/dev/null; then
    kill -TERM "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
}
trap stop_api EXIT

ready=""
for _ in $(seq 1 120); do
  if curl -sf -o /dev/null --max-time 3 "$base/q/health/ready"; then ready=yes; break; fi
  kill -0 "$api_pid" 2>/dev/null || break
  sleep 1
done
if [[ -z "$ready" ]]; then
  echo "[test.sh] the API did not become ready on $base; last log lines:" >&2
  tail -n 40 "$api_log" >&2
  exit 1
fi

step "TypeScript client smoke test against $base"
(cd client && ESTATEHUB_URL="$base" npm run --silent smoke </dev/null)

step "Swagger UI login, federated login, SPA CORS and /map in headless Chromium against $base"
(cd e2e && ESTATEHUB_URL="$base" npm test --silent </dev/null)

stop_api
trap - EXIT

step "the last release on the current schema (scripts/upgrade-check.sh)"
bash scripts/upgrade-check.sh </dev/null

step "docker/ files and the image's contents (scripts/docker-check.sh)"
bash scripts/docker-check.sh </dev/null

step "all tests passed"
