// Load benchmark of the playground against two peer generators (in PEERS_DIR, see
// scripts/browser.mjs: Mozilla's SSL Configuration Generator and nginxconfig.io), measured as a
// reader sees it. Not a pass/fail test: speed is compared as ratios in the same run.
//
// Two profiles, each an interleaved run of fresh loads in Debian's Chromium, every request to
// another host refused, every page served by the same compressing static server:
//  - unthrottled;
//  - throttled through the DevTools protocol: 150 ms round trip, 1.6 Mbit/s each way, and the
//    CPU slowed down four times.
// For each page and profile, median and p95 of:
//  - painted: when the output block is first painted with its text: the first frame rendered
//    with the text in the page, and never before the first contentful paint (a frame's
//    rendering runs only once the render-blocking styles have arrived). The same for every page.
//    Where Element Timing reports the paint itself (the playground marks its output blocks with
//    `elementtiming`, but Chromium reports no element inside a shadow root), it is recorded
//    beside it as a cross-check;
//  - text: when the output's text is in the page (present, not necessarily painted);
//  - FCP and DOMContentLoaded;
//  - first use: a keystroke typed at DOMContentLoaded, until it shows in the output (for the
//    playground this fetches and starts its WebAssembly);
//  - the cumulative layout shift until then, and the bytes transferred by then (over the wire,
//    compressed); and what a reader who opens the page and touches nothing transfers in 3 s.
// Writes target/bench/peers.json.
//   PEERS_DIR=… node scripts/bench-peers.mjs [loads] [unthrottled|throttled]
// (the pages are served on the peers' ports of scripts/browser.mjs, PEERS_PORT moves them).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { launchOptions, peersDir, peersMissing, ports, serveCompressed } from "./browser.mjs";

const loads = Number(process.argv[2] ?? 9);
const only = process.argv[3];
if (!peersDir) console.log(peersMissing);
const pages = [
  {
    name: "playground",
    folder: "dist",
    path: "/",
    output: "#hsp-panel-headscale-config pre",
    // The playground names its output blocks' Element Timing after their titles.
    timing: "hsp-headscale-config-title",
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

const profiles = [
  { name: "unthrottled" },
  { name: "throttled", latency: 150, throughput: 1_600_000 / 8, cpu: 4 },
].filter((profile) => !only || profile.name === only);

const servers = pages.map((page, index) => {
  page.port = ports.peers + index;
  return serveCompressed(page.port, `/=${page.folder}`);
});
for (const page of pages) {
  for (let tries = 0; ; tries++) {
    const up = await fetch(`http://127.0.0.1:${page.port}/`).then(() => true, () => false);
    if (up) break;
    if (tries > 100) throw new Error(`${page.name}'s server did not start`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const browser = await chromium.launch(launchOptions);

const stats = (values) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p))];
  const round = (value) => (value === undefined ? null : Math.round(value * 1000) / 1000);
  return { n: sorted.length, of: values.length, median: round(at(0.5)), p95: round(at(0.95)) };
};

/** A fresh tab on the page's server in the given profile, refusing other hosts and counting
 * the bytes that cross the network. */
async function open(page, profile) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  const origin = `http://127.0.0.1:${page.port}`;
  await tab.route((url) => !url.href.startsWith(origin) && !url.href.startsWith("blob:") && !url.href.startsWith("data:"), (route) => route.abort());
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  const counted = { bytes: 0 };
  cdp.on("Network.loadingFinished", (event) => (counted.bytes += event.encodedDataLength));
  if (profile.latency) {
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: profile.latency,
      downloadThroughput: profile.throughput,
      uploadThroughput: profile.throughput,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
  }
  return { context, tab, origin, counted };
}

/** What a reader who opens the page and does not touch it transfers in its first 3 s. */
async function untouched(page, profile) {
  const { context, tab, origin, counted } = await open(page, profile);
  await tab.goto(`${origin}${page.path}`, { waitUntil: "commit" });
  await tab.waitForTimeout(3_000);
  const bytes = counted.bytes;
  await context.close();
  return bytes;
}

