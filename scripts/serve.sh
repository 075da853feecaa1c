#!/usr/bin/env bash
# Builds the site (release, every bundle: scripts/build.sh) and serves dist/ on http://127.0.0.1:8080.
# After changing code or content, run it again (the build takes a few minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node scripts/serve.mjs
