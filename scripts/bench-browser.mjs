// Browser benchmark of the release build in dist/, in Debian's Chromium (not a pass/fail test):
//  - load: navigation start until the complete default output is in the page, over fresh loads;
//  - interaction: from an input event until the last output changed in the page, over typed
//    keystrokes in several fields, measured inside the page with performance.now() and a
//    MutationObserver; then the same with 1,000 allowed users pasted in; then with every list
//    field at its limit (50 groups, 500 users, 50 domains, 32 scopes, 32 extra parameters) and
//    every section open, blueprint and Terraform included.
// The playground renders inside a shadow root of its mount element; the page's script looks in
// there.
// Writes target/bench/browser.json.   node scripts/bench-browser.mjs [loads] [keystrokes]
import { mkdirSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { launchOptions, ports, serve } from "./browser.mjs";

const loads = Number(process.argv[2] ?? 25);
const keystrokes = Number(process.argv[3] ?? 240);
const port = ports.bench;
const server = serve(port, "/=dist");
const base = `http://127.0.0.1:${port}/`;
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

// Interaction: type into fields one character at a time; each keystroke's time runs from just
// before the input event to the last DOM change it caused.
async function typing(page, fields, count) {
  return page.evaluate(
    async ({ fields, count }) => {
      const root = document.querySelector("[data-headscale-playground]")?.shadowRoot ?? document;
      const outputs = root.querySelector(".hsp");
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
      for (let i = 0; i < count; i++) {
        const selector = fields[i % fields.length];
        const field = root.querySelector(selector);
        const text = "abcdefghij"[i % 10];
        const start = performance.now();
        last = start;
        field.value = field.value.length > 40 ? text : field.value + text;
        field.dispatchEvent(new InputEvent("input", { bubbles: true }));
        await settle();
        times.push(last - start);
      }
      return times;
    },
    { fields, count },
  );
}

const fields = ["#hsp-slug", "#hsp-authentik-url", "#hsp-headscale-url", "#hsp-allowed-groups", "#hsp-app-name", "#hsp-extra-params"];
const page = await browser.newPage();
await page.goto(base);
await page.locator("#hsp-headscale-config pre").waitFor();
const interaction = await typing(page, fields, keystrokes);

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
await limits.goto(base);
await limits.locator("#hsp-headscale-config pre").waitFor();
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
  paste_1000_users_ms: Math.round(pasteTime * 100) / 100,
  interaction_with_1000_users_ms: { goal_p95: 4, ...stats(withUsers) },
  interaction_at_the_limits_every_section_open_ms: { goal_p95: 16, ...stats(atLimits) },
};
await browser.close();
server.kill();
mkdirSync("target/bench", { recursive: true });
writeFileSync("target/bench/browser.json", JSON.stringify(results, null, 2) + "\n");
console.log(JSON.stringify(results, null, 2));
