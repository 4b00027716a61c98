// Trunk post-build step (see Trunk.toml), run in the staging folder before it becomes dist/:
//  - adds a Content-Security-Policy that allows only the page's own origin, WebAssembly, and
//    the one inline loader script Trunk writes (by its hash);
//  - writes embed.js, the one script a host page includes to mount the playground.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run this through trunk build");

const indexPath = join(staging, "index.html");
let index = readFileSync(indexPath, "utf8");
const inline = [...index.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length !== 1) throw new Error(`expected one inline loader script, found ${inline.length}`);
const scriptHash = createHash("sha256").update(inline[0]).digest("base64");

export const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-${scriptHash}'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
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
// this file, so the folder can live under any path. Exports mount(element) for elements added
// later.
const base = new URL(".", import.meta.url);
if (!document.querySelector("link[data-headscale-playground-style]")) {
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL(${JSON.stringify(css)}, base).href;
  style.setAttribute("data-headscale-playground-style", "");
  document.head.append(style);
}
const glue = await import(new URL(${JSON.stringify(glue)}, base).href);
await glue.default({ module_or_path: new URL(${JSON.stringify(wasm)}, base) });
export const mount = glue.mount;
`,
);
