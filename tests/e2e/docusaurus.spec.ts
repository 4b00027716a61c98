import { expect, test, type Page } from "@playwright/test";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { ports } from "./ports";
import { layoutProblems, openGroups, saved } from "./ui";
import { wake } from "./fixtures";

// The embed in a real Docusaurus site shaped like authentik's documentation (Docusaurus 3.10 with
// Rspack, React 19, two docs plugins), built by scripts/docusaurus-site.sh with the playground's
// package installed from its tarball, served under the base URL /docs-site/ with trailing slashes.
const site = `http://127.0.0.1:${ports.docusaurus}/docs-site`;
// Built by scripts/docusaurus-site.sh, which the test command runs before these tests.
test.skip(!existsSync("target/docusaurus-site/build/index.html"), "the Docusaurus test site is not built");
/** The folder the package's plugin serves the playground from, named by the loader's hash. */
const served = "target/docusaurus-site/build/headscale-playground";
const embedUrl = () => `${site}/headscale-playground/${readdirSync(served)[0]}/embed.js`;
const widget = (page: Page) => page.locator(".headscale-playground");
const yaml = (page: Page) => page.getByRole("region", { name: "Headscale configuration" }).locator("pre");

/** Console errors and warnings, and failed requests, of a page. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

/** The theme the widget is drawn in. */
const scheme = (page: Page) => page.locator(".hsp").first().evaluate((element) => getComputedStyle(element).colorScheme);

test("mounts under the base URL with the page's defaults and logs nothing", async ({ page }) => {
  const problems = watch(page);
  await page.goto(`${site}/authentik/`);
  await expect(yaml(page)).toContainText("issuer: https://authentik.company/application/o/headscale/");
  // The example needs no WebAssembly until the reader acts in it; then the widget takes over.
  expect(await page.evaluate(() => performance.getEntriesByType("resource").some((entry) => entry.name.endsWith(".wasm")))).toBe(false);
  await wake(page);
  await expect(yaml(page)).toContainText("issuer: https://authentik.company/application/o/headscale/");
  await expect(widget(page).getByRole("status").filter({ hasText: "Loading" })).toHaveCount(0);
  // A guest: its title sits under the page's own h1.
  await expect(widget(page).getByRole("heading", { level: 2, name: "Headscale × authentik single sign-on" })).toBeVisible();
  await expect(widget(page).getByRole("heading", { level: 1 })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("follows Docusaurus's light, dark and system themes", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`${site}/authentik/`);
  await wake(page);
  await expect(yaml(page)).toBeVisible();
  const toggle = page.getByRole("button", { name: /Switch between dark and light mode/ });
  const choose = async (mode: string) => {
    for (let tries = 0; tries < 3 && !(await toggle.getAttribute("aria-label"))?.includes(`currently ${mode} mode`); tries++) {
      await toggle.click();
    }
    await expect(toggle).toHaveAttribute("aria-label", new RegExp(`currently ${mode} mode`));
  };
  await choose("light");
  await expect.poll(() => scheme(page)).toBe("light");
  await choose("dark");
  await expect.poll(() => scheme(page)).toBe("dark");
  // System mode follows the reader's system, emulated dark here.
  await choose("system");
  await expect.poll(() => scheme(page)).toBe("dark");
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(() => scheme(page)).toBe("light");
});

test("every option of the component reaches the widget", async ({ page }) => {
  await page.goto(`${site}/vpn-example/`);
  await expect(yaml(page)).toContainText("issuer: https://sso.example.org/application/o/corp-vpn/");
  await expect(page.getByLabel("Application name")).toHaveValue("Corp VPN");
  await expect(page.getByLabel("Scopes")).toHaveValue("openid profile email groups");
  await expect(page.getByLabel("Allowed groups")).toHaveValue("vpn-users");
  await expect(page.getByLabel("Headscale version")).toHaveValue("0.28");
  await expect(page.getByLabel("authentik version")).toHaveValue("2026.5");
  await expect(widget(page).getByRole("heading", { level: 3, name: "Try your own setup" })).toBeVisible();
  // noStorage: typing keeps nothing in the browser.
  await page.getByLabel("Headscale URL").fill("typed.example.org");
  await expect(yaml(page)).toContainText("typed.example.org");
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes("headscale-playground")));
  expect(stored).toEqual([]);
  // The page's address is left alone without syncUrl.
  expect(new URL(page.url()).search).toBe("");
});

