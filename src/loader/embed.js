// Mounts the Headscale × authentik single sign-on playground into every
// [data-headscale-playground] element of the page, and into those a page swap adds later; a
// widget whose element leaves the page is unmounted. Files load relative to this one.
//
// An element may hold the example rendered at build time (prerendered.html), a declarative
// shadow root with its own styles; the app takes it over in place, and its WebAssembly is
// fetched when the reader points at one of its controls or tabs towards it (unless they asked
// browsers to save data) and started on their first pointer press, focus or key in it. Other
// elements start at once. The app comes in two modules: the first use fetches the one without
// the import; opening the import fetches the whole app, which takes the running one over.
// The widget follows the page's light/dark switch (Material's data-md-color-scheme, Docusaurus's
// data-theme), and keys typed into its fields never reach the page's shortcuts.
//
// Exports mount(element) → { shown, unmount() } for pages that manage elements themselves. When
// the playground cannot start, the element says why. (File names filled in by post-build.mjs.)
const base = new URL(".", import.meta.url);
const files = { glue: "__GLUE__", wasm: "__WASM__", fullGlue: "__FULL_GLUE__", fullWasm: "__FULL_WASM__", css: "__CSS__" };
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
/** What the reader is about to act on: pointing at one of these fetches the app ahead. */
const INTENT = "input, select, textarea, button, summary, label, a[href^='#']";
/** The import panel, which needs the whole app; the app without it asks for it with IMPORT. */
const IMPORT_PANEL = "hsp-import-panel";
const IMPORT = "headscale-playground-import";
/** Set on every element the loader has seen: the example then hides the element's own text,
 * which says that embed.js has not run (see .hsp-fallback in the stylesheet). */
const LOADER = "data-hsp-loader";
/** The page's theme, "dark" or "light", where the page has a switch of its own. */
const THEME = "data-hsp-theme";

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

/** Says why the playground did not start, at the top of the element: above the example, which
 * stays readable (its shadow root shows the message in its "alert" slot). */
function fail(element, error) {
  const message = document.createElement("p");
  message.setAttribute("role", "alert");
  message.className = "hsp-embed-failure";
  message.slot = "alert";
  message.textContent = explain(error);
  element.querySelector(":scope > .hsp-embed-failure")?.remove();
  element.prepend(message);
}

/** The element's shadow root. The parser makes one from the example's <template shadowrootmode>;
 * where the example arrived otherwise (innerHTML, a parsed page swapped in), it is made here. */
function shadowOf(element) {
  if (element.shadowRoot) return element.shadowRoot;
  const template = element.querySelector(":scope > template[shadowrootmode]");
  if (!template) return null;
  const root = element.attachShadow({ mode: "open" });
  root.append(template.content);
  template.remove();
  return root;
}

/** Makes sure `root` has the playground's stylesheet, and resolves once it applies: the example
 * brings it inline; where that is missing or refused (a Content-Security-Policy without
 * 'unsafe-inline' or its hash), or for an element without the example, a link to the file. */
function styled(root) {
  // (No ":scope" in a shadow root's selectors: it matches nothing there.)
  const own = [...root.querySelectorAll("style, link[rel=stylesheet]")];
  if (own.some((node) => node.sheet)) return Promise.resolve();
  let link = own.find((node) => node.localName === "link");
  if (!link) {
    link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL(files.css, base).href;
    root.prepend(link);
  }
  return new Promise((resolve) => {
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
  });
}

/** A shadow root for an element without the example: the stylesheet, and slots that keep the
 * element's own text and the loader's messages visible until the app is drawn. */
function emptyRoot(element) {
  const slots = '<slot name="alert"></slot><slot></slot>';
  const made = element.querySelector(":scope > headscale-playground-root")?.shadowRoot;
  if (made) return made;
  if (typeof element.attachShadow === "function") {
    const root = element.attachShadow({ mode: "open" });
    root.innerHTML = slots;
    return root;
  }
  // The page's scripts took attachShadow away: the parser's way (src/ui/shadow.rs does the
  // same), on an element of the playground's own.
  const scratch = document.createElement("div");
  scratch.setHTMLUnsafe(`<headscale-playground-root><template shadowrootmode="open">${slots}</template></headscale-playground-root>`);
  const inner = scratch.firstElementChild;
  inner.style.setProperty("display", "block", "important");
  element.append(inner);
  return inner.shadowRoot;
}

