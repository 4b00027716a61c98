import { expect, test, wake } from "./fixtures";
import { openGroups } from "./ui";

test("a share link restores every input but the secret, in a fresh browser", async ({ page, context, browser }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  await page.getByLabel("Headscale URL").fill("vpn.example.org");
  await page.getByLabel("Allowed groups").fill("ops\nHeadscale Users");
  await page.getByLabel("Headscale version").selectOption("0.26");
  await openGroups(page);
  await page.getByLabel("Use PKCE").uncheck();
  const clientId = await page.getByLabel("Client ID").inputValue();
  const secret = await page.getByLabel("Client secret", { exact: true }).inputValue();

  await page.getByRole("button", { name: "Copy share link" }).click();
  await expect(page.getByText("Link copied")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  // In the fragment, which no request carries.
  expect(new URL(link).hash).toContain("v=1");
  expect(new URL(link).search).toBe("");
  expect(link).not.toContain(secret);
  expect(link).not.toContain("secret=");
  // The page's own address follows the inputs.
  await expect.poll(() => page.url()).toBe(link);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByLabel("Headscale URL")).toHaveValue("vpn.example.org");
  await expect(other.getByLabel("Allowed groups")).toHaveValue("ops\nHeadscale Users");
  await expect(other.getByLabel("Headscale version")).toHaveValue("0.26");
  await expect(other.getByLabel("Use PKCE")).not.toBeChecked();
  await expect(other.getByLabel("Client ID")).toHaveValue(clientId);
  await expect(other.getByLabel("Client secret", { exact: true })).toHaveValue("");
  await expect(other.locator(".hsp-notices")).toContainText("never carry the client secret");
  // The groups holding a value from the link, or a check (the missing secret), open by themselves.
  await expect(other.locator("#hsp-group-protocol")).toHaveAttribute("open");
  await expect(other.locator("#hsp-group-application")).toHaveAttribute("open");
  await fresh.close();
});

test("fields marked private stay out of the link", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  await openGroups(page);
  await page.getByLabel("Allowed users").fill("alice@example.com");
  await page.getByText("What links and this browser keep").click();
  await page.getByLabel("the user list").check();
  await page.getByRole("button", { name: "Copy share link" }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).not.toContain("alice");
  await expect.poll(() => page.url()).not.toContain("alice");
});

test("a damaged link is read as far as it goes, with a notice", async ({ page }) => {
  await page.goto("/?v=1&slug=tailnet&hs_version=9.9&pkce=maybe&colour=blue&v=7");
  await expect(page.getByLabel("Application slug")).toHaveValue("tailnet");
  await expect(page.getByLabel("Headscale version")).toHaveValue("0.29");
  const notices = page.locator(".hsp-notices");
  await expect(notices).toContainText("“hs_version” cannot be used");
  await expect(notices).toContainText("“pkce” cannot be used");
  await expect(notices).toContainText("“colour” is not a setting");
  await notices.getByRole("button", { name: "Dismiss" }).click();
  await expect(notices).toHaveCount(0);
});

test("a reload keeps the inputs, and the secret only when asked to", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Application slug").fill("tailnet");
  await openGroups(page);
  await page.getByLabel("Client secret", { exact: true }).fill("remember-me");
  await page.reload();
  await expect(page.getByLabel("Application slug")).toHaveValue("tailnet");
  await expect(page.getByLabel("Client secret", { exact: true })).toHaveValue("");
  await expect(page.locator(".hsp-notices")).toHaveCount(0);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain("remember-me");

  await page.getByLabel("Client secret", { exact: true }).fill("remember-me");
  await page.getByText("What links and this browser keep").click();
  await page.getByLabel("Remember the secret on this device").check();
  await page.reload();
  await expect(page.getByLabel("Client secret", { exact: true })).toHaveValue("remember-me");
  expect(page.url()).not.toContain("remember-me");
});

test("an edit is kept when the page is left in the same moment", async ({ page }) => {
  await page.goto("/");
  // Storage is written once the outputs are drawn; leaving before that writes it at once.
  await Promise.all([
    page.waitForEvent("framenavigated"),
    page.evaluate(() => {
      const root = document.querySelector("[data-headscale-playground]")!.shadowRoot!;
      const field = root.querySelector<HTMLInputElement>("#hsp-slug")!;
      field.value = "left-at-once";
      field.dispatchEvent(new InputEvent("input", { bubbles: true }));
      location.reload();
    }),
  ]);
  await wake(page);
  await expect(page.getByLabel("Application slug")).toHaveValue("left-at-once");
});

test("Reset asks first, then restores the defaults", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Application slug").fill("tailnet");
  await page.getByRole("button", { name: "Reset" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByLabel("Application slug")).toHaveValue("tailnet");
  await page.getByRole("button", { name: "Reset" }).click();
  await page.getByRole("button", { name: "Yes, reset" }).click();
  await expect(page.getByLabel("Application slug")).toHaveValue("headscale");
  await expect(page.getByLabel("Client ID")).toHaveValue(/^[A-Za-z0-9]{40}$/);
  const clientId = await page.getByLabel("Client ID").inputValue();
  await expect.poll(() => new URL(page.url()).hash).toBe("#v=1&client_id=" + clientId);
});
