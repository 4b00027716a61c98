import { expect, test, type Page } from "./fixtures";
import { openGroups } from "./ui";

// Screenshots of the real build, saved with the test results (target/e2e-results/) for a
// person to look at; they are not compared pixel by pixel.
async function shoot(page: Page, name: string) {
  await expect(page.locator("#hsp-headscale-config pre")).toContainText("issuer:");
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: "image/png" });
  // Nothing sticks out sideways: long values scroll inside their block.
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll).toBeLessThanOrEqual(width);
}

test("light, wide", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/");
  await shoot(page, "light-wide");
});

test("dark, wide", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/");
  await shoot(page, "dark-wide");
});

test("narrow phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/");
  await page.getByLabel("Allowed groups").fill("a-very-long-group-name-that-goes-on-and-on-without-any-break-at-all");
  await shoot(page, "narrow-360");
});

test("a 700 px docs column on a wide screen gets one column", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/");
  await page.evaluate(() => Object.assign(document.querySelector("main")!.style, { maxWidth: "700px", margin: "0 auto" }));
  const form = await page.locator(".hsp-form").boundingBox();
  const outputs = await page.locator(".hsp-outputs").boundingBox();
  expect(outputs!.y).toBeGreaterThan(form!.y + form!.height - 1);
  await shoot(page, "docs-column-700");
});

test("errors shown", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/");
  await page.getByLabel("Headscale URL").fill("https://headscale.example.com:443/vpn");
  await page.getByLabel("Allowed groups").fill("/headscale");
  await openGroups(page);
  await page.getByLabel("Allowed domains").fill("@example.com");
  await page.getByLabel("Client secret", { exact: true }).fill("");
  await expect(page.locator(".hsp-checks-summary")).toContainText("errors");
  await shoot(page, "errors");
});
