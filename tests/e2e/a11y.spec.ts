import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import { openGroups, openHelp, showTab } from "./ui";

/** Every axe violation inside the widget, as readable lines. */
async function violations(page: Page) {
  // The playground lives in a shadow root of its mount element; axe checks inside it.
  const results = await new AxeBuilder({ page }).include("[data-headscale-playground]").analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`,
  );
}

const TABS = [
  "Headscale configuration",
  "authentik settings",
  "Headscale environment",
  "authentik blueprint",
  "authentik Terraform",
  "Checks",
  "How the login works",
];

/** Checks the page in the light and the dark theme. */
async function bothThemes(page: Page) {
  await page.emulateMedia({ colorScheme: "light" });
  expect(await violations(page), "light theme").toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await violations(page), "dark theme").toEqual([]);
}

test("no axe violations in the default state", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("#hsp-headscale-config pre")).toContainText("issuer:");
  await bothThemes(page);
});

test("no axe violations with errors shown, every group and help open, on every tab", async ({ page }) => {
  // Fourteen axe runs over the whole widget (seven tabs, two themes), each with every check's
  // links shown: minutes on a busy machine.
  test.setTimeout(300_000);
  await page.goto("/");
  await openGroups(page);
  await openHelp(page);
  await page.getByLabel("Headscale URL").fill("ftp://bad host");
  await page.getByLabel("Allowed users").fill("alice");
  await page.getByLabel("Scopes").fill("profile");
  await page.getByLabel("Client secret", { exact: true }).fill("");
  await page.getByText("What links and this browser keep").click();
  await expect(page.locator(".hsp-checks-summary")).toContainText("error");
  await expect(page.locator("#hsp-flow")).toContainText("fails here");
  for (const tab of TABS) {
    await showTab(page, tab);
    await bothThemes(page);
  }
});

test("no axe violations in a narrow widget with every group and help open", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await openGroups(page);
  await openHelp(page);
  await expect(page.locator(".hsp-help").first()).toBeVisible();
  await bothThemes(page);
});

test("no axe violations with the import panel open and showing problems", async ({ page }) => {
  await page.goto("/");
  await page.getByText("Import an existing Headscale configuration").click();
  await page.getByLabel("Import Headscale config").fill("oidc:\n  allowed_group: [x]\n  strip_email_domain: true\n");
  await expect(page.locator("#hsp-import-result")).toContainText("problems");
  await bothThemes(page);
});

test("no axe violations with a pasted log explained, its unlikely causes open and a discovery document checked", async ({ page }) => {
  await page.goto("/");
  await page.getByText("Import an existing Headscale configuration").click();
  const log =
    '{"level":"error","error":"authenticated principal is not in any allowed group","code":401,"message":"user msg: unauthorised group"}\n' +
    "https://headscale.company/oidc/callback?error=invalid_request&error_description=The+request+is+otherwise+malformed\n" +
    "something nobody knows went wrong here\n";
  await page.getByLabel("Import Headscale config").fill(log);
  await expect(page.locator(".hsp-explanation")).toHaveCount(2);
  await expect(page.locator(".hsp-unknown")).toHaveCount(1);
  for (const summary of await page.locator(".hsp-unlikely summary").all()) await summary.click();
  await bothThemes(page);
  await page.getByLabel("Import Headscale config").fill('{"issuer": "https://authentik.company/application/o/headscale/", "jwks_uri": "https://authentik.company/application/o/headscale/jwks/"}');
  await expect(page.locator(".hsp-discovery")).toBeVisible();
  await bothThemes(page);
});

test("no axe violations at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/");
  await expect(page.locator("#hsp-headscale-config pre")).toContainText("issuer:");
  await bothThemes(page);
});

test("the keyboard alone fills the main fields, copies the YAML and reaches the import", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  await expect(page.locator("#hsp-headscale-config pre")).toContainText("issuer:");
  const focused = () =>
    page.evaluate(() => {
      // The focused element inside the playground's shadow root.
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element?.id || element?.textContent?.trim();
    });
  // Tab from the top of the page to the Headscale URL field, then fill it.
  let guard = 0;
  while ((await focused()) !== "hsp-headscale-url" && guard++ < 40) await page.keyboard.press("Tab");
  expect(await focused()).toBe("hsp-headscale-url");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("vpn.example.org");
  // Past the field's help link, to the next field.
  while ((await focused()) !== "hsp-authentik-url" && guard++ < 60) await page.keyboard.press("Tab");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("sso.example.org");
  while ((await focused()) !== "hsp-slug" && guard++ < 80) await page.keyboard.press("Tab");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("tailnet");
  await expect(page.locator("#hsp-headscale-config pre")).toContainText("issuer: https://sso.example.org/application/o/tailnet/");
  await expect(page.locator("#hsp-headscale-config pre")).toBeInViewport();
  // On to the Copy button of the Headscale configuration.
  const copy = page.getByRole("region", { name: "Headscale configuration" }).getByRole("button", { name: "Copy" });
  const isFocused = (element: Element) => element === (element.getRootNode() as ShadowRoot | Document).activeElement;
  while (!(await copy.evaluate(isFocused)) && guard++ < 200) await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Headscale configuration" }).getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("issuer: https://sso.example.org/application/o/tailnet/");
  // Back to the tabs: the arrow keys, Home and End move between outputs.
  const tab = (name: string) => page.getByRole("tab", { name, exact: true });
  while (!(await tab("Headscale configuration").evaluate(isFocused)) && guard++ < 300) {
    await page.keyboard.press("Shift+Tab");
  }
  await page.keyboard.press("ArrowRight");
  await expect(tab("authentik settings")).toBeFocused();
  await expect(tab("authentik settings")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel", { name: "authentik settings" })).toBeVisible();
  await page.keyboard.press("End");
  await expect(tab("How the login works")).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(tab("Headscale configuration")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(tab("Headscale environment")).toHaveAttribute("aria-selected", "true");
  await expect(tab("Headscale configuration")).toHaveAttribute("tabindex", "-1");
  // Tab leaves the tab list for the panel: Copy, then Download.
  const panel = page.getByRole("tabpanel", { name: "Headscale environment" });
  const envCopy = panel.getByRole("button", { name: "Copy" });
  while (!(await envCopy.evaluate(isFocused)) && guard++ < 320) await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("HEADSCALE_OIDC_ISSUER=https://sso.example.org/application/o/tailnet/");
  await page.keyboard.press("Tab");
  await expect(panel.getByRole("button", { name: "Download" })).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toBe("headscale.env");
  // Back up to the import panel, open it and type into it.
  const importSummary = page.locator("#hsp-import-panel summary");
  while (!(await importSummary.evaluate(isFocused)) && guard++ < 400) {
    await page.keyboard.press("Shift+Tab");
  }
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Import Headscale config")).toBeVisible();
  await page.keyboard.press("Tab");
  expect(await focused()).toBe("hsp-import");
  await page.keyboard.type("oidc:\n  allowed_group: [x]\n");
  await expect(page.locator("#hsp-import-result")).toContainText("did you mean allowed_groups?");
});

test("focus is always visible", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      if (!element || !element.closest(".hsp")) return "outside";
      const style = getComputedStyle(element);
      return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 ? "visible" : `${element.tagName} ${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(["visible", "outside"]).toContain(outline);
  }
});
