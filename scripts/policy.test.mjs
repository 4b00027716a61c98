// The README's server examples send the page's own policy: run by scripts/test.sh with
// `node --test`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { headerPolicy, pagePolicy } from "./policy.mjs";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

test("the nginx, Caddy and _headers examples carry the page's policy", () => {
  const examples = {
    nginx: readme.match(/add_header Content-Security-Policy "([^"]*)" always;/),
    caddy: readme.match(/\n\s*header Content-Security-Policy "([^"]*)"/),
    headers: readme.match(/\n\s*Content-Security-Policy: ([^\n]*)/),
  };
  for (const [server, found] of Object.entries(examples)) {
    assert.ok(found, `no ${server} example in the README`);
    assert.equal(found[1], headerPolicy, `the ${server} example`);
  }
});

test("the header is the page's policy without the loader's hash, and with frame-ancestors", () => {
  const page = pagePolicy("abc=");
  assert.match(page, /script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='/);
  assert.match(page, /(^|; )worker-src blob:(;|$)/);
  assert.equal(headerPolicy, page.replace(" 'sha256-abc='", "") + "; frame-ancestors 'self'");
});
