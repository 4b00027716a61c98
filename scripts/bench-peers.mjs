// Load benchmark of the playground against two peer generators (in PEERS_DIR, see
// scripts/browser.mjs: Mozilla's SSL Configuration Generator and nginxconfig.io), in one interleaved run of fresh loads in
// Debian's Chromium, with every request to another host refused. Not a pass/fail test: speed is
// compared as ratios in the same run. For each page: the time from navigation start until its
// output is on screen, DOMContentLoaded, the time until a keystroke typed at DOMContentLoaded
// shows in the output (for the playground this is its first use: the keystroke fetches its
// WebAssembly), the cumulative layout shift, the bytes transferred by then, and the bytes a
// reader who opens the page and touches nothing transfers in its first 3 s (all gzip -9).
// Writes target/bench/peers.json.   node scripts/bench-peers.mjs [loads]
// (the pages are served on the peers' ports of scripts/browser.mjs, PEERS_PORT moves them).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { launchOptions, peersDir, peersMissing, ports, serve } from "./browser.mjs";

const loads = Number(process.argv[2] ?? 15);
if (!peersDir) console.log(peersMissing);
const pages = [
  {
    name: "playground",
    folder: "dist",
    path: "/",
    output: "#hsp-panel-headscale-config pre",
    marker: "issuer:",
    input: "#hsp-slug",
    typed: "/application/o/headscalex/",
  },
  {
    name: "mozilla-ssl-config",
    folder: peersDir && join(peersDir, "mozilla-ssl-config"),
    path: "/#server=nginx&version=1.27.3&config=intermediate&openssl=3.4.0",
    output: "#output-config",
    marker: "ssl_protocols",
    input: "#version",
    // It re-renders on the change event: type, then Enter.
    enter: true,
    typed: "1.27.3x",
  },
  {
    name: "nginxconfig-io",
    folder: peersDir && join(peersDir, "nginxconfig-io"),
    path: "/",
    output: ".files",
    marker: "worker_processes",
    input: "label:has-text('Domain') + * input, input[placeholder*='example' i]",
    typed: "x",
  },
].filter((page) => page.folder && existsSync(page.folder));

const servers = pages.map((page, index) => {
  page.port = ports.peers + index;
  return serve(page.port, `/=${page.folder}`);
});
await new Promise((resolve) => setTimeout(resolve, 600));

const browser = await chromium.launch(launchOptions);

const stats = (values) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p))];
  const round = (value) => Math.round(value * 1000) / 1000;
  return { n: sorted.length, median: round(at(0.5)), p95: round(at(0.95)) };
};

/** A fresh tab on page's server that refuses other hosts and counts what it transfers. */
async function open(page) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const origin = `http://127.0.0.1:${page.port}`;
  const counted = { bytes: 0 };
  await tab.route("**/*", async (route) => {
    if (!route.request().url().startsWith(origin)) return route.abort();
    const response = await route.fetch();
    const body = await response.body();
    counted.bytes += gzipSync(body, { level: 9 }).length;
    await route.fulfill({ response, body });
  });
  return { context, tab, origin, counted };
}

/** What a reader who opens the page and does not touch it transfers in its first 3 s. */
async function untouched(page) {
  const { context, tab, origin, counted } = await open(page);
  await tab.goto(`${origin}${page.path}`, { waitUntil: "commit" });
  await tab.waitForTimeout(3_000);
  const bytes = counted.bytes;
  await context.close();
  return bytes;
}

async function load(page) {
  const { context, tab, origin, counted } = await open(page);
  await tab.addInitScript(({ output, marker }) => {
    // The playground renders in a shadow root once it runs (its build's copy is in the page).
    window.__find = (selector) =>
      document.querySelector(selector) ?? document.querySelector("[data-headscale-playground]")?.shadowRoot?.querySelector(selector);
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
    const shown = () => window.__find(output)?.textContent.includes(marker);
    new MutationObserver((_, observer) => {
      if (!window.__output && shown()) {
        window.__output = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  }, page);
  await tab.goto(`${origin}${page.path}`, { waitUntil: "domcontentloaded" });
  const dcl = await tab.evaluate(() => performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd);
  // A keystroke typed at DOMContentLoaded: when does it show in the output?
  const input = tab.locator(page.input).first();
  await input.waitFor({ state: "attached", timeout: 10_000 }).catch(() => {});
  await input.press("End").catch(() => {});
  await input.pressSequentially("x").catch(() => {});
  if (page.enter) await input.press("Enter").catch(() => {});
  const keystroke = await tab
    .waitForFunction(
      ({ output, typed }) => window.__find(output)?.textContent.includes(typed) && performance.now(),
      page,
      { timeout: 15_000 },
    )
    .then((handle) => handle.jsonValue())
    .catch(() => NaN);
  const output = await tab.waitForFunction(() => window.__output, null, { timeout: 15_000 }).then((h) => h.jsonValue());
  await tab.waitForTimeout(300);
  const shift = await tab.evaluate(() => window.__shift);
  await context.close();
  return { output, dcl, keystroke, shift, bytes: counted.bytes };
}

const runs = Object.fromEntries(pages.map((page) => [page.name, []]));
const quiet = Object.fromEntries(pages.map((page) => [page.name, []]));
for (let i = 0; i < loads; i++) {
  for (const page of pages) runs[page.name].push(await load(page));
}
for (let i = 0; i < 3; i++) {
  for (const page of pages) quiet[page.name].push(await untouched(page));
}
await browser.close();
for (const server of servers) server.kill();

const results = {};
for (const [name, list] of Object.entries(runs)) {
  results[name] = {
    first_output_ms: stats(list.map((run) => run.output)),
    dom_content_loaded_ms: stats(list.map((run) => run.dcl)),
    first_keystroke_shown_ms: stats(list.map((run) => run.keystroke)),
    layout_shift: stats(list.map((run) => run.shift)),
    transfer_after_first_keystroke_gzip_kib: Math.round((list[0].bytes / 1024) * 10) / 10,
    first_3s_untouched_gzip_kib: Math.round((stats(quiet[name]).median / 1024) * 10) / 10,
  };
}
const mozilla = results["mozilla-ssl-config"]?.first_output_ms.median;
if (mozilla) {
  for (const result of Object.values(results)) result.first_output_ratio_to_mozilla = Math.round((result.first_output_ms.median / mozilla) * 100) / 100;
}
mkdirSync("target/bench", { recursive: true });
writeFileSync("target/bench/peers.json", JSON.stringify({ loads, results }, null, 2) + "\n");
console.log(`${"page".padEnd(20)}${"output med/p95 ms".padStart(20)}${"DCL ms".padStart(9)}${"keystroke ms".padStart(14)}${"CLS".padStart(7)}${"KiB 3 s".padStart(9)}${"KiB typed".padStart(11)}${"× Mozilla".padStart(11)}`);
for (const [name, r] of Object.entries(results)) {
  console.log(
    `${name.padEnd(20)}${`${Math.round(r.first_output_ms.median)} / ${Math.round(r.first_output_ms.p95)}`.padStart(20)}${String(Math.round(r.dom_content_loaded_ms.median)).padStart(9)}${String(Math.round(r.first_keystroke_shown_ms.median)).padStart(14)}${r.layout_shift.median.toFixed(3).padStart(7)}${String(r.first_3s_untouched_gzip_kib).padStart(9)}${String(r.transfer_after_first_keystroke_gzip_kib).padStart(11)}${String(r.first_output_ratio_to_mozilla ?? "").padStart(11)}`,
  );
}
