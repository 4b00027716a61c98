// The Content-Security-Policy, built in one place for the release page (scripts/post-build.mjs)
// and for the single offline file (scripts/single-file.mjs). Both allow WebAssembly, their own
// inline scripts and styles by hash (the example's styles are inline), data: images, and
// nothing else: no base or form target, no plugins, and one kind of request to another origin:
// reading an authentik application's signing keys when the reader asks for it (an address
// under /application/o/, which authentik serves to any origin; the host is the reader's own
// authentik, so it cannot be named here). The served page also allows workers made from blob:
// URLs: the import is read in one, so no pasted text can block the page (where that is
// forbidden, and in the offline file, the import is read on the page's thread, within its
// limits).
import { createHash } from "node:crypto";

/**
 * Where the "Check the signing keys" button may ask: authentik's OAuth2 endpoints, under
 * /application/o/ of any host and port (http for a test setup: an https page cannot reach
 * http anyway). Nothing else of another origin.
 */
export const KEYS = ["https://*:*/application/o/", "http://*:*/application/o/"];

/** A CSP source for an inline script or style: the SHA-256 of its text. */
export const hash = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/**
 * The policy as the content of a meta element or header. `self`: files of the page's own origin
 * may load (the served page); without it nothing may (the offline file, which holds everything
 * inline). `scripts` and `styles`: the texts of the inline scripts and styles to allow.
 * `inlineStyles`: allow any inline style instead ('unsafe-inline'), for a server's header that
 * should not change with every release: the example's styles are inline.
 */
export function policy({ self, scripts = [], styles = [], inlineStyles = false }) {
  const own = self ? ["'self'"] : [];
  const directive = (name, ...sources) => [name, ...sources].join(" ");
  return [
    directive("default-src", self ? "'self'" : "'none'"),
    directive("script-src", ...own, "'wasm-unsafe-eval'", ...scripts.map(hash)),
    directive("style-src", ...own, ...(inlineStyles ? ["'unsafe-inline'"] : styles.map(hash))),
    directive("img-src", ...own, "data:"),
    directive("connect-src", ...own, ...KEYS),
    // The offline file's default-src 'none' already forbids these.
    ...(self ? [directive("worker-src", "blob:"), directive("object-src", "'none'")] : []),
    directive("base-uri", "'none'"),
    directive("form-action", "'none'"),
  ].join("; ");
}
