#!/usr/bin/env bash
# Builds the MkDocs test site: a site in the shape of Headscale's documentation
# (docs/embed/mkdocs/site/: a subset of Headscale's own mkdocs.yml, MaterialX for MkDocs with
# instant navigation, packages pinned in its requirements.txt and installed by scripts/setup.sh
# into target/mkdocs-venv), with the release build added exactly as docs/embed/mkdocs/README.md
# says: dist/ copied into the site's docs folder as playground/, embed.js in extra_javascript, the example included in
# a page. Built with --strict, so the recipe adds no warning. The end-to-end tests serve
# target/mkdocs-site/build under /headscale/, as GitHub Pages serves Headscale's docs. Run after
# `trunk build --release`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

template=docs/embed/mkdocs/site
site=target/mkdocs-site
[ -f dist/embed.js ] || { echo "dist/ has no release build: run trunk build --release first" >&2; exit 1; }
[ -x "$MKDOCS_VENV/bin/mkdocs" ] || { echo "no MkDocs in $MKDOCS_VENV: run scripts/setup.sh first" >&2; exit 1; }

rm -rf "$site"
mkdir -p "$site"
cp -R "$template/." "$site/"
# What a maintainer copies: the release build, as it is.
cp -R dist "$site/docs/playground"

echo "==> Building the MkDocs test site"
(cd "$site" && DISABLE_MKDOCS_2_WARNING=true "$MKDOCS_VENV/bin/mkdocs" build --strict --quiet --site-dir build)
echo "MkDocs test site: $site/build (served under /headscale/)"
