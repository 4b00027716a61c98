import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
for (const [w, name, scheme, wrap] of [[360, "narrow", "dark", false], [1400, "column", "light", true]]) {
  const page = await browser.newPage({ viewport: { width: w, height: 900 }, colorScheme: scheme });
  await page.goto("http://127.0.0.1:8091/");
  await page.waitForSelector("#hsp-headscale-config pre");
  if (wrap) await page.evaluate(() => { const m = document.querySelector("main"); m.style.maxWidth = "700px"; m.style.margin = "0 auto"; });
  await page.screenshot({ path: `/tmp/${name}.png`, fullPage: false });
  const overflow = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  console.log(name, overflow);
}
await browser.close();
