// Builds one self-contained HTML file from the release build in dist/: styles, the JavaScript
// glue and the WebAssembly (base64) inline, so it works opened from file:// with no network.
//   node scripts/single-file.mjs [dist] [output]
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { policy as buildPolicy } from "./policy.mjs";

const dist = process.argv[2] ?? "dist";
const output = process.argv[3] ?? "dist-offline/headscale-sso-playground.html";
const files = readdirSync(dist);
const find = (pattern) => {
  const name = files.find((file) => pattern.test(file));
  if (!name) throw new Error(`no file in ${dist} matches ${pattern}; run trunk build --release first`);
  return join(dist, name);
};

// The page's own styles are inline in its head, and the playground's inside its example (a
// declarative shadow root). The policy allows both by hash.
const index = readFileSync(join(dist, "index.html"), "utf8");
const pageStyles = index.match(/<head>[\s\S]*?<style>([^<]*)<\/style>/)?.[1];
if (pageStyles === undefined) throw new Error("dist/index.html has no inline page styles");
const styles = index.match(/<template shadowrootmode="open"[^>]*><style>([^<]*)<\/style>/)?.[1];
if (styles === undefined) throw new Error("dist/index.html has no example with its styles");
// The whole app, the import included: the file starts it at once, with nothing to fetch, so
// the module without the import, which a served page fetches first, would only add weight.
// The glue is an ES module; inlined into the page's one module script, its exports become
// plain declarations.
const glue = readFileSync(find(/^sso-playground-full-[0-9a-f]+\.js$/), "utf8")
  .replace(/^export function /gm, "function ")
  .replace(/^export \{[^}]*\};?\s*$/gm, "");
const wasm = readFileSync(find(/^sso-playground-full-[0-9a-f]+_bg\.wasm$/)).toString("base64");
const script = `${glue}
const bytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
`;

const policy = buildPolicy({ self: false, scripts: [script], styles: [pageStyles, styles] });

// The release page itself, with every file it loads put inline and its policy replaced.
const page = index
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${policy}" />`)
  .replace(/\s*<link rel="stylesheet"[^>]*>/g, "")
  .replace(/\s*<link rel="(?:modulepreload|preload)"[^>]*>/g, "")
  // The page's loader (embed.js) waits for the reader's first use to fetch the WebAssembly;
  // here it is inline, so the playground starts at once. It is the loader: the example need not
  // say that embed.js is missing.
  .replace(/<script type="module" src="[^"]*embed\.js"><\/script>/, "")
  .replace(/<main data-headscale-playground/, "$& data-hsp-loader")
  .replace(/(<p class="hsp-needs-script"[^>]*>)[^<]*/, "$1This is the playground's default example. Editing it needs JavaScript and WebAssembly.")
  // Functions, not strings: the inlined code may contain "$" patterns.
  .replace("</body>", () => `  <script type="module">${script}</script>\n  </body>`);
if (page.includes("<link rel=\"stylesheet\"") || page.includes("embed.js") || !page.includes("data-headscale-playground")) {
  throw new Error("dist/index.html no longer has the expected shape");
}
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, page);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(`${output}: ${kib(page.length)} raw, ${kib(gzipSync(page, { level: 9 }).length)} gzip`);
