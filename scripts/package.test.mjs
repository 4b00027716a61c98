// Unit tests of the npm package's build (package.mjs) and of the size report's site without the
// package (docusaurus-size.mjs).
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { withoutComponent, withoutPlugin } from "./docusaurus-size.mjs";
import { cargoVersion, publishedManifest } from "./package.mjs";

test("the version is read from Cargo.toml's [package] table only", () => {
  assert.equal(cargoVersion('[package]\nname = "x"\nversion = "1.2.3"\n\n[dependencies]\nversion = "9"\n'), "1.2.3");
  assert.equal(cargoVersion('[workspace]\nversion = "9"\n[package]\nversion = "0.4.0-rc.1"\n'), "0.4.0-rc.1");
  assert.throws(() => cargoVersion('[dependencies]\nversion = "1"\n'), /no \[package\] version/);
});

test("the package is versioned with the playground", () => {
  const manifest = JSON.parse(readFileSync(new URL("../docs/embed/docusaurus/package/package.json", import.meta.url), "utf8"));
  assert.equal(manifest.version, cargoVersion(readFileSync(new URL("../Cargo.toml", import.meta.url), "utf8")));
});

test("the published manifest drops only what builds and checks the package", () => {
  const manifest = { name: "p", version: "1.0.0", scripts: { lint: "eslint" }, devDependencies: { eslint: "9" }, peerDependencies: { react: "19" } };
  assert.deepEqual(publishedManifest(manifest), { name: "p", version: "1.0.0", peerDependencies: { react: "19" } });
});

test("the site without the package has neither the plugin line nor the component", () => {
  const config = 'plugins: [\n    ["other", {}],\n    "headscale-sso-playground",\n  ],\n';
  assert.equal(withoutPlugin(config), 'plugins: [\n    ["other", {}],\n  ],\n');
  const page = [
    "---",
    "title: T",
    "---",
    "",
    'import HeadscalePlayground from "headscale-sso-playground/HeadscalePlayground";',
    "",
    "Intro.",
    "",
    "<HeadscalePlayground>",
    "",
    "Export text.",
    "",
    "</HeadscalePlayground>",
    "",
    '<HeadscalePlayground slug="x" noStorage />',
    "After.",
    "",
  ].join("\n");
  assert.equal(withoutComponent(page), "---\ntitle: T\n---\n\n\nIntro.\n\n\nAfter.\n");
});