/** The app's two modules: "app", without the import (what a first use fetches), and "full",
 * with it. Each is fetched, compiled and started at most once for the page. */
const modules = {
  app: { glue: files.glue, wasm: files.wasm },
  full: { glue: files.fullGlue, wasm: files.fullWasm },
};
/** The module a reader's act inside a playground needs: the whole app for the import. */
const needs = (event) => (event.composedPath().some((node) => node.id === IMPORT_PANEL) ? "full" : "app");
/** The module new playgrounds start with: one already running, the whole app first. */
const running = () => modules.full.namespace ?? modules.app.namespace;
/** The modules being started or started. */
const started = () => Object.values(modules).flatMap((module) => (module.started ? [module.started] : []));

/** Examples in view that have not started: a Tab key pressed meanwhile may be moving the
 * focus towards one, so the app is fetched ahead. */
const inView = new Set();
let viewWatch;
function approaching(element) {
  if (typeof IntersectionObserver !== "function") return;
  if (!viewWatch) {
    viewWatch = new IntersectionObserver((entries) => {
      for (const entry of entries) entry.isIntersecting ? inView.add(entry.target) : inView.delete(entry.target);
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Tab" && [...inView].some((element) => !element.hasAttribute("data-hsp-mounted"))) prefetch("app");
    }, { capture: true });
  }
  viewWatch.observe(element);
}
function leaving(element) {
  viewWatch?.unobserve(element);
  inView.delete(element);
}

/** Compiles the WebAssembly at `url` while it downloads, where the server names its type
 * (most do; the glue would otherwise fetch it only after being fetched itself). */
