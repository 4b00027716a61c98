import { defineConfig } from "@playwright/test";

// The end-to-end tests drive Debian's Chromium against the release build in dist/, served
// statically on 127.0.0.1. Playwright never downloads a browser here.
export default defineConfig({
  testDir: ".",
  outputDir: "../../target/e2e-results",
  workers: 2,
  retries: 0,
  reporter: "list",
  timeout: 30_000,
  use: {
    baseURL: "http://127.0.0.1:8089",
    browserName: "chromium",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      command: "node serve.mjs 8089 /=../../dist",
      url: "http://127.0.0.1:8089/",
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // Host pages that embed the build under a sub-path, as a docs site would.
      command:
        "node serve.mjs 8090 /docs/guide/=../../docs/embed /docs/guide/playground/=../../dist /hostile/=hostile /hostile/playground/=../../dist",
      url: "http://127.0.0.1:8090/docs/guide/",
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
