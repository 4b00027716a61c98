import { readFile } from "node:fs/promises";
import { ports } from "./ports";
import { expect, test, type Page } from "./fixtures";
import { layoutProblems, openGroups, openHelp, showTab } from "./ui";

const code = (page: Page) => page.locator("#hsp-headscale-config pre");
const firstStep = (page: Page) => page.locator("#hsp-authentik-settings .hsp-steps > li").first();

/** Where an element starts, in page pixels below the top of the widget. */
async function belowWidget(page: Page, selector: string) {
  // Locators reach into the widget's shadow root; both boxes are taken at the same scroll.
  const widget = (await page.locator(".hsp").boundingBox())!.y;
  return (await page.locator(selector).first().boundingBox())!.y - widget;
}

/** Words a reader sees in the widget: no closed groups, hidden tabs, folded help or text for
 * screen readers only; a drop-down shows only its chosen entry. */
async function visibleWords(page: Page) {
  return page.locator(".hsp").evaluate((widget) => {
    let words = 0;
    const count = (text: string) => text.split(/\s+/).filter(Boolean).length;
    const walker = document.createTreeWalker(widget, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      if (parent.closest(".hsp-sr-only, select")) continue;
      if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      words += count(node.textContent ?? "");
    }
    for (const select of widget.querySelectorAll<HTMLSelectElement>("select")) {
      if (select.checkVisibility()) words += count(select.selectedOptions[0]?.text ?? "");
    }
    return words;
  });
}

for (const [width, height] of [
  [1400, 900],
  [1024, 768],
]) {
  test(`at ${width}×${height} both paste-ready outputs start above the fold`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto("/");
    await expect(code(page)).toBeInViewport();
    expect((await code(page).boundingBox())!.y).toBeLessThan(height - 100);
    // One tab apart, in the same place.
    await showTab(page, "authentik settings");
    await expect(firstStep(page)).toBeInViewport();
    expect((await firstStep(page).boundingBox())!.y).toBeLessThan(height - 100);
  });

  test(`at ${width}×${height} typing keeps the output it changes in view`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto("/");
    // Everything open, so the page is as long as it gets.
    await openGroups(page);
    await openHelp(page);
    const edits: [string, string, string][] = [
      ["Headscale URL", "vpn.example.org", "https://vpn.example.org"],
      ["authentik URL", "sso.example.org", "issuer: https://sso.example.org/"],
      ["Application slug", "tailnet", "/application/o/tailnet/"],
      ["Allowed groups", "ops", "- ops"],
      // Far below the essentials: the outputs stay beside it.
      ["Extra parameters", "prompt=login", "prompt: login"],
    ];
    for (const [label, value, shown] of edits) {
      await page.getByLabel(label, { exact: true }).fill(value);
      await expect(code(page)).toContainText(shown);
      await expect(code(page)).toBeInViewport();
    }
    await page.getByLabel("Headscale version").selectOption("0.25");
    await expect(code(page)).toContainText("# Headscale 0.25");
    await expect(code(page)).toBeInViewport();
    await showTab(page, "authentik settings");
    await page.getByLabel("authentik version").selectOption("2025.8");
    await expect(page.locator("#hsp-authentik-settings")).not.toContainText("Redirect URI type");
    await expect(firstStep(page)).toBeInViewport();
  });
}

test("in a 700 px docs column the Headscale configuration starts within 1,200 px", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`http://127.0.0.1:${ports.host}/docs/guide/`);
  await page.evaluate(() => Object.assign(document.body.style, { maxWidth: "700px", margin: "0 auto" }));
  await expect(code(page)).toContainText("issuer:");
  expect(await belowWidget(page, "#hsp-headscale-config pre")).toBeLessThan(1200);
  // One column: the outputs follow the essentials.
  const form = (await page.locator(".hsp-form").boundingBox())!;
  expect((await page.locator(".hsp-outputs").boundingBox())!.y).toBeGreaterThan(form.y + form.height - 1);
});

test("on a 390 px phone the Headscale configuration starts within 1,600 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await expect(code(page)).toContainText("issuer:");
  expect(await belowWidget(page, "#hsp-headscale-config pre")).toBeLessThan(1600);
});

test("the default state shows at most 600 words", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/");
  await expect(code(page)).toContainText("issuer:");
  const words = await visibleWords(page);
  expect(words).toBeLessThanOrEqual(600);
  // The count would see opened help: it is not blind.
  await openHelp(page);
  expect(await visibleWords(page)).toBeGreaterThan(words + 100);
});

