// Browser benchmark of the release build in dist/, in Debian's Chromium (not a pass/fail test):
//  - load: navigation start until the complete default output is in the page, over fresh loads;
//  - interaction: from an input event until the last output changed in the page, over typed
//    keystrokes in several fields, measured inside the page with performance.now() and a
//    MutationObserver; then the same with 1,000 allowed users pasted in; then with every list
//    field at its limit (50 groups, 500 users, 50 domains, 32 scopes, 32 extra parameters) and
//    every section open, blueprint and Terraform included;
//  - the same keystrokes, in the same run and interleaved with the playground's, on Mozilla's
//    SSL Configuration Generator (from PEERS_DIR, see scripts/browser.mjs), timed from the change event its output
//    follows (a typed character, then Enter), so that the figures compare as ratios.
// The playground renders inside a shadow root of its mount element, once woken (its WebAssembly
// is fetched on the reader's first use); the page's script looks in there.
// Writes target/bench/browser.json.   BENCH_PORT=8095 node scripts/bench-browser.mjs [loads] [keystrokes]
// (the playground is served on BENCH_PORT, Mozilla's generator on BENCH_PORT + 1).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { join } from "node:path";
import { launchOptions, peersDir, peersMissing, ports, serve } from "./browser.mjs";

const loads = Number(process.argv[2] ?? 25);
const keystrokes = Number(process.argv[3] ?? 240);
const port = ports.bench;
const server = serve(port, "/=dist");
const base = `http://127.0.0.1:${port}/`;
const mozillaFolder = peersDir && join(peersDir, "mozilla-ssl-config");
const mozillaServer = mozillaFolder && existsSync(mozillaFolder)
  ? serve(port + 1, `/=${mozillaFolder}`)
  : null;
if (!mozillaServer) console.log(peersMissing);
const mozilla = `http://127.0.0.1:${port + 1}/#server=nginx&version=1.27.3&config=intermediate&openssl=3.4.0`;
await new Promise((resolve) => setTimeout(resolve, 500));

const browser = await chromium.launch(launchOptions);

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p))];
  const round = (ms) => Math.round(ms * 100) / 100;
  return { n: sorted.length, median: round(at(0.5)), p95: round(at(0.95)), min: round(sorted[0]), max: round(sorted.at(-1)) };
};

