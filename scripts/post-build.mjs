// Trunk post-build step (see Trunk.toml), run in the staging folder before it becomes dist/:
//  - puts the example rendered at build time into the page, styled from the first byte (below);
//  - replaces Trunk's inline loader with embed.js, the one loader of the page and of host pages
//    (src/loader/embed.js), which fetches the WebAssembly on the reader's first use;
//  - adds a Content-Security-Policy that allows only the page's own origin, WebAssembly, the
//    example's inline styles by hash and the import's worker (scripts/policy.mjs).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { policy as buildPolicy } from "./policy.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run this through trunk build");

const files = readdirSync(staging);
const find = (pattern) => {
  const name = files.find((file) => pattern.test(file));
  if (!name) throw new Error(`no file matches ${pattern}`);
  return name;
};
// The app in two modules: without the import (what a first use fetches) and whole.
const glue = find(/^sso-playground-[0-9a-f]+\.js$/);
const wasm = find(/^sso-playground-[0-9a-f]+_bg\.wasm$/);
// Trunk builds the whole app as a second module (a "worker" link, as it calls any module but
// the page's first) and does not hash its file names: hashed here as Trunk hashes the first,
// so that a cached copy of one release is never started beside another release's module.
const [fullGlue, fullWasm] = (() => {
  const [glue, wasm] = [find(/^sso-playground-full\.js$/), find(/^sso-playground-full_bg\.wasm$/)];
  const [glueText, wasmBytes] = [readFileSync(join(staging, glue), "utf8"), readFileSync(join(staging, wasm))];
  const hash = createHash("sha256").update(glueText).update(wasmBytes).digest("hex").slice(0, 16);
  const named = [`sso-playground-full-${hash}.js`, `sso-playground-full-${hash}_bg.wasm`];
  writeFileSync(join(staging, named[0]), glueText.replaceAll(wasm, named[1]));
  renameSync(join(staging, wasm), join(staging, named[1]));
  rmSync(join(staging, glue));
  return named;
})();
const css = find(/^playground-[0-9a-f]+\.css$/);
// Styles as the page carries them inline: without comments and runs of white space, which
// every reader would transfer.
const minified = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};])\s*/g, "$1")
    .trim();
// The playground's stylesheet, as the example carries it.
const styles = minified(readFileSync(join(staging, css), "utf8"));

const indexPath = join(staging, "index.html");
let index = readFileSync(indexPath, "utf8");
// The standalone page's own few rules, which Trunk put inline (a linked file would cost a
// request before the first paint): minified, and allowed by the policy below by their hash.
const pageStyleElement = /<style>([\s\S]*?)<\/style>/;
const pageStyles = minified(index.match(pageStyleElement)?.[1] ?? "");
if (!pageStyles) throw new Error("index.html has no inline page styles");
index = index.replace(pageStyleElement, () => `<style>${pageStyles}</style>`);

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
// The element's own text, which the example shows only where no script runs or embed.js never
// came (see .hsp-fallback in the stylesheet); the app replaces it.
const fallbackLine =
  '<p class="hsp-needs-script" data-search-exclude data-pagefind-ignore="all">This is the playground\'s default example. ' +
  "Editing it needs JavaScript and WebAssembly, and the playground's script embed.js, which has not started here: " +
  "scripts are off, the page could not load embed.js, or the page sits in a sandboxed frame without allow-same-origin (its module scripts need an origin).</p>";
/**
 * The example as the element's content: a declarative shadow root that holds the playground's
 * styles and the example, so the page's CSS cannot reach it and it is styled before any script
 * runs, even with scripts off. The app later renders into the same root, beside the example, and
 * moves nothing. Search indexers skip it (Material for MkDocs' data-search-exclude, Pagefind's
 * data-pagefind-ignore): its labels and placeholders are no page text.
 */
const styledExample = (html) => {
  const example = html
    .replace(/^<div class="hsp-root" data-hsp-prerendered>/, (open) => open + restoringNote)
    // Material's search starts a section at every heading with an id, even inside a part it
    // skips; marked, the heading is skipped too, and no search result points into the widget.
    .replace(/<(h[1-6]) id=/g, "<$1 data-search-exclude id=");
  if (!example.startsWith('<div class="hsp-root" data-hsp-prerendered><p class="hsp-restoring-note"')) {
    throw new Error("the prerender binary's output has changed shape");
  }
  return (
    '<template shadowrootmode="open" data-search-exclude data-pagefind-ignore="all">' +
    `<style>${styles}</style><slot name="alert"></slot><div class="hsp-fallback"><slot></slot></div>${example}</template>` +
    fallbackLine
  );
};
const mount = index.match(/<main ([^>]*)>/);
if (!mount) throw new Error("index.html has no <main data-headscale-playground …> element");
const attributes = [...mount[1].matchAll(/(data-[a-z-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => `${name}=${value ?? ""}`);
const content = /(<main [^>]*>)[\s\S]*?(<\/main>)/;
if (!content.test(index)) throw new Error("index.html has no <main> element to fill");
index = index.replace(content, (_, open, close) => open + styledExample(prerender(...attributes)) + close);
// The same for embedding pages: as an HTML fragment to place inside the mount element, and as
// a JavaScript module for sites whose build imports it (the Docusaurus component does).
const fragment = styledExample(prerender());
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

export const policy = buildPolicy({ self: true, styles: [pageStyles, styles] });
index = index.replace(
  /<meta charset="utf-8" \/>/,
  (charset) => `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
);
// The page's example carries the playground's styles inside it: the stylesheet link Trunk
// wrote would only hold up the first paint. The file stays, for embed.js to link into
// playgrounds that have no example.
const unlinked = index.replace(/\s*<link rel="stylesheet" href="[^"]*playground-[0-9a-f]+\.css"[^>]*>/, "");
if (unlinked === index) throw new Error("no playground stylesheet link in index.html");
index = unlinked;
writeFileSync(indexPath, index);

// The loader, with the build's file names filled in. Its header comment stays for the
// maintainers of host pages; the other comments are for this project's own, and every reader
// of a page would pay for them.
const source = readFileSync(new URL("../src/loader/embed.js", import.meta.url), "utf8");
const header = source.match(/^(?:\/\/.*\n)+/)[0];
const loader = (header + source.slice(header.length).replace(/^\s*\/\*\*[\s\S]*?\*\/\n/gm, "").replace(/^\s*\/\/.*\n/gm, ""))
  .replace('"__GLUE__"', JSON.stringify(glue))
  .replace('"__WASM__"', JSON.stringify(wasm))
  .replace('"__FULL_GLUE__"', JSON.stringify(fullGlue))
  .replace('"__FULL_WASM__"', JSON.stringify(fullWasm))
  .replace('"__CSS__"', JSON.stringify(css));
if (loader.includes('"__')) throw new Error("embed.js: a file name was not filled in");
writeFileSync(join(staging, "embed.js"), loader);
