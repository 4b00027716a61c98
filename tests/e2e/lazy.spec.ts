import { expect, test, type Page } from "@playwright/test";
import { started, wake } from "./fixtures";

// The page shows the example rendered at build time; the WebAssembly and its glue are fetched
// only when the reader first acts inside the playground, and the click that woke it is done
// again once the app has taken the example over.

/** Every path the page requested, in order. */
function requests(page: Page) {
  const paths: string[] = [];
  page.on("request", (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

/** Holds the WebAssembly back until the returned function is called. */
async function holdWasm(page: Page) {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route("**/*.wasm", async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  return { release: () => release(), asked: () => asked };
}

const takenOver = (page: Page) => page.waitForFunction(started, undefined, { timeout: 15_000 });

test("a reader who only reads requests the HTML and embed.js; the first focus fetches the rest", async ({ page }) => {
  const paths = requests(page);
  // The page's clock is under the test's control from the first script on, so that a minute can
  // pass and no timer of the loader can fetch anything in the background meanwhile.
  await page.clock.install();
  await page.goto("/");
  await expect(page.locator("#hsp-panel-headscale-config pre")).toContainText("issuer: https://authentik.company/application/o/headscale/");
  // Reading: scrolling through and pointing at the example's text (no control), while the
  // minute passes.
  await page.mouse.move(200, 300);
  await page.locator("#hsp-panel-headscale-config pre").hover();
  await page.mouse.wheel(0, 800);
  await page.clock.runFor(60_000);
  await page.waitForLoadState("networkidle");
  await page.clock.resume();
  // The page's styles and the playground's travel inside the HTML.
  expect(paths.sort()).toEqual(["/", "/embed.js"]);
  expect(await page.locator("[data-hsp-mounted]").count()).toBe(0);

  await page.getByLabel("Application slug").focus();
  await takenOver(page);
  expect(paths.filter((path) => path.endsWith(".wasm"))).toHaveLength(1);
  expect(paths.filter((path) => /^\/sso-playground-[0-9a-f]+\.js$/.test(path))).toHaveLength(1);
  // Focus stays where the reader put it, now in the app.
  await expect(page.getByLabel("Application slug")).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.type("x");
  await expect(page.locator("#hsp-panel-headscale-config pre")).toContainText("/application/o/headscalex/");
});

test("pointing at a control fetches the app without the import ahead, and starts nothing", async ({ page }) => {
  const paths = requests(page);
  await page.goto("/");
  await page.getByRole("tab", { name: "authentik blueprint", exact: true }).hover();
  await expect.poll(() => paths.filter((path) => /^\/sso-playground-[0-9a-f]+(\.js|_bg\.wasm)$/.test(path)).length).toBe(2);
  expect(paths.some((path) => path.includes("-full-"))).toBe(false);
  expect(await page.locator("[data-hsp-mounted]").count()).toBe(0);
  // The first focus starts what was fetched, and fetches nothing again.
  await page.getByLabel("Application slug").focus();
  await takenOver(page);
  expect(paths.filter((path) => path.endsWith(".wasm"))).toHaveLength(1);
});

test("a reader whose browser asks to save data fetches nothing before their first act", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "connection", { value: { saveData: true }, configurable: true });
  });
  const paths = requests(page);
  await page.goto("/");
  await page.getByRole("tab", { name: "authentik blueprint", exact: true }).hover();
  await page.waitForLoadState("networkidle");
  expect(paths.sort()).toEqual(["/", "/embed.js"]);
  await page.getByLabel("Application slug").focus();
  await takenOver(page);
  expect(paths.filter((path) => path.endsWith(".wasm"))).toHaveLength(1);
});

test("a share link starts the playground at once, without a touch", async ({ page }) => {
  const paths = requests(page);
  await page.goto("/?v=1&slug=linked");
  await takenOver(page);
  expect(paths.some((path) => path.endsWith(".wasm"))).toBe(true);
  await expect(page.getByLabel("Application slug")).toHaveValue("linked");
});

