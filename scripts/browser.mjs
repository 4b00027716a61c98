// The browser the end-to-end tests, benchmarks and screenshot drive, and the ports they serve
// on, in one place. Debian's Chromium is used as installed; Playwright never downloads one.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const launchOptions = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

// E2E_PORT moves the four ports of the end-to-end tests (to run two checkouts side by side):
// the release build, host pages that embed it, the Docusaurus test site and the MkDocs one. BENCH_PORT moves
// the benchmark's (the playground on it, Mozilla's generator on the next); PEERS_PORT moves the
// first of the peer pages' ports.
const base = Number(process.env.E2E_PORT ?? 8089);
export const ports = {
  page: base,
  host: base + 1,
  docusaurus: base + 2,
  mkdocs: base + 3,
  bench: Number(process.env.BENCH_PORT ?? 8095),
  screenshot: 8096,
  peers: Number(process.env.PEERS_PORT ?? 8120),
};

// The peer generators the benchmarks compare with are not part of the project: PEERS_DIR names a
// folder holding built copies of Mozilla's SSL Configuration Generator (mozilla-ssl-config/) and
// nginxconfig.io (nginxconfig-io/), each servable as static files. Without it the benchmarks
// measure the playground alone and say so. The tests never need them.
export const peersDir = process.env.PEERS_DIR || null;
export const peersMissing =
  "Peers not measured: set PEERS_DIR to a folder with built copies of Mozilla's SSL Configuration " +
  "Generator (mozilla-ssl-config/) and nginxconfig.io (nginxconfig-io/) to compare with them in the same run.";

// The static server of scripts/serve.mjs, serving folders under URL prefixes on 127.0.0.1.
export const serveScript = fileURLToPath(new URL("./serve.mjs", import.meta.url));
export const serve = (port, ...mounts) => spawn("node", [serveScript, String(port), ...mounts], { stdio: "ignore" });
// The same, compressing as a production web server does: for the benchmarks.
export const serveCompressed = (port, ...mounts) =>
  spawn("node", [serveScript, "--gzip", String(port), ...mounts], { stdio: "ignore" });