/** Listeners on window, through the DevTools protocol. */
async function windowListeners(page: Page) {
  const session = await page.context().newCDPSession(page);
  const { result } = await session.send("Runtime.evaluate", { expression: "window" });
  const { listeners } = await session.send("DOMDebugger.getEventListeners", { objectId: result.objectId! });
  await session.detach();
  return listeners.length;
}

async function heap(page: Page) {
  const session = await page.context().newCDPSession(page);
  await session.send("HeapProfiler.collectGarbage");
  const { usedSize } = await session.send("Runtime.getHeapUsage");
  await session.detach();
  return usedSize;
}

const mounted = (page: Page) => page.evaluate(async (src) => (await import(src)).mountedCount(), embedUrl());

test("client-side navigation mounts and unmounts without leaking", async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watch(page);
  await page.goto(`${site}/authentik/`);
  await wake(page);
  const started = page.locator("[data-hsp-prerendered]");
  await expect(yaml(page)).toBeVisible();
  await expect(started).toHaveCount(0);
  const roundTrip = async () => {
    await page.locator("nav.navbar").getByRole("link", { name: "Introduction" }).click();
    await expect(page).toHaveURL(new RegExp(`/docs-site/$`));
    await expect(page.getByText("has a playground that writes both sides")).toBeVisible();
    await expect.poll(() => mounted(page)).toBe(0);
    await page.locator("nav.navbar").getByRole("link", { name: "authentik", exact: true }).click();
    await expect(page).toHaveURL(/\/docs-site\/authentik\/$/);
    await expect(yaml(page)).toBeVisible();
    await expect(started).toHaveCount(0);
  };
  for (let i = 0; i < 3; i++) await roundTrip();
  const before = { listeners: await windowListeners(page), heap: await heap(page), widgets: await mounted(page) };
  for (let i = 0; i < 30; i++) await roundTrip();
  const after = { listeners: await windowListeners(page), heap: await heap(page), widgets: await mounted(page) };
  console.log(`30 round trips: listeners ${before.listeners} → ${after.listeners}, widgets ${before.widgets} → ${after.widgets}, heap ${(before.heap / 1e6).toFixed(2)} MB → ${(after.heap / 1e6).toFixed(2)} MB`);
  expect(after.widgets).toBe(1);
  expect(after.listeners).toBe(before.listeners);
  // Beyond noise: a leaked playground per visit would add megabytes.
  expect(after.heap - before.heap).toBeLessThan(1_000_000);
  expect(problems).toEqual([]);
});

test("a missing embed.js is explained inside the widget", async ({ page }) => {
  await page.route("**/headscale-playground/*/embed.js", (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto(`${site}/authentik/`);
  const alert = widget(page).getByRole("alert");
  await expect(alert).toContainText(/could not be loaded from \/docs-site\/headscale-playground\/[0-9a-f]{12}\/embed\.js/);
  await expect(alert).toContainText("built with the headscale-sso-playground plugin");
});

test("a Content-Security-Policy without wasm-unsafe-eval is explained inside the widget", async ({ page }) => {
  await page.route(`${site}/authentik/`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), "content-security-policy": "script-src 'self' 'unsafe-inline'" },
    });
  });
  await page.goto(`${site}/authentik/`);
  const alert = widget(page).getByRole("alert");
  // The WebAssembly is fetched when the reader first acts in the widget.
  await expect(async () => {
    await wake(page, { wait: false });
    await expect(alert).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(alert).toContainText("Add 'wasm-unsafe-eval' to its script-src");
});

