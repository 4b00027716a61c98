#!/usr/bin/env bash
# Builds the playground (release) and serves it at http://127.0.0.1:8080, rebuilding on change.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
exec trunk serve --release "$@"
