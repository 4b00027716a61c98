#!/usr/bin/env bash
# Runs every test of the playground, installing what is missing first:
#   formatting and lints (also of the Docusaurus package), host tests (unit, property, snapshot),
#   component tests in headless Chromium, the release build and the npm package, then end-to-end
#   tests in Chromium against that build, a host page and a Docusaurus site.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

step "Formatting and lints"
cargo fmt --all -- --check
cargo clippy --locked --all-targets --quiet -- -D warnings
cargo clippy --locked --features prerender --lib --bin prerender --quiet -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --test browser --quiet -- -D warnings

step "The loader: lint and unit tests"
(cd src/loader && eslint --max-warnings 0 .)
node --test src/loader/

step "Unit tests of the build scripts"
node --test scripts/

step "The Docusaurus package: formatting, lint, types and spelling, as strict as authentik's website"
(cd docs/embed/docusaurus/package && npm run --silent check && npm test --silent)

step "Host tests: unit, property and snapshot"
# Snapshots are compared, never written, by this command.
INSTA_UPDATE=no cargo test --locked --quiet

step "Component tests in headless Chromium"
WASM_BINDGEN_TEST_TIMEOUT=120 WASM_BINDGEN_TEST_DRIVER_TIMEOUT=30 \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/tests/webdriver.json" \
  cargo test --locked --target wasm32-unknown-unknown --test browser

step "Release build, the single offline file, and the size budget"
trunk build --release
node scripts/single-file.mjs dist dist-offline/headscale-sso-playground.html
node scripts/size-report.mjs --check tests/size-budget.json

step "The npm package, installed from its tarball into the Docusaurus test site"
./scripts/docusaurus-site.sh

step "The MkDocs test site, shaped like Headscale's documentation, with the release build embedded"
./scripts/mkdocs-site.sh

step "End-to-end tests in Chromium against the release build"
npx playwright test -c tests/e2e/playwright.config.ts
