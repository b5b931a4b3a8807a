# Shared by scripts/upgrade-check.sh (CI) and bench/upgrade.sh (the rolling-upgrade drill); source it.
# The last release (upgrade/last-release) is built from `git archive` of its commit, no worktree needed:
#   target/upgrade/<commit>/        its sources, with target/quarkus-app (jar) and client/dist (TS client)
# Both are built once per commit and reused (`mvn clean` removes them).

upgrade_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The release commit (full id) and its version, from upgrade/last-release.
last_release_commit() { grep -v '^#' "$upgrade_root/upgrade/last-release" | awk 'NF {print $1; exit}'; }
last_release_version() { grep -v '^#' "$upgrade_root/upgrade/last-release" | awk 'NF {print $2; exit}'; }

# build_last_release: prints the release's directory once its jar and TS client are built.
build_last_release() {
  local commit dir
  commit=$(last_release_commit)
  [ -n "$commit" ] || { echo "upgrade/last-release names no commit" >&2; return 1; }
  git -C "$upgrade_root" cat-file -e "$commit^{commit}" 2>/dev/null \
    || { echo "release commit $commit is not in this clone's history (fetch it, or clone with full history)" >&2; return 1; }
  dir="$upgrade_root/target/upgrade/$commit"
  if [ ! -f "$dir/target/quarkus-app/quarkus-run.jar" ] || [ ! -f "$dir/client/dist/smoke.js" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    git -C "$upgrade_root" archive "$commit" | tar -x -C "$dir"
    echo "building the last release ($(last_release_version), ${commit:0:7}) in $dir" >&2
    (cd "$dir" && mvn -B -q package -DskipTests </dev/null >&2)
    (cd "$dir/client" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error </dev/null >&2 \
      && npm run --silent build </dev/null >&2)
  fi
  echo "$dir"
}

# start_jar DIR PORT DB_URL LOG PROFILE [extra -D options...]: starts DIR's jar in the background; sets STARTED_PID.
start_jar() {
  local dir=$1 port=$2 db=$3 log=$4 profile=$5
  shift 5
  # shellcheck disable=SC2086
  ESTATEHUB_DB_URL="$db" ESTATEHUB_OIDC_URL="${ESTATEHUB_OIDC_URL:-http://localhost:8180/realms/estatehub}" \
    ESTATEHUB_RATE_LIMIT_ENABLED=false \
    setsid java ${ESTATEHUB_JAVA_OPTS:-} -Dquarkus.profile="$profile" -Dquarkus.http.port="$port" \
    -Dquarkus.log.console.json.enabled=false "$@" -jar "$dir/target/quarkus-app/quarkus-run.jar" >>"$log" 2>&1 </dev/null &
  STARTED_PID=$!
}

# wait_ready PORT PID [SECONDS]: until /q/health/ready answers 200 (fails if PID exits first)
wait_ready_on() {
  local port=$1 pid=$2 limit=${3:-180}
  for _ in $(seq 1 $((limit * 2))); do
    [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")" = 200 ] && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

# release_smoke DIR URL: the release's own TS client smoke script (reads), then writes as that release
# makes them: create an asset, read it, update it with If-Match, read its history. Prints one line per
# check; fails on the first failed one.
release_smoke() {
  local dir=$1 url=$2 realm="${ESTATEHUB_OIDC_URL:-http://localhost:8180/realms/estatehub}"
  (cd "$dir/client" && ESTATEHUB_URL="$url" ESTATEHUB_OIDC_URL="$realm" node dist/smoke.js </dev/null) || return 1
  release_writes "$url"
}

# release_writes URL: the write checks alone (also used in a loop by bench/upgrade.sh); "ok ..." lines.
release_writes() {
  local url=$1 realm="${ESTATEHUB_OIDC_URL:-http://localhost:8180/realms/estatehub}" token body code id etag tmp
  tmp=$(mktemp)
  token=$(curl -sf -d grant_type=password -d client_id=estatehub-cli -d username=maidstone.editor -d password=demo \
    "$realm/protocol/openid-connect/token" | jq -r .access_token) || { echo "FAIL token"; rm -f "$tmp"; return 1; }
  body=$(jq -nc --arg ref "UPG-$$-$RANDOM$RANDOM" '{name: "Upgrade check", assetType: "OFFICE", landOnly: false,
    localAuthority: "E07000110", ownReference: $ref, location: {latitude: 51.27, longitude: 0.52}, tenure: "FREEHOLD",
    status: "OPERATIONAL", visibility: "PARTNERSHIP"}')
  code=$(curl -s -m 15 -o "$tmp" -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "$body" "$url/assets")
  [ "$code" = 201 ] || { echo "FAIL POST /assets -> $code $(head -c 300 "$tmp")"; rm -f "$tmp"; return 1; }
  id=$(jq -r .id "$tmp")
  etag=$(curl -s -m 15 -D - -o /dev/null -H "Authorization: Bearer $token" "$url/assets/$id" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" {print $2}')
  [ -n "$etag" ] || { echo "FAIL GET /assets/$id: no ETag"; rm -f "$tmp"; return 1; }
  code=$(curl -s -m 15 -o "$tmp" -w '%{http_code}' -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -H "If-Match: $etag" -d "$(jq -c '.name = "Upgrade check (updated)"' <<<"$body")" "$url/assets/$id")
  [ "$code" = 200 ] || { echo "FAIL PUT /assets/$id -> $code $(head -c 300 "$tmp")"; rm -f "$tmp"; return 1; }
  code=$(curl -s -m 15 -o "$tmp" -w '%{http_code}' -H "Authorization: Bearer $token" "$url/assets/$id/history")
  [ "$code" = 200 ] && [ "$(jq '.total' "$tmp")" = 2 ] \
    || { echo "FAIL GET /assets/$id/history -> $code $(head -c 300 "$tmp")"; rm -f "$tmp"; return 1; }
  rm -f "$tmp"
  echo "ok   POST /assets, GET with ETag, PUT with If-Match, GET history (2 events)"
}

# start_release_keycloak DIR PORT MGMT_PORT LOG: a Keycloak of its own with the release's own realm (DIR's
# docker/keycloak/estatehub-realm.json, as that release's scripts/keycloak.sh imported it), so that the release
# is checked against the schema alone. Why not the current realm: since #18 the partner is the caller's
# Keycloak organization and tokens carry no partner_id claim, which 3.2.0 reads; a realm change is its own
# step of an upgrade (README "Upgrades without downtime": during the rollout from 3.2.0 the realm carries
# both). Copies the unpacked distribution of this checkout (.run/keycloak-<version>, left by
# scripts/keycloak.sh start) to target/upgrade-keycloak; sets STARTED_KC_PID; waits until the realm answers.
start_release_keycloak() {
  local dir=$1 port=$2 mgmt=$3 log=$4 dist home="$upgrade_root/target/upgrade-keycloak"
  dist=$(ls -d "$upgrade_root"/.run/keycloak-[0-9]* 2>/dev/null | head -n 1)
  [ -n "$dist" ] && [ -x "$dist/bin/kc.sh" ] || { echo "no unpacked Keycloak in .run/ (run scripts/keycloak.sh start first)" >&2; return 1; }
  rm -rf "$home"
  cp -rL "$dist" "$home"
  rm -rf "$home/data"
  mkdir -p "$home/data/import"
  if [ -f "$dir/docker/keycloak/estatehub-demo-overlay.json" ]; then
    echo "the release has a demo overlay: lay it over its realm file first (its scripts/keycloak.sh demo-realm)" >&2
    (cd "$dir" && bash scripts/keycloak.sh demo-realm >&2) && cp "$dir/.run/estatehub-demo-realm.json" "$home/data/import/estatehub-realm.json"
  else
    cp "$dir/docker/keycloak/estatehub-realm.json" "$home/data/import/estatehub-realm.json"
  fi
  (cd "$home" && KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin exec setsid \
    bin/kc.sh start-dev --import-realm --http-port="$port" --http-management-port="$mgmt" \
    --hostname="http://localhost:$port" </dev/null >>"$log" 2>&1) &
  STARTED_KC_PID=$!
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "http://localhost:$port/realms/estatehub/.well-known/openid-configuration" && return 0
    kill -0 "$STARTED_KC_PID" 2>/dev/null || { echo "the release's Keycloak exited (log: $log)" >&2; return 1; }
    sleep 1
  done
  echo "the release's Keycloak did not come up in 300 s (log: $log)" >&2
  return 1
}
