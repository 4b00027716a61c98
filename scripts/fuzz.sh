#!/usr/bin/env bash
# Fuzzes a parser for a fixed time with cargo-fuzz and libFuzzer on the nightly toolchain:
#   ./scripts/fuzz.sh [seconds] [target]      (defaults: 600 seconds, the import)
# Targets: import (pasted configurations), share (share links and saved state).
# A crash is saved under fuzz/artifacts/<target>/; turn it into a test in tests/integration/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
seconds="${1:-600}"
target="${2:-import}"
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
cargo +nightly fuzz --version >/dev/null 2>&1 || cargo +nightly install cargo-fuzz --version 0.13.2 --locked
mkdir -p "target/fuzz-corpus/$target" "fuzz/seeds/$target"
cargo +nightly fuzz run --fuzz-dir fuzz "$target" "target/fuzz-corpus/$target" "fuzz/seeds/$target" -- \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -print_final_stats=1
