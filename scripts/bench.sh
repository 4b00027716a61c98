#!/usr/bin/env bash
# Runs both benchmarks (not part of the tests): the native one (cargo bench) and the browser one
# (Playwright against the release build). Results: target/bench/native.json, browser.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
cargo bench --locked --bench render
trunk build --release
node scripts/bench-browser.mjs "$@"
