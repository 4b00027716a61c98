#!/usr/bin/env bash
# Builds the Docusaurus test site (docs/embed/docusaurus/site/): a site shaped like authentik's
# documentation (Docusaurus 3.10 with the faster Rspack bundler, React 19, two docs plugins with
# a static folder each), pinned packages from the npm registry, and the playground's package
# installed from the tarball that scripts/package.mjs packs, exactly as a docs maintainer installs
# it: one dependency, one plugin line, no build files copied. The embed's end-to-end tests run
# against target/docusaurus-site/build, under the base URL /docs-site/. Run after
# `trunk build --release`. The site's own packages are installed once per change of its lock file.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

template=docs/embed/docusaurus/site
site=target/docusaurus-site
[ -f dist/embed.js ] || { echo "dist/ has no release build: run trunk build --release first" >&2; exit 1; }

echo "==> Packing the playground's npm package"
node scripts/package.mjs
tarball="$(ls -t target/npm/headscale-sso-playground-*.tgz | head -n 1)"

mkdir -p "$site"
# The site's own files, fresh each time; node_modules and Docusaurus's cache stay.
rm -rf "$site/docs" "$site/integrations" "$site/src" "$site/static" "$site/build"
cp -R "$template/docs" "$template/integrations" "$template/src" "$template/static" \
  "$template/docusaurus.config.js" "$template/package.json" "$template/package-lock.json" "$site/"
cp docs/embed/docusaurus/example.mdx "$site/docs/authentik.mdx"

lock_sum="$(sha256sum "$template/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$site/node_modules/.installed-lock" 2>/dev/null)" != "$lock_sum" ]; then
  echo "==> Installing the Docusaurus test site's npm packages"
  (cd "$site" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > "$site/node_modules/.installed-lock"
fi
echo "==> Installing the package from $tarball"
# Every build packs the same version anew: npm would keep the copy it already has.
rm -rf "$site/node_modules/headscale-sso-playground"
(cd "$site" && npm install --no-audit --no-fund --loglevel=error "$ROOT/$tarball")

echo "==> Building the Docusaurus test site"
# Rspack's persistent cache takes a package of the same version for unchanged: start afresh.
(cd "$site" && npx docusaurus clear >/dev/null && DOCUSAURUS_TELEMETRY_DISABLED=1 npx docusaurus build --out-dir build >/dev/null)
echo "Docusaurus test site: $site/build (served under /docs-site/)"
