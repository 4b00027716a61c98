// Times the hostile inputs of tests/e2e/hostile.spec.ts on a served release build: how long
// the page takes to answer each one, and its longest main-thread task meanwhile.
//   node scripts/bench-hostile.mjs http://127.0.0.1:8080/ [part of a case's name]
import { chromium } from "@playwright/test";
import { launchOptions } from "./browser.mjs";

const base = process.argv[2] ?? "http://127.0.0.1:8080/";
const only = process.argv[3] ?? "";
const issuer = "https://sso.example.org/application/o/headscale/";
const lines = (n, line) => Array.from({ length: n }, (_, i) => line(i)).join("");
const cases = [
  ["import: 100 000 brackets behind a quote", "import", `x: [a ", ${"[".repeat(100_000)}${"]".repeat(100_000)}]\noidc:\n  issuer: ${issuer}\n`],
  ["import: the same in HEADSCALE_OIDC_EXTRA_PARAMS", "import", `HEADSCALE_OIDC_ISSUER=${issuer}\nHEADSCALE_OIDC_EXTRA_PARAMS='{a: [b ", ${"[".repeat(100_000)}${"]".repeat(100_000)}]}'\n`],
  ["import: 60 000 unknown keys (709 KB)", "import", `oidc:\n  issuer: ${issuer}\n${lines(60_000, (i) => `  k${i}: 1\n`)}`],
  ["import: 20 000 unknown variables", "import", `HEADSCALE_OIDC_ISSUER=${issuer}\n${lines(20_000, (i) => `HEADSCALE_OIDC_UNKNOWN_${i}=1\n`)}`],
  ["import: 2 500 unknown keys (within the limit)", "import", `oidc:\n  issuer: ${issuer}\n${lines(2_500, (i) => `  unknown_key_${i}: 1\n`)}`],
  ["keystroke in Application name, 20 000 unknown keys in the import box", "keystroke-import", `oidc:\n  issuer: ${issuer}\n${lines(20_000, (i) => `  unknown_key_${i}: 1\n`)}`],
  ["keystroke in Application name, 2 500 unknown keys in the import box", "keystroke-import", `oidc:\n  issuer: ${issuer}\n${lines(2_500, (i) => `  unknown_key_${i}: 1\n`)}`],
  ["keystroke with 10 000 groups, blueprint shown", "keystroke-groups", lines(10_000, (i) => `group-${i}\n`)],
  ["keystroke with 50 groups (the limit), blueprint shown", "keystroke-groups", lines(50, (i) => `group-${i}\n`)],
  ["share link with 100 000 parameters", "link", `v=1${"&x=1".repeat(100_000)}`],
  // Read on the page's own thread, as where no worker can run (the offline file, a host policy
  // without worker-src blob:): 4,000 aliases of a 2,000-item list, 40 KB without a bracket.
  ["import on the page's thread: 4 000 aliases of 2 000 items", "import-here", `a: &a\n${lines(2_000, (i) => `  - item${i}\n`)}b:\n${"  - *a\n".repeat(4_000)}oidc:\n  issuer: ${issuer}\n`],
  ["import on the page's thread: four levels of 120 aliases", "import-here", `l0: &l0\n  - x\n${[1, 2, 3, 4].map((l) => `l${l}: &l${l}\n${`  - *l${l - 1}\n`.repeat(120)}`).join("")}oidc:\n  issuer: ${issuer}\n`],
  // Sixteen pastes of 60 KB into the import box, then a keystroke in it.
  ["keystroke in the import box after sixteen 60 KB pastes", "keystroke-pastes", `# ${"x".repeat(60_000)}\n`],
  // 500 allowed users: how long the address is, and how much of it a reload sends.
  ["address with 500 allowed users", "address", lines(500, (i) => `user${i}@example.org\n`)],
  // The same page start with an ordinary link: what the app's own start costs, for comparison.
  ["share link with 2 parameters (for comparison)", "link", "v=1&slug=vpn"],
];

const browser = await chromium.launch(launchOptions);