test("a slow module keeps the loading text until the widget is there", async ({ page }) => {
  let release: () => void = () => {};
  let asked = false;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/headscale-playground/*/*.wasm", async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  // A page with options of its own has no example from the build: it says it is loading.
  await page.goto(`${site}/vpn-example/`);
  await expect(widget(page).getByRole("status")).toHaveText("Loading the Headscale × authentik playground…");
  // The module is asked for and held back: the text stays.
  await expect.poll(() => asked).toBe(true);
  await expect(widget(page).getByRole("status")).toBeVisible();
  release();
  await expect(yaml(page)).toBeVisible();
  await expect(widget(page).getByRole("status").filter({ hasText: "Loading" })).toHaveCount(0);
});

test("a page with the built-in defaults shows the build's example at once and takes it over", async ({ page, request }) => {
  // In the HTML Docusaurus wrote, before any script: the example, without credentials.
  const html = await (await request.get(`${site}/authentik/`)).text();
  expect(html).toContain("issuer: https://authentik.company/application/o/headscale/");
  expect(html).toContain("CLIENT-ID-GENERATED-IN-THE-BROWSER");
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/headscale-playground/*/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${site}/authentik/`);
  await expect(yaml(page)).toContainText("issuer: https://authentik.company/application/o/headscale/");
  await page.getByLabel("Headscale URL").fill("early.example.org");
  release();
  await expect(page.locator("[data-hsp-prerendered]")).toHaveCount(0);
  await expect(page.locator(".hsp")).toHaveCount(1);
  await expect(page.getByLabel("Headscale URL")).toHaveValue("early.example.org");
  await expect(yaml(page)).toContainText("https://early.example.org");
  await expect(page.getByLabel("Client ID")).toHaveValue(/^[A-Za-z0-9]{40}$/);
});

for (const width of [320, 390, 430, 700, 1024, 1280]) {
  test(`at ${width} px in the site's layout every heading and control has room`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${site}/authentik/`);
    await wake(page);
    await expect(yaml(page)).toBeVisible();
    expect(await layoutProblems(page)).toEqual([]);
    await openGroups(page);
    expect(await layoutProblems(page)).toEqual([]);
    // Infima's inherited text rules stop at the widget: words are not broken letter by letter.
    const wrap = await page.locator(".hsp").first().evaluate((e) => getComputedStyle(e).overflowWrap);
    expect(wrap).toBe("normal");
  });
}

test("the widget takes the site's colours and font, in light and dark", async ({ page }) => {
  await page.goto(`${site}/authentik/`);
  await wake(page);
  await expect(yaml(page)).toBeVisible();
  // Started: the build's example has been taken over.
  await expect(page.locator("[data-hsp-prerendered]")).toHaveCount(0);
  const colours = () =>
    page.evaluate(() => {
      const site = getComputedStyle(document.documentElement);
      const widget = document.querySelector("[data-headscale-playground]")!.shadowRoot!.querySelector(".hsp")!;
      const link = widget.querySelector("a")!;
      const probe = document.createElement("div");
      probe.style.color = site.getPropertyValue("--ifm-color-primary");
      probe.style.backgroundColor = site.getPropertyValue("--ifm-background-color") || "transparent";
      document.body.append(probe);
      const expected = { accent: getComputedStyle(probe).color, background: getComputedStyle(probe).backgroundColor };
      probe.remove();
      return {
        accent: getComputedStyle(link).color,
        background: getComputedStyle(widget).backgroundColor,
        font: getComputedStyle(widget).fontFamily,
        expected,
        siteFont: getComputedStyle(document.body).fontFamily,
      };
    });
  for (const mode of ["light", "dark"]) {
    await page.evaluate((mode) => document.documentElement.setAttribute("data-theme", mode), mode);
    const found = await colours();
    expect(found.accent, mode).toBe(found.expected.accent);
    if (found.expected.background !== "rgba(0, 0, 0, 0)") expect(found.background, mode).toBe(found.expected.background);
    expect(found.font).toBe(found.siteFont);
  }
});

