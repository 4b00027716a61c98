import { ports } from "./ports";
import { expect, test } from "./fixtures";

const host = `http://127.0.0.1:${ports.host}`;

test("embedded under a sub-path, with the host's defaults, theme, and URL left alone", async ({ page }) => {
  await page.goto(`${host}/docs/guide/`);
  await expect(page.getByLabel("Headscale URL")).toHaveValue("https://vpn.example.org");
  await expect(page.getByLabel("authentik URL")).toHaveValue("https://sso.example.org");
  await expect(page.getByLabel("Headscale version")).toHaveValue("0.28");
  await expect(page.getByLabel("authentik version")).toHaveValue("2026.5");
  const yaml = page.getByRole("region", { name: "Headscale configuration" }).locator("pre");
  await expect(yaml).toContainText("issuer: https://sso.example.org/application/o/headscale/");

  const background = () => page.locator(".hsp").evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(await background()).toBe("rgb(255, 255, 255)");
  await page.evaluate(() => document.documentElement.setAttribute("data-theme", "dark"));
  await expect.poll(background).toBe("rgb(13, 17, 23)");
  await page.evaluate(() => document.documentElement.setAttribute("data-theme", "light"));
  await expect.poll(background).toBe("rgb(255, 255, 255)");

  await page.getByLabel("Application slug").fill("tailnet");
  await expect(yaml).toContainText("/application/o/tailnet/");
  expect(page.url()).toBe(`${host}/docs/guide/`);
});

test("the system's dark preference applies when the host sets no theme", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto(`${host}/docs/guide/`);
  await expect(page.getByLabel("Headscale URL")).toBeVisible();
  const background = await page.locator(".hsp").evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(background).toBe("rgb(13, 17, 23)");
  await context.close();
});

test("global host styles for pre, input and button do not break the widget", async ({ page }) => {
  await page.goto(`${host}/hostile/`);
  const input = page.getByLabel("Application slug");
  await expect(input).toHaveValue("from-the-host");
  expect((await input.boundingBox())!.width).toBeGreaterThan(150);
  const pre = page.getByRole("region", { name: "Headscale configuration" }).locator("pre");
  expect(await pre.evaluate((element) => getComputedStyle(element).whiteSpace)).toBe("pre");
  expect(await pre.evaluate((element) => getComputedStyle(element).fontSize)).toBe("13px");
  const copy = page.getByRole("region", { name: "Headscale configuration" }).getByRole("button", { name: "Copy" });
  await expect(copy).toBeVisible();
  expect(await copy.evaluate((element) => getComputedStyle(element).textTransform)).toBe("none");
  await expect(page.getByText("Headscale URL", { exact: true })).toBeVisible();
});
