#!/usr/bin/env bash
# Installs what building and testing the playground needs, skipping whatever is already there
# at the right version: the wasm32 target, Trunk, wasm-bindgen-cli, Chromium with its driver,
# the npm packages (binaryen's wasm-opt, Playwright, axe-core; the docs package's build and lint
# tools) and the MkDocs test site's Python packages. A second run takes seconds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "Installing Trunk $TRUNK_VERSION (takes several minutes once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes several minutes once)"
  # Not --locked: its shipped lock file pins a dependency version the registry no longer offers.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! command -v chromium >/dev/null || ! [ -x /usr/bin/chromedriver ]; then
  step "Installing Chromium and ChromeDriver from Debian"
  sudo_if_needed=""
  [ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
  $sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq chromium chromium-driver
fi

# npm ci only when the lock file changed since the last install: the project's tooling, and the
# tools that build and check the npm package for documentation sites (TypeScript, ESLint,
# Prettier, CSpell), pinned in its own lock file.
for folder in . docs/embed/docusaurus/package; do
  lock_sum="$(sha256sum "$folder/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$folder/node_modules/.installed-lock" 2>/dev/null)" != "$lock_sum" ]; then
    step "Installing npm packages in $folder"
    (cd "$folder" && npm ci --no-audit --no-fund)
    echo "$lock_sum" > "$folder/node_modules/.installed-lock"
  fi
done

# The MkDocs test site's Python packages, pinned, in a virtual environment inside target/; again
# only when the requirements changed since the last install.
requirements=docs/embed/mkdocs/site/requirements.txt
requirements_sum="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [ "$(cat "$MKDOCS_VENV/.installed-requirements" 2>/dev/null)" != "$requirements_sum" ]; then
  step "Installing the MkDocs test site's Python packages"
  if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c "import ensurepip" 2>/dev/null; then
    sudo_if_needed=""
    [ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
    $sudo_if_needed apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq python3-venv
  fi
  rm -rf "$MKDOCS_VENV"
  python3 -m venv "$MKDOCS_VENV"
  "$MKDOCS_VENV/bin/pip" install --quiet --disable-pip-version-check --no-input -r "$requirements"
  echo "$requirements_sum" > "$MKDOCS_VENV/.installed-requirements"
fi

# Trunk builds offline, so every crate must already be in cargo's cache.
cargo fetch --locked --quiet