/** Installed before any of the page's scripts: paint, presence and layout-shift recorders. */
function recorders({ output, marker, timing }) {
  const w = window;
  // The output may sit in the playground's shadow root (declared in the HTML or attached).
  w.__find = (selector) =>
    document.querySelector(selector) ?? document.querySelector("[data-headscale-playground]")?.shadowRoot?.querySelector(selector);
  w.__shift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) w.__shift += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") w.__fcp = entry.startTime;
  }).observe({ type: "paint", buffered: true });
  const identifier = timing ?? "bench-output";
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.identifier === identifier && !w.__painted && w.__find(output)?.textContent.includes(marker)) {
        w.__painted = entry.renderTime || entry.loadTime;
      }
    }
  }).observe({ type: "element", buffered: true });
  const present = () => {
    if (!w.__text && w.__find(output)?.textContent.includes(marker)) w.__text = performance.now();
    return w.__text;
  };
  new MutationObserver((_, observer) => {
    if (present()) observer.disconnect();
  }).observe(document, { childList: true, subtree: true, characterData: true });
  // The first rendered frame with the text: its paint follows this callback. (A shadow root's
  // changes do not reach a document observer, so this also finds the text there.)
  const frame = (time) => {
    if (present()) w.__framed = time;
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

async function load(page, profile) {
  const { context, tab, origin, counted } = await open(page, profile);
  await tab.addInitScript(recorders, { output: page.output, marker: page.marker, timing: page.timing });
  await tab.goto(`${origin}${page.path}`, { waitUntil: "domcontentloaded", timeout: 60_000 });
  const dcl = await tab.evaluate(() => performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd);
  // A keystroke typed at DOMContentLoaded: when does it show in the output?
  const input = tab.locator(page.input).first();
  await input.waitFor({ state: "attached", timeout: 30_000 }).catch(() => {});
  await input.press("End").catch(() => {});
  await input.pressSequentially("x").catch(() => {});
  if (page.enter) await input.press("Enter").catch(() => {});
  const firstUse = await tab
    .waitForFunction(({ output, typed }) => window.__find(output)?.textContent.includes(typed) && performance.now(), page, {
      timeout: 60_000,
    })
    .then((handle) => handle.jsonValue())
    .catch(() => NaN);
  const value = (name) =>
    tab
      .waitForFunction((name) => window[name], name, { timeout: 10_000 })
      .then((handle) => handle.jsonValue())
      .catch(() => NaN);
  const [text, fcp, framed] = [await value("__text"), await value("__fcp"), await value("__framed")];
  const painted = Math.max(fcp, framed);
  const elementTiming = page.timing ? await value("__painted") : NaN;
  const shift = await tab.evaluate(() => window.__shift);
  const bytes = counted.bytes;
  await context.close();
  return { painted, elementTiming, text, fcp, dcl, firstUse, shift, bytes };
}

const results = {};
for (const profile of profiles) {
  const runs = Object.fromEntries(pages.map((page) => [page.name, []]));
  for (let i = 0; i < loads; i++) {
    for (const page of pages) runs[page.name].push(await load(page, profile));
  }
  const quiet = Object.fromEntries(pages.map((page) => [page.name, []]));
  for (let i = 0; i < 3; i++) {
    for (const page of pages) quiet[page.name].push(await untouched(page, profile));
  }
  results[profile.name] = {};
  for (const [name, list] of Object.entries(runs)) {
    const of = (key) => stats(list.map((run) => run[key]));
    results[profile.name][name] = {
      output_painted_ms: of("painted"),
      output_painted_element_timing_ms: of("elementTiming"),
      output_text_ms: of("text"),
      first_contentful_paint_ms: of("fcp"),
      dom_content_loaded_ms: of("dcl"),
      first_use_ms: of("firstUse"),
      layout_shift: of("shift"),
      bytes_by_first_use_kib: Math.round((stats(list.map((run) => run.bytes)).median / 1024) * 10) / 10,
      bytes_untouched_3s_kib: Math.round((stats(quiet[name]).median / 1024) * 10) / 10,
    };
  }
  const mozilla = results[profile.name]["mozilla-ssl-config"];
  if (mozilla) {
    for (const result of Object.values(results[profile.name])) {
      const ratio = (key) => Math.round((result[key].median / mozilla[key].median) * 100) / 100;
      result.painted_ratio_to_mozilla = ratio("output_painted_ms");
      result.first_use_ratio_to_mozilla = ratio("first_use_ms");
    }
  }
}
await browser.close();
for (const server of servers) server.kill();

mkdirSync("target/bench", { recursive: true });
writeFileSync("target/bench/peers.json", JSON.stringify({ loads, results }, null, 2) + "\n");
const pair = (s) => (s.median === null ? "—" : `${Math.round(s.median)} / ${Math.round(s.p95)}`);
const columns = ["page", "painted", "text", "FCP", "first use", "CLS", "KiB used", "KiB 3 s", "× Moz paint", "× Moz use"];
for (const [profile, byPage] of Object.entries(results)) {
  console.log(`\n${profile} (median / p95 ms of ${loads} loads)`);
  console.log(`| ${columns.join(" | ")} |`);
  console.log(`|${columns.map(() => "---").join("|")}|`);
  for (const [name, r] of Object.entries(byPage)) {
    const cells = [
      name,
      pair(r.output_painted_ms),
      pair(r.output_text_ms),
      pair(r.first_contentful_paint_ms),
      pair(r.first_use_ms),
      (r.layout_shift.median ?? 0).toFixed(3),
      r.bytes_by_first_use_kib,
      r.bytes_untouched_3s_kib,
      r.painted_ratio_to_mozilla ?? "",
      r.first_use_ratio_to_mozilla ?? "",
    ];
    console.log(`| ${cells.join(" | ")} |`);
  }
}
