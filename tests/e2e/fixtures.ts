import { test as base } from "@playwright/test";

export { expect } from "@playwright/test";
export type { Page } from "@playwright/test";

/** Until every playground on the page has started: the page holds the build's copy of the
 * playground from the first byte, and a click on that copy (a tab, a group) before the app has
 * taken it over does nothing. Typing into it is kept, so only clicks need the wait. A
 * function, not a string: the page's policy forbids evaluating strings. */
export const started = () => {
  const hosts = [...document.querySelectorAll("[data-headscale-playground]")];
  return !document.querySelector("[data-hsp-prerendered]") && hosts.every((host) => host.hasAttribute("data-hsp-mounted"));
};

/** Playwright's test, whose page.goto and page.reload also wait for the playground to start. */
export const test = base.extend({
  page: async ({ page }, use) => {
    for (const method of ["goto", "reload"] as const) {
      const original = page[method].bind(page) as (...args: unknown[]) => Promise<unknown>;
      (page as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
        const response = await original(...args);
        await page.waitForFunction(started, undefined, { timeout: 15_000 });
        return response;
      };
    }
    await use(page);
  },
});
