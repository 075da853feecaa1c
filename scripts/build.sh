#!/usr/bin/env bash
# Builds the site into dist/ (release): one Trunk build per wasm bundle (web/shell.html with the
# bundle's binary; the bundles are the `zct-*` binaries of Cargo.toml, see policy_content::site::Bundle),
# merged into one directory; the bundles' shell pages go to target/shells/. Then the site generator
# writes every route as a real HTML page on its bundle's shell, the search index, the sitemap, the
# service worker and the precompressed copies. Expects the tools scripts/setup.sh installs.
# `scripts/build.sh pages` re-runs only the site generator on the last build (after a change to
# content/ that needs no new wasm: the documents, the forms' text, the village tables);
# `scripts/build.sh calc` (or `reader`, `checker`) rebuilds that one bundle into the last build, then the pages.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

sitegen() {
  echo "==> sitegen" >&2
  cargo run --quiet --release -p sitegen -- --shells target/shells dist ${SITEGEN_CONTENT:-}
}
if [ "${1:-}" = pages ]; then
  sitegen
  exit
fi

bundles=$(sed -n 's/^name = "zct-\(.*\)"$/\1/p' Cargo.toml)
stage=target/bundles
if [ -n "${1:-}" ]; then
  # One bundle into the last build: its old files out of dist/ first (their names carry a hash).
  echo "$bundles" | grep -qx "$1" || { echo "no bundle '$1' (bundles: $(echo $bundles))" >&2; exit 2; }
  [ -d dist ] || { echo "no build in dist/ yet: run scripts/build.sh first" >&2; exit 2; }
  bundles=$1
  rm -rf "${stage:?}/$1"
  rm -f dist/zct-"$1"-*
else
  rm -rf "$stage" dist target/shells
fi
mkdir -p target/shells target/min
# What every first visit downloads ships without the comments, which are for the people who change it: the
# stylesheet's (1.35 KB of its 7 KB brotli; CSS comments do not nest and no string in it holds "/*"), with
# no space around its braces and semicolons either (no string in it holds one: -0.15 KB), the loader's
# and bars.js's whole-line `//` comments (loader: 1.0 → 0.6 KB) and the shell page's HTML comments (860 bytes in every page). The
# shell's copy per bundle points Trunk at these copies.
perl -0pe 's{/\*.*?\*/}{}gs; s{\s*([{};])\s*}{$1}g' public/style.css > target/min/style.css
for js in loader bars; do perl -ne 'print unless m{^\s*//}' public/$js.js > target/min/$js.js; done
for b in $bundles; do
  entry="web/.bundle-$b.html"
  sed -e "s/zct-reader/zct-$b/" -e "s#\.\./public/\(style\.css\|loader\.js\|bars\.js\)#../target/min/\1#" web/shell.html |
    perl -0pe 's{[ \t]*<!--.*?-->\n?}{}gs' > "$entry"
  echo "==> trunk build --release (bundle $b)" >&2
  trunk build --release --dist "$stage/$b" "$entry"
  rm "$entry"
done
for b in $bundles; do
  # Hashed names never collide; the shared stylesheet, manifest and icon are the same file in each.
  cp -r "$stage/$b/." dist/
  mv dist/index.html "target/shells/$b.html"
done
sitegen
