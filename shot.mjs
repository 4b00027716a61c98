import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: Number(process.argv[3] || 1400), height: 1000 }, colorScheme: process.argv[4] || "light" });
await page.goto("http://127.0.0.1:8091/");
await page.waitForSelector("#hsp-headscale-config pre");
if (process.argv[5]) { await page.getByLabel("Allowed groups").fill("/headscale"); await page.getByLabel("Client secret", {exact: true}).fill(""); }
const el = await page.$("#hsp-flow");
await el.screenshot({ path: process.argv[2] });
await browser.close();