async function fresh(url = base, { noWorker = false } = {}) {
  const page = await browser.newPage();
  page.setDefaultTimeout(180_000);
  if (noWorker) {
    // The page's policy without worker-src: the import is read on the page's thread.
    await page.route(base, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace("worker-src blob:; ", "") });
    });
  }
  await page.addInitScript(() => {
    window.hspLongest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.hspLongest = Math.max(window.hspLongest, entry.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(url);
  // The playground fetches its WebAssembly on the reader's first action in it: wake it.
  await page.waitForFunction(() => {
    for (const host of document.querySelectorAll("[data-headscale-playground]")) host.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
    return ![...document.querySelectorAll("[data-headscale-playground]")].some((host) => host.shadowRoot?.querySelector("[data-hsp-prerendered]"));
  }, null, { polling: 100 });
  await page.getByLabel("Headscale URL").waitFor();
  // Until the app has taken over the copy rendered at build time, clicks on it do nothing.
  await page.waitForFunction(() =>
    ![...document.querySelectorAll("[data-headscale-playground]")].some((host) => host.shadowRoot?.querySelector("[data-hsp-prerendered]")) &&
    [...document.querySelectorAll("[data-headscale-playground]")].every((host) => host.hasAttribute("data-hsp-mounted")),
  );
  return page;
}

async function paste(page, label, text) {
  await page.evaluate((text) => Object.assign(window, { hspPaste: text }), text);
  await page.evaluate(() => (window.hspLongest = 0));
  const started = Date.now();
  await page.getByLabel(label).evaluate((element) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData("text/plain", window.hspPaste);
    if (!element.dispatchEvent(new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }))) return;
    element.setRangeText(window.hspPaste, element.selectionStart, element.selectionEnd, "end");
    element.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  });
  // Answered once the result is shown (not only that the text is being read) and the page runs
  // script again.
  if (label === "Import Headscale config") {
    await page.locator("#hsp-import-result").filter({ hasText: /\S/ }).filter({ hasNotText: "Reading the text" }).waitFor();
  }
  await page.evaluate(() => 0);
  return Date.now() - started;
}

async function keystroke(page, label) {
  await page.evaluate(() => (window.hspLongest = 0));
  const started = Date.now();
  await page.getByLabel(label).press("End");
  await page.getByLabel(label).press("x");
  // Answered once an output shows the new text (or says it waits), and the page runs script.
  // (Its tab need not be shown: every output panel is built on each keystroke.)
  await page
    .locator("#hsp-headscale-config pre, #hsp-authentik-settings, .hsp-withheld")
    .filter({ hasText: /Headscalex|headscalex|wait until/ })
    .first()
    .waitFor({ state: "attached" });
  await page.evaluate(() => 0);
  return Date.now() - started;
}

for (const [name, kind, text] of cases.filter(([name]) => name.includes(only))) {
  let page;
  let answer;
  if (kind === "link") {
    const started = Date.now();
    page = await fresh(`${base}?${text}`);
    answer = Date.now() - started;
  } else if (kind === "address") {
    page = await fresh();
    const closed = page.locator("details.hsp-group:not([open]) > summary");
    for (let guard = 0; guard < 20 && (await closed.count()) > 0; guard++) await closed.first().click({ timeout: 2_000 }).catch(() => {});
    await paste(page, "Allowed users", text);
    await page.waitForFunction(() => location.hash.length > 1000 || location.search.length > 1000);
    const { href, search, pathname } = await page.evaluate(() => location);
    answer = `address ${href.length} characters, of which a request carries ${pathname.length + search.length} (${search ? "in the query" : "in the fragment"})`;
  } else if (kind === "keystroke-pastes") {
    page = await fresh();
    await page.getByText("Import an existing Headscale configuration").click();
    for (let i = 0; i < 16; i++) await paste(page, "Import Headscale config", text);
    const held = await page.getByLabel("Import Headscale config").evaluate((e) => e.value.length);
    const times = [];
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => (window.hspLongest = 0));
      const started = Date.now();
      await page.getByLabel("Import Headscale config").press("x");
      // Until the frame after the keystroke is drawn: laying out the box is part of it.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
      times.push(Date.now() - started);
    }
    answer = `${held} characters held; keystrokes in it ${times.join(", ")} ms`;
  } else {
    page = await fresh(base, { noWorker: kind === "import-here" });
    if (kind === "import" || kind === "keystroke-import" || kind === "import-here") {
      await page.getByText("Import an existing Headscale configuration").click();
      answer = await paste(page, "Import Headscale config", text);
    }
    // The fields typed into are in groups that start closed.
    const closed = page.locator("details.hsp-group:not([open]) > summary");
    for (let guard = 0; guard < 20 && (await closed.count()) > 0; guard++) await closed.first().click({ timeout: 2_000 }).catch(() => {});
    if (kind === "keystroke-groups") {
      await page.getByRole("tab", { name: "authentik blueprint", exact: true }).click();
      await paste(page, "Allowed groups", text);
    }
    if (kind !== "import" && kind !== "import-here") answer = await keystroke(page, kind === "keystroke-groups" ? "Application slug" : "Application name");
  }
  // A last long task is reported once it ends.
  await page.waitForTimeout(200);
  const longest = await page.evaluate(() => window.hspLongest);
  const answered = typeof answer === "string" ? answer : `answered in ${answer} ms`;
  console.log(`${name}: ${answered}, longest task ${Math.round(longest)} ms`);
  await page.close();
}
await browser.close();
