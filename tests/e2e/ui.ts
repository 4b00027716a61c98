import { expect, type Page } from "@playwright/test";

/** Opens every closed group of settings, so each field can be typed into. */
export async function openGroups(page: Page) {
  const closed = page.locator("details.hsp-group:not([open]) > summary");
  // A group may open by itself between counting and clicking (a check, a restored value):
  // each click gives up quickly, and the loop counts again.
  for (let guard = 0; guard < 20 && (await closed.count()) > 0; guard++) {
    await closed.first().click({ timeout: 2_000 }).catch(() => {});
  }
  await expect(closed).toHaveCount(0);
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

/** What is wrong with the layout of the playground at the current width: a heading, label or
 * control squeezed narrower than its longest word (its text overflows its box) or drawn over
 * another control. Empty when the layout holds. */
export async function layoutProblems(page: Page) {
  return page.locator(".hsp").first().evaluate((widget) => {
    const problems: string[] = [];
    const visible = (element: Element) => (element as HTMLElement).checkVisibility?.({ checkVisibilityCSS: true }) ?? true;
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""} "${(element.textContent ?? "").trim().slice(0, 30)}"`;
    const texts = [...widget.querySelectorAll("h1, h2, h3, h4, h5, h6, label, button, [role=tab], summary, legend, th, dt")].filter(visible);
    for (const element of texts) {
      const box = element.getBoundingClientRect();
      if (box.width < 1) problems.push(`${name(element)} has no width`);
      else if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX === "visible") {
        problems.push(`${name(element)} is ${Math.round(box.width)} px wide, narrower than its text (${element.scrollWidth} px)`);
      }
    }
    const controls = [...widget.querySelectorAll("input, select, textarea, button, [role=tab], summary")].filter(visible);
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const [a, b] = [controls[i], controls[j]];
        if (a.contains(b) || b.contains(a)) continue;
        const [x, y] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
        const width = Math.min(x.right, y.right) - Math.max(x.left, y.left);
        const height = Math.min(x.bottom, y.bottom) - Math.max(x.top, y.top);
        if (width > 2 && height > 2) problems.push(`${name(a)} overlaps ${name(b)}`);
      }
    }
    return problems;
  });
}

/** Waits until this browser's storage keeps `text` as (part of) a saved value: the playground
 * writes its inputs right after a keystroke's outputs are drawn, as link parameters. */
export async function saved(page: Page, text: string) {
  const kept = () =>
    page.evaluate((text) => {
      const values = Object.values(localStorage).flatMap((value) => {
        try {
          return [...new URLSearchParams(value).values()];
        } catch {
          return [value];
        }
      });
      return values.some((value) => value.includes(text));
    }, text);
  await expect.poll(kept, { message: `storage keeps ${JSON.stringify(text.slice(0, 40))}` }).toBe(true);
}
