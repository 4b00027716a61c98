import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { expect, test } from "./fixtures";
import { openGroups, showTab } from "./ui";

test("with every request outside the page's origin blocked, nothing is requested anyway", async ({ page, baseURL }) => {
  const blocked: string[] = [];
  await page.context().route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(baseURL!) || url.startsWith("data:")) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  await page.goto("/");
  await page.getByLabel("Allowed groups").fill("headscale-users");
  await openGroups(page);
  await page.getByRole("button", { name: "Generate new client ID and secret" }).click();
  await showTab(page, "authentik blueprint");
  await expect(page.getByRole("region", { name: "authentik blueprint" })).toContainText("headscale-users");
  expect(blocked).toEqual([]);
});

test("the single offline file works from file:// and updates on input", async ({ page }) => {
  const root = resolve(fileURLToPath(import.meta.url), "../../..");
  const file = resolve(root, "target/e2e-offline/headscale-sso-playground.html");
  execFileSync("node", ["scripts/single-file.mjs", "dist", file], { cwd: root });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(pathToFileURL(file).href);
  const yaml = page.getByRole("region", { name: "Headscale configuration" }).locator("pre");
  await expect(yaml).toContainText("issuer: https://authentik.company/application/o/headscale/");
  await page.getByLabel("authentik URL").fill("sso.example.org");
  await expect(yaml).toContainText("issuer: https://sso.example.org/application/o/headscale/");
  // Files download from memory, under the page's Content Security Policy, with no network.
  await showTab(page, "authentik Terraform");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download" }).click()]);
  expect(download.suggestedFilename()).toBe("headscale.tf");
  expect(await readFile((await download.path())!, "utf8")).toContain('"https://headscale.company/oidc/callback"');
  // Every local file shares this storage: the secret is never kept here, and the page says why.
  await page.getByText("What links and this browser keep").click();
  await expect(page.getByLabel("Remember the secret on this device")).toBeDisabled();
  await expect(page.getByText("every local HTML file in this browser shares one storage")).toBeVisible();
  const secret = await page.getByLabel("Client secret", { exact: true }).inputValue();
  const stored = await page.evaluate(() => Object.values(localStorage).join("\n"));
  expect(stored).not.toContain(secret);
  expect(errors).toEqual([]);
});

test("the single offline file shows the example without JavaScript", async ({ browser }) => {
  const root = resolve(fileURLToPath(import.meta.url), "../../..");
  const file = resolve(root, "target/e2e-offline/headscale-sso-playground-nojs.html");
  execFileSync("node", ["scripts/single-file.mjs", "dist", file], { cwd: root });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href);
  await expect(page.locator("#hsp-panel-headscale-config pre")).toContainText("issuer: https://authentik.company/application/o/headscale/");
  await expect(page.getByLabel("Client ID")).toHaveValue("CLIENT-ID-GENERATED-IN-THE-BROWSER");
  expect(await readFile(file, "utf8")).toContain("Editing it needs JavaScript and WebAssembly");
  await context.close();
});
