import { defineConfig } from "@playwright/test";
import { existsSync } from "node:fs";
import { launchOptions, ports, serveScript } from "../../scripts/browser.mjs";

// The Docusaurus test site exists once scripts/docusaurus-site.sh has built it (the test
// command always does); its tests are skipped without it. Paths are from the project root,
// where the tests are run.
const docusaurusBuilt = existsSync("target/docusaurus-site/build/index.html");
// The same for the MkDocs test site (scripts/mkdocs-site.sh).
const mkdocsBuilt = existsSync("target/mkdocs-site/build/index.html");

// The end-to-end tests drive Debian's Chromium (scripts/browser.mjs) against the release build
// in dist/, served statically on 127.0.0.1 by scripts/serve.mjs. Playwright never downloads a
// browser here.
export default defineConfig({
  testDir: ".",
  outputDir: "../../target/e2e-results",
  workers: 2,
  // No retries: a test passes or fails for the same code every time. Its bounds are generous
  // enough for a loaded two-core machine; speed goals are the benchmarks' (scripts/bench-*.mjs).
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${ports.page}`,
    browserName: "chromium",
    launchOptions,
  },
  webServer: [
    {
      command: `node ${serveScript} ${ports.page} /=../../dist`,
      url: `http://127.0.0.1:${ports.page}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // Host pages that embed the build under a sub-path, as a docs site would.
      command: `node ${serveScript} ${ports.host} /docs/guide/=../../docs/embed /docs/guide/playground/=../../dist /hostile/=hostile /hostile/playground/=../../dist`,
      url: `http://127.0.0.1:${ports.host}/docs/guide/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    ...(docusaurusBuilt ? [{
      // The Docusaurus test site (scripts/docusaurus-site.sh), under its base URL.
      command: `node ${serveScript} ${ports.docusaurus} /docs-site/=../../target/docusaurus-site/build`,
      url: `http://127.0.0.1:${ports.docusaurus}/docs-site/`,
      reuseExistingServer: false,
      timeout: 20_000,
    }] : []),
    ...(mkdocsBuilt ? [{
      // The MkDocs test site, under /headscale/ as GitHub Pages serves Headscale's docs.
      command: `node ${serveScript} ${ports.mkdocs} /headscale/=../../target/mkdocs-site/build`,
      url: `http://127.0.0.1:${ports.mkdocs}/headscale/`,
      reuseExistingServer: false,
      timeout: 20_000,
    }] : []),
  ],
});
