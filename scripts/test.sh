#!/usr/bin/env bash
# The test command: starts a real PostgreSQL and a real Keycloak (if not already running), then
# runs every test with Maven. Extra arguments go to Maven, e.g. scripts/test.sh -Dtest=MeResourceTest
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/postgres.sh start
bash scripts/keycloak.sh start
exec mvn -B verify "$@"
