// What the playground's package adds to a Docusaurus site's build: the test site as
// scripts/docusaurus-site.sh built it, against the same site built without the package (no
// plugin line, no component in its pages). Prints, per kind of file, the bytes and gzip bytes
// the package adds, and what a reader of the Headscale guide transfers for it before using the
// widget (served compressed, measured in Chromium; BENCH_PORT moves the server's port).
// Run after scripts/docusaurus-site.sh.
//   node scripts/docusaurus-size.mjs
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { launchOptions, ports, serveCompressed } from "./browser.mjs";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");
const site = join(root, "target/docusaurus-site");
const bare = join(root, "target/docusaurus-site-bare");

/** A page's MDX without the component: its import and every use of it. */
export function withoutComponent(mdx) {
  return mdx
    .replace(/^import HeadscalePlayground from "[^"]+";\n/m, "")
    .replace(/<HeadscalePlayground\b[^>]*?\/>\n?/g, "")
    .replace(/<HeadscalePlayground\b[^>]*>[\s\S]*?<\/HeadscalePlayground>\n?/g, "");
}

/** A site configuration without the package's plugin line. */
export function withoutPlugin(config) {
  return config.replace(/^\s*"headscale-sso-playground",\n/m, "");
}

function files(folder) {
  return readdirSync(folder, { recursive: true })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile());
}

/** Bytes and gzip bytes per kind of file. */
function measure(build) {
  const kinds = {};
  for (const path of files(build)) {
    const name = relative(build, path);
    const kind = name.startsWith("headscale-playground/") ? "served by the plugin" : extname(name).slice(1) || "other";
    const content = readFileSync(path);
    const entry = (kinds[kind] ??= { bytes: 0, gzip: 0 });
    entry.bytes += content.length;
    entry.gzip += gzipSync(content, { level: 9 }).length;
  }
  return kinds;
}

/** What a reader transfers for a page before acting in the widget: everything the page loads
 * from a compressing server until the network is quiet, in Chromium. */
async function transferred(build, page, port) {
  const server = serveCompressed(port, `/docs-site/=${build}`);
  try {
    for (let tries = 0; !(await fetch(`http://127.0.0.1:${port}/docs-site/`).then(() => true, () => false)); tries++) {
      if (tries > 100) throw new Error("the server did not start");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const browser = await chromium.launch(launchOptions);
    try {
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${port}/docs-site/${page}/`, { waitUntil: "networkidle" });
      return await tab.evaluate(() =>
        performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource")).reduce((sum, entry) => sum + entry.transferSize, 0),
      );
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}

async function main() {
  if (!existsSync(join(site, "build/index.html"))) throw new Error("run scripts/docusaurus-site.sh first");
  rmSync(bare, { recursive: true, force: true });
  mkdirSync(bare, { recursive: true });
  for (const name of ["docs", "integrations", "src", "static", "package.json"]) cpSync(join(site, name), join(bare, name), { recursive: true });
  symlinkSync(join(site, "node_modules"), join(bare, "node_modules"));
  writeFileSync(join(bare, "docusaurus.config.js"), withoutPlugin(readFileSync(join(site, "docusaurus.config.js"), "utf8")));
  for (const path of files(bare).filter((path) => path.endsWith(".mdx") && !path.includes("node_modules"))) {
    writeFileSync(path, withoutComponent(readFileSync(path, "utf8")));
  }
  execFileSync("npx", ["docusaurus", "build", "--out-dir", "build"], {
    cwd: bare,
    stdio: "ignore",
    env: { ...process.env, DOCUSAURUS_TELEMETRY_DISABLED: "1" },
  });
  const [withPackage, without] = [measure(join(site, "build")), measure(join(bare, "build"))];
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log("What the package adds to the test site's build (4 pages with the widget):");
  for (const kind of Object.keys({ ...withPackage, ...without }).sort()) {
    const [a, b] = [withPackage[kind] ?? { bytes: 0, gzip: 0 }, without[kind] ?? { bytes: 0, gzip: 0 }];
    console.log(`  ${kind}: +${kb(a.bytes - b.bytes)} (gzip +${kb(a.gzip - b.gzip)})`);
  }
  const guide = "integrations/networking/headscale";
  const heavy = await transferred(join(site, "build"), guide, ports.bench);
  const light = await transferred(join(bare, "build"), guide, ports.bench);
  console.log(`A reader of the Headscale guide transfers ${kb(light)} without the widget, ${kb(heavy)} with it (+${kb(heavy - light)}) until they act in it`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