async function compile(url) {
  if (typeof WebAssembly !== "object") throw new Error("no WebAssembly");
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: ${response.status} ${response.statusText}`);
  if (WebAssembly.compileStreaming && /^application\/wasm\b/.test(response.headers.get("content-type") ?? "")) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/** Fetches a module's glue and compiles its WebAssembly, both at once, without starting it. */
function fetched(kind) {
  const module = modules[kind];
  if (!module.fetched) {
    module.fetched = { glue: import(new URL(module.glue, base).href), compiled: compile(new URL(module.wasm, base)) };
    // A failure is reported when the module is started.
    module.fetched.glue.catch(() => {});
    module.fetched.compiled.catch(() => {});
  }
  return module.fetched;
}

/** Whether the reader asked browsers to save data: then nothing is fetched before use. */
const savingData = () => navigator.connection?.saveData === true;
/** Fetches a module ahead of use, on a sign that the reader is about to use it. */
function prefetch(kind) {
  if (!savingData()) fetched(kind);
}

/** Starts a module (once for the page), which mounts every playground not mounted yet. */
function load(kind) {
  const module = modules[kind];
  module.started ??= (async () => {
    const { glue, compiled } = fetched(kind);
    const [namespace, wasm] = await Promise.all([glue, compiled]);
    await namespace.default({ module_or_path: wasm });
    module.namespace = namespace;
    return namespace;
  })();
  return module.started;
}

/** Hands the playground in `element`, running without the import, to the whole app, once
 * the reader has opened the import: it takes it over in place, with its state. */
async function upgrade(element) {
  const full = await load("full");
  const app = modules.app.namespace;
  const handover = app?.release(element);
  if (handover === undefined) return;
  element.addEventListener(SHOWN, () => app.forget(element), { once: true });
  full.mount(element, handover);
}

/** The page's own light/dark choice, or null where it has no switch. */
function pageTheme() {
  const scheme = document.body?.getAttribute("data-md-color-scheme");
  if (scheme) {
    if (scheme === "slate") return "dark";
    if (scheme === "default") return "light";
    // A scheme of the site's own: the color-scheme its CSS gives it.
    return /dark/.test(getComputedStyle(document.body).colorScheme) ? "dark" : "light";
  }
  const theme = document.documentElement.getAttribute("data-theme");
  return theme === "dark" || theme === "light" ? theme : null;
}

/** The elements with a playground, to give them the page's theme. */
const live = new Set();
function applyTheme(element, theme = pageTheme()) {
  if (theme) element.setAttribute(THEME, theme);
  else element.removeAttribute(THEME);
}
let themeWatch;
/** One observer for the page: the switch's attributes, on <html> and <body>. */
function watchTheme() {
  if (themeWatch) return;
  themeWatch = new MutationObserver(() => {
    const theme = pageTheme();
    for (const element of live) applyTheme(element, theme);
  });
  const options = { attributes: true, attributeFilter: ["data-theme", "data-md-color-scheme"] };
  themeWatch.observe(document.documentElement, options);
  if (document.body) themeWatch.observe(document.body, options);
}

/** A key typed into one of the playground's fields is the field's: a page's single-key
 * shortcuts (search on "/" or "s", next page on "n"…) would see it as typed on the page, since
 * the field is inside a shadow root. Shortcuts with a modifier and Escape still reach the page. */
function keepKeys(event) {
  const origin = event.composedPath()[0];
  if (!(origin instanceof Element) || !origin.matches("input, textarea, select, [contenteditable]")) return;
  if (event.ctrlKey || event.metaKey || event.altKey || event.key === "Escape" || event.key === "Tab") return;
  event.stopPropagation();
}
const KEYS = ["keydown", "keypress", "keyup"];

/** The example rendered at build time inside `root`, if it holds one. */
const example = (root) => root?.querySelector("[data-hsp-prerendered]") ?? null;

/** The names a playground without a usable prefix of its own may take, in src/engine/embed.rs's
 * order: a bounded stretch of hsp-, hsp2-, … from its position, then a- … _-, then aa- … __-,
 * so chosen prefixes that block the hsp series (h, hsp, hsp1 to hsp9) never stall the page. */
export const AUTOMATIC_SERIES = 1000;
function* automaticNames(index) {
  const letters = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"];
  for (let i = 0; i < AUTOMATIC_SERIES; i++) yield index + i === 0 ? "hsp-" : `hsp${index + i + 1}-`;
  for (const c of letters) yield `${c}-`;
  for (const c of letters) for (const d of letters) yield `${c}${d}-`;
}

/** The parameter prefix of each playground element of the page, as src/engine/embed.rs's
 * page_prefixes chooses them: chosen ones in document order unless they overlap an earlier one
 * (or are empty on a host page), then hsp-, hsp2-, … by position, skipping overlaps. */
export function prefixes() {
  const elements = [...document.querySelectorAll(selector)];
  const ownPage = base.href === new URL(".", location.href).href;
  const overlaps = (a, b) => a.startsWith(b) || b.startsWith(a);
  const taken = [];
  const decided = elements.map((element) => {
    const chosen = element.getAttribute("data-param-prefix");
    if (chosen === null || !/^[A-Za-z0-9_-]*$/.test(chosen)) return null;
    if (chosen === "" && (!ownPage || elements.length > 1)) return null;
    if (taken.some((other) => overlaps(other, chosen))) return null;
    taken.push(chosen);
    return chosen;
  });
  return new Map(elements.map((element, index) => {
    if (decided[index] !== null) return [element, decided[index]];
    let free = automaticNames(index).next().value;
    for (const name of automaticNames(index)) {
      if (!taken.some((other) => overlaps(other, name))) {
        free = name;
        break;
      }
    }
    taken.push(free);
    return [element, free];
  }));
}

/** Whether the reader has a share link or saved inputs for this element, which the example
 * would misrepresent. The parameter prefix and storage key follow src/engine/embed.rs. */
export function restoring(element) {
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
  let left = false;
  let settle;
  const shown = new Promise((resolve, reject) => {
    settle = { resolve, reject };
    // The app may take the element over while its module is still starting: after that.
    element.addEventListener(SHOWN, () => Promise.allSettled(started()).then(() => resolve()), { once: true });
    // The app could not take the element over (it says why in it).
    element.addEventListener("headscale-playground-failed", () => reject(new Error("the playground could not start")), { once: true });
  });
  // A failure is told in the element; a page that does not wait for `shown` gets no error.
  shown.catch(() => {});
  element.setAttribute(LOADER, "");
  live.add(element);
  applyTheme(element);
  watchTheme();

  const root = shadowOf(element);
  const copy = example(root);
  if (element.hasAttribute("data-hsp-mounted") && !copy) settle.resolve();
  // The stylesheet, at once where the example's own did not apply.
  const ready = root ? styled(root) : Promise.resolve();

  const listeners = [];
  const listen = (type, listener) => {
    element.addEventListener(type, listener, { capture: true });
    listeners.push([type, listener]);
  };
  const quiet = () => {
    for (const [type, listener] of listeners.splice(0)) element.removeEventListener(type, listener, { capture: true });
    element.removeAttribute("data-hsp-waking");
  };
  for (const type of KEYS) element.addEventListener(type, keepKeys);
  // Running without the import, the playground asks for the whole app when the reader opens
  // the import, which is fetched ahead when they point at it or move the focus into it.
  const wantsImport = () => upgrade(element).catch((error) => !left && fail(element, error));
  const nearImport = (event) => {
    if (modules.app.namespace && !modules.full.namespace && needs(event) === "full") prefetch("full");
  };
  element.addEventListener(IMPORT, wantsImport);
  for (const type of ["pointerover", "focusin"]) element.addEventListener(type, nearImport);
  const start = (kind) => {
    element.setAttribute("data-hsp-waking", "");
    // Without the example the element keeps its own text (a line about what it needs) until
    // the app is drawn; it says what is happening meanwhile.
    let own = root;
    if (!own && !element.hasAttribute("data-hsp-mounted")) {
      if (element.textContent.trim() && !element.querySelector(":scope > .hsp-embed-failure")) {
        const status = document.createElement("p");
        status.setAttribute("role", "status");
        status.className = "hsp-embed-loading";
        status.textContent = "Loading the Headscale × authentik playground…";
        element.replaceChildren(status);
      }
      own = emptyRoot(element);
    }
    Promise.all([load(kind), own && own !== root ? styled(own) : ready]).then(
      ([module]) => {
        if (!left) module.mount(element);
      },
      (error) => {
        quiet();
        if (!left) fail(element, error);
        settle.reject(error);
      },
    );
  };
  shown.then(() => {
    quiet();
    element.removeAttribute("data-hsp-restoring");
  }, () => {});

  if (copy) {
    // A click on the example's control: nothing happens there; the app does it once it runs.
    listen("click", (event) => {
      const target = event.composedPath()[0];
      const control = target instanceof Element ? target.closest(CONTROLS) : null;
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
  const restored = Boolean(copy) && !running() && restoring(element);
  if (restored) element.setAttribute("data-hsp-restoring", "");
  // The whole app where it already runs; otherwise the one without the import, unless the
  // reader's first act is on the import.
  const kind = (event) => (modules.full.namespace || (event && needs(event) === "full") ? "full" : "app");
  if (!copy || running() || active || restored) {
    start(kind());
  } else {
    let woken = false;
    const wake = (event) => {
      if (woken) return;
      woken = true;
      for (const type of WAKE) element.removeEventListener(type, wake, { capture: true });
      start(kind(event));
    };
    for (const type of WAKE) listen(type, wake);
    // Pointing at a control, or tabbing while the example is in view: fetched ahead.
    listen("pointerover", (event) => {
      const target = event.composedPath()[0];
      if (target instanceof Element && target.closest(INTENT)) prefetch(kind(event));
    });
    approaching(element);
  }

  const handle = {
    shown,
    unmount() {
      left = true;
      quiet();
      for (const type of KEYS) element.removeEventListener(type, keepKeys);
      element.removeEventListener(IMPORT, wantsImport);
      for (const type of ["pointerover", "focusin"]) element.removeEventListener(type, nearImport);
      handles.delete(element);
      live.delete(element);
      leaving(element);
      for (const module of Object.values(modules)) module.namespace?.unmount(element);
    },
  };
  handles.set(element, handle);
  return handle;
}

/** Removes the playground from element, with its listeners and timers. */
export const unmount = (element) => {
  if (handles.get(element)) handles.get(element).unmount();
  else for (const module of Object.values(modules)) module.namespace?.unmount(element);
};

/** How many playgrounds are mounted (running) on the page. */
export const mountedCount = () =>
  Object.values(modules).reduce((count, module) => count + (module.namespace?.mountedCount() ?? 0), 0);

/** The playground elements in and under `node`. */
const within = (node) =>
  node instanceof Element ? [...(node.matches(selector) ? [node] : []), ...node.querySelectorAll(selector)] : [];

for (const element of document.querySelectorAll(selector)) mount(element);
// Elements the page adds later are mounted, and those it removes unmounted, before the next
// frame is drawn: a page swap shows the widget styled and leaves no playground behind.
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.removedNodes) for (const element of within(node)) if (!element.isConnected) handles.get(element)?.unmount();
    for (const node of record.addedNodes) for (const element of within(node)) if (element.isConnected) mount(element);
  }
}).observe(document.documentElement, { childList: true, subtree: true });
