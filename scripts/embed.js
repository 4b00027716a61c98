// Mounts the Headscale × authentik single sign-on playground into every
// [data-headscale-playground] element of the page; the standalone page loads it too. Everything
// it loads is fetched relative to this file, so the folder can live under any path.
//
// An element that holds the example rendered at build time shows it, and the WebAssembly and
// its glue are fetched only when the reader first acts inside it: a pointer pressed, a focus or
// a key. Hovering or scrolling past fetches nothing. The last click on one of the example's
// buttons, groups or in-page links before the app has taken over is done again on the app's own
// copy; what was typed meanwhile is kept by the app. An element without the example, a share
// link or saved inputs for it, or a page whose playground has already been loaded starts at once.
//
// Exports mount(element), which returns a handle: `shown` resolves once the app has taken the
// element over (and rejects when it cannot start), and unmount() removes the playground with its
// listeners, for pages that add and remove elements later (a docs site's client-side
// navigation). When the playground cannot start, the element says why.
// (The three file names below are filled in by scripts/post-build.mjs.)
const base = new URL(".", import.meta.url);
const files = { glue: "__GLUE__", wasm: "__WASM__", css: "__CSS__" };
const selector = "[data-headscale-playground]";
/** The example's controls a click is replayed on, counted in document order. The same selector
 * as `REPLAYED` in src/ui/takeover.rs, which finds the control again in the app's copy. */
const CONTROLS = "button, summary, a[href^='#']";
/** Where the loader leaves the replayed control's position for the app. */
const REPLAY = "data-hsp-replay";
/** Sent on the element once the app has taken it over. */
const SHOWN = "headscale-playground-shown";
/** What wakes a playground: the reader acting inside it. */
const WAKE = ["pointerdown", "focusin", "keydown"];

/** A sentence for a reader: what failed and what the site's maintainer should check. */
export function explain(error) {
  const text = String((error && error.message) || error);
  if (self.origin === "null" && location.protocol !== "file:") {
    return "The playground cannot start in a sandboxed frame without allow-same-origin: its scripts and " +
      "WebAssembly are loaded from the site, which such a frame may not do. (" + text + ")";
  }
  if (typeof WebAssembly !== "object") {
    return "The playground needs WebAssembly, which this browser does not offer.";
  }
  if (/wasm-unsafe-eval|Content.Security.Policy|WebAssembly/i.test(text)) {
    return "The playground could not start: the site's Content-Security-Policy blocks WebAssembly. " +
      "Add 'wasm-unsafe-eval' to its script-src. (" + text + ")";
  }
  return "The playground could not be loaded from " + base.href + ": check that the whole release " +
    "build is there. (" + text + ")";
}

/** Says why the playground did not start, above the example (which stays readable). */
function fail(element, error) {
  const message = document.createElement("p");
  message.setAttribute("role", "alert");
  message.className = "hsp-embed-failure";
  message.textContent = explain(error);
  element.querySelector(":scope > .hsp-embed-failure")?.remove();
  element.prepend(message);
}

// The stylesheet: each playground adopts a copy in its shadow root when it mounts, so it must
// have loaded by then. The example is styled by it too.
let style = document.querySelector("link[data-headscale-playground-style]");
if (!style) {
  style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL(files.css, base).href;
  style.setAttribute("data-headscale-playground-style", "");
  document.head.append(style);
}
const styled = style.sheet
  ? Promise.resolve()
  : new Promise((resolve) => {
      style.addEventListener("load", resolve, { once: true });
      style.addEventListener("error", resolve, { once: true });
    });

let glue;
let loading;
/** Fetches and starts the glue and the WebAssembly, once for the page. Starting mounts every
 * playground element of the page. */
function load() {
  loading ??= (async () => {
    if (typeof WebAssembly !== "object") throw new Error("no WebAssembly");
    const [module] = await Promise.all([import(new URL(files.glue, base).href), styled]);
    await module.default({ module_or_path: new URL(files.wasm, base) });
    glue = module;
    return module;
  })();
  return loading;
}

/** The example rendered at build time inside element, if it holds one. */
const example = (element) => element.querySelector(":scope > [data-hsp-prerendered]");

/** The parameter prefix of each playground element of the page, as src/engine/embed.rs's
 * page_prefixes chooses them: chosen ones in document order unless they overlap an earlier one
 * (or are empty on a host page), then hsp-, hsp2-, … by position, skipping overlaps. */
