#!/usr/bin/env bash
# Mutation testing of the engine (src/engine) with cargo-mutants, against the host tests only:
# each mutant is one small change to the engine's code (a `>` made `>=`, a function returning a
# default), and a test must fail for it. Survivors are written to target/mutants/survivors.txt.
# Not part of ./scripts/test.sh: a whole run takes hours on two cores.
#
#   ./scripts/mutants.sh                       every engine mutant
#   ./scripts/mutants.sh --shard 1/8           one eighth of them (run 2/8 … 8/8 later)
#   ./scripts/mutants.sh --changed [BASE]      only code changed since BASE (default: main)
#   ./scripts/mutants.sh --file src/engine/rules.rs   one file, or several --file options
#   (any other cargo-mutants option is passed on)
#
# MUTANTS_OUT names another output folder (default target/mutants), so that a second run, such
# as one checking that new tests kill named survivors (-F 'name'), can go beside a long one.
#
# Mutants listed in tests/mutants/exclusions.txt (a pattern and the reason it cannot change
# behaviour) are not tried.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

MUTANTS_VERSION=27.0.0
NEXTEST_VERSION=0.9.143
if [ "$(cargo mutants --version 2>/dev/null)" != "cargo-mutants $MUTANTS_VERSION" ]; then
  echo "==> Installing cargo-mutants $MUTANTS_VERSION (takes a few minutes once)"
  cargo install cargo-mutants --version "$MUTANTS_VERSION" --locked
fi
# nextest stops a test run at its first failure, so a caught mutant costs a fraction of a run.
if ! cargo nextest --version 2>/dev/null | grep -q "^cargo-nextest $NEXTEST_VERSION"; then
  echo "==> Installing cargo-nextest $NEXTEST_VERSION (takes a few minutes once)"
  cargo install cargo-nextest --version "$NEXTEST_VERSION" --locked
fi

OUT="${MUTANTS_OUT:-target/mutants}"
args=()
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --changed)
      base="main"
      if [ $# -gt 1 ] && [[ "$2" != -* ]]; then base="$2"; shift; fi
      mkdir -p "$OUT"
      git diff "$base" -- src/engine > "$OUT/changes.diff"
      args+=(--in-diff "$OUT/changes.diff")
      ;;
    --file|-f) files+=(--file "$2"); shift ;;
    *) args+=("$1") ;;
  esac
  shift
done

# Each line of the exclusions file: a regular expression matching a mutant's name, then
# "  # " and why that mutant cannot change what the playground does.
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  args+=(--exclude-re "${line%%  # *}")
done < tests/mutants/exclusions.txt

# Fewer generated cases per property test: a mutant that survives 64 cases is looked at anyway.
export PROPTEST_CASES="${PROPTEST_CASES:-64}"
# The tests that read the repository's files as text (paths named in documents, where facts are
# declared) can fail on a mutant's changed text, but never on changed behaviour, and take a
# third of a run: they are left out.
SOURCE_SCANS='not (test(/^paths::/) | test(/^invariants::/))'
[ ${#files[@]} -gt 0 ] || files=(--file 'src/engine/**/*.rs')
status=0
cargo mutants "${files[@]}" "${args[@]}" \
  --test-tool nextest --profile mutants --output "$OUT" --jobs "${MUTANTS_JOBS:-2}" \
  --minimum-test-timeout 40 \
  -- --lib --test integration -E "$SOURCE_SCANS" || status=$?

out="$OUT/mutants.out"
if [ -d "$out" ]; then
  cp "$out/missed.txt" "$OUT/survivors.txt"
  for outcome in caught missed timeout unviable; do
    printf '%-9s %s\n' "$outcome" "$(grep -c . "$out/$outcome.txt" 2>/dev/null || true)"
  done
  echo "Survivors: $OUT/survivors.txt"
fi
exit "$status"

