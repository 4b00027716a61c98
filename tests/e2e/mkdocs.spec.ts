import { expect, test, type Page } from "@playwright/test";
import { existsSync, readFileSync } from "node:fs";
import { ports } from "./ports";
import { layoutProblems, openGroups } from "./ui";
import { wake } from "./fixtures";

// The embed in a real MkDocs site in the shape of Headscale's documentation (MaterialX for
// MkDocs, Headscale's palette switch, features and plugins, with navigation.instant on), built
// by scripts/mkdocs-site.sh from docs/embed/mkdocs/site/ exactly as docs/embed/mkdocs/README.md
// says, and served under /headscale/ as GitHub Pages serves Headscale's docs.
const site = `http://127.0.0.1:${ports.mkdocs}/headscale`;
test.skip(!existsSync("target/mkdocs-site/build/index.html"), "the MkDocs test site is not built");

/** The widget with the example rendered at build time, and the compact one without it. */
const OIDC = `${site}/ref/oidc/`;
const COMPACT = `${site}/ref/authentik/`;
const host = (page: Page) => page.locator("[data-headscale-playground]");
const yaml = (page: Page) => page.locator("#hsp-panel-headscale-config pre");

/** Material's page asks for web fonts and the repository's facts from other hosts; nothing
 * outside the test server is reachable here, and the tests should not wait for it. Console
 * errors and page errors of the site's own origin are collected. */
