// The import is read in a Web Worker, off the page's thread: once per change of its text, never
// on keystrokes elsewhere; a worker that does not answer within 4 seconds is stopped, the text
// is kept and the next text starts a new one; where no worker can run, the page reads the text
// itself; an answer the page cannot decode is shown as an error, never read around.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { expect, test, type Page } from "./fixtures";
import { ports } from "./ports";
import { openGroups, output } from "./ui";

const issuer = "https://sso.example.org/application/o/headscale/";
const typo = `oidc:\n  issuer: ${issuer}\n  allowed_group: [x]\n`;
const placeholder = `oidc:\n  issuer: ${issuer}\n  client_id: <client-id>\n`;

type Log = { tried: number; made: number; posted: number; terminated: number; errors: number };
type Limits = { set: number; cleared: number; fired: number; pending: number };

/** Counts the page's workers: constructed (or tried), texts posted, terminated. Where
 * `hspWorkerScript` is set, workers run that script instead of the page's. Also counts the
 * readings' time limits (timers of 4 seconds): set, cleared before they fired, fired, pending. */
async function countWorkers(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { Worker: typeof Worker; hspWorkers: Log; hspWorkerScript?: string; hspLimits: Limits };
    const log: Log = { tried: 0, made: 0, posted: 0, terminated: 0, errors: 0 };
    w.hspWorkers = log;
    const limits: Limits = { set: 0, cleared: 0, fired: 0, pending: 0 };
    w.hspLimits = limits;
    const pending = new Set<number>();
    const realSet = window.setTimeout.bind(window);
    const realClear = window.clearTimeout.bind(window);
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...rest: unknown[]) => {
      if (delay !== 4_000 || typeof handler !== "function") return realSet(handler, delay, ...rest);
      limits.set++;
      const id: number = realSet(() => {
        pending.delete(id);
        limits.fired++;
        limits.pending = pending.size;
        (handler as (...args: unknown[]) => void)(...rest);
      }, delay);
      pending.add(id);
      limits.pending = pending.size;
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      if (id !== undefined && pending.delete(id)) {
        limits.cleared++;
        limits.pending = pending.size;
      }
      realClear(id);
    }) as typeof window.clearTimeout;
    const Real = w.Worker;
    w.Worker = class extends Real {
      constructor(url: string | URL, options?: WorkerOptions) {
        log.tried++;
        super(w.hspWorkerScript ?? url, options);
        log.made++;
        this.addEventListener("error", () => log.errors++);
      }
      postMessage(...args: Parameters<Worker["postMessage"]>) {
        log.posted++;
        super.postMessage(...args);
      }
      terminate() {
        log.terminated++;
        super.terminate();
      }
    };
  });
}

const workers = (page: Page) => page.evaluate(() => (window as unknown as { hspWorkers: Log }).hspWorkers);
const limits = (page: Page) => page.evaluate(() => (window as unknown as { hspLimits: Limits }).hspLimits);

async function openImport(page: Page) {
  await page.getByText("Import an existing Headscale configuration").click();
}

const box = (page: Page) => page.getByLabel("Import Headscale config");

/** Puts `text` in the import box in one input event, as a paste does (Playwright's fill sends
 * one per line). */
