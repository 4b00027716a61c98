import { test as base, type Page } from "@playwright/test";

export { expect } from "@playwright/test";
export type { Page } from "@playwright/test";

/** Until every playground on the page has started: the page holds the build's copy of the
 * playground from the first byte (in each element's shadow root), and a click on that copy (a tab, a group) before the app has
 * taken it over is only done once the app runs. Typing into it is kept. A function, not a
 * string: the page's policy forbids evaluating strings. */
export const started = () => {
  const hosts = [...document.querySelectorAll("[data-headscale-playground]")];
  return hosts.every((host) => host.hasAttribute("data-hsp-mounted") && !host.shadowRoot?.querySelector("[data-hsp-prerendered]"));
};

/** Acts inside every playground of the page as a reader would, which makes its loader fetch
 * the WebAssembly (it does not before), and returns whether all have started. A focus event on
 * each mount element: no control gets focus and nothing is clicked. Repeated while waiting,
 * for pages whose loader arrives late (a docs site mounts the playground after hydrating). */
export const wakeAll = () => {
  const hosts = [...document.querySelectorAll("[data-headscale-playground]")];
  for (const host of hosts) host.dispatchEvent(new FocusEvent("focusin", { bubbles: true, composed: true }));
  // The example lives in each element's shadow root until the app has taken it over.
  return hosts.every((host) => host.hasAttribute("data-hsp-mounted") && !host.shadowRoot?.querySelector("[data-hsp-prerendered]"));
};

/** Wakes every playground of the page (see `wakeAll`) and, unless `wait` is false, waits until
 * each has taken its example over. Tests that click the playground right after opening a page
 * call this (the fixture's page.goto and page.reload already do). */
export async function wake(page: Page, { wait = true } = {}) {
  if (wait) await page.waitForFunction(wakeAll, undefined, { timeout: 15_000, polling: 100 });
  else await page.evaluate(wakeAll);
}

/** Playwright's test, whose page.goto and page.reload also wake the playground and wait for it
 * to start, as if the reader had put the cursor in it. */
export const test = base.extend({
  page: async ({ page }, use) => {
    for (const method of ["goto", "reload"] as const) {
      const original = page[method].bind(page) as (...args: unknown[]) => Promise<unknown>;
      (page as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
        const response = await original(...args);
        await wake(page);
        return response;
      };
    }
    await use(page);
  },
});
