// Trunk post-build step (see Trunk.toml), run in the staging folder before it becomes dist/:
//  - adds a Content-Security-Policy that allows only the page's own origin, WebAssembly, the
//    one inline loader script Trunk writes (by its hash) and the import's worker
//    (scripts/policy.mjs);
//  - writes embed.js, the one script a host page includes to mount the playground.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { policy as buildPolicy } from "./policy.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run this through trunk build");

const indexPath = join(staging, "index.html");
let index = readFileSync(indexPath, "utf8");

// The playground's default state, rendered natively (src/bin/prerender.rs) for a mount element
// with the given attributes, so the page shows a complete example before the WebAssembly runs.
const prerender = (...attributes) =>
  execFileSync("cargo", ["run", "--quiet", "--locked", "--features", "prerender", "--bin", "prerender", "--", ...attributes], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
// Shown while a link or saved inputs wait for the app: the example is not the reader's own.
const restoringNote =
  '<p class="hsp-restoring-note" role="status">This is the example; your link or saved inputs appear as soon as the playground has started.</p>';
const withNote = (html) => html.replace(/^<div data-hsp-prerendered>/, (open) => open + restoringNote);
const mount = index.match(/<main ([^>]*)>/);
if (!mount) throw new Error("index.html has no <main data-headscale-playground …> element");
const attributes = [...mount[1].matchAll(/(data-[a-z-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => `${name}=${value ?? ""}`);
index = index.replace(/<p class="hsp-loading">[^<]*<\/p>/, withNote(prerender(...attributes)));
index = index.replace(
  /<noscript>[^<]*<\/noscript>/,
  "<noscript><p class=\"hsp-noscript\">This is the default example. Editing it needs JavaScript and WebAssembly.</p></noscript>",
);
// Before the app runs, mark the page when the address carries a link or this browser saved
// inputs, so the example is not taken for the reader's own.
index = index.replace(
  /<script type="module">/,
  (open) =>
    open +
    'try{if(/[?&](?:hsp\\d*-)?v=/.test(location.search)||Object.keys(localStorage).some(k=>k.startsWith("headscale-playground:inputs")))document.documentElement.classList.add("hsp-restoring")}catch(e){}\n',
);

// The same for embedding pages: as an HTML fragment to place inside the mount element, and as
// a JavaScript module for sites whose build imports it (the Docusaurus component does).
const fragment = withNote(prerender());
writeFileSync(join(staging, "prerendered.html"), fragment + "\n");
writeFileSync(join(staging, "prerendered.js"), `export default ${JSON.stringify(fragment)};\n`);

const inline = [...index.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length !== 1) throw new Error(`expected one inline loader script, found ${inline.length}`);
export const policy = buildPolicy({ self: true, scripts: inline });
index = index.replace(
  /<meta charset="utf-8" \/>/,
  (charset) => `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
);
// Marks the playground's stylesheet, which each playground links inside its shadow root.
const marked = index.replace(/<link rel="stylesheet" href="([^"]*playground-[0-9a-f]+\.css)"/, (link) => `${link} data-headscale-playground-style`);
if (marked === index) throw new Error("no playground stylesheet link in index.html");
index = marked;
writeFileSync(indexPath, index);

const files = readdirSync(staging);
const find = (pattern) => {
  const name = files.find((file) => pattern.test(file));
  if (!name) throw new Error(`no file matches ${pattern}`);
  return name;
};
const glue = find(/^sso-playground-[0-9a-f]+\.js$/);
const wasm = find(/^sso-playground-[0-9a-f]+_bg\.wasm$/);
const css = find(/^playground-[0-9a-f]+\.css$/);

writeFileSync(
  join(staging, "embed.js"),
  `// Mounts the Headscale × authentik single sign-on playground into every
// [data-headscale-playground] element of the page. Everything it loads is fetched relative to
// this file, so the folder can live under any path. Exports mount(element), which returns a
// handle whose unmount() removes the playground with its listeners, for pages that add and
// remove elements later (a docs site's client-side navigation). When the playground cannot
// start, each element says why, in place of the playground.
const base = new URL(".", import.meta.url);
const selector = "[data-headscale-playground]";

/** A sentence for a reader: what failed and what the site's maintainer should check. */
export function explain(error) {
  const text = String((error && error.message) || error);
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

function fail(element, error) {
  const message = document.createElement("p");
  message.setAttribute("role", "alert");
  message.className = "hsp-embed-failure";
  message.textContent = explain(error);
  element.replaceChildren(message);
}

// The stylesheet: each playground adopts a copy in its shadow root when it mounts, so it must
// have loaded by then.
let style = document.querySelector("link[data-headscale-playground-style]");
if (!style) {
  style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL(${JSON.stringify(css)}, base).href;
  style.setAttribute("data-headscale-playground-style", "");
  document.head.append(style);
}
const styled = style.sheet ? Promise.resolve() : new Promise((resolve) => style.addEventListener("load", resolve, { once: true }) || style.addEventListener("error", resolve, { once: true }));
let glue;
try {
  if (typeof WebAssembly !== "object") throw new Error("no WebAssembly");
  [glue] = await Promise.all([import(new URL(${JSON.stringify(glue)}, base).href), styled]);
  await glue.default({ module_or_path: new URL(${JSON.stringify(wasm)}, base) });
} catch (error) {
  for (const element of document.querySelectorAll(selector)) fail(element, error);
  throw error;
}

/** Mounts a playground into element (once) and returns a handle to remove it again. */
export function mount(element) {
  glue.mount(element);
  return { unmount: () => glue.unmount(element) };
}

/** Removes the playground from element, with its listeners and timers. */
export const unmount = (element) => glue.unmount(element);

/** How many playgrounds are mounted on the page. */
export const mountedCount = () => glue.mountedCount();
`,
);
