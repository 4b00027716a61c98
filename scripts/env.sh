# Sourced by the other scripts: puts the project's pinned tools first on PATH.
# node_modules/.bin comes first so Trunk finds binaryen 132's wasm-opt, never an older system one.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_VERSION=0.21.14
# wasm-bindgen's CLI must match the crate in Cargo.lock exactly, or Trunk would try to download it.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
export WASM_BINDGEN_VERSION
export CHROMEDRIVER=/usr/bin/chromedriver
# The MkDocs test site's Python packages live in a virtual environment of their own.
export MKDOCS_VENV="$ROOT/target/mkdocs-venv"
