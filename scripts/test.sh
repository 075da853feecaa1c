#!/usr/bin/env bash
# Runs every test: the Rust crates natively (engine, checker, content pipeline, site generator, app
# logic), then a release build of the site and the browser tests in headless Chromium against it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "==> style gates: cargo fmt --check, leptosfmt --check (view! macros), clippy -D warnings" >&2
cargo fmt --all --check
leptosfmt --check --quiet src
cargo clippy --workspace --all-targets --all-features --quiet -- -D warnings

echo "==> cargo test (native)" >&2
cargo test --workspace --all-features

echo "==> build the site (release)" >&2
scripts/build.sh

echo "==> browser tests (headless Chromium)" >&2
node --test --test-concurrency=1 tests/e2e/*.test.mjs
