#!/usr/bin/env bash
# Runs the benchmarks (not part of the tests): the native one (cargo bench), the browser one
# (Playwright against the release build) and fresh loads against the peer generators.
# Results: target/bench/native.json, browser.json, peers.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
cargo bench --locked --bench render
trunk build --release
node scripts/bench-browser.mjs "$@"
# Fresh loads against the peer generators in PEERS_DIR; without it, the playground alone.
node scripts/bench-peers.mjs
