#!/usr/bin/env bash
# The everyday loop: serves one wasm bundle in debug on http://127.0.0.1:8080 and rebuilds on every change
# (Rust, content/, public/). Trunk's post-build hook (Trunk.toml) runs the site generator, so the bundle's
# pages have their build-time text and data. Usage: scripts/dev.sh [reader|calc|checker] (default reader:
# /, /docs/, /search/, /about/; calc: /calc/; checker: /check/, /self-check/, /villages/).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
bundle=${1:-reader}
if ! grep -qx "name = \"zct-$bundle\"" Cargo.toml; then
  echo "usage: scripts/dev.sh [$(sed -n 's/^name = "zct-\(.*\)"$/\1/p' Cargo.toml | paste -sd'|')]" >&2
  exit 2
fi
entry="web/.bundle-$bundle.html"
sed "s/zct-reader/zct-$bundle/" web/shell.html > "$entry"
export ZCT_DEV_BUNDLE=$bundle
exec trunk serve --dist "target/dev/$bundle" "$entry" "${@:2}"