async function put(page: Page, text: string) {
  await box(page).evaluate((element, text) => {
    (element as HTMLTextAreaElement).value = text;
    element.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);
}
const result = (page: Page) => page.locator("#hsp-import-result");

test("the import is read in one worker, once per change of its text, never on keystrokes elsewhere", async ({ page }) => {
  await countWorkers(page);
  await page.goto("/");
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toContain("; worker-src blob:;");
  await openImport(page);
  await put(page, typo);
  await expect(result(page)).toContainText("did you mean allowed_groups?");
  // Answered by the worker: nothing was terminated, so the page did not read it itself.
  expect(await workers(page)).toEqual({ tried: 1, made: 1, posted: 1, terminated: 0, errors: 0 });

  // Keystrokes in other fields, and another Headscale release, only compare the reading with
  // the form: the text is not read again.
  await openGroups(page);
  await page.getByLabel("Application name").press("End");
  await page.getByLabel("Application name").pressSequentially("abc");
  await expect(output(page, "authentik-settings")).toContainText("Headscaleabc");
  await page.getByLabel("Headscale version").selectOption({ index: 0 });
  await expect(result(page)).toContainText("did you mean allowed_groups?");
  expect((await workers(page)).posted).toBe(1);

  // Each change of the text is one reading, in the same worker.
  await put(page, placeholder);
  await expect(result(page)).toContainText("left out of the form");
  await box(page).press("End");
  await box(page).press("#");
  await expect(result(page)).toContainText("left out of the form");
  expect(await workers(page)).toEqual({ tried: 1, made: 1, posted: 3, terminated: 0, errors: 0 });
});

test("an embed under a sub-path reads the import in a worker too, from its own script's address", async ({ page }) => {
  await countWorkers(page);
  const scripts: string[] = [];
  page.on("worker", (worker) => scripts.push(worker.url()));
  page.on("request", (request) => request.url().endsWith(".js") && scripts.push(request.url()));
  await page.goto(`http://127.0.0.1:${ports.host}/docs/guide/`);
  await openImport(page);
  await put(page, typo);
  await expect(result(page)).toContainText("did you mean allowed_groups?");
  expect(await workers(page)).toEqual({ tried: 1, made: 1, posted: 1, terminated: 0, errors: 0 });
  expect(scripts.some((url) => url.startsWith("blob:"))).toBe(true);
  const glues = scripts.filter((url) => /sso-playground-(full-)?[0-9a-f]+\.js$/.test(url));
  expect(glues.length).toBeGreaterThan(0);
  expect(glues.every((url) => url.includes("/docs/guide/playground/"))).toBe(true);
});

/** Opens the page with workers that never answer (until `unsilenceWorkers`), and pastes a
 * text, which stays "Reading the text…". The worker counter's stand-in for Worker runs
 * `hspWorkerScript` when it is set. */
async function readWithSilentWorker(page: Page) {
  await countWorkers(page);
  await page.addInitScript(() => {
    const silent = URL.createObjectURL(new Blob(["onmessage = () => {};"], { type: "text/javascript" }));
    Object.assign(window, { hspWorkerScript: silent });
  });
  await page.goto("/");
  await openImport(page);
  await put(page, typo);
  await expect(result(page)).toContainText("Reading the text…");
}

/** Workers made from now on run the page's own script again. */
const unsilenceWorkers = (page: Page) =>
  page.evaluate(() => delete (window as unknown as { hspWorkerScript?: string }).hspWorkerScript);

test("a worker that never answers is stopped at 4 seconds, the text is kept, and the next text gets a new one", async ({ page }) => {
  await readWithSilentWorker(page);
  await expect(page.getByRole("button", { name: "Apply to the form" })).toHaveCount(0);
  // The rest of the page works meanwhile.
  await openGroups(page);
  await page.getByLabel("Application name").fill("Tailnet");
  await expect(output(page, "authentik-settings")).toContainText("Tailnet");
  const stopped = result(page).getByRole("alert");
  await expect(stopped).toContainText("took longer than 4 seconds, so it was stopped; the rest of the page kept working", { timeout: 20_000 });
  await expect(box(page)).toHaveValue(typo);
  expect(await workers(page)).toMatchObject({ made: 1, posted: 1, terminated: 1 });
  expect(await limits(page)).toMatchObject({ set: 1, fired: 1, pending: 0 });
  await expect(page.getByRole("button", { name: "Apply to the form" })).toHaveCount(0);

  // The next text starts a new worker, which answers.
  await unsilenceWorkers(page);
  await box(page).press("End");
  await box(page).press("#");
  await expect(result(page)).toContainText("did you mean allowed_groups?");
  expect(await workers(page)).toMatchObject({ made: 2, posted: 2, terminated: 1, errors: 0 });
});

test("a text changed while the worker reads stops that worker and is read by a new one", async ({ page }) => {
  await readWithSilentWorker(page);
  await unsilenceWorkers(page);
  await put(page, placeholder);
  await expect(result(page)).toContainText("left out of the form");
  expect(await workers(page)).toMatchObject({ made: 2, posted: 2, terminated: 1 });
  // The first text's time limit no longer applies: it was cleared, as was the second's once
  // its answer came, and none fired.
  expect(await limits(page)).toEqual({ set: 2, cleared: 2, fired: 0, pending: 0 });
  await expect(result(page)).toContainText("left out of the form");
  await expect(result(page)).not.toContainText("took longer");
});

test("an answer the page cannot decode is shown as an error, and the text is not read on the page's thread", async ({ page }) => {
  await countWorkers(page);
  await page.addInitScript(() => {
    const garbled = URL.createObjectURL(new Blob(['onmessage = () => postMessage("hsp-paste 1\\nZ");'], { type: "text/javascript" }));
    Object.assign(window, { hspWorkerScript: garbled });
  });
  await page.goto("/");
  await openImport(page);
  await put(page, typo);
  await expect(result(page).getByRole("alert")).toHaveText(/^The import.s worker answered with text this page cannot read \(at byte \d+\)\.$/);
  await expect(result(page)).not.toContainText("did you mean allowed_groups?");
  await expect(box(page)).toHaveValue(typo);
  // The next text gets a new worker; this one answers properly.
  await unsilenceWorkers(page);
  await put(page, placeholder);
  await expect(result(page)).toContainText("left out of the form");
  expect(await workers(page)).toMatchObject({ made: 2, posted: 2, terminated: 1, errors: 0 });
});

test("where the host's policy forbids blob: workers, the page reads the import itself", async ({ page, baseURL }) => {
  await countWorkers(page);
  // The page's own policy without worker-src: script-src then decides, and it allows no blob:.
  await page.route(`${baseURL}/`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("worker-src blob:; ", "");
    await route.fulfill({ response, body });
  });
  const violations: string[] = [];
  page.on("console", (message) => message.text().includes("Content Security Policy") && violations.push(message.text()));
  await page.goto("/");
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).not.toContain("worker-src");
  await openImport(page);
  await put(page, typo);
  await expect(result(page)).toContainText("did you mean allowed_groups?");
  // Chromium refuses the worker after constructing it; the next text does not try again.
  await put(page, placeholder);
  await expect(result(page)).toContainText("left out of the form");
  const log = await workers(page);
  expect(log).toMatchObject({ tried: 1 });
  expect(log.posted).toBeLessThanOrEqual(1);
  expect(violations.join("\n")).toContain("worker-src");
});

