#!/usr/bin/env bash
# The run command: starts PostgreSQL and Keycloak, builds the API and runs it with the Kent demo data.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/postgres.sh start
bash scripts/keycloak.sh start
mvn -B -q package -DskipTests
cat <<'TXT'

EstateHub is starting on http://localhost:8080
  Swagger UI:   http://localhost:8080/q/swagger-ui   (Authorize -> keycloak -> log in as a demo user)
  Contract:     http://localhost:8080/q/openapi
  Keycloak:     http://localhost:8180  (admin console: admin / admin)

Demo users (password "demo"):
  pmo.admin         Kent County Council          pmo-admin, partner-editor
  s151.officer      Kent County Council          s151-officer, partner-viewer
  board.member      Kent County Council          board-member, partner-viewer
  kcc.editor        Kent County Council          partner-editor
  maidstone.editor  Maidstone Borough Council    partner-editor
  maidstone.viewer  Maidstone Borough Council    partner-viewer
  dover.editor      Dover District Council       partner-editor
  sevenoaks.editor  Sevenoaks District Council   partner-editor
  police.editor     Kent Police                  partner-editor
  police.viewer     Kent Police                  partner-viewer
  nhs.editor        NHS Kent and Medway ICB      partner-editor
Partner systems (client credentials): maidstone-system / maidstone-system-secret,
                                      kent-police-system / kent-police-system-secret
A token from the command line:
  curl -s -d grant_type=password -d client_id=estatehub-cli -d username=maidstone.editor -d password=demo \
    http://localhost:8180/realms/estatehub/protocol/openid-connect/token
Stop with Ctrl-C; scripts/postgres.sh stop and scripts/keycloak.sh stop stop the rest.

TXT
# JVM options (heap, GC, ...): scripts/jvm-options.sh; override with ESTATEHUB_JAVA_OPTS.
source "$root/scripts/jvm-options.sh"
# Readable log lines for a person at a terminal; JSON lines (the demo profile's) when the output goes to a
# file, a pipe or a container's log collector.
log_opts=""
if [ -t 1 ]; then log_opts="-Dquarkus.log.console.json.enabled=false"; fi
# shellcheck disable=SC2086
exec java $ESTATEHUB_JAVA_OPTS $log_opts -Dquarkus.profile=demo -jar target/quarkus-app/quarkus-run.jar
