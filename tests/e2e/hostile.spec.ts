// Hostile and oversized input against the release build: the page keeps answering (never frozen;
// the 200 ms goal is the hostile-input benchmark's), says what it refused, and applies, splits
// or loses nothing.
import { expect, test, type Page } from "./fixtures";
import * as corpus from "./hostile-corpus";
import { ports } from "./ports";
import { openGroups, output, saved, showTab } from "./ui";

// Host pages are served one port above the page (see playwright.config.ts).
const host = `http://127.0.0.1:${ports.host}`;

/** Records long tasks and event-loop gaps from the first script on. */
async function probe(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { hspBlocks: { longest: number; lag: number } };
    w.hspBlocks = { longest: 0, lag: 0 };
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.hspBlocks.longest = Math.max(w.hspBlocks.longest, entry.duration);
    });
    observer.observe({ type: "longtask", buffered: true });
    // Long tasks are queued for the observer when they end; reading takes what is queued.
    Object.assign(w, {
      hspTakeBlocks: () => {
        for (const entry of observer.takeRecords()) w.hspBlocks.longest = Math.max(w.hspBlocks.longest, entry.duration);
        return w.hspBlocks;
      },
    });
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      w.hspBlocks.lag = Math.max(w.hspBlocks.lag, now - last - 20);
      last = now;
      setTimeout(tick, 20);
    };
    tick();
  });
}

const reset = (page: Page) =>
  page.evaluate(() => Object.assign((window as unknown as { hspBlocks: object }).hspBlocks, { longest: 0, lag: 0 }));

/** The page kept answering throughout: no task of its own froze it, and a click is answered.
 * The goal of answering within 200 ms is a speed goal, measured with medians and p95 by
 * scripts/bench-hostile.mjs; this bound only tells a frozen page (before the limits, these
 * inputs blocked it for 3 to 19 seconds) from a working one on a loaded machine. */
async function answeredThroughout(page: Page, what: string) {
  // A task that just ended is taken from the observer's queue, not waited for.
  const blocks = await page.evaluate(() => (window as unknown as { hspTakeBlocks: () => { longest: number; lag: number } }).hspTakeBlocks());
  test.info().annotations.push({ type: "blocks", description: `${what}: longest task ${Math.round(blocks.longest)} ms, longest gap ${Math.round(blocks.lag)} ms` });
  // The page's own longest task: a click waits at most that long. (The event loop's gaps are
  // recorded too; on a busy machine they also count time the browser was not scheduled.)
  expect(blocks.longest, `${what}: the main thread was blocked`).toBeLessThan(2_000);
  // And a real click is answered.
  const summary = page.getByText("What links and this browser keep");
  const started = Date.now();
  await summary.click();
  await expect(page.getByText("Remember the secret on this device")).toBeVisible();
  await summary.click();
  test.info().annotations.push({ type: "click", description: `${what}: click answered in ${Date.now() - started} ms` });
}

/** Pastes `text` into a field in one input event, as a real paste does. (Playwright's fill
 * types line breaks one editing command at a time, which Chromium does in quadratic time.) The
 * text is handed to the page first, so copying it into the page is not counted as a block. */
async function paste(page: Page, label: string, text: string) {
  await page.evaluate((text) => Object.assign(window, { hspPaste: text }), text);
  await reset(page);
  await page.getByLabel(label).evaluate((element) => {
    const text = (window as unknown as { hspPaste: string }).hspPaste;
    const clipboardData = new DataTransfer();
    clipboardData.setData("text/plain", text);
    const paste = new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true });
    // The browser inserts what the page does not refuse.
    if (!element.dispatchEvent(paste)) return;
    (element as HTMLTextAreaElement).value = text;
    element.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  });
}

async function importText(page: Page, text: string) {
  await page.getByText("Import an existing Headscale configuration").click();
  await reset(page);
  await paste(page, "Import Headscale config", text);
}

const result = (page: Page) => page.locator("#hsp-import-result");

test.beforeEach(async ({ page }) => {
  await probe(page);
});

test("nesting behind a quote is refused at once, in YAML and in HEADSCALE_OIDC_EXTRA_PARAMS", async ({ page }) => {
  await page.goto("/");
  await importText(page, corpus.quotedNesting(100_000));
  await expect(result(page)).toContainText("the import reads at most 64 KiB");
  await answeredThroughout(page, "100 000 brackets behind a quote");
  for (const [text, what] of [
    [corpus.quotedNesting(30_000), "30 000 brackets"],
    [corpus.quotedNesting(200), "200 brackets"],
    [corpus.nestedExtraParams(200), "nested extra parameters"],
  ]) {
    await reset(page);
    await paste(page, "Import Headscale config", text);
    await expect(result(page)).toContainText("[ and { characters; the import reads at most 128");
    await answeredThroughout(page, what);
  }
  await expect(page.getByRole("button", { name: "Apply to the form" })).toHaveCount(0);
});

