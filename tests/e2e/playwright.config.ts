import { defineConfig } from "@playwright/test";

// E2E_PORT moves both servers (the page, and host pages one port up) when another run holds
// the default ports.
const port = Number(process.env.E2E_PORT ?? 8089);

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
    baseURL: `http://127.0.0.1:${port}`,
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
      command: `node serve.mjs ${port} /=../../dist`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // Host pages that embed the build under a sub-path, as a docs site would.
      command: `node serve.mjs ${port + 1} /docs/guide/=../../docs/embed /docs/guide/playground/=../../dist /hostile/=hostile /hostile/playground/=../../dist`,
      url: `http://127.0.0.1:${port + 1}/docs/guide/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
