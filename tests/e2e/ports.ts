// The ports the end-to-end tests serve on, from scripts/browser.mjs: the release build, host
// pages that embed it, and the Docusaurus test site. E2E_PORT moves all three.
export { ports } from "../../scripts/browser.mjs";
