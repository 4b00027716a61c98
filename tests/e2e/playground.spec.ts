import { expect, test, type Page } from "./fixtures";
import { openGroups, output, showTab } from "./ui";

const settings = (page: Page) => output(page, "authentik-settings");
const headscaleYaml = (page: Page) => page.getByRole("region", { name: "Headscale configuration" }).locator("pre");

test("the page loads with a complete default output", async ({ page }) => {
  await page.goto("/");
  await expect(headscaleYaml(page)).toContainText("issuer: https://authentik.company/application/o/headscale/");
  await expect(headscaleYaml(page)).toContainText("method: S256");
  await expect(settings(page)).toContainText("https://headscale.company/oidc/callback");
  await expect(settings(page)).toContainText("https://authentik.company/application/o/headscale/.well-known/openid-configuration");
  await expect(page.locator(".hsp-checks-summary")).toHaveText("1 warning, 2 notes.");
  // The standalone page is the widget's own page: its title is the page's h1.
  await expect(page.getByRole("heading", { level: 1, name: "Headscale × authentik single sign-on" })).toBeVisible();
  // The client credentials are generated the way authentik shapes them.
  const clientId = await page.getByLabel("Client ID").inputValue();
  expect(clientId).toMatch(/^[A-Za-z0-9]{40}$/);
  // Quoted when it starts with a digit, so no YAML reader takes it for a number.
  const written = /^[0-9]/.test(clientId) ? `"${clientId}"` : clientId;
  await expect(headscaleYaml(page)).toContainText(`client_id: ${written}`);
});

test("typing a Headscale host updates the redirect URI and the YAML", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Headscale URL").fill("vpn.example.org");
  await expect(settings(page)).toContainText("https://vpn.example.org/oidc/callback");
  await expect(headscaleYaml(page)).toContainText("server_url in the same file must be https://vpn.example.org exactly.");
  await expect(page.getByText("Used as https://vpn.example.org")).toBeVisible();

  await page.getByLabel("authentik URL").fill("https://sso.example.org/");
  await expect(headscaleYaml(page)).toContainText("issuer: https://sso.example.org/application/o/headscale/");
});

test("a mistake is explained next to its field and the output keeps working", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Allowed groups").fill("/headscale");
  const messages = page.locator("#hsp-allowed-groups-messages");
  await expect(messages).toContainText("starts with /");
  await expect(page.locator("#hsp-checks")).toContainText("Allowed groups");
  await expect(headscaleYaml(page)).toContainText("- /headscale");
  await openGroups(page);
  // Without openid authentik still logs the user in (a warning); without profile the groups are lost (an error).
  await page.getByLabel("Scopes").fill("profile email");
  await expect(page.locator("#hsp-scopes-messages")).toContainText("still answers Headscale's login");
  await expect(page.getByLabel("Scopes")).not.toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Scopes").fill("email");
  await expect(page.locator("#hsp-scopes-messages")).toContainText("sends groups only with profile");
  await expect(page.getByLabel("Scopes")).toHaveAttribute("aria-invalid", "true");
});

test("Copy puts exactly the shown YAML on the clipboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  const block = page.getByRole("region", { name: "Headscale configuration" });
  await block.getByRole("button", { name: "Copy" }).click();
  await expect(block.getByRole("status")).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await headscaleYaml(page).textContent());
  expect(copied).toContain("oidc:\n  # Refuse to start while authentik cannot be reached.\n");

  await showTab(page, "authentik settings");
  const settingsBlock = page.getByRole("region", { name: "authentik settings" });
  await settingsBlock.getByRole("button", { name: "Copy" }).click();
  await expect(settingsBlock.getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("Redirect URI: https://headscale.company/oidc/callback");
});

test("the page requests nothing outside its origin and logs no errors", async ({ page, baseURL }) => {
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL!) && !url.startsWith("data:")) foreign.push(url);
  });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/");
  await expect(headscaleYaml(page)).toContainText("issuer:");
  await openGroups(page);
  await page.getByLabel("Allowed users").fill("alice@example.com");
  await page.getByLabel("Use PKCE").uncheck();
  await expect(headscaleYaml(page)).toContainText("enabled: false");
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});
