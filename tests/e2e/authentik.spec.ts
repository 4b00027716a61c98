import { expect, test, type Page } from "./fixtures";
import { openGroups, output, showTab } from "./ui";

const block = (page: Page, name: string) => page.getByRole("region", { name });
const blueprint = (page: Page) => block(page, "authentik blueprint").locator("pre");

const settings = (page: Page) => output(page, "authentik-settings");

test("authentik 2025.8 and 2026.8 get their own redirect URI form and grant types", async ({ page }) => {
  await page.goto("/");
  // The blueprint is built only while its tab is selected.
  await showTab(page, "authentik blueprint");
  await page.getByLabel("authentik version").selectOption("2025.8");
  await expect(blueprint(page)).toContainText("redirect_uris:\n        - matching_mode: strict\n          url: https://headscale.company/oidc/callback\n      sub_mode");
  await expect(blueprint(page)).not.toContainText("grant_types");
  await expect(blueprint(page)).not.toContainText("redirect_uri_type");
  await expect(settings(page)).not.toContainText("Redirect URI type");

  await page.getByLabel("authentik version").selectOption("2026.8");
  await expect(blueprint(page)).toContainText("redirect_uri_type: authorization");
  await expect(blueprint(page)).toContainText("grant_types:\n        - authorization_code\n      sub_mode");
  await expect(settings(page)).toContainText("Redirect URI typeAuthorization");
  await showTab(page, "authentik Terraform");
  await expect(block(page, "authentik Terraform")).toContainText('grant_types = ["authorization_code"]');
});

test("Generate makes a secret that the blueprint and the Headscale YAML share", async ({ page }) => {
  await page.goto("/");
  await openGroups(page);
  await showTab(page, "authentik blueprint");
  const before = await page.getByLabel("Client secret", { exact: true }).inputValue();
  await page.getByRole("button", { name: "Generate new client ID and secret" }).click();
  const secret = await page.getByLabel("Client secret", { exact: true }).inputValue();
  expect(secret).not.toBe(before);
  expect(secret).toMatch(/^[A-Za-z0-9]{128}$/);
  const written = /^[0-9]/.test(secret) ? `"${secret}"` : secret;
  await expect(blueprint(page)).toContainText(`client_secret: ${written}`);
  await expect(output(page, "headscale-config").locator("pre")).toContainText(`client_secret: ${written}`);
  await showTab(page, "authentik Terraform");
  // Terraform reads the secret from a sensitive variable unless asked to write it in.
  await expect(block(page, "authentik Terraform")).toContainText("client_secret      = var.headscale_client_secret");
  await expect(block(page, "authentik Terraform")).not.toContainText(secret);
  await page.getByLabel("Write the client secret into the file").check();
  await expect(block(page, "authentik Terraform")).toContainText(`client_secret      = "${secret}"`);
});

test("authentik 2024.8.5 gets Terraform for provider v2024.10.2, which ignores the flow authentik lacks", async ({ page }) => {
  await page.goto("/");
  await showTab(page, "authentik Terraform");
  await page.getByLabel("authentik version").selectOption("2024.8.5");
  const terraform = block(page, "authentik Terraform").locator("pre");
  await expect(terraform).toContainText('version = "~> 2024.10.2"');
  await expect(terraform).toContainText("authentik 2024.8.5 has no invalidation flow");
  await expect(terraform).toContainText("ignore_changes = [invalidation_flow]");
  await page.getByLabel("authentik version").selectOption("2024.10.3");
  await expect(terraform).toContainText('version = "~> 2024.10.2"');
  await expect(terraform).not.toContainText("ignore_changes");
});

test("a check links the upstream line it rests on next to its documentation", async ({ page }) => {
  await page.goto("/");
  await openGroups(page);
  await page.getByLabel("Expire nodes with the ID token").check();
  const check = page.locator('#hsp-use-expiry-from-token-messages [data-check="expiry-from-token"]');
  await expect(check).toContainText("5 minutes (minutes=5)");
  const source = check.locator("a.hsp-evidence");
  await expect(source).toHaveText("Source: Headscale v0.29.2 hscontrol/oidc.go:431");
  await expect(source).toHaveAttribute("href", "https://github.com/juanfont/headscale/blob/v0.29.2/hscontrol/oidc.go#L431");
  await expect(check.locator("a.hsp-doc")).toHaveCount(1);
});

test("allowed groups become bindings, and unverified emails are caught", async ({ page }) => {
  await page.goto("/");
  await showTab(page, "authentik blueprint");
  await page.getByLabel("Allowed groups").fill("headscale-users");
  await expect(blueprint(page)).toContainText("model: authentik_policies.policybinding");
  await expect(settings(page)).toContainText("Group bindingheadscale-users");

  await openGroups(page);
  await page.getByLabel("Allowed domains").fill("example.com");
  const check = page.locator('#hsp-email-verified-required-messages [data-check="email-verified"]');
  await expect(check).toContainText("email_verified: false");
  await page.getByLabel("Mark authentik emails as verified").check();
  await expect(check).toHaveCount(0);
  await expect(blueprint(page)).toContainText("model: authentik_providers_oauth2.scopemapping");
  await expect(blueprint(page)).toContainText('"email_verified": True,');
});