test("saved inputs belong to their page, and give way when the page's defaults change", async ({ page }) => {
  await page.goto(`${site}/authentik/`);
  await wake(page);
  await expect(page.locator("[data-hsp-prerendered]")).toHaveCount(0);
  await page.getByLabel("Headscale URL").fill("typed.example.org");
  await expect(yaml(page)).toContainText("typed.example.org");
  await saved(page, "typed.example.org");
  // Another page of the site keeps its own inputs.
  await page.goto(`${site}/sync-example/`);
  await wake(page);
  await expect(page.locator("[data-hsp-prerendered]")).toHaveCount(0);
  await expect(page.getByLabel("Headscale URL")).toHaveValue("https://headscale.company");
  // Back on the first page, its inputs are there.
  await page.goto(`${site}/authentik/`);
  await expect(page.getByLabel("Headscale URL")).toHaveValue("typed.example.org");
  // The maintainer changes the page's defaults: as if the inputs were saved against others.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.startsWith("headscale-playground:defaults:") && name.endsWith("/docs-site/authentik/"))!;
    localStorage.setItem(key, "v=1&hs=old.example.org");
  });
  await page.reload();
  await expect(page.getByLabel("Headscale URL")).toHaveValue("https://headscale.company");
  await expect(page.getByText("This page's defaults changed since you last used the playground here")).toBeVisible();
  await page.getByRole("button", { name: "Use my saved inputs" }).click();
  await expect(page.getByLabel("Headscale URL")).toHaveValue("typed.example.org");
});

test("the address and storage options: syncUrl, paramPrefix and storageKey", async ({ page }) => {
  await page.goto(`${site}/sync-example/`);
  await wake(page);
  await expect(page.locator("[data-hsp-prerendered]")).toHaveCount(0);
  await page.getByLabel("Application slug").fill("tailnet");
  // The widget's parameters are kept in the fragment, which no request carries.
  const fragment = () => new URLSearchParams(new URL(page.url()).hash.slice(1));
  await expect.poll(() => fragment().get("vpn-slug")).toBe("tailnet");
  expect(fragment().get("hsp-slug")).toBeNull();
  expect(new URL(page.url()).search).toBe("");
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.some((key) => key.startsWith("headscale-playground:inputs:") && key.endsWith("vpn-guide"))).toBe(true);
});

test("the package comes from its tarball with one dependency and one plugin line, and nothing is copied", async ({ request }) => {
  const manifest = JSON.parse(readFileSync("target/docusaurus-site/package.json", "utf8"));
  expect(manifest.dependencies["headscale-sso-playground"]).toMatch(/^file:.*headscale-sso-playground-[\d.]+\.tgz$/);
  const config = readFileSync("target/docusaurus-site/docusaurus.config.js", "utf8");
  expect(config.match(/"headscale-sso-playground"/g)).toHaveLength(1);
  // The installed package is the playground's release, versioned with it.
  const cargo = readFileSync("Cargo.toml", "utf8").match(/^version = "([^"]+)"/m)![1];
  const installed = JSON.parse(readFileSync("target/docusaurus-site/node_modules/headscale-sso-playground/package.json", "utf8"));
  expect(installed.version).toBe(cargo);
  // Neither static folder holds a file of the build; both serve their own files.
  for (const folder of ["static", "integrations/static"]) {
    expect(readdirSync(`target/docusaurus-site/${folder}`).filter((name) => /embed\.js|\.wasm$|prerendered/.test(name))).toEqual([]);
  }
  expect((await request.get(`${site}/site-static.txt`)).status()).toBe(200);
  expect((await request.get(`${site}/integrations-static.txt`)).status()).toBe(200);
  // The plugin serves what the widget needs, in one folder per build, and no standalone page.
  expect(readdirSync(served)).toHaveLength(1);
  const folder = `${site}/headscale-playground/${readdirSync(served)[0]}`;
  const files = readdirSync(`${served}/${readdirSync(served)[0]}`).sort();
  expect(files.filter((name) => !/^(embed\.js|sso-playground-(full-)?[0-9a-f]+(\.js|_bg\.wasm)|playground-[0-9a-f]+\.css)$/.test(name))).toEqual([]);
  for (const name of files) expect((await request.get(`${folder}/${name}`)).status(), name).toBe(200);
  expect((await request.get(`${folder}/index.html`)).status()).toBe(404);
  expect((await request.get(`${folder}/`)).status()).toBe(404);
  expect((await request.get(`${site}/playground/`)).status()).toBe(404);
});

