// Refreshes docs/screenshot.png, the README's picture, from the release build in dist/.
//   node scripts/screenshot.mjs
import { chromium } from "@playwright/test";
import { launchOptions, ports, serve } from "./browser.mjs";

const port = ports.screenshot;
const server = serve(port, "/=dist");
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch(launchOptions);
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`http://127.0.0.1:${port}/`);
// The playground fetches its WebAssembly on the reader's first action in it: wake it.
await page.waitForFunction(() => {
  for (const host of document.querySelectorAll("[data-headscale-playground]")) host.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
  return ![...document.querySelectorAll("[data-headscale-playground]")].some((host) => host.shadowRoot?.querySelector("[data-hsp-prerendered]"));
}, null, { polling: 100 });
await page.waitForSelector("#hsp-headscale-config pre");
await page.getByLabel("Headscale URL").fill("vpn.example.org");
await page.getByLabel("authentik URL").fill("sso.example.org");
await page.getByLabel("Allowed groups").fill("headscale-users");
await page.evaluate(() => {
  document.activeElement.blur();
  window.scrollTo(0, 0);
});
await page.screenshot({ path: "docs/screenshot.png" });
await browser.close();
server.kill();
console.log("docs/screenshot.png refreshed");
