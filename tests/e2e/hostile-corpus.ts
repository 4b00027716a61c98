// Generated hostile inputs: every shape that once froze the page, widened access or lost what
// was typed, and variations of each.

const issuer = "https://sso.example.org/application/o/headscale/";

/** `n` unknown keys under oidc:, about 12 bytes each (60 000 make 709 KB). */
export const unknownKeys = (n: number) =>
  `oidc:\n  issuer: ${issuer}\n${Array.from({ length: n }, (_, i) => `  k${i}: 1\n`).join("")}`;

/** `n` unknown HEADSCALE_OIDC_ variables. */
export const unknownVariables = (n: number) =>
  `HEADSCALE_OIDC_ISSUER=${issuer}\n${Array.from({ length: n }, (_, i) => `HEADSCALE_OIDC_UNKNOWN_${i}=1\n`).join("")}`;

/** Nesting hidden behind a quote that opens nothing (it is inside a plain scalar). */
export const quotedNesting = (n: number) => `x: [a ", ${"[".repeat(n)}${"]".repeat(n)}]\noidc:\n  issuer: ${issuer}\n`;

/** The same through HEADSCALE_OIDC_EXTRA_PARAMS, whose value is read as YAML (or JSON). */
export const nestedExtraParams = (n: number) =>
  `HEADSCALE_OIDC_ISSUER=${issuer}\nHEADSCALE_OIDC_EXTRA_PARAMS='{a: [b ", ${"[".repeat(n)}${"]".repeat(n)}]}'\n`;

/** Group names that are one value to YAML but would become two lines in the form. */
export const splitGroups = [
  `oidc:\n  issuer: ${issuer}\n  allowed_groups: ["vpn\\nadmins"]\n`,
  `oidc:\n  issuer: ${issuer}\n  allowed_groups:\n    - "vpn\\r\\nadmins"\n`,
  `oidc:\n  issuer: ${issuer}\n  allowed_groups: ["vpn\\0admins"]\n`,
  `oidc:\n  issuer: ${issuer}\n  allowed_groups: ["vpn\\u2028admins"]\n`,
];

/** A config that uses a YAML merge key, as go-yaml reads it. */
export const merged = `base: &base\n  issuer: ${issuer}\n  client_id: merged-client\noidc:\n  <<: *base\n  allowed_groups: [ops]\n`;

export const users = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@example.org`).join("\n");
export const groups = (n: number) => Array.from({ length: n }, (_, i) => `group-${i}`).join("\n");

/** A share link query with `n` parameters. */
export const manyParameters = (n: number) => `v=1${"&x=1".repeat(n)}`;