test("authentik's Headscale guide with the widget after Preparation, on the guide's placeholders", async ({ page }) => {
  const problems = watch(page);
  await page.goto(`${site}/integrations/networking/headscale/`);
  // The page's own headings keep their order; the widget, with its own title, stands between
  // Preparation (after its note) and authentik's steps.
  const order = await page.evaluate(() => {
    const widget = document.querySelector(".headscale-playground")!;
    return [...document.querySelectorAll("article h2, article .theme-admonition, .headscale-playground")]
      .filter((node) => node === widget || !widget.contains(node))
      .map((node) => (node === widget ? "widget" : node.matches("h2") ? node.textContent!.replace(/\u200b/g, "").trim() : "note"));
  });
  expect(order).toEqual([
    "What is Headscale?",
    "Preparation",
    "note",
    "widget",
    "authentik configuration",
    "note",
    "Headscale configuration",
    "Configuration verification",
  ]);
  // The guide's placeholders are the widget's defaults.
  await expect(yaml(page)).toContainText("issuer: https://authentik.company/application/o/headscale/");
  await expect(page.getByLabel("Headscale URL")).toHaveValue("https://headscale.company");
  await expect(page.getByLabel("authentik URL")).toHaveValue("https://authentik.company");
  // The text written for exports of the page is not on the page, where the widget stands.
  await expect(page.getByText("An interactive generator on this page")).toHaveCount(0);
  // The partial the guide imports is still there.
  await expect(page.getByText("From authentik 2026.5 a redirect URI also has a type")).toBeVisible();
  expect(problems).toEqual([]);
});

/** Layout shifts the page has seen, summed as the Cumulative Layout Shift counts them. */
async function watchShifts(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { shift: number }).shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { hadRecentInput: boolean; value: number }[]) {
        if (!entry.hadRecentInput) (window as unknown as { shift: number }).shift += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { shift: number }).shift);
}

const GUIDE = `${site}/integrations/networking/headscale/`;

for (const width of [1280, 390]) {
  test(`on a slow connection at ${width} px the example is drawn styled before any script, and the takeover moves nothing`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: width > 500 ? 800 : 844 });
    // A slow mobile connection, as the DevTools protocol emulates it: 150 ms round trip, 200 KB/s.
    const session = await page.context().newCDPSession(page);
    await session.send("Network.enable");
    await session.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: 200 * 1024,
      uploadThroughput: 200 * 1024,
    });
    const shift = await watchShifts(page);
    await page.goto(GUIDE, { waitUntil: "commit" });
    // As soon as the example is in the page, while the site's scripts are still on their way: the
    // reader has scrolled to it.
    await page.waitForFunction(
      () => {
        const element = document.querySelector("[data-headscale-playground]");
        if (!element?.shadowRoot?.querySelector("pre")) return false;
        element.scrollIntoView();
        return true;
      },
      undefined,
      { polling: 10, timeout: 30_000 },
    );
    const early = await page.evaluate(() => {
      const root = document.querySelector("[data-headscale-playground]")!.shadowRoot!;
      const style = (selector: string) => getComputedStyle(root.querySelector(selector)!);
      return {
        loader: performance.getEntriesByType("resource").some((entry) => entry.name.endsWith("/embed.js")),
        pre: style("pre").fontFamily,
        form: style(".hsp-form").borderTopStyle,
        group: style("details.hsp-group").backgroundColor,
        title: style(".hsp-title").fontSize,
        pageTitle: getComputedStyle(document.querySelector("article h1")!).fontSize,
      };
    });
    expect(early.loader, "embed.js had not been fetched yet").toBe(false);
    // Its own monospace output and bordered form; Infima's details and headings stay out.
    expect(early.pre).toMatch(/monospace/);
    expect(early.form).toBe("solid");
    expect(early.group).toBe("rgba(0, 0, 0, 0)");
    expect(parseFloat(early.title)).toBeLessThan(parseFloat(early.pageTitle));
    await page.waitForLoadState("load", { timeout: 90_000 });
    const host = page.locator("[data-headscale-playground]");
    const before = await host.evaluate((element) => element.getBoundingClientRect().height);
    await wake(page);
    await expect(page.getByLabel("Client ID")).toHaveValue(/^[A-Za-z0-9]{40}$/, { timeout: 60_000 });
    const after = await host.evaluate((element) => element.getBoundingClientRect().height);
    const total = await shift();
    console.log(`throttled load and takeover at ${width} px: layout shift ${total.toFixed(4)}, widget ${before.toFixed(0)} → ${after.toFixed(0)} px`);
    expect(total).toBeLessThanOrEqual(0.01);
    expect(after).toBe(before);
  });
}

