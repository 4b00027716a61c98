// Builds one self-contained HTML file from the release build in dist/: styles, the JavaScript
// glue and the WebAssembly (base64) inline, so it works opened from file:// with no network.
//   node scripts/single-file.mjs [dist] [output]
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const output = process.argv[3] ?? "dist-offline/headscale-sso-playground.html";
const files = readdirSync(dist);
const find = (pattern) => {
  const name = files.find((file) => pattern.test(file));
  if (!name) throw new Error(`no file in ${dist} matches ${pattern}; run trunk build --release first`);
  return join(dist, name);
};

const styles = [find(/^page-[0-9a-f]+\.css$/), find(/^playground-[0-9a-f]+\.css$/)]
  .map((file) => readFileSync(file, "utf8"))
  .join("\n");
// The glue is an ES module; inlined into the page's one module script, its exports become
// plain declarations.
const glue = readFileSync(find(/^sso-playground-[0-9a-f]+\.js$/), "utf8")
  .replace(/^export function /gm, "function ")
  .replace(/^export \{[^}]*\};?\s*$/gm, "");
const wasm = readFileSync(find(/^sso-playground-[0-9a-f]+_bg\.wasm$/)).toString("base64");
const script = `${glue}
const bytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
`;

const hash = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const policy = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${hash(script)}`,
  `style-src ${hash(styles)}`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const page = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${policy}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Headscale × authentik single sign-on playground</title>
    <link rel="icon" href="data:," />
    <style>${styles}</style>
  </head>
  <body>
    <main data-headscale-playground data-sync-url>
      <p class="hsp-loading">Loading the playground…</p>
      <noscript>This playground runs in your browser and needs JavaScript and WebAssembly.</noscript>
    </main>
    <script type="module">${script}</script>
  </body>
</html>
`;
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, page);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(`${output}: ${kib(page.length)} raw, ${kib(gzipSync(page, { level: 9 }).length)} gzip`);
