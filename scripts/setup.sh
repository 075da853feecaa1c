#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test the site, idempotently. Everything comes from
# the package registries (crates.io, npm, Debian); nothing is downloaded from anywhere else.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The wasm target for the Rust toolchain.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock
# (without --locked: its own lockfile pins a crate the registry lacks).
wbg_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
# The three places that name it must agree, or Trunk's offline build fails (or a `cargo update` breaks it).
wbg_toml=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
wbg_trunk=$(sed -n 's/^wasm_bindgen = "\([0-9.]*\)"/\1/p' Trunk.toml)
if [ "$wbg_version" != "$wbg_toml" ] || [ "$wbg_version" != "$wbg_trunk" ]; then
  echo "wasm-bindgen pins disagree: Cargo.lock $wbg_version, Cargo.toml =$wbg_toml, Trunk.toml $wbg_trunk" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg_version" ]; then
  say "installing wasm-bindgen-cli $wbg_version"
  cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi

# Trunk 0.21.x (0.22 needs a newer rustc). --locked: its dependencies drifted since.
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "installing trunk 0.21.14"
  cargo install trunk --version 0.21.14 --locked --force
fi

# wasm-split-cli: cuts each wasm bundle into its main module and lazily loaded chunks (Trunk's post-build
# hook, scripts/split-wasm.mjs). From crates.io's wasm_split_cli_support, the splitter of Cargo.lock's
# wasm_split_helpers 0.2 (through Leptos), as cargo-leptos uses it (it has no --version to check).
if ! wasm-split-cli --help >/dev/null 2>&1; then
  say "installing wasm-split-cli (wasm_split_cli_support 0.2.4)"
  cargo install wasm_split_cli_support --version 0.2.4 --features build-binary --locked --force
fi

# leptosfmt: the style gate for view! macros (scripts/test.sh runs `leptosfmt --check`).
if ! leptosfmt --version 2>/dev/null | grep -q ' 0\.1\.33$'; then
  say "installing leptosfmt 0.1.33"
  cargo install leptosfmt --version 0.1.33 --locked --force
fi

# wasm-opt 132 from npm's binaryen (Debian's 108 breaks the wasm) and axe-core for the audits.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -d node_modules/playwright-core ]; then
  say "installing npm tools (binaryen, axe-core, playwright-core)"
  npm ci --no-audit --no-fund
fi

# Debian's Chromium and ChromeDriver, CJK fonts, zbarimg (QR decoding) and Ghostscript (a printed PDF's
# pages as text and images, to find the QR code on its page) for the browser tests, and
# nginx with its brotli_static module for the deployment test (deploy/nginx.conf, tests/e2e/nginx.test.mjs).
# (nginx is in /usr/sbin, which is not on every user's PATH.)
if [ "${1:-}" = "--browser" ] && ! { command -v chromium && command -v chromedriver && command -v zbarimg && command -v gs && fc-list | grep -qi 'Noto Sans CJK' \
    && [ -x /usr/sbin/nginx ] && [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; } >/dev/null; then
  say "installing chromium and nginx from Debian"
  apt_get() { if [ "$(id -u)" = 0 ]; then apt-get "$@"; else sudo apt-get "$@"; fi; }
  apt_get update -qq
  DEBIAN_FRONTEND=noninteractive apt_get install -y -qq chromium chromium-driver fonts-noto-cjk zbar-tools ghostscript \
    nginx libnginx-mod-http-brotli-static >/dev/null
fi