function prefixes() {
  const elements = [...document.querySelectorAll(selector)];
  const ownPage = base.href === new URL(".", location.href).href;
  const overlaps = (a, b) => a.startsWith(b) || b.startsWith(a);
  const taken = [];
  const decided = elements.map((element) => {
    const chosen = element.getAttribute("data-param-prefix");
    if (chosen === null || !/^[A-Za-z0-9_-]*$/.test(chosen) || (chosen === "" && !ownPage)) return null;
    if (taken.some((other) => overlaps(other, chosen))) return null;
    taken.push(chosen);
    return chosen;
  });
  return new Map(elements.map((element, index) => {
    if (decided[index] !== null) return [element, decided[index]];
    let k = index;
    const name = (k) => (k === 0 ? "hsp-" : `hsp${k + 1}-`);
    while (taken.some((other) => overlaps(other, name(k)))) k++;
    taken.push(name(k));
    return [element, name(k)];
  }));
}

/** Whether the reader has a share link or saved inputs for this element, which the example
 * would misrepresent. The parameter prefix and storage key follow src/engine/embed.rs. */
function restoring(element) {
  const prefix = prefixes().get(element) ?? "hsp-";
  const own = (text) => new URLSearchParams(text).has(prefix + "v");
  if (own(location.hash.slice(1)) || own(location.search)) return true;
  if (element.hasAttribute("data-no-storage")) return false;
  const key = element.getAttribute("data-storage-key");
  // Characters as code points, as the app counts them (MAX_STORAGE_KEY).
  const named = key && [...key].length <= 128 && !/[\u0000-\u001f\u007f-\u009f]/.test(key) ? key : location.pathname;
  const scope = prefix ? prefix + named : "";
  try {
    return localStorage.getItem("headscale-playground:inputs" + (scope ? ":" + scope : "")) !== null;
  } catch {
    return false;
  }
}

const handles = new WeakMap();

/** Mounts a playground into element (once) and returns its handle. */
export function mount(element) {
  const known = handles.get(element);
  if (known) return known;
  // The loader runs: the example's note for a loader that never does stays hidden.
  element.setAttribute("data-hsp-loader", "");
  let left = false;
  let settle;
  const shown = new Promise((resolve, reject) => {
    settle = { resolve, reject };
    // The app may take the element over while its module is still starting: after that.
    element.addEventListener(SHOWN, () => (loading ?? Promise.resolve()).then(() => resolve(), () => resolve()), { once: true });
    // The app could not take the element over (it says why in it).
    element.addEventListener("headscale-playground-failed", () => reject(new Error("the playground could not start")), { once: true });
  });
  // A failure is told in the element; a page that does not wait for `shown` gets no error.
  shown.catch(() => {});
  if (element.hasAttribute("data-hsp-mounted") && !example(element)) settle.resolve();

  const listeners = [];
  const listen = (type, listener) => {
    element.addEventListener(type, listener, { capture: true });
    listeners.push([type, listener]);
  };
  const quiet = () => {
    for (const [type, listener] of listeners.splice(0)) element.removeEventListener(type, listener, { capture: true });
    element.removeAttribute("data-hsp-waking");
  };
  const start = () => {
    element.setAttribute("data-hsp-waking", "");
    load().then(
      (module) => {
        if (!left) module.mount(element);
      },
      (error) => {
        quiet();
        if (!left) fail(element, error);
        settle.reject(error);
      },
    );
  };
  shown.then(quiet, () => {});

  const copy = example(element);
  if (copy) {
    // A click on the example's control: nothing happens there; the app does it once it runs.
    listen("click", (event) => {
      const control = event.target instanceof Element ? event.target.closest(CONTROLS) : null;
      if (!control || !copy.contains(control)) return;
      event.preventDefault();
      element.setAttribute(REPLAY, String([...copy.querySelectorAll(CONTROLS)].indexOf(control)));
      // The example's text is never copied or saved: the app's own, once it has parsed it back.
      const status = control.matches(".hsp-copy, .hsp-download") && control.parentElement.querySelector(".hsp-copy-status");
      if (status) status.textContent = "Checking…";
    });
  }
  // The reader may already be in it: a docs site mounts it only after hydrating its page.
  const active = element.contains(document.activeElement);
  // A link or saved inputs: the example is not the reader's own, and says so until replaced.
  const restored = Boolean(copy) && !glue && restoring(element);
  if (restored) document.documentElement.classList.add("hsp-restoring");
  if (!copy || glue || active || restored) {
    start();
  } else {
    let woken = false;
    const wake = () => {
      if (woken) return;
      woken = true;
      for (const type of WAKE) element.removeEventListener(type, wake, { capture: true });
      start();
    };
    for (const type of WAKE) listen(type, wake);
  }

  const handle = {
    shown,
    unmount() {
      left = true;
      quiet();
      handles.delete(element);
      glue?.unmount(element);
    },
  };
  handles.set(element, handle);
  return handle;
}

/** Removes the playground from element, with its listeners and timers. */
export const unmount = (element) => (handles.get(element) ? handles.get(element).unmount() : glue?.unmount(element));

/** How many playgrounds are mounted (running) on the page. */
export const mountedCount = () => (glue ? glue.mountedCount() : 0);

for (const element of document.querySelectorAll(selector)) mount(element);
