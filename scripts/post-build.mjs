// Trunk post-build step (see Trunk.toml), run in the staging folder before it becomes dist/:
//  - puts the example rendered at build time into the page;
//  - replaces Trunk's inline loader with embed.js, the one loader of the page and of host pages
//    (scripts/embed.js), which fetches the WebAssembly on the reader's first use;
//  - adds a Content-Security-Policy that allows only the page's own origin, WebAssembly and the
//    import's worker (scripts/policy.mjs).
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
// Shown only where the loader never runs (a sandboxed frame without allow-same-origin, a policy
// that blocks the script): at once without the stylesheet, after a few seconds with it.
const stalledNote =
  '<p class="hsp-stalled-note" role="status">The playground has not started. If this stays, its script cannot run here: in a sandboxed frame it needs allow-same-origin, and a Content-Security-Policy must allow its scripts and WebAssembly.</p>';
const withNote = (html) => html.replace(/^<div data-hsp-prerendered>/, (open) => open + stalledNote + restoringNote);
const mount = index.match(/<main ([^>]*)>/);
if (!mount) throw new Error("index.html has no <main data-headscale-playground …> element");
const attributes = [...mount[1].matchAll(/(data-[a-z-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => `${name}=${value ?? ""}`);
index = index.replace(/<p class="hsp-loading">[^<]*<\/p>/, withNote(prerender(...attributes)));
index = index.replace(
  /<noscript>[^<]*<\/noscript>/,
  "<noscript><p class=\"hsp-noscript\">This is the default example. Editing it needs JavaScript and WebAssembly.</p></noscript>",
);
// The same for embedding pages: as an HTML fragment to place inside the mount element, and as
// a JavaScript module for sites whose build imports it (the Docusaurus component does).
const fragment = withNote(prerender());
writeFileSync(join(staging, "prerendered.html"), fragment + "\n");
writeFileSync(join(staging, "prerendered.js"), `export default ${JSON.stringify(fragment)};\n`);

// One loader for the page and for host pages: embed.js, which fetches the WebAssembly only once
// the reader acts. Trunk's own loader script and its preloads, which would fetch it at once, go.
const loaders = index.match(/<script type="module">[\s\S]*?<\/script>/g) ?? [];
if (loaders.length !== 1) throw new Error(`expected Trunk's one loader script, found ${loaders.length}`);
index = index
  .replace(loaders[0], '<script type="module" src="./embed.js"></script>')
  .replace(/\s*<link rel="(?:modulepreload|preload)"[^>]*>/g, "");
if (/_bg\.wasm|sso-playground-[0-9a-f]+\.js/.test(index)) throw new Error("index.html still names the glue or the WebAssembly");

export const policy = buildPolicy({ self: true });
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

// The loader, with the build's file names filled in. Its header comment stays for the
// maintainers of host pages; the other comments are for this project's own, and every reader
// of a page would pay for them.
const source = readFileSync(new URL("embed.js", import.meta.url), "utf8");
const header = source.match(/^(?:\/\/.*\n)+/)[0];
const loader = (header + source.slice(header.length).replace(/^\s*\/\*\*[\s\S]*?\*\/\n/gm, "").replace(/^\s*\/\/.*\n/gm, ""))
  .replace('"__GLUE__"', JSON.stringify(glue))
  .replace('"__WASM__"', JSON.stringify(wasm))
  .replace('"__CSS__"', JSON.stringify(css));
if (loader.includes('"__')) throw new Error("embed.js: a file name was not filled in");
writeFileSync(join(staging, "embed.js"), loader);