test("a first click on a tab is done on the app's tab once it has taken over", async ({ page }) => {
  const wasm = await holdWasm(page);
  await page.goto("/");
  await page.getByRole("tab", { name: "authentik blueprint", exact: true }).click();
  await expect.poll(wasm.asked).toBe(true);
  // Nothing happens on the example itself.
  await expect(page.getByRole("tab", { name: "Headscale configuration", exact: true })).toHaveAttribute("aria-selected", "true");
  wasm.release();
  await takenOver(page);
  await expect(page.getByRole("tab", { name: "authentik blueprint", exact: true })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tab", { name: "authentik blueprint", exact: true })).toBeFocused();
  await expect(page.locator("#hsp-panel-authentik-blueprint")).toContainText("version: 1");
});

test("a first click on a closed group and on a help toggle opens them in the app", async ({ page }) => {
  let wasm = await holdWasm(page);
  await page.goto("/");
  const closed = page.locator("details.hsp-group:not([open]) > summary");
  const [title, other] = [(await closed.first().textContent())!, (await closed.last().textContent())!];
  expect(title).not.toBe(other);
  await closed.first().click();
  await expect.poll(wasm.asked).toBe(true);
  wasm.release();
  await takenOver(page);
  const group = (name: string) => page.locator("details.hsp-group", { has: page.locator("summary", { hasText: name }) });
  await expect(group(title)).toHaveJSProperty("open", true);
  await expect(group(title).locator("summary")).toBeFocused();
  // Only the one clicked.
  await expect(group(other)).toHaveJSProperty("open", false);

  await page.unrouteAll();
  wasm = await holdWasm(page);
  await page.goto("/?fresh");
  const toggle = page.locator(".hsp-help-toggle").first();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  wasm.release();
  await takenOver(page);
  await expect(page.locator(".hsp-help-toggle").first()).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator(".hsp-help-toggle[aria-expanded=true]")).toHaveCount(1);
});

test("Copy on the example copies nothing until the app has checked its own YAML, then that", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const wasm = await holdWasm(page);
  await page.goto("/");
  await page.evaluate(() => navigator.clipboard.writeText("nothing copied yet"));
  const copy = page.locator("#hsp-panel-headscale-config").getByRole("button", { name: "Copy", exact: true });
  await copy.click();
  await expect.poll(wasm.asked).toBe(true);
  // The WebAssembly is held back: the example says it is checking, and its text, with the
  // placeholder ID, is not copied.
  await expect(page.locator("#hsp-panel-headscale-config .hsp-copy-status")).toHaveText("Checking…");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("nothing copied yet");
  wasm.release();
  await takenOver(page);
  await expect(page.locator("#hsp-panel-headscale-config .hsp-copy-status")).toHaveText("Copied");
  const id = await page.getByLabel("Client ID").inputValue();
  expect(id).toMatch(/^[A-Za-z0-9]{40}$/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).not.toContain("GENERATED-IN-THE-BROWSER");
  expect(copied).toContain(`client_id: ${/^[0-9]/.test(id) ? `"${id}"` : id}`);
  expect(copied).toBe(await page.locator("#hsp-panel-headscale-config pre").textContent());
});

test("embed.js mount() returns a handle whose shown resolves once the app has taken over", async ({ page }) => {
  await page.goto("/");
  const early = await page.evaluate(async () => {
    const embed = await import(new URL("embed.js", location.href).href);
    const handle = embed.mount(document.querySelector("[data-headscale-playground]"));
    let shown = false;
    handle.shown.then(() => (shown = true));
    // Whatever the handle had settled runs before the next task.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const fetched = performance.getEntriesByType("resource").some((entry) => entry.name.endsWith(".wasm"));
    return { shown, count: embed.mountedCount(), fetched };
  });
  // Not woken: nothing is fetched, shown and nothing runs.
  expect(early).toEqual({ shown: false, count: 0, fetched: false });
  await wake(page, { wait: false });
  const after = await page.evaluate(async () => {
    const embed = await import(new URL("embed.js", location.href).href);
    await embed.mount(document.querySelector("[data-headscale-playground]")).shown;
    const root = document.querySelector("[data-headscale-playground]")!.shadowRoot!;
    return { prerendered: root.querySelectorAll("[data-hsp-prerendered]").length, count: embed.mountedCount() };
  });
  expect(after).toEqual({ prerendered: 0, count: 1 });
});
