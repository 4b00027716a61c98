import type { Page } from "@playwright/test";

/** Opens every closed group of settings, so each field can be typed into. */
export async function openGroups(page: Page) {
  const closed = page.locator("details.hsp-group:not([open]) > summary");
  while ((await closed.count()) > 0) await closed.first().click();
}

/** Selects an output's tab. */
export async function showTab(page: Page, name: string) {
  await page.getByRole("tab", { name, exact: true }).click();
}

/** An output by its section id, whether or not its tab is selected. */
export const output = (page: Page, id: string) => page.locator(`#hsp-${id}`);

/** Opens the help of every field on screen. */
export async function openHelp(page: Page) {
  const folded = page.locator('.hsp-help-toggle[aria-expanded="false"]:visible');
  while ((await folded.count()) > 0) await folded.first().click();
}
