import { expect, test, type Page } from "./fixtures";
import { openGroups, output, showTab } from "./ui";

const headscaleYaml = (page: Page) => page.getByRole("region", { name: "Headscale configuration" }).locator("pre");
const environment = (page: Page) => output(page, "headscale-environment");

test("switching Headscale from 0.29 to 0.25 rewrites the YAML for that release", async ({ page }) => {
  await page.goto("/");
  const yaml = headscaleYaml(page);
  await expect(yaml).toContainText("node:\n  expiry: \"180d\"");
  await expect(yaml).toContainText("email_verified_required: true");

  await page.getByLabel("Headscale version").selectOption("0.25");
  await expect(yaml).toContainText("# Headscale 0.25");
  await expect(yaml).toContainText("  expiry: \"180d\"\n  use_expiry_from_token: false");
  await expect(yaml).not.toContainText("node:");
  await expect(yaml).not.toContainText("email_verified_required");
  await expect(page.getByLabel("Require a verified email")).toBeDisabled();
  await expect(environment(page)).toContainText("HEADSCALE_OIDC_EXPIRY=180d");
  await expect(environment(page)).not.toContainText("HEADSCALE_NODE_EXPIRY");
});

test("the secret can come from a file or the environment instead of config.yaml", async ({ page }) => {
  await page.goto("/");
  await openGroups(page);
  const secret = await page.getByLabel("Client secret", { exact: true }).inputValue();
  await page.getByLabel("How Headscale reads the secret").selectOption("file");
  await expect(headscaleYaml(page)).toContainText('client_secret_path: "${CREDENTIALS_DIRECTORY}/oidc_client_secret"');
  await expect(headscaleYaml(page)).not.toContainText(secret);
  await expect(page.locator("#hsp-client-secret-path-messages")).toContainText("LoadCredential");

  await page.getByLabel("How Headscale reads the secret").selectOption("environment");
  await expect(headscaleYaml(page)).not.toContainText("client_secret_path");
  await expect(headscaleYaml(page)).not.toContainText(secret);
  await expect(environment(page)).toContainText(`HEADSCALE_OIDC_CLIENT_SECRET=${secret}`);
});

test("the environment block also comes as a docker compose block", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Allowed groups").fill("Headscale Users");
  await expect(environment(page)).toContainText("HEADSCALE_OIDC_ALLOWED_GROUPS is left out");
  await showTab(page, "Headscale environment");
  await environment(page).getByLabel("Format").selectOption("compose");
  await expect(environment(page)).toContainText("services:\n  headscale:\n    environment:");
  await expect(environment(page)).toContainText('HEADSCALE_OIDC_PKCE_ENABLED: "true"');
});
