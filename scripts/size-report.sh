#!/usr/bin/env bash
# Builds the release and the single offline file, then prints the size of every file the page
# loads (raw, gzip -9, brotli) and checks them against tests/size-budget.json. Also writes
# target/size-report.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
trunk build --release
node scripts/single-file.mjs dist dist-offline/headscale-sso-playground.html
mkdir -p target
node scripts/size-report.mjs --json target/size-report.json --check tests/size-budget.json
