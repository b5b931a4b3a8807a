#!/usr/bin/env bash
# Contract checks for openapi/estatehub.yaml:
#   1. Spectral lint with the house ruleset contract/spectral.yaml (operationIds, summaries,
#      descriptions, examples, problem+json errors, paging); any warning fails.
#   2. Breaking-change check (openapi-diff) against the last released contract in openapi/released/:
#      a breaking change fails unless info.version's major number went up.
# Needs Node.js 18+ and npm; installs the tools from contract/package-lock.json.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/contract"

if [[ ! -d node_modules || "${CI:-}" == "true" ]]; then
  npm ci --no-audit --no-fund --loglevel=error </dev/null
fi

contract="$root/openapi/estatehub.yaml"
released="$(ls "$root"/openapi/released/estatehub-*.yaml | sort -V | tail -n 1)"

echo "[contract] Spectral lint of openapi/estatehub.yaml (ruleset contract/spectral.yaml)"
npx --no-install spectral lint "$contract" --ruleset spectral.yaml --fail-severity=warn </dev/null

echo "[contract] Breaking changes against $(basename "$released")"
node breaking-check.mjs "$released" "$contract" </dev/null
echo "[contract] OK"