async function offline(page: Page) {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  const problems: string[] = [];
  page.on("console", (message) => {
    const from = message.location().url;
    if ((message.type() === "error" || message.type() === "warning") && from.startsWith(site)) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

/** Holds the WebAssembly back until `release` is called. */
async function holdWasm(page: Page) {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  return () => release();
}

/** Layout shifts the page has seen, summed as the Cumulative Layout Shift counts them. */
async function watchShifts(page: Page) {
  await page.addInitScript(() => {
    (window as any).__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) (window as any).__shift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  return () => page.evaluate(() => (window as any).__shift as number);
}

const started = (page: Page) =>
  page.waitForFunction(() => {
    const element = document.querySelector("[data-headscale-playground]");
    return Boolean(element?.hasAttribute("data-hsp-mounted") && !element.shadowRoot?.querySelector("[data-hsp-prerendered]"));
  }, undefined, { timeout: 15_000 });

const mountedCount = (page: Page) => page.evaluate(async (src) => (await import(src)).mountedCount(), `${site}/playground/embed.js`);

test("the recipe's configuration and elements are the test site's, word for word", () => {
  const readme = readFileSync("docs/embed/mkdocs/README.md", "utf8");
  const blocks = (language: string) => [...readme.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]);
  const config = readFileSync("docs/embed/mkdocs/site/mkdocs.yml", "utf8");
  const [yamlBlock] = blocks("yaml");
  expect(config).toContain(yamlBlock);
  const pages = ["ref/oidc.md", "ref/authentik.md"].map((path) => readFileSync(`docs/embed/mkdocs/site/docs/${path}`, "utf8"));
  const elements = blocks("html");
  expect(elements).toHaveLength(2);
  for (const element of elements) expect(pages.some((page) => page.includes(element)), element).toBe(true);
});

test("the page at a directory URL under a sub-path loads embed.js from extra_javascript and shows the example", async ({ page, request }) => {
  const problems = await offline(page);
  const html = await (await request.get(OIDC)).text();
  // MkDocs wrote the path relative to the page: two levels up from /headscale/ref/oidc/ (the
  // URL is put together so that it is not read as a path of this repository).
  expect(html).toContain(`<script src=${"../".repeat(2)}playground/embed.js type=module>`);
  // The example is in the page's HTML, as a declarative shadow root with its styles.
  expect(html).toMatch(/<div data-headscale-playground>\s*<template shadowrootmode=open data-search-exclude data-pagefind-ignore=all><style>/);
  const loaded: string[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith("embed.js")) loaded.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  await page.goto(OIDC);
  await expect(yaml(page)).toContainText("issuer: https://authentik.company/application/o/headscale/");
  expect(loaded).toEqual(["200 /headscale/playground/embed.js"]);
  await wake(page);
  await expect(page.getByLabel("Client ID")).toHaveValue(/^[A-Za-z0-9]{40}$/);
  expect(problems).toEqual([]);
});

test("when embed.js cannot be loaded, both kinds of element say why", async ({ page }) => {
  await offline(page);
  await page.route("**/playground/embed.js", (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto(COMPACT);
  // The element's own line, at once.
  await expect(host(page)).toContainText("if this line stays, the page could not load the playground's embed.js");
  await expect(host(page).getByText("The Headscale × authentik playground loads here")).toBeVisible();
  await page.goto(OIDC);
  // The example stays readable and, once it is clear that no loader came, says so.
  await expect(yaml(page)).toContainText("issuer: https://authentik.company/application/o/headscale/");
  await expect(page.getByText("the page could not load embed.js")).toBeVisible({ timeout: 10_000 });
});

test("the example is styled before any script runs, and the site's CSS does not reach it", async ({ browser }) => {
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await offline(page);
    // With scripts on, embed.js is held back (so the page never finishes loading): what shows
    // is the page's HTML alone.
    await page.route("**/playground/embed.js", () => {});
    await page.goto(OIDC, { waitUntil: "commit" });
    await expect(yaml(page)).toContainText("issuer: https://authentik.company/application/o/headscale/");
    const looks = await host(page).evaluate((element) => {
      const root = element.shadowRoot!;
      const style = (selector: string) => getComputedStyle(root.querySelector(selector)!);
      return {
        pre: style("#hsp-panel-headscale-config pre").fontFamily,
        form: style(".hsp-form").borderTopStyle,
        group: style("details.hsp-group").backgroundColor,
        title: style(".hsp-title").fontSize,
        pageTitle: getComputedStyle(document.querySelector("article h1")!).fontSize,
      };
    });
    // Its own monospace output and bordered form; not Material's details bars or bullets.
    expect(looks.pre, `scripts ${javaScriptEnabled}`).toMatch(/Roboto Mono|monospace/);
    expect(looks.form).toBe("solid");
    expect(looks.group).toBe("rgba(0, 0, 0, 0)");
    // A section's title under the page's own, not as large.
    expect(parseFloat(looks.title)).toBeLessThan(parseFloat(looks.pageTitle) * 0.7);
    await context.close();
  }
});

test("the app takes the example over with no layout shift", async ({ page }) => {
  const problems = await offline(page);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const shift = await watchShifts(page);
    const release = await holdWasm(page);
    await page.goto(OIDC);
    await expect(yaml(page)).toContainText("issuer: https://authentik.company/application/o/headscale/");
    await host(page).scrollIntoViewIfNeeded();
    const before = await host(page).evaluate((element) => element.getBoundingClientRect().height);
    await wake(page, { wait: false });
    release();
    await started(page);
    await expect(page.getByLabel("Client ID")).toHaveValue(/^[A-Za-z0-9]{40}$/);
    const after = await host(page).evaluate((element) => element.getBoundingClientRect().height);
    const total = await shift();
    console.log(`takeover at ${width} px: layout shift ${total.toFixed(4)}, widget ${before.toFixed(0)} → ${after.toFixed(0)} px`);
    expect(total).toBeLessThanOrEqual(0.01);
    expect(after).toBe(before);
    await page.unroute("**/*.wasm");
    await page.evaluate(() => localStorage.clear());
  }
  expect(problems).toEqual([]);
});

/** Material's palette switch: clicks it until the page is in `scheme`, chosen by the reader
 * ("default" or "slate"), or in the system's mode ("auto"). */
async function choosePalette(page: Page, wanted: "default" | "slate" | "auto") {
  const state = () =>
    page.evaluate(() => {
      const media = document.body.getAttribute("data-md-color-media");
      return media === "(prefers-color-scheme)" ? "auto" : document.body.getAttribute("data-md-color-scheme");
    });
  for (let tries = 0; tries < 4 && (await state()) !== wanted; tries++) {
    await page.locator("form[data-md-component=palette] label:visible").first().click();
  }
  expect(await state()).toBe(wanted);
}

/** The widget's scheme, background and link colour, and what Material's page has. */
const colours = (page: Page) =>
  host(page).evaluate((element) => {
    const widget = element.shadowRoot!.querySelector(".hsp")!;
    const probe = document.createElement("a");
    probe.style.color = "var(--md-typeset-a-color)";
    probe.style.backgroundColor = "var(--md-default-bg-color)";
    document.querySelector("article")!.append(probe);
    const expected = { accent: getComputedStyle(probe).color, background: getComputedStyle(probe).backgroundColor };
    probe.remove();
    return {
      scheme: getComputedStyle(widget).colorScheme,
      background: getComputedStyle(widget).backgroundColor,
      accent: getComputedStyle(widget.querySelector("a")!).color,
      font: getComputedStyle(widget).fontFamily,
      expected,
      siteFont: getComputedStyle(document.querySelector("article")!).fontFamily,
      site: document.body.getAttribute("data-md-color-scheme"),
    };
  });

test("light and dark follow the site's switch over the system's, live, in all four combinations", async ({ page }) => {
  await offline(page);
  for (const started of [false, true]) {
    for (const system of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: system });
      await page.goto(OIDC);
      if (started) await wake(page);
      await expect(yaml(page)).toBeVisible();
      for (const site of ["default", "slate", "default"] as const) {
        await choosePalette(page, site);
        const want = site === "slate" ? "dark" : "light";
        await expect.poll(async () => (await colours(page)).scheme, `${system} system, ${site} site`).toBe(want);
        const found = await colours(page);
        expect(found.background).toBe(found.expected.background);
        expect(found.accent).toBe(found.expected.accent);
        expect(found.font).toBe(found.siteFont);
      }
      // The system's mode follows the system, live.
      await choosePalette(page, "auto");
      await expect.poll(async () => (await colours(page)).scheme).toBe(system === "dark" ? "dark" : "light");
      const other = system === "dark" ? "light" : "dark";
      await page.emulateMedia({ colorScheme: other });
      await expect.poll(async () => (await colours(page)).scheme).toBe(other);
    }
  }
});

/** Listeners on window, document and body, through the DevTools protocol. */
async function listeners(page: Page) {
  const session = await page.context().newCDPSession(page);
  let count = 0;
  for (const expression of ["window", "document", "document.body"]) {
    const { result } = await session.send("Runtime.evaluate", { expression });
    const found = await session.send("DOMDebugger.getEventListeners", { objectId: result.objectId! });
    count += found.listeners.length;
  }
  await session.detach();
  return count;
}

/** Shadow roots in the heap whose element is no longer in the page, and the heap's size. */
async function detached(page: Page) {
  const session = await page.context().newCDPSession(page);
  await session.send("HeapProfiler.collectGarbage");
  const { result: prototype } = await session.send("Runtime.evaluate", { expression: "ShadowRoot.prototype" });
  const { objects } = await session.send("Runtime.queryObjects", { prototypeObjectId: prototype.objectId! });
  const { result } = await session.send("Runtime.callFunctionOn", {
    objectId: objects.objectId!,
    functionDeclaration: "function () { return [this.filter((root) => !root.host.isConnected).length, this.length]; }",
    returnByValue: true,
  });
  const { usedSize } = await session.send("Runtime.getHeapUsage");
  await session.detach();
  const [roots, all] = result.value as [number, number];
  return { roots, all, heap: usedSize };
}

test("30 instant-navigation round trips: one widget, styled and working, nothing left behind", async ({ page }) => {
  test.setTimeout(180_000);
  const problems = await offline(page);
  await page.goto(OIDC);
  await wake(page);
  await expect(yaml(page)).toBeVisible();
  const nav = (name: string) => page.locator("nav.md-nav--primary").getByRole("link", { name, exact: true });
  let round = 0;
  const roundTrip = async () => {
    round++;
    await nav("Configuration").click();
    await expect(page).toHaveURL(`${site}/ref/configuration/`);
    await expect(page.locator("article h1")).toContainText("Configuration");
    await expect(host(page)).toHaveCount(0);
    await expect.poll(() => mountedCount(page)).toBe(0);
    await nav("OpenID Connect").click();
    await expect(page).toHaveURL(OIDC);
    await expect(host(page)).toHaveCount(1);
    // There at once, styled, and the app in it: the page has its WebAssembly already.
    await started(page);
    const font = await yaml(page).evaluate((pre) => getComputedStyle(pre).fontFamily);
    expect(font, `round ${round}`).toMatch(/Roboto Mono|monospace/);
  };
  for (let i = 0; i < 3; i++) await roundTrip();
  const before = { listeners: await listeners(page), ...(await detached(page)), widgets: await mountedCount(page) };
  for (let i = 0; i < 30; i++) await roundTrip();
  // Still working: typing changes the output.
  await page.getByLabel("Headscale URL").fill("after.example.org");
  await expect(yaml(page)).toContainText("https://after.example.org");
  const after = { listeners: await listeners(page), ...(await detached(page)), widgets: await mountedCount(page) };
  console.log(
    `30 round trips: widgets ${before.widgets} → ${after.widgets}, listeners ${before.listeners} → ${after.listeners}, ` +
      `detached shadow roots ${before.roots} → ${after.roots} (of ${before.all} → ${after.all}), heap ${(before.heap / 1e6).toFixed(2)} → ${(after.heap / 1e6).toFixed(2)} MB`,
  );
  expect(after.widgets).toBe(1);
  expect(await page.locator(".hsp").count()).toBe(1);
  expect(after.listeners).toBe(before.listeners);
  expect(after.roots).toBeLessThanOrEqual(before.roots);
  // The count sees the widget's own root: the measure works.
  expect(after.all).toBeGreaterThanOrEqual(1);
  expect(after.heap - before.heap).toBeLessThan(2_000_000);
  expect(problems).toEqual([]);
});

test("a swap to a page with an element and no example mounts the compact widget", async ({ page }) => {
  await offline(page);
  await page.goto(`${site}/`);
  await page.locator("article").getByRole("link", { name: "authentik in short", exact: true }).click();
  await expect(page).toHaveURL(COMPACT);
  await expect(yaml(page)).toContainText("issuer: https://authentik.company/application/o/headscale/");
  await expect(host(page).getByText("The Headscale × authentik playground loads here")).toBeHidden();
});

test("the site's search index holds none of the widget's labels or placeholders", async ({ request }) => {
  const index = await (await request.get(`${site}/search/search_index.json`)).json();
  const docs = index.docs as { location: string; title: string; text: string }[];
  const oidc = docs.filter((doc) => doc.location.startsWith("ref/oidc/"));
  const compact = docs.filter((doc) => doc.location.startsWith("ref/authentik/"));
  // The pages are indexed, with their own text.
  expect(oidc.map((doc) => doc.text).join(" ")).toContain("Enter your own host names and groups");
  expect(compact.map((doc) => doc.text).join(" ")).toContain("The rest of this page is about authentik itself");
  const text = JSON.stringify([...oidc, ...compact]);
  for (const label of [
    "Copy share link", "Reset", "Headscale URL", "Application slug", "Import an existing Headscale configuration",
    "CLIENT-ID-GENERATED-IN-THE-BROWSER", "authentik.company", "issuer:", "What links and this browser keep",
    "Headscale × authentik single sign-on", "default example", "loads here",
  ]) {
    expect(text, label).not.toContain(label);
  }
  // No entry points into the widget.
  expect(docs.filter((doc) => doc.location.includes("#hsp-"))).toEqual([]);
});

test("the widget fits the page from 320 to 1280 px, in both forms", async ({ page }) => {
  test.setTimeout(120_000);
  await offline(page);
  const heights: string[] = [];
  for (const [name, url] of [["default", OIDC], ["compact", COMPACT]] as const) {
    for (const width of [320, 390, 768, 1024, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      await wake(page);
      await expect(yaml(page)).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} at ${width} px`).toBeLessThanOrEqual(0);
      expect(await layoutProblems(page), `${name} at ${width} px`).toEqual([]);
      const box = await host(page).boundingBox();
      const article = await page.locator("article").boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(article!.x + article!.width + 1);
      if (width === 1280 || width === 390) heights.push(`${name} at ${width} px: ${Math.round(box!.height)} px`);
      if (width === 320 && name === "default") {
        await openGroups(page);
        expect(await layoutProblems(page), "every group open at 320 px").toEqual([]);
      }
      await page.evaluate(() => localStorage.clear());
    }
  }
  console.log(`widget heights: ${heights.join("; ")}`);
});

test("the compact form shows the essentials and the two chosen outputs, titled one level below the page", async ({ page }) => {
  await offline(page);
  await page.goto(COMPACT);
  await wake(page);
  const widget = host(page);
  await expect(widget.getByRole("tab")).toHaveText(["Headscale configuration", "authentik settings"]);
  await expect(widget.getByRole("heading", { level: 2, name: "Headscale × authentik single sign-on" })).toBeVisible();
  await expect(widget.getByRole("heading", { level: 3, name: "Headscale configuration" })).toBeVisible();
  await expect(widget.getByRole("button", { name: "Copy share link" })).toHaveCount(0);
  await expect(widget.getByText("Import an existing Headscale configuration")).toHaveCount(0);
  await expect(widget.locator("details.hsp-group")).toHaveCount(0);
  for (const label of ["Headscale URL", "authentik URL", "Application slug", "Allowed groups", "Headscale version", "authentik version"]) {
    await expect(widget.getByLabel(label, { exact: true })).toBeVisible();
  }
  await page.getByLabel("Headscale URL").fill("vpn.example.org");
  await expect(yaml(page)).toContainText("https://vpn.example.org");
});

test("typing works, and the site's keyboard shortcuts do not take the widget's keys", async ({ page }) => {
  await offline(page);
  await page.goto(OIDC);
  // The shortcuts are live on this page: "s" on the page opens Material's search.
  await page.locator("article h1").click();
  await page.keyboard.press("s");
  await expect(page.locator("#__search")).toBeChecked();
  await page.keyboard.press("Escape");
  await expect(page.locator("#__search")).not.toBeChecked();
  // Typed into the example before the app runs, and after: every key is the field's.
  const field = page.getByLabel("Headscale URL");
  await field.click();
  await field.press("End");
  await page.keyboard.type("/snpf.,");
  await wake(page);
  await page.getByLabel("Allowed groups").click();
  await page.keyboard.type("ops/s.n,p");
  // Still on the page (Material writes the section in view into the address's #hash).
  expect(new URL(page.url()).pathname).toBe("/headscale/ref/oidc/");
  await expect(page.locator("#__search")).not.toBeChecked();
  await expect(field).toHaveValue("https://headscale.company/snpf.,");
  await expect(page.getByLabel("Allowed groups")).toHaveValue(/ops\/s\.n,p$/);
  await expect(yaml(page)).toContainText('- "ops/s.n,p"');
  // The tabs' arrow keys are the widget's too.
  await page.getByRole("tab", { name: "Headscale configuration" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "authentik settings" })).toHaveAttribute("aria-selected", "true");
  expect(new URL(page.url()).pathname).toBe("/headscale/ref/oidc/");
});
