#!/usr/bin/env bash
# docker/ stays runnable where no Docker engine exists (scripts/test.sh runs this; README "Upgrades without
# downtime" and "Scaling beyond one machine"):
#   1. `docker compose config` when a Docker client is there; docker/check.mjs always (YAML of compose and
#      the Kubernetes manifest, paths, the rolling update, probes, preStop and grace period against the
#      service's shutdown timings);
#   2. the image's contents built the way docker/Dockerfile builds them: only what it COPYs (pom.xml,
#      openapi/, src/) in a clean directory, the same `mvn -B -q package -DskipTests`, then the runtime
#      stage's layout (/app: lib/, *.jar, app/, quarkus/) assembled from it, and that layout started with the
#      image's ENTRYPOINT command line (java $JAVA_OPTS -jar quarkus-run.jar, from /app's copy) until
#      /q/health/ready answers, against ESTATEHUB_TEST_DB_URL (prod profile, no demo data).
# DOCKER_CHECK_BUILD=false skips step 2; DOCKER_CHECK_PORT [the first free of 8096-8099] is the layout's port.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  echo "[docker-check] docker compose config" >&2
  docker compose -f docker/compose.yaml config --quiet
else
  echo "[docker-check] no Docker client here: docker compose config not run; docker/check.mjs validates the files" >&2
fi
[ -d contract/node_modules ] || (cd contract && npm ci --no-audit --no-fund --loglevel=error </dev/null)
node docker/check.mjs

[ "${DOCKER_CHECK_BUILD:-true}" = true ] || exit 0

work="$root/target/docker-image"
rm -rf "$work"
mkdir -p "$work/src" "$work/app"
# Stage "build": WORKDIR /src; COPY pom.xml, openapi, src; RUN mvn -B -q package -DskipTests
copies=$(sed -n -E 's/^COPY (\S+) (\S+)$/\1/p' docker/Dockerfile | grep -v -- '--from')
for c in $copies; do cp -r "$c" "$work/src/"; done
echo "[docker-check] building in $work/src what the Dockerfile copies: $(echo "$copies" | paste -sd ' ' -)" >&2
(cd "$work/src" && mvn -B -q package -DskipTests </dev/null)
# Stage 2: the runtime layout, from the COPY --from=build lines.
while read -r from to; do
  from="${from#/src/}"
  # shellcheck disable=SC2086
  cp -r $work/src/$from "$work/app/$to"
done < <(sed -n -E 's/^COPY --from=build (\S+) (\S+)$/\1 \2/p' docker/Dockerfile)
[ -f "$work/app/quarkus-run.jar" ] && [ -d "$work/app/lib" ] && [ -d "$work/app/quarkus" ] \
  || { echo "[docker-check] the image layout lacks quarkus-run.jar, lib/ or quarkus/" >&2; exit 1; }

port="${DOCKER_CHECK_PORT:-}"
[ -n "$port" ] || for candidate in 8096 8097 8098 8099; do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "[docker-check] ports 8096-8099 are all busy" >&2; exit 1; }
java_opts=$(sed -n -E 's/^ENV JAVA_OPTS="(.*)"$/\1/p' docker/Dockerfile)
log="$root/target/docker-check.log"
echo "[docker-check] starting the layout as the image does (java $java_opts -jar quarkus-run.jar) on $port" >&2
# shellcheck disable=SC2086
(cd "$work/app" && QUARKUS_PROFILE=prod QUARKUS_HTTP_PORT=$port ESTATEHUB_DEMO_DATA=false \
  ESTATEHUB_DB_URL="${ESTATEHUB_TEST_DB_URL:-jdbc:postgresql://localhost:5433/estatehub_test}" \
  exec java $java_opts -jar quarkus-run.jar </dev/null >"$log" 2>&1) &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  if [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")" = 200 ]; then
    echo "[docker-check] ok: the image's contents build and serve (ready on $port)" >&2
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
echo "[docker-check] the image's layout did not become ready; log:" >&2
tail -n 30 "$log" >&2
exit 1
