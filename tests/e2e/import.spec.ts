import { expect, test } from "./fixtures";

const config = `server_url: https://vpn.example.org
listen_addr: 0.0.0.0:8080
oidc:
  issuer: https://sso.example.org/application/o/tailnet/
  client_id: headscale
  client_secret: from-the-old-config
  allowed_group:
    - admins
  allowed_groups:
    - /headscale
  strip_email_domain: true
`;

test("pasting a config shows its problems by line, then fills the form on request", async ({ page }) => {
  await page.goto("/");
  await page.getByText("Import an existing Headscale configuration").click();
  await page.getByLabel("Import Headscale config").fill(config);
  const result = page.locator("#hsp-import-result");
  await expect(result).toContainText("Read a whole config.yaml: 3 problems.");
  await expect(result).toContainText("line 7, column 3: warning");
  await expect(result).toContainText("did you mean allowed_groups?");
  await expect(result).toContainText("line 10, column 7: warning");
  await expect(result).toContainText("line 11, column 3: error");
  // Nothing changes before the user applies it.
  await expect(page.getByLabel("Headscale URL")).toHaveValue("https://headscale.company");
  await expect(result.locator("table")).toContainText("https://vpn.example.org");

  await page.getByRole("button", { name: "Apply to the form" }).click();
  // PKCE and the node expiry are absent from the file, so Headscale's defaults apply.
  await expect(page.locator(".hsp-import-status")).toContainText("Applied 8 changes to the form.");
  await expect(page.getByLabel("Headscale URL")).toHaveValue("https://vpn.example.org");
  await expect(page.getByLabel("authentik URL")).toHaveValue("https://sso.example.org");
  await expect(page.getByLabel("Application slug")).toHaveValue("tailnet");
  await expect(page.getByLabel("Allowed groups")).toHaveValue("/headscale");
  await expect(page.getByRole("region", { name: "Headscale configuration" }).locator("pre")).toContainText(
    "issuer: https://sso.example.org/application/o/tailnet/",
  );
  await expect(result).toContainText("nothing would change");
});

test("text that is not YAML is explained with its line and column", async ({ page }) => {
  await page.goto("/");
  await page.getByText("Import an existing Headscale configuration").click();
  await page.getByLabel("Import Headscale config").fill("oidc:\n  issuer: [unclosed\n  client_id: x\n");
  await expect(page.locator("#hsp-import-result [role=alert]")).toContainText("This is not valid YAML");
  await expect(page.locator("#hsp-import-result [role=alert]")).toContainText(/line \d+, column \d+/);
});