test("with JavaScript off the example is readable and styled, and says editing needs scripts", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(GUIDE);
  const host = page.locator("[data-headscale-playground]");
  await expect(yaml(page)).toContainText("issuer: https://authentik.company/application/o/headscale/");
  await expect(yaml(page)).toBeVisible();
  const looks = await host.evaluate((element) => {
    const root = element.shadowRoot!;
    const style = (selector: string) => getComputedStyle(root.querySelector(selector)!);
    return { pre: style("pre").fontFamily, form: style(".hsp-form").borderTopStyle, tabs: style("[role=tablist]").display };
  });
  expect(looks.pre).toMatch(/monospace/);
  expect(looks.form).toBe("solid");
  // Every output can be read: the tabs, which cannot switch without scripts, give way to all
  // panels one under the other.
  expect(looks.tabs).toBe("none");
  await expect(page.locator("#hsp-panel-authentik-blueprint pre")).toContainText("model: authentik_providers_oauth2.oauth2provider");
  await expect(page.locator("#hsp-panel-authentik-terraform pre")).toContainText('resource "authentik_provider_oauth2"');
  await expect(page.locator("#hsp-panel-flow")).toBeVisible();
  await expect(page.getByText("This is the playground's default example. Editing it needs JavaScript and WebAssembly")).toBeVisible();
  await context.close();
});

test("after a client-side navigation the example is drawn in its shadow root, styled, in the first frame", async ({ page }) => {
  await page.goto(`${site}/`);
  // The loader is held back: what shows is what the component drew.
  await page.route("**/headscale-playground/*/embed.js", () => {});
  await page.locator("nav.navbar").getByRole("link", { name: "authentik", exact: true }).click();
  await expect(page).toHaveURL(/\/docs-site\/authentik\/$/);
  const drawn = await page.waitForFunction(() => {
    const element = document.querySelector("[data-headscale-playground]");
    if (!element) return null;
    const pre = element.shadowRoot?.querySelector("pre");
    return {
      template: element.querySelector(":scope > template") !== null,
      font: pre ? getComputedStyle(pre).fontFamily : null,
    };
  });
  const { template, font } = (await drawn.jsonValue())!;
  expect(template).toBe(false);
  expect(font).toMatch(/monospace/);
  await expect(yaml(page)).toContainText("issuer: https://authentik.company/application/o/headscale/");
});

/** A package of the test site, loaded from its own node_modules. */
const fromSite = (name: string) =>
  import(pathToFileURL(createRequire(`${process.cwd()}/target/docusaurus-site/package.json`).resolve(name)).href);

/** Labels and notes of the widget that no search result should show. */
const WIDGET_TEXT = ["Copy share link", "Help on", "This is the example", "Describe your setup", "CLIENT-ID-GENERATED-IN-THE-BROWSER"];

