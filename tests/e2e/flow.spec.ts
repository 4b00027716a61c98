import { expect, test } from "./fixtures";
import { openGroups } from "./ui";

test("the login diagram follows the URLs and marks the step a check breaks", async ({ page }) => {
  await page.goto("/");
  const diagram = page.locator("#hsp-flow svg");
  await expect(diagram).toContainText("https://headscale.company/oidc/callback?code=");
  await page.getByLabel("Headscale URL").fill("vpn.example.org");
  await page.getByLabel("authentik URL").fill("sso.example.org");
  await page.getByLabel("Application slug").fill("tailnet");
  await expect(diagram).toContainText("https://vpn.example.org/oidc/callback?code=…&state=…");
  await expect(diagram).toContainText("https://sso.example.org/application/o/tailnet/.well-known/openid-configuration");
  await expect(diagram).not.toContainText("fails here");
  await expect(page.locator('#hsp-flow [data-stage="TokenExchange"].hsp-flow-fails')).toHaveCount(0);

  // A missing secret breaks the token exchange, and only that step.
  await openGroups(page);
  await page.getByLabel("Client secret", { exact: true }).fill("");
  const exchange = page.locator('#hsp-flow [data-stage="TokenExchange"]');
  await expect(exchange).toHaveClass(/hsp-flow-fails/);
  await expect(exchange).toContainText("fails here: client-secret-missing");
  await expect(page.locator("#hsp-flow .hsp-flow-fails")).toHaveCount(2); // the drawing and its text
  // The text alternative says the same.
  await expect(page.locator("#hsp-flow-steps")).toContainText("(fails here: client-secret-missing)");
  await expect(diagram).toHaveAttribute("aria-describedby", "hsp-flow-steps");
});