test("where the worker cannot load the page's script, the page reads the import itself", async ({ page }) => {
  await countWorkers(page);
  await page.goto("/");
  await openImport(page);
  await expect(box(page)).toBeVisible();
  // The page has the whole app's script; the worker, which loads it again, finds none.
  const refused: string[] = [];
  await page.route(/sso-playground-full-[0-9a-f]+\.js$/, (route) => {
    refused.push(route.request().url());
    return route.fulfill({ status: 404, body: "not found" });
  });
  await put(page, typo);
  await expect(result(page)).toContainText("did you mean allowed_groups?");
  await put(page, placeholder);
  await expect(result(page)).toContainText("left out of the form");
  expect(refused.length).toBe(1);
  expect(await workers(page)).toMatchObject({ tried: 1, made: 1, posted: 1, terminated: 1 });
});

test("the single offline file reads the import itself", async ({ page }) => {
  const root = resolve(fileURLToPath(import.meta.url), "../../..");
  const file = resolve(root, "target/e2e-offline/headscale-sso-playground-import.html");
  execFileSync("node", ["scripts/single-file.mjs", "dist", file], { cwd: root });
  await countWorkers(page);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(pathToFileURL(file).href);
  await openImport(page);
  await put(page, typo);
  await expect(result(page)).toContainText("did you mean allowed_groups?");
  expect(await workers(page)).toMatchObject({ tried: 0 });
  expect(errors).toEqual([]);
});
