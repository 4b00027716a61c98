// The ports the end-to-end tests serve on: the release build, host pages that embed it, and
// the Docusaurus test site. E2E_PORT moves all three (to run two checkouts side by side).
const base = Number(process.env.E2E_PORT ?? 8089);
export const ports = { page: base, host: base + 1, docusaurus: base + 2 };
