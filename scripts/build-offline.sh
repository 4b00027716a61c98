#!/usr/bin/env bash
# Builds the release and one self-contained HTML file from it:
#   dist/                                        the playground for any static server
#   dist-offline/headscale-sso-playground.html   one file, works from file:// (a USB stick)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
trunk build --release
node scripts/single-file.mjs dist dist-offline/headscale-sso-playground.html
