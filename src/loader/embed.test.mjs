// Unit tests of the loader's rules, in Node with a stand-in page: the parameter prefixes it
// gives each playground, when it finds a share link or saved inputs (the storage key counted in
// code points, as the app counts it, on both sides of the limit), and what it says when the
// playground cannot start. The app's side of the same rules is held by the host tests.
import { strict as assert } from "node:assert";
import { beforeEach, test } from "node:test";

/** A playground element with these attributes. */
const element = (attributes = {}) => ({
  getAttribute: (name) => (name in attributes ? attributes[name] : null),
  hasAttribute: (name) => name in attributes,
});

const page = { elements: [], storage: new Map() };
globalThis.document = { querySelectorAll: () => page.elements, documentElement: {} };
globalThis.MutationObserver = class {
  observe() {}
};
globalThis.self = { origin: "https://docs.example.org" };
globalThis.localStorage = { getItem: (key) => (page.storage.has(key) ? page.storage.get(key) : null) };
/** The address of a host page, not the playground's own (the loader's folder). */
const at = (address) => {
  const url = new URL(address);
  globalThis.location = { href: url.href, hash: url.hash, search: url.search, pathname: url.pathname, protocol: url.protocol };
};
at("https://docs.example.org/guide/sso/");

const { explain, prefixes, restoring } = await import("./embed.js");

beforeEach(() => {
  page.elements = [];
  page.storage = new Map();
  at("https://docs.example.org/guide/sso/");
});

test("each playground gets its own prefix: chosen ones unless they overlap, then hsp-, hsp2-, … by position", () => {
  const [a, b, c, d] = [element(), element({ "data-param-prefix": "hsp-" }), element({ "data-param-prefix": "x-" }), element()];
  page.elements = [a, b, c, d];
  const chosen = prefixes();
  // "hsp-" is taken by the second, so the first skips to the next free positional name.
  assert.deepEqual([a, b, c, d].map((e) => chosen.get(e)), ["hsp2-", "hsp-", "x-", "hsp4-"]);
  const [e, f] = [element({ "data-param-prefix": "x" }), element({ "data-param-prefix": "x-y" })];
  page.elements = [e, f];
  assert.deepEqual([e, f].map((e) => prefixes().get(e)), ["x", "hsp2-"], "x-y overlaps x");
});

test("an empty or invalid prefix on a host page falls back to the positional one", () => {
  const [a, b] = [element({ "data-param-prefix": "" }), element({ "data-param-prefix": "a b" })];
  page.elements = [a, b];
  const chosen = prefixes();
  assert.equal(chosen.get(a), "hsp-");
  assert.equal(chosen.get(b), "hsp2-");
});

test("a share link is the playground's own parameter v, in the fragment or the query", () => {
  const mine = element();
  page.elements = [mine];
  at("https://docs.example.org/guide/sso/#hsp-v=1&hsp-hs=vpn.example.org");
  assert.equal(restoring(mine), true);
  at("https://docs.example.org/guide/sso/?hsp-v=1");
  assert.equal(restoring(mine), true);
  at("https://docs.example.org/guide/sso/#v=1");
  assert.equal(restoring(mine), false, "another playground's, or the host's, v");
});

const saved = (scope) => page.storage.set(`headscale-playground:inputs:${scope}`, "v=1");

test("saved inputs are found under the storage key, counted in code points up to 128", () => {
  const astral = "😀";
  for (const [key, length] of [
    [astral.repeat(128), 128],
    ["é".repeat(128), 128],
  ]) {
    assert.equal([...key].length, length);
    const mine = element({ "data-storage-key": key });
    page.elements = [mine];
    page.storage = new Map();
    saved(`hsp-${key}`);
    assert.equal(restoring(mine), true, `${key.length} UTF-16 units, ${length} code points`);
  }
  // One more is too long: the page's path names the saved inputs instead.
  const long = element({ "data-storage-key": "😀".repeat(129) });
  page.elements = [long];
  page.storage = new Map();
  saved(`hsp-${"😀".repeat(129)}`);
  assert.equal(restoring(long), false);
  saved("hsp-/guide/sso/");
  assert.equal(restoring(long), true);
});

test("a storage key with a control character is not used, one with other characters is", () => {
  for (const [key, used] of [["a\u0000b", false], ["a\u009fb", false], ["a\u007fb", false], ["a\u00a0b", true], ["a b", true]]) {
    const mine = element({ "data-storage-key": key });
    page.elements = [mine];
    page.storage = new Map();
    saved(`hsp-${key}`);
    assert.equal(restoring(mine), used, JSON.stringify(key));
  }
});

test("data-no-storage makes saved inputs no reason to start", () => {
  const mine = element({ "data-no-storage": "" });
  page.elements = [mine];
  saved("hsp-/guide/sso/");
  assert.equal(restoring(mine), false);
});

test("a failure is explained in the reader's terms", () => {
  assert.match(explain(new Error("violates Content Security Policy directive")), /'wasm-unsafe-eval'/);
  assert.match(explain(new Error("404")), /check that the whole release build is there/);
});

test("chosen prefixes that block every hsp name never stall the page: the others take letters", () => {
  page.elements = [element({ "data-param-prefix": "h" }), element(), element()];
  assert.deepEqual([...prefixes().values()], ["h", "a-", "b-"]);
  const digits = ["hsp1", "hsp2", "hsp3", "hsp4", "hsp5", "hsp6", "hsp7", "hsp8", "hsp9"];
  page.elements = [...digits.map((prefix) => element({ "data-param-prefix": prefix })), element(), element()];
  assert.deepEqual([...prefixes().values()].slice(9), ["a-", "b-"]);
  const letters = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"];
  page.elements = [
    element({ "data-param-prefix": "hsp" }),
    ...letters.map((letter) => element({ "data-param-prefix": `${letter}-` })),
    element(),
  ];
  assert.equal([...prefixes().values()].at(-1), "aa-");
  page.elements = [...letters.map((letter) => element({ "data-param-prefix": letter })), element()];
  assert.equal([...prefixes().values()].at(-1), "hsp64-");
});

test("an empty prefix serves only a playground alone on its own page", () => {
  at("https://docs.example.org/playground/");
  globalThis.document.currentScript = undefined;
  page.elements = [element({ "data-param-prefix": "" }), element()];
  assert.deepEqual([...prefixes().values()], ["hsp-", "hsp2-"]);
});
