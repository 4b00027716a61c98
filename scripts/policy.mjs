// The playground's Content-Security-Policy, in one place: the page carries it in a <meta>
// element (scripts/post-build.mjs), and the README's server examples send it as a header
// (scripts/policy.test.mjs keeps them equal).
//  - 'wasm-unsafe-eval': the playground is WebAssembly;
//  - worker-src blob:: the import is read in a worker made from a few lines of script in
//    memory, so that no pasted text can block the page (where it is forbidden, the import is
//    read on the page's thread instead, within its limits).

/** The directives both forms share, with the given sources added to script-src. */
function directives(scriptSources) {
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...scriptSources].join(" "),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
}

/** The page's own policy: it also allows its one inline loader script, by hash. */
export const pagePolicy = (scriptHash) => directives([`'sha256-${scriptHash}'`]).join("; ");

/** As a response header for the folder the playground is served from, which (unlike a
 * <meta> element) can also say who may frame the page. */
export const headerPolicy = [...directives([]), "frame-ancestors 'self'"].join("; ");