test("search crawlers see the page's text and none of the widget's", async ({ page }) => {
  const html = readFileSync("target/docusaurus-site/build/integrations/networking/headscale/index.html", "utf8");
  // As DocSearch's crawler reads a Docusaurus page: Cheerio, and the template's content selectors.
  const { load } = await fromSite("cheerio");
  // Cheerio's own types are not installed with the site.
  const records = ($: any) => $("article p, article li, article td:last-child").map((_: number, node: unknown) => $(node).text()).get().join("\n");
  const $ = load(html);
  const indexed = records($);
  expect(indexed).toContain("enter your FQDNs, application slug, and groups in the generator below");
  for (const text of WIDGET_TEXT) expect(indexed, text).not.toContain(text);
  // The element's own line for readers without scripts is page text, until the crawler removes
  // the wrapper as the README says.
  expect(indexed).toContain("Editing it needs JavaScript and WebAssembly");
  $(".headscale-playground").remove();
  const cleaned = records($);
  expect(cleaned).not.toContain("Editing it needs JavaScript");
  expect(cleaned).toContain("enter your FQDNs, application slug, and groups in the generator below");
  // Pagefind's convention is on the line itself.
  expect(html).toMatch(/<p class=hsp-needs-script [^>]*data-pagefind-ignore=all/);
  // And a crawler that runs scripts reads the page's text without the shadow root.
  await page.goto(GUIDE);
  await wake(page);
  const text = await page.locator("article").evaluate((article) => (article as HTMLElement).innerText);
  for (const label of WIDGET_TEXT) expect(text, label).not.toContain(label);
});

test("a Markdown export of the page, as authentik's makes it, keeps the text written inside the component", async () => {
  const [{ unified }, { default: remarkParse }, { default: remarkMdx }, { default: remarkGfm }, { default: remarkDirective }, { default: remarkStringify }, { visit, SKIP }] =
    await Promise.all(["unified", "remark-parse", "remark-mdx", "remark-gfm", "remark-directive", "remark-stringify", "unist-util-visit"].map(fromSite));
  // authentik's export drops imports and expressions and puts each component's children, and
  // each directive's, in its place.
  type Node = { type: string; children?: Node[] };
  const unwrap = () => (tree: Node) =>
    visit(tree, (node: Node, index: number | undefined, parent: Node | undefined) => {
      if (!parent || index === undefined) return undefined;
      if (/^mdx|Directive$/.test(node.type)) {
        parent.children!.splice(index, 1, ...(node.children ?? []));
        return [SKIP, index];
      }
      return undefined;
    });
  const source = readFileSync("docs/embed/docusaurus/site/integrations/networking/headscale/index.mdx", "utf8").replace(/^---[\s\S]*?---\n/, "");
  const markdown = String(
    await unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkDirective).use(unwrap).use(remarkStringify, { bullet: "-", fences: true }).process(source),
  );
  expect(markdown).not.toContain("import ");
  expect(markdown).not.toContain("HeadscalePlayground");
  // The introduction is followed by what the component holds, and then the guide goes on.
  const intro = markdown.indexOf("in the generator below");
  const held = markdown.indexOf("This page includes an interactive generator");
  const next = markdown.indexOf("## authentik configuration");
  expect(intro).toBeGreaterThan(0);
  expect(held).toBeGreaterThan(intro);
  expect(next).toBeGreaterThan(held);
});

test("the README's change to authentik's Headscale guide is the test site's page, word for word", () => {
  const readme = readFileSync("docs/embed/docusaurus/README.md", "utf8");
  const diff = readme.match(/```diff\n([\s\S]*?)```/)![1];
  const added = diff.split("\n").filter((line) => line.startsWith("+") && !line.startsWith("+++")).map((line) => line.slice(1));
  const page = readFileSync("docs/embed/docusaurus/site/integrations/networking/headscale/index.mdx", "utf8");
  const [importLine, ...block] = added;
  expect(page).toContain(`${importLine}\n`);
  expect(page).toContain(`:::\n\n${block.join("\n")}\n## authentik configuration`);
  // The plugin line the README gives is the test site's.
  expect(readme).toContain('plugins: ["headscale-sso-playground"]');
});
