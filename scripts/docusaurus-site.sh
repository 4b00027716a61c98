#!/usr/bin/env bash
# Builds the Docusaurus test site: a minimal Docusaurus 3 site (docs/embed/docusaurus/site/,
# pinned packages from the npm registry) with the project's component and MDX example and the
# release build in static/playground/, under the base URL /docs-site/. The embed's end-to-end
# tests run against target/docusaurus-site/build. Run after `trunk build --release`.
# Its npm packages are installed once per change of the site's lock file.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

template=docs/embed/docusaurus/site
site=target/docusaurus-site
[ -f dist/embed.js ] || { echo "dist/ has no release build: run trunk build --release first" >&2; exit 1; }

mkdir -p "$site"
# The site's own files, fresh each time; node_modules and Docusaurus's cache stay.
rm -rf "$site/docs" "$site/src" "$site/static" "$site/build"
cp -R "$template/docs" "$template/src" "$template/docusaurus.config.js" "$template/package.json" \
  "$template/package-lock.json" "$site/"
mkdir -p "$site/src/components" "$site/static"
cp docs/embed/docusaurus/HeadscalePlayground.js "$site/src/components/"
cp docs/embed/docusaurus/example.mdx "$site/docs/authentik.mdx"
# What a maintainer copies: the release build, as it is.
cp -R dist "$site/static/playground"

lock_sum="$(sha256sum "$site/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$site/node_modules/.installed-lock" 2>/dev/null)" != "$lock_sum" ]; then
  echo "==> Installing the Docusaurus test site's npm packages"
  (cd "$site" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > "$site/node_modules/.installed-lock"
fi

echo "==> Building the Docusaurus test site"
(cd "$site" && DOCUSAURUS_TELEMETRY_DISABLED=1 npx docusaurus build --out-dir build >/dev/null)
echo "Docusaurus test site: $site/build (served under /docs-site/)"
