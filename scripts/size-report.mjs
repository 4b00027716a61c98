// Prints the size of every file the playground's page loads, and of the single offline file:
// raw, gzip -9 and brotli (quality 11), with totals (the first view, what an untouched page
// fetches; on first use, what the reader's first action fetches; on import, what opening the
// import adds), then which crates and which of the project's modules the first-use
// WebAssembly's bytes pay for (scripts/wasm-attribution.mjs; also in
// target/size-attribution.json). With --check <budget.json>, exits with an error naming every
// file or total over its limit.
//   node scripts/size-report.mjs [--json out.json] [--check tests/size-budget.json]
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dist = "dist";
const offline = "dist-offline/headscale-sso-playground.html";

const measure = (path) => {
  const data = readFileSync(path);
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
// Files are named by kind, not by their content hash, so the budget stays stable.
const kind = (name) =>
  name === "index.html"
    ? "index.html"
    : name === "embed.js" || name.startsWith("prerendered.")
      ? name
      : name.startsWith("sso-playground-full-")
        ? name.endsWith("_bg.wasm") ? "full.wasm" : "full.js"
        : name.endsWith("_bg.wasm")
          ? "app.wasm"
          : name.endsWith(".js")
            ? "app.js"
            : name.startsWith("playground-")
              ? "playground.css"
              : name;

const rows = readdirSync(dist)
  .filter((name) => !name.startsWith("."))
  .map((name) => ({ file: kind(name), ...measure(join(dist, name)) }));
// What a reader transfers is counted in two parts. The first view: every file a reader who
// opens the page and does not touch the playground requests (the page with its own styles
// inline and the example rendered at build time, which carries the playground's styles inside
// it, and embed.js; for an embedding page, the example it puts in its own HTML and
// embed.js). On first use: the glue and the WebAssembly of the app without the import, fetched
// by embed.js when the reader first acts inside the playground. On import: the whole app's glue
// and WebAssembly, fetched when the reader opens the import (or first, when that is their first
// act). (playground.css is fetched only for an element without the example.)
const sum = (files) =>
  rows.filter((row) => files.includes(row.file)).reduce(
    (total, row) => ({ raw: total.raw + row.raw, gzip: total.gzip + row.gzip, brotli: total.brotli + row.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
const totals = {
  "first view": sum(["index.html", "embed.js"]),
  "embed first view": sum(["prerendered.html", "embed.js"]),
  "on first use": sum(["app.js", "app.wasm"]),
  "on import": sum(["full.js", "full.wasm"]),
  "page total": sum(["index.html", "embed.js", "app.js", "app.wasm"]),
};
if (existsSync(offline)) totals["offline file"] = measure(offline);

const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(8);
console.log(`${"file".padEnd(18)}${"raw KB".padStart(8)}${"gzip KB".padStart(9)}${"brotli KB".padStart(10)}`);
for (const row of [...rows, ...Object.entries(totals).map(([file, size]) => ({ file, ...size }))]) {
  console.log(`${row.file.padEnd(18)}${kb(row.raw)} ${kb(row.gzip)}  ${kb(row.brotli)}`);
}

const report = { files: Object.fromEntries(rows.map(({ file, ...size }) => [file, size])), totals };

// The module rustc wrote before wasm-bindgen and wasm-opt still has its function names.
const raw = "target/wasm32-unknown-unknown/release/sso-playground.wasm";
const shipped = readdirSync(dist).find((name) => /^sso-playground-[0-9a-f]+_bg\.wasm$/.test(name));
if (existsSync(raw) && shipped) {
  execFileSync(
    process.execPath,
    ["scripts/wasm-attribution.mjs", raw, join(dist, shipped), "--json", "target/size-attribution.json"],
    { stdio: "inherit" },
  );
}
if (option("--json")) writeFileSync(option("--json"), JSON.stringify(report, null, 2) + "\n");

const budgetPath = option("--check");
if (budgetPath) {
  const budget = JSON.parse(readFileSync(budgetPath, "utf8"));
  const over = [];
  for (const [name, limits] of Object.entries(budget.limits)) {
    const size = report.files[name] ?? report.totals[name];
    if (!size) {
      over.push(`${name}: not found in the build`);
      continue;
    }
    for (const [measureName, limit] of Object.entries(limits)) {
      if (size[measureName] > limit) {
        over.push(`${name}: ${measureName} ${size[measureName]} bytes is ${size[measureName] - limit} bytes over its limit of ${limit}`);
      }
    }
  }
  if (over.length) {
    console.error(`\nSize budget exceeded (${budgetPath}):\n  ${over.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`\nWithin the size budget (${budgetPath}).`);
}
