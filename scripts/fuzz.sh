#!/usr/bin/env bash
# Fuzzes the import for a fixed time (default 600 seconds) with cargo-fuzz and libFuzzer on the
# nightly toolchain:   ./scripts/fuzz.sh [seconds]
# A crash is saved under tests/fuzz/artifacts/import/; turn it into a test in tests/import.rs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
seconds="${1:-600}"
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
cargo +nightly fuzz --version >/dev/null 2>&1 || cargo +nightly install cargo-fuzz --version 0.13.2 --locked
mkdir -p target/fuzz-corpus/import
cargo +nightly fuzz run --fuzz-dir tests/fuzz import target/fuzz-corpus/import tests/fuzz/seeds/import -- \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -print_final_stats=1
