// The ports the end-to-end tests serve on, from scripts/browser.mjs: the release build, host
// pages that embed it, the Docusaurus test site and the MkDocs one. E2E_PORT moves all four.
export { ports } from "../../scripts/browser.mjs";