test("thousands of unknown keys or variables are refused by size, or read and counted", async ({ page }) => {
  await page.goto("/");
  await importText(page, corpus.unknownKeys(60_000));
  await expect(result(page)).toContainText("the import reads at most 64 KiB");
  await answeredThroughout(page, "60 000 unknown keys");
  await reset(page);
  await paste(page, "Import Headscale config", corpus.unknownVariables(20_000));
  await expect(result(page)).toContainText("the import reads at most 64 KiB");
  await answeredThroughout(page, "20 000 unknown variables");
  for (const [text, what] of [
    [corpus.unknownKeys(1_000), "1 000 unknown keys"],
    [corpus.unknownVariables(1_800), "1 800 unknown variables"],
  ]) {
    await reset(page);
    await paste(page, "Import Headscale config", text);
    await expect(result(page)).toContainText("more problems are not listed");
    await expect(result(page)).toContainText("Nothing can be applied");
    await answeredThroughout(page, what);
  }
});

test("text left in the import box is not read again on keystrokes elsewhere", async ({ page }) => {
  await page.goto("/");
  await importText(page, corpus.unknownKeys(1_000));
  await expect(result(page)).toContainText("more problems are not listed");
  await reset(page);
  await openGroups(page);
  const name = page.getByLabel("Application name");
  await name.click();
  await name.pressSequentially("Tailnet", { delay: 20 });
  await expect(output(page, "authentik-settings")).toContainText("HeadscaleTailnet");
  await answeredThroughout(page, "keystrokes with 1 000 keys in the import box");
});

test("a line break or control character inside an imported group is refused, never split", async ({ page }) => {
  await page.goto("/");
  await page.getByText("Import an existing Headscale configuration").click();
  for (const text of corpus.splitGroups) {
    await paste(page, "Import Headscale config", text);
    await expect(result(page)).toContainText("This value is not used");
    await expect(result(page)).not.toContainText("no problems found");
    await expect(page.getByRole("button", { name: "Apply to the form" })).toHaveCount(0);
  }
  await expect(page.getByLabel("Allowed groups")).toHaveValue("");
});

test("merge keys are read as Headscale reads them", async ({ page }) => {
  await page.goto("/");
  await importText(page, corpus.merged);
  await expect(result(page)).not.toContainText("<<");
  await expect(result(page)).not.toContainText("no oidc");
  await page.getByRole("button", { name: "Apply to the form" }).click();
  await expect(page.getByLabel("authentik URL")).toHaveValue("https://sso.example.org");
  await expect(page.getByLabel("Client ID")).toHaveValue("merged-client");
  await expect(page.getByLabel("Allowed groups")).toHaveValue("ops");
});

test("300 allowed users survive a reload; more than a field keeps are kept in the form and said so", async ({ page }) => {
  await page.goto("/");
  await openGroups(page);
  const users = corpus.users(300);
  await paste(page, "Allowed users", users);
  await expect(page.getByRole("region", { name: "Headscale configuration" })).toContainText("user299@example.org");
  await saved(page, "user299@example.org");
  await page.reload();
  await expect(page.getByLabel("Allowed users")).toHaveValue(users);
  // Beyond the limit: the text stays, the field says why, the outputs wait.
  const many = corpus.users(501);
  await reset(page);
  await paste(page, "Allowed users", many);
  await expect(page.locator(".hsp-layout")).toContainText("it lists 501 entries, more than the 500 this field keeps");
  await expect(page.getByLabel("Allowed users")).toHaveValue(many);
  await expect(page.locator(".hsp-withheld")).toContainText("Allowed users");
  await answeredThroughout(page, "501 users");
});

test("10 000 allowed groups are refused at the field and keystrokes stay fast", async ({ page }) => {
  await page.goto("/");
  // The blueprint is the heaviest output; it is built while its tab is selected.
  await showTab(page, "authentik blueprint");
  await reset(page);
  await paste(page, "Allowed groups", corpus.groups(51));
  await expect(page.locator(".hsp-form")).toContainText("it lists 51 entries, more than the 50 this field keeps");
  await paste(page, "Allowed groups", corpus.groups(10_000));
  await expect(page.locator(".hsp-form")).toContainText("characters long, more than the 5000 this field keeps");
  // What is measured is the keystroke; laying out 10 000 lines in the text box is the
  // browser's own work, whatever the page does.
  await reset(page);
  const slug = page.getByLabel("Application slug");
  await slug.click();
  await slug.pressSequentially("-x", { delay: 20 });
  await expect(slug).toHaveValue("headscale-x");
  await answeredThroughout(page, "10 000 groups");
});

