#!/usr/bin/env bash
# Builds the site into dist/ (release): one Trunk build per wasm bundle (web/shell.html with the
# bundle's binary; see policy_content::site::Bundle), merged into one directory, then the site
# generator writes every route as a real HTML page on its bundle's shell, the search index, the
# sitemap, the service worker and the precompressed copies. Expects the tools scripts/setup.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

bundles="reader calc checker"
stage=target/bundles
rm -rf "$stage" dist
mkdir -p target/web
for b in $bundles; do
  sed "s/zct-BUNDLE/zct-$b/" web/shell.html > "target/web/$b.html"
  echo "==> trunk build --release (bundle $b)" >&2
  trunk build --release --dist "$stage/$b" "target/web/$b.html"
done
mkdir -p dist/_bundles
for b in $bundles; do
  # Hashed names never collide; the shared stylesheet, manifest and icon are the same file in each.
  cp -r "$stage/$b/." dist/
  mv dist/index.html "dist/_bundles/$b.html"
done
echo "==> sitegen" >&2
cargo run --quiet --release -p sitegen -- dist ${SITEGEN_CONTENT:-}
