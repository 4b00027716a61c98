import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { hash, KEYS, policy } from "./policy.mjs";

test("the page allows its own origin, WebAssembly, its one loader script, blob: workers and authentik's keys", () => {
  assert.equal(
    policy({ self: true, scripts: ["init()"] }),
    `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hash("init()")}; style-src 'self'; img-src 'self' data:; ` +
      "connect-src 'self' https://*:*/application/o/ http://*:*/application/o/; worker-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'",
  );
});

test("the only other origin is authentik's OAuth2 path, for the signing keys", () => {
  assert.deepEqual(KEYS, ["https://*:*/application/o/", "http://*:*/application/o/"]);
  for (const source of KEYS) {
    const path = new URL(source.replace("*:*", "host.example:1")).pathname;
    assert.equal(path, "/application/o/", "a path, so no other address of the host is allowed");
  }
  for (const self of [true, false]) {
    const connect = policy({ self }).split("; ").find((d) => d.startsWith("connect-src"));
    assert.equal(connect, ["connect-src", ...(self ? ["'self'"] : []), ...KEYS].join(" "));
  }
});

test("the offline file allows nothing but what it holds inline", () => {
  const offline = policy({ self: false, scripts: ["run()"], styles: ["a{}", "b{}"] });
  assert.equal(
    offline,
    `default-src 'none'; script-src 'wasm-unsafe-eval' ${hash("run()")}; style-src ${hash("a{}")} ${hash("b{}")}; ` +
      "img-src data:; connect-src https://*:*/application/o/ http://*:*/application/o/; base-uri 'none'; form-action 'none'",
  );
  assert.ok(!offline.includes("'self'"), "a file:// page has no origin to trust");
});

test("a hash is the base64 SHA-256 of exactly the text", () => {
  assert.equal(hash(""), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  assert.notEqual(hash("a"), hash("a "));
});

test("the page allows the example's inline styles by their hash, or all inline styles", () => {
  assert.match(policy({ self: true, styles: [".hsp{}"] }), new RegExp(`style-src 'self' ${hash(".hsp{}").replace(/[+/]/g, "\\$&")};`));
  assert.match(policy({ self: true, styles: [".hsp{}"], inlineStyles: true }), /style-src 'self' 'unsafe-inline';/);
});

test("the README's server examples carry the page's policy, with inline styles allowed", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const examples = [...readme.matchAll(/Content-Security-Policy:? "?(default-src[^"\n]*)/g)].map((m) => m[1]);
  assert.equal(examples.length, 3);
  for (const example of examples) assert.equal(example, `${policy({ self: true, inlineStyles: true })}; frame-ancestors 'self'`);
});
