// Builds the npm package of the playground for documentation sites, target/npm/*.tgz, with
// `npm pack`, from the package's source (docs/embed/docusaurus/package/) and the release build
// (dist/): the build as playground/, the component and the Docusaurus plugin compiled to
// JavaScript with their types in lib/, and the Docusaurus embed's README. Run after
// `trunk build --release`. Prints the tarball's path and sizes. Nothing is published.
//   node scripts/package.mjs
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "docs/embed/docusaurus/package");
const out = join(root, "target/npm");
const stage = join(out, "stage");

/** The playground's version, from Cargo.toml's [package] table. */
export function cargoVersion(toml) {
  const table = toml.match(/^\[package\]\s*\n([\s\S]*?)(?=^\[|(?![\s\S]))/m);
  const version = table && table[1].match(/^version\s*=\s*"([^"]+)"/m);
  if (!version) throw new Error("Cargo.toml has no [package] version");
  return version[1];
}

/** The package.json a site installs: the source's, without what only builds and checks it. */
export function publishedManifest(manifest) {
  const { scripts: _scripts, devDependencies: _devDependencies, ...published } = manifest;
  return published;
}

function main() {
  if (!existsSync(join(root, "dist/embed.js"))) {
    throw new Error("dist/ has no release build: run trunk build --release first");
  }
  const manifest = JSON.parse(readFileSync(join(source, "package.json"), "utf8"));
  const version = cargoVersion(readFileSync(join(root, "Cargo.toml"), "utf8"));
  if (manifest.version !== version) {
    throw new Error(
      `the package's version ${manifest.version} is not the playground's ${version} (Cargo.toml): ` +
        `run \`npm version --no-git-tag-version ${version}\` in docs/embed/docusaurus/package`,
    );
  }
  if (!existsSync(join(source, "node_modules/.bin/tsc"))) {
    throw new Error("the package's tools are not installed: run scripts/setup.sh");
  }

  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  writeFileSync(join(stage, "package.json"), `${JSON.stringify(publishedManifest(manifest), null, 4)}\n`);
  cpSync(join(root, "docs/embed/docusaurus/README.md"), join(stage, "README.md"));
  cpSync(join(root, "dist"), join(stage, "playground"), { recursive: true });
  // The component and the plugin, as JavaScript with declarations, and the component's styles.
  execFileSync(join(source, "node_modules/.bin/tsc"), ["-p", join(source, "tsconfig.json"), "--outDir", join(stage, "lib")], {
    stdio: "inherit",
  });
  cpSync(join(source, "src/HeadscalePlayground.css"), join(stage, "lib/HeadscalePlayground.css"));

  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", out], { cwd: stage, encoding: "utf8" }),
  )[0];
  const tarball = join(out, packed.filename);
  console.log(
    `${tarball}: ${(statSync(tarball).size / 1024).toFixed(1)} KB packed, ` +
      `${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked, ${packed.entryCount} files`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