test("a NUL in a linked list and a line separator in the Headscale URL are refused at their field", async ({ page }) => {
  await page.goto("/?v=1&groups=x%00y");
  await expect(page.locator(".hsp-form")).toContainText("line 1 holds a NUL character");
  await expect(page.locator(".hsp-withheld")).toBeVisible();
  await expect(page.getByRole("region", { name: "Headscale environment" })).toHaveCount(0);
  await page.goto("/");
  await page.getByLabel("Headscale URL").fill("https://vpn.example.org\u2028");
  await expect(page.locator(".hsp-form")).toContainText("a line separator");
  await expect(page.getByText("Please report this")).toHaveCount(0);
});

test("a share link with 100 000 parameters opens at once with a notice", async ({ page }) => {
  await page.goto(`/?${corpus.manyParameters(100_000)}`);
  await expect(page.locator(".hsp-notices")).toContainText("more than 64 parameters");
  await expect(page.getByLabel("Headscale URL")).toHaveValue("https://headscale.company");
  // The page's own start (compiling the WebAssembly, the first render) is one long task on
  // any load; it is recorded, and the page must answer from then on.
  const start = await page.evaluate(() => (window as unknown as { hspBlocks: { longest: number } }).hspBlocks.longest);
  test.info().annotations.push({ type: "blocks", description: `100 000 parameters: longest task while loading ${Math.round(start)} ms` });
  await reset(page);
  await answeredThroughout(page, "100 000 parameters");
});

test("when storage throws, the page says a reload will lose the inputs", async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("full", "QuotaExceededError");
    };
  });
  await page.goto("/");
  await openGroups(page);
  await page.getByLabel("Application name").fill("Tailnet");
  await page.getByText("What links and this browser keep").click();
  await expect(page.getByText("This browser refused to keep your inputs")).toBeVisible();
  await expect(page.getByText("a reload or restart loses nothing")).toHaveCount(0);
});

for (const query of ["?v=2", "?v=1&utm_source=x", "?v=1&slug=host-slug"]) {
  test(`an embed ignores the host page's own ${query} and keeps its defaults and saved inputs`, async ({ page }) => {
    await page.goto(`${host}/docs/guide/`);
    await openGroups(page);
    await page.getByLabel("Application name").fill("Saved before");
    await saved(page, "Saved before");
    await page.goto(`${host}/docs/guide/${query}`);
    await expect(page.getByLabel("Headscale URL")).toHaveValue("https://vpn.example.org");
    await expect(page.getByLabel("Application name")).toHaveValue("Saved before");
    await expect(page.getByLabel("Application slug")).toHaveValue("headscale");
    await expect(page.locator(".hsp-notices")).toHaveCount(0);
    expect(new URL(page.url()).search).toBe(query);
  });
}

test("an embed's own link opens, and saved inputs stay until the reader edits", async ({ page }) => {
  await page.goto(`${host}/docs/guide/`);
  await openGroups(page);
  await page.getByLabel("Application name").fill("Saved before");
  await saved(page, "Saved before");
  await page.goto(`${host}/docs/guide/?v=2&hsp-v=1&hsp-slug=linked`);
  await expect(page.getByLabel("Application slug")).toHaveValue("linked");
  await page.goto(`${host}/docs/guide/`);
  await expect(page.getByLabel("Application name")).toHaveValue("Saved before");
});

test("host styles cannot reach in, and two playgrounds keep their own ids and storage", async ({ page }) => {
  await page.goto(`${host}/hostile/guest.html`);
  const first = page.locator("#first");
  const second = page.locator("#second");
  await expect(first.getByLabel("Application slug")).toHaveValue("first-slug");
  await expect(second.getByLabel("Application slug")).toHaveValue("second-slug");
  await expect(first.getByRole("region", { name: "Headscale configuration" }).locator("pre")).toBeVisible();
  expect(await first.locator(".hsp").evaluate((e) => getComputedStyle(e).color)).not.toBe("rgb(255, 0, 0)");
  expect(await first.evaluate((e) => getComputedStyle(e, "::before").content)).toBe("none");
  expect(await first.evaluate((e) => getComputedStyle(e, "::after").content)).toBe("none");
  expect(await first.getByRole("button", { name: "Copy share link" }).evaluate((e) => getComputedStyle(e).fontSize)).not.toBe("40px");
  await expect(page.getByText("INJECTED")).toHaveCount(0);
  // No element id of either playground is in the page's own id space.
  expect(await page.evaluate(() => document.querySelectorAll("[id^='hsp']").length)).toBe(0);
  await openGroups(page);
  await first.getByLabel("Application name").fill("First only");
  await saved(page, "First only");
  await page.reload();
  await expect(first.getByLabel("Application name")).toHaveValue("First only");
  await expect(second.getByLabel("Application name")).toHaveValue("Headscale");
  // Following the host's theme inside the shadow root.
  await page.evaluate(() => document.documentElement.setAttribute("data-theme", "dark"));
  await expect.poll(() => second.locator(".hsp").evaluate((e) => getComputedStyle(e).backgroundColor)).toBe("rgb(13, 17, 23)");
});