test("groups start closed and open for a check or a value that is not the default", async ({ page }) => {
  await page.goto("/?v=1&scope=openid+profile");
  const group = (key: string) => page.locator(`#hsp-group-${key}`);
  await expect(group("protocol")).toHaveAttribute("open");
  await expect(group("access")).not.toHaveAttribute("open");
  await expect(group("secret")).not.toHaveAttribute("open");
  await expect(page.getByLabel("Scopes")).toBeVisible();
  // A check on a field inside a closed group opens it.
  await expect(group("application")).toHaveAttribute("open"); // a link never carries the secret
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.goto("/");
  await expect(group("application")).not.toHaveAttribute("open");
  // A value typed into an essential opens nothing.
  await page.getByLabel("Allowed groups").fill("ops");
  await expect(page.locator("details.hsp-group[open]")).toHaveCount(0);
  // The user can close an open group again.
  await openGroups(page);
  await page.locator("#hsp-group-protocol > summary").click();
  await expect(group("protocol")).not.toHaveAttribute("open");
});

test("help is one click away, and always read out with its field", async ({ page }) => {
  await page.goto("/");
  const help = page.locator("#hsp-headscale-url-help");
  await expect(help).toBeHidden();
  await expect(page.getByLabel("Headscale URL")).toHaveAccessibleDescription(/public URL of Headscale/);
  const toggle = page.getByRole("button", { name: "Help on Headscale URL" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(help).toBeVisible();
  await expect(help.getByRole("link")).toBeVisible();
  await toggle.click();
  await expect(help).toBeHidden();
});

test("the status line counts the checks and leads to them; each message is in full only at its field", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Allowed groups").fill("/headscale");
  const status = page.locator(".hsp-status");
  await expect(status.locator(".hsp-checks-summary")).toHaveText("1 warning, 2 notes.");
  await status.getByRole("link", { name: "Show the checks" }).click();
  await expect(page.getByRole("tab", { name: "Checks" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel", { name: "Checks" })).toBeFocused();
  const listed = page.locator('#hsp-checks [data-check="group-leading-slash"]');
  await expect(listed).toContainText("Allowed groups");
  await expect(listed.locator(".hsp-fix")).toHaveCount(0);
  await expect(page.locator('#hsp-allowed-groups-messages [data-check="group-leading-slash"] .hsp-fix')).toHaveCount(1);
});

test("a check's link leads to its field, even in a group the user closed", async ({ page }) => {
  await page.goto("/?v=1&scope=profile");
  const group = page.locator("#hsp-group-protocol");
  await expect(group).toHaveAttribute("open");
  await group.locator("> summary").click();
  await expect(group).not.toHaveAttribute("open");
  await page.getByRole("link", { name: "Show the checks" }).click();
  await page.locator("#hsp-checks a.hsp-field-link", { hasText: "Scopes" }).first().click();
  await expect(group).toHaveAttribute("open");
  await expect(page.getByLabel("Scopes")).toBeFocused();
});

test("the files people save download as files", async ({ page }) => {
  await page.goto("/");
  const save = async (tab: string, name: string) => {
    await showTab(page, tab);
    const panel = page.getByRole("tabpanel", { name: tab });
    const [download] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "Download" }).click()]);
    expect(download.suggestedFilename()).toBe(name);
    expect(await readFile((await download.path())!, "utf8")).toBe(await panel.locator("pre").textContent());
    await expect(panel.getByRole("status")).toHaveText("Downloaded");
  };
  await save("authentik blueprint", "headscale-blueprint.yaml");
  await save("authentik Terraform", "headscale.tf");
  await save("Headscale environment", "headscale.env");
  await page.getByLabel("Format").selectOption("compose");
  await save("Headscale environment", "compose.headscale.yaml");
  // The Headscale configuration is a section to paste, not a file.
  await showTab(page, "Headscale configuration");
  await expect(page.getByRole("tabpanel", { name: "Headscale configuration" }).getByRole("button", { name: "Download" })).toHaveCount(0);
});

test("the blueprint is built only once its tab is selected", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("#hsp-panel-authentik-blueprint")).toBeEmpty();
  await showTab(page, "authentik blueprint");
  await expect(page.locator("#hsp-authentik-blueprint pre")).toContainText("model: authentik_providers_oauth2.oauth2provider");
});

for (const width of [320, 390, 700]) {
  test(`at ${width} px every heading and control has room and none overlaps another`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/");
    await expect(code(page)).toContainText("issuer:");
    expect(await layoutProblems(page)).toEqual([]);
    // With every group and help open, and on every output tab.
    await openGroups(page);
    await openHelp(page);
    for (const tab of ["Headscale configuration", "authentik settings", "Headscale environment", "authentik blueprint", "authentik Terraform", "Checks", "How the login works"]) {
      await showTab(page, tab);
      expect(await layoutProblems(page), tab).toEqual([]);
    }
  });
}
