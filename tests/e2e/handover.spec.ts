import { expect, test, type Page } from "@playwright/test";
import { started } from "./fixtures";
import { openGroups, showTab } from "./ui";

// The page's first use fetches the app without the import; opening the import fetches the whole
// app, which takes the running playground over in place. Everything the reader typed or opened
// carries over, the secret never leaves memory, and the import reads in its worker.

/** Every path the page requested, in order. */
function requests(page: Page) {
  const paths: string[] = [];
  page.on("request", (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

const takenOver = (page: Page) => page.waitForFunction(started, undefined, { timeout: 15_000 });
const full = (paths: string[]) => paths.filter((path) => /^\/sso-playground-full-[0-9a-f]+(\.js|_bg\.wasm)$/.test(path));
const summary = (page: Page) => page.getByText("Import an existing Headscale configuration");
const secretField = (page: Page) => page.getByLabel("Client secret", { exact: true });
const secret = "handed-over-Secret-7f3a9c";

/** Everything of the page a secret must never reach: its markup (attributes included, shadow
 * roots too), its address and its storage. */
const exposed = (page: Page) =>
  page.evaluate(() => {
    const markup = (root: Document | ShadowRoot): string =>
      [...root.querySelectorAll("*")]
        .map((element) => element.outerHTML.split(">")[0] + (element.shadowRoot ? markup(element.shadowRoot) : ""))
        .join("\n");
    const storage = [localStorage, sessionStorage].flatMap((store) =>
      Object.keys(store).map((key) => `${key}=${store.getItem(key)}`),
    );
    return [location.href, markup(document), ...storage].join("\n");
  });

test("opening the import hands the running playground to the whole app, with all it holds", async ({ page }) => {
  const paths = requests(page);
  await page.goto("/");
  await page.getByLabel("Application slug").focus();
  await takenOver(page);
  expect(full(paths)).toEqual([]);
  await page.getByLabel("Application slug").press("End");
  await page.keyboard.type("kept");
  await openGroups(page);
  await secretField(page).fill(secret);
  await showTab(page, "authentik blueprint");
  await expect(page.locator("#hsp-panel-headscale-config pre")).toContainText("/application/o/headscalekept/");

  await summary(page).click();
  await expect(page.getByLabel("Import Headscale config")).toBeVisible();
  await takenOver(page);
  expect(full(paths)).toHaveLength(2);
  // One playground, the whole app's, with the reader's values, groups, tab and focus.
  expect(await page.evaluate(() => document.querySelector("[data-headscale-playground]")!.shadowRoot!.querySelectorAll(".hsp").length)).toBe(1);
  await expect(page.getByLabel("Application slug")).toHaveValue("headscalekept");
  await expect(secretField(page)).toHaveValue(secret);
  await expect(page.locator("details.hsp-group:not([open])")).toHaveCount(0);
  await expect(page.getByRole("tab", { name: "authentik blueprint", exact: true })).toHaveAttribute("aria-selected", "true");
  await expect(page.locator("#hsp-import-panel > summary")).toBeFocused();
  await expect(page.locator("#hsp-import-panel")).toHaveAttribute("open");
  // The handed state is live: an edit and an import both work, in the whole app.
  await page.getByLabel("Application slug").press("End");
  await page.keyboard.type("2");
  await expect(page.locator("#hsp-panel-headscale-config pre")).toContainText("/application/o/headscalekept2/");
  await page.getByLabel("Import Headscale config").fill("oidc:\n  allowed_group: [x]\n");
  await expect(page.locator("#hsp-import-panel")).toContainText("did you mean allowed_groups?");
  // The secret crossed in memory only.
  expect(await exposed(page)).not.toContain(secret);
});

test("a first act on the import starts the whole app at once, without the smaller one", async ({ page }) => {
  const paths = requests(page);
  await page.goto("/");
  await summary(page).click();
  await takenOver(page);
  await expect(page.getByLabel("Import Headscale config")).toBeVisible();
  expect(full(paths)).toHaveLength(2);
  expect(paths.filter((path) => /^\/sso-playground-[0-9a-f]+(\.js|_bg\.wasm)$/.test(path))).toEqual([]);
});