// Load: a MutationObserver installed before any script records when every output shown by
// default is filled in: the checks, the authentik settings, the Headscale YAML and environment.
// (The blueprint and the Terraform are built only once their tab is selected.)
const loadTimes = [];
for (let i = 0; i < loads; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const root = () => document.querySelector("[data-headscale-playground]")?.shadowRoot ?? document;
    const done = () =>
      root().querySelector(".hsp-checks-summary") &&
      root().querySelector("#hsp-authentik-settings dd") &&
      root().querySelector("#hsp-headscale-config pre")?.textContent.includes("issuer:") &&
      root().querySelector("#hsp-headscale-environment pre")?.textContent.includes("HEADSCALE_");
    const check = (observer) => {
      if (!window.__loaded && done()) {
        window.__loaded = performance.now();
        observer?.disconnect();
      }
    };
    const watch = (target) => {
      const observer = new MutationObserver(() => check(observer));
      observer.observe(target, { childList: true, subtree: true, characterData: true, attributes: target === document });
      check(observer);
    };
    // The document until the shadow root appears, then the shadow root too.
    new MutationObserver((_, observer) => {
      const shadow = document.querySelector("[data-headscale-playground]")?.shadowRoot;
      if (shadow) {
        observer.disconnect();
        watch(shadow);
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
    watch(document);
  });
  await page.goto(base);
  loadTimes.push(await page.waitForFunction(() => window.__loaded).then((handle) => handle.jsonValue()));
  await context.close();
}

/** Opens the playground and wakes it, as a reader's first focus would, until it has started. */
async function openPlayground(page) {
  await page.goto(base);
  await page.waitForFunction(() => {
    document.querySelector("[data-headscale-playground]")?.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
    return ![...document.querySelectorAll("[data-headscale-playground]")].some((host) => host.shadowRoot?.querySelector("[data-hsp-prerendered]")) && document.querySelector("[data-headscale-playground]")?.shadowRoot?.querySelector("#hsp-headscale-config pre");
  }, null, { polling: 100 });
}

// Interaction: type into fields one character at a time; each keystroke's time runs from just
// before the input event (with `commit`, the change event that follows it, as Enter sends) to
// the last DOM change it caused.
async function typing(page, fields, count, { watch = ".hsp", commit = false } = {}) {
  return page.evaluate(
    async ({ fields, count, watch, commit }) => {
      const root = document.querySelector("[data-headscale-playground]")?.shadowRoot ?? document;
      const outputs = root.querySelector(watch);
      let last = 0;
      new MutationObserver(() => (last = performance.now())).observe(outputs, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      });
      const settle = async () => {
        // Until two turns of the event loop pass without a change.
        let seen = -1;
        while (seen !== last) {
          seen = last;
          await new Promise((resolve) => setTimeout(resolve, 0));
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      };
      const times = [];
      const first = new Map();
      for (let i = 0; i < count; i++) {
        const selector = fields[i % fields.length];
        const field = root.querySelector(selector);
        const text = "abcdefghij"[i % 10];
        let start = performance.now();
        last = start;
        // Long values start again from the field's first value (a version stays a version).
        if (!first.has(field)) first.set(field, field.value);
        field.value = field.value.length > 40 ? first.get(field) + text : field.value + text;
        field.dispatchEvent(new InputEvent("input", { bubbles: true }));
        if (commit) {
          await settle();
          start = performance.now();
          last = start;
          field.dispatchEvent(new Event("change", { bubbles: true }));
          // Its output follows asynchronously, a few milliseconds later: wait for the change.
          const limit = start + 1_000;
          while (last === start && performance.now() < limit) await new Promise((resolve) => setTimeout(resolve, 0));
        }
        await settle();
        times.push(last - start);
      }
      return times;
    },
    { fields, count, watch, commit },
  );
}

const fields = ["#hsp-slug", "#hsp-authentik-url", "#hsp-headscale-url", "#hsp-allowed-groups", "#hsp-app-name", "#hsp-extra-params"];
const page = await browser.newPage();
await openPlayground(page);
// Mozilla's generator in its own tab, typed into in turns with the playground.
const peer = mozillaServer ? await browser.newPage() : null;
if (peer) {
  await peer.goto(mozilla);
  await peer.locator("#output-config").getByText("ssl_protocols").first().waitFor();
}
const interaction = [];
const mozillaInteraction = [];
// Each tab is brought to the front before it is typed into: a background tab's timers are
// throttled.
for (let block = 0; block < 8; block++) {
  await page.bringToFront();
  interaction.push(...(await typing(page, fields, Math.ceil(keystrokes / 8))));
  if (!peer) continue;
  await peer.bringToFront();
  mozillaInteraction.push(...(await typing(peer, ["#version"], Math.ceil(keystrokes / 8), { watch: "body", commit: true })));
}
await page.bringToFront();

const pasteTime = await page.evaluate(async () => {
  const users = Array.from({ length: 1000 }, (_, i) => `user${i}@example.com`).join("\n");
  const root = document.querySelector("[data-headscale-playground]")?.shadowRoot ?? document;
  const field = root.querySelector("#hsp-allowed-users");
  const start = performance.now();
  field.value = users;
  field.dispatchEvent(new InputEvent("input", { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return performance.now() - start;
});
const withUsers = await typing(page, fields, keystrokes);

// Every list at its limit, every section open.
const limits = await browser.newPage();
await limits.bringToFront();
await openPlayground(limits);
// The heaviest output (the blueprint, built only while its tab is selected) and the import
// panel open.
await limits.getByRole("tab", { name: "authentik blueprint", exact: true }).click();
for (const summary of ["#hsp-import-panel summary"]) {
  await limits.locator(summary).click();
}
await limits.getByText("What links and this browser keep").click();
await limits.evaluate(() => {
  const root = document.querySelector("[data-headscale-playground]").shadowRoot;
  const list = (n, item) => Array.from({ length: n }, (_, i) => item(i)).join("\n");
  const fill = (selector, text) => {
    const field = root.querySelector(selector);
    field.value = text;
    field.dispatchEvent(new InputEvent("input", { bubbles: true }));
  };
  fill("#hsp-allowed-groups", list(50, (i) => `group-${i}`));
  fill("#hsp-allowed-users", list(500, (i) => `user${i}@example.com`));
  fill("#hsp-allowed-domains", list(50, (i) => `d${i}.example.com`));
  fill("#hsp-scopes", ["openid", "profile", "email", ...Array.from({ length: 29 }, (_, i) => `s${i}`)].join(" "));
  fill("#hsp-extra-params", list(32, (i) => `p${i}=v${i}`));
});
await limits.waitForTimeout(500);
const atLimitFields = ["#hsp-slug", "#hsp-authentik-url", "#hsp-headscale-url", "#hsp-app-name", "#hsp-client-id"];
const atLimits = await typing(limits, atLimitFields, keystrokes);

const results = {
  machine: { cores: (await import("node:os")).cpus().length, browser: browser.version() },
  load_ms: { goal_median: 100, ...stats(loadTimes) },
  interaction_ms: { goal_p95: 4, ...stats(interaction) },
  ...(peer ? { mozilla_interaction_from_enter_ms: stats(mozillaInteraction) } : {}),
  paste_1000_users_ms: Math.round(pasteTime * 100) / 100,
  interaction_with_1000_users_ms: { goal_p95: 8, ...stats(withUsers) },
  interaction_at_the_limits_every_section_open_ms: { goal_p95: 16, ...stats(atLimits) },
};
await browser.close();
server.kill();
mozillaServer?.kill();
mkdirSync("target/bench", { recursive: true });
writeFileSync("target/bench/browser.json", JSON.stringify(results, null, 2) + "\n");
console.log(JSON.stringify(results, null, 2));
