#!/bin/sh
# Copies MapLibre GL JS's built files from the locked npm package into the service's static resources, where
# they are committed: the Maven build then needs neither npm nor a network, and the jar serves them at
# /map/vendor/maplibre-gl/ (no CDN). Re-run after changing the version in package.json:
#   cd map && npm install && sh vendor.sh      (or, from the lock file as it is: npm ci && sh vendor.sh)
set -eu
cd "$(dirname "$0")"
src=node_modules/maplibre-gl
dest=../src/main/resources/META-INF/resources/map/vendor/maplibre-gl
[ -d "$src/dist" ] || { echo "run npm ci in map/ first" >&2; exit 1; }
rm -rf "$dest"
mkdir -p "$dest"
# The module build (MapLibre 6 ships only ES modules); the worker is loaded from beside it by URL.
# Source maps are left out: they would add 8.5 MB to the jar for a page that is a developer's tool.
for f in maplibre-gl.mjs maplibre-gl-worker.mjs maplibre-gl.css; do
  sed '/^\/\/# sourceMappingURL=/d' "$src/dist/$f" > "$dest/$f"
done
cp "$src/LICENSE.txt" "$dest/LICENSE.txt"
node -e 'process.stdout.write(require("./node_modules/maplibre-gl/package.json").version + "\n")' > "$dest/VERSION"
echo "MapLibre GL JS $(cat "$dest/VERSION") copied to $dest"
