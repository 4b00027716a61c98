import { expect, test, type Page } from "@playwright/test";
import { wake } from "./fixtures";
import { saved } from "./ui";

// The release build carries the default playground rendered at build time; the app takes it
// over in place when it starts.
const yaml = (page: Page) => page.locator("#hsp-panel-headscale-config pre");

/** Holds the WebAssembly back until `release` is called, to act before the app starts. */
async function holdWasm(page: Page) {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  return () => release();
}

const started = (page: Page) => expect(page.locator("[data-hsp-prerendered]")).toHaveCount(0);

test("the shipped page holds the default outputs and no credential", async ({ request }) => {
  const html = await (await request.get("/")).text();
  expect(html).toContain("issuer: https://authentik.company/application/o/headscale/");
  expect(html).toContain("https://headscale.company/oidc/callback");
  expect(html).toContain("hsp-checks-summary");
  // Marked placeholders, never a generated ID (40 letters and digits) or secret (128).
  expect(html).toContain("CLIENT-ID-GENERATED-IN-THE-BROWSER");
  expect(html).toContain("CLIENT-SECRET-GENERATED-IN-THE-BROWSER");
  expect(html).not.toMatch(/\b[A-Za-z0-9]{40}\b/);
  const fragment = await (await request.get("/prerendered.html")).text();
  expect(fragment).toContain("issuer: https://authentik.company/application/o/headscale/");
  expect(fragment).not.toMatch(/\b[A-Za-z0-9]{40}\b/);
  // The fragment is a guest's: its title is an h2, its outputs' titles h3.
  expect(fragment).toContain('<h2 class="hsp-title">');
  expect(fragment).toContain('<h3 data-search-exclude id="hsp-headscale-config-title" class="hsp-output-title">');
  // Styled from the first byte: a declarative shadow root with the playground's styles, which
  // search indexers skip, and the element's own line for when no script runs.
  expect(fragment).toMatch(/^<template shadowrootmode="open" data-search-exclude data-pagefind-ignore="all"><style>[^<]*\.hsp\{/);
  expect(fragment).toContain('<p class="hsp-needs-script" data-search-exclude data-pagefind-ignore="all">');
  expect(html).not.toMatch(/<link rel="stylesheet"[^>]*playground-/);
});

test("the example is on screen before the app, which takes it over with no shift and no warning", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
  });
  await page.addInitScript(() => {
    (window as any).__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) (window as any).__shift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  const release = await holdWasm(page);
  await page.goto("/");
  await expect(yaml(page)).toContainText("issuer: https://authentik.company/application/o/headscale/");
  await expect(page.getByLabel("Client ID")).toHaveValue("CLIENT-ID-GENERATED-IN-THE-BROWSER");
  await wake(page, { wait: false });
  release();
  await started(page);
  await expect(page.getByLabel("Client ID")).toHaveValue(/^[A-Za-z0-9]{40}$/);
  const id = await page.getByLabel("Client ID").inputValue();
  await expect(yaml(page)).toContainText(`client_id: ${/^[0-9]/.test(id) ? `"${id}"` : id}`);
  // One copy of the playground, working.
  await expect(page.locator(".hsp")).toHaveCount(1);
  await page.getByLabel("Headscale URL").fill("vpn.example.org");
  await expect(yaml(page)).toContainText("https://vpn.example.org");
  const shift = await page.evaluate(() => (window as any).__shift);
  expect(shift).toBeLessThanOrEqual(0.01);
  expect(problems).toEqual([]);
});

test("what is typed before the app starts is kept, and focus stays", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("/");
  await page.getByLabel("Application slug").fill("tailnet");
  await page.getByLabel("Headscale URL").click();
  await page.keyboard.type("early.example.org");
  release();
  await started(page);
  await expect(page.getByLabel("Headscale URL")).toBeFocused();
  await expect(page.getByLabel("Headscale URL")).toHaveValue(/early\.example\.org$/);
  await expect(page.getByLabel("Application slug")).toHaveValue("tailnet");
  await expect(yaml(page)).toContainText("/application/o/tailnet/");
  await page.keyboard.type("x");
  await expect(page.getByLabel("Headscale URL")).toHaveValue(/early\.example\.orgx$/);
});

test("a share link is not shown as the example's values: marked until the app restores it", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("/?v=1&hs=vpn.example.org&slug=tailnet");
  await expect(page.locator("[data-headscale-playground]")).toHaveAttribute("data-hsp-restoring", "");
  await expect(page.getByText("This is the example; your link or saved inputs appear")).toBeVisible();
  release();
  await started(page);
  await expect(page.getByText("This is the example; your link or saved inputs appear")).toHaveCount(0);
  await expect(yaml(page)).toContainText("/application/o/tailnet/");
  await expect(page.getByLabel("Headscale URL")).toHaveValue("vpn.example.org");
});

test("saved inputs win over the example after a reload", async ({ page }) => {
  await page.goto("/");
  await wake(page);
  await page.getByLabel("Application slug").fill("saved-slug");
  await expect(yaml(page)).toContainText("/application/o/saved-slug/");
  await saved(page, "saved-slug");
  const release = await holdWasm(page);
  await page.goto("/");
  await expect(page.getByText("This is the example; your link or saved inputs appear")).toBeVisible();
  release();
  await started(page);
  await expect(page.getByLabel("Application slug")).toHaveValue("saved-slug");
});

test("without JavaScript the page shows the example, styled, and says editing needs it", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await expect(yaml(page)).toContainText("issuer: https://authentik.company/application/o/headscale/");
  await expect(page.locator("#hsp-panel-headscale-config")).toBeVisible();
  // Tabs cannot switch without scripts: every output is shown, one under the other, and the
  // tabs are not offered.
  for (const panel of ["authentik-settings", "headscale-environment", "authentik-blueprint", "authentik-terraform", "checks", "flow"]) {
    await expect(page.locator(`#hsp-panel-${panel}`), panel).toBeVisible();
  }
  await expect(page.locator("#hsp-panel-authentik-blueprint pre")).toContainText("model: authentik_providers_oauth2.oauth2provider");
  await expect(page.locator("#hsp-panel-authentik-terraform pre")).toContainText('resource "authentik_provider_oauth2"');
  await expect(page.getByRole("tablist")).toBeHidden();
  // Its own styles, from the page's HTML: a bordered form, a monospace output.
  const font = await yaml(page).evaluate((pre) => getComputedStyle(pre).fontFamily);
  expect(font).toMatch(/monospace/);
  const note = page.getByText("This is the playground's default example. Editing it needs JavaScript and WebAssembly");
  await expect(note).toBeVisible();
  await context.close();
});

test("with JavaScript the example does not say it needs it", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("/");
  await expect(page.locator("[data-headscale-playground]")).toHaveAttribute("data-hsp-loader", "");
  await expect(page.getByText("This is the playground's default example")).toBeHidden();
  // With scripts, the example keeps its tabs and shows one output.
  await expect(page.getByRole("tablist")).toBeVisible();
  await expect(page.locator("#hsp-panel-authentik-blueprint")).toBeHidden();
  release();
});
