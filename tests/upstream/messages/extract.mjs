// Extracts the messages Headscale, go-oidc and golang.org/x/oauth2 can print on the OIDC login
// path, from their own git repositories, into the TSV files beside this script. Only the
// message strings and their places are written; no code is copied.
//
//   node tests/upstream/messages/extract.mjs HEADSCALE_GIT GO_OIDC_GIT OAUTH2_GIT
//
// Each argument is a clone (or bare repository) of juanfont/headscale, coreos/go-oidc and
// golang/oauth2. The tests never run this: they read the TSV files it wrote.

import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [headscaleGit, oidcGit, oauth2Git] = process.argv.slice(2);
if (!oauth2Git) {
  console.error("usage: extract.mjs HEADSCALE_GIT GO_OIDC_GIT OAUTH2_GIT");
  process.exit(2);
}

/** The Headscale tags the playground supports: the newest patch of each release line. */
export const HEADSCALE_TAGS = ["v0.22.3", "v0.23.0", "v0.24.3", "v0.25.1", "v0.26.1", "v0.27.1", "v0.28.0", "v0.29.2"];

const git = (repo, ...args) =>
  execFileSync("git", ["-C", repo, ...args], { encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "ignore"] });
const show = (repo, tag, path) => {
  try {
    return git(repo, "show", `${tag}:${path}`);
  } catch {
    return null;
  }
};

/** Reads a Go string literal starting at `at`; returns [text, end] or null. */
function literal(source, at) {
  const quote = source[at];
  if (quote === "`") {
    const end = source.indexOf("`", at + 1);
    return end < 0 ? null : [source.slice(at + 1, end), end + 1];
  }
  if (quote !== '"') return null;
  let text = "";
  for (let i = at + 1; i < source.length; i++) {
    const c = source[i];
    if (c === '"') return [text, i + 1];
    if (c === "\n") return null;
    if (c === "\\") {
      const next = source[++i];
      text += { n: "\n", t: "\t", '"': '"', "\\": "\\", "'": "'" }[next] ?? `\\${next}`;
    } else {
      text += c;
    }
  }
  return null;
}

/**
 * The first string argument of the call whose `(` is at `open`, at the call's own depth:
 * adjacent literals joined with `+` are one. A literal nested in another call is that
 * call's own message.
 */
function firstArgument(source, open) {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "(" || c === "{" || c === "[") depth++;
    else if (c === ")" || c === "}" || c === "]") {
      depth--;
      if (depth === 0) return null;
    } else if ((c === '"' || c === "`") && depth === 1) {
      let parts = [];
      let j = i;
      for (;;) {
        const read = literal(source, j);
        if (!read) return null;
        parts.push(read[0]);
        j = read[1];
        const rest = /^\s*\+\s*/.exec(source.slice(j, j + 200));
        if (rest && (source[j + rest[0].length] === '"' || source[j + rest[0].length] === "`")) {
          j += rest[0].length;
        } else {
          break;
        }
      }
      return [parts.join(""), i];
    } else if (c === "'" && depth >= 1) {
      i = source.indexOf("'", i + 1);
    }
  }
  return null;
}

const lineOf = (source, at) => source.slice(0, at).split("\n").length;

// Calls whose first string argument is a message, and the kind of message it is.
const CALLS = [
  [/\berrors\.New\(/g, "error"],
  [/\bfmt\.Errorf\(/g, "error"],
  [/\bNewHTTPError\(/g, "page"],
  [/\bhttp\.Error\(/g, "page"],
  [/\[\]byte\(/g, "page"],
  [/\.\s*Msgf?\(/g, "log"],
  [/\bLogErr\(/g, "log"],
];

/** Every message of `source`, with its line and kind. `keep` filters by text and place. */
function messages(source, keep = () => true) {
  const found = [];
  for (const [pattern, kind] of CALLS) {
    for (const match of source.matchAll(pattern)) {
      const open = match.index + match[0].length - 1;
      const argument = firstArgument(source, open);
      if (!argument) continue;
      const [text, at] = argument;
      // A message needs words; go-oidc's `%s: %s` (an HTTP status and the answer) is the one
      // message made of values alone.
      if (!/[A-Za-z]{2}/.test(text) && text !== "%s: %s") continue;
      const line = lineOf(source, at);
      if (keep(text, line, source)) found.push({ line, kind, text });
    }
  }
  return found;
}

/** The function whose body holds `line`, by name. */
function functionAt(source, line) {
  const lines = source.split("\n");
  for (let i = line - 1; i >= 0; i--) {
    const match = /^func (?:\([^)]*\) )?([A-Za-z0-9_]+)/.exec(lines[i]);
    if (match) return match[1];
  }
  return "";
}

const oidcText = (text) => /oidc|pkce|client_secret|issuer/i.test(text);

/** Headscale's messages at one tag: the files of the login path, and what of each belongs. */
function headscale(tag) {
  const out = [];
  const add = (file, list) => list.forEach((m) => out.push({ file, ...m }));
  const read = (file) => show(headscaleGit, tag, file);

  // The login itself: every message.
  const oidc = read("hscontrol/oidc.go");
  add("hscontrol/oidc.go", messages(oidc));

  // The error page: how an HTTPError is logged and shown to the browser.
  const handlers = read("hscontrol/handlers.go");
  if (handlers) {
    const pageFunctions = new Set(["httpError", "httpUserError", "userMessageForStatusCode", "Error"]);
    add(
      "hscontrol/handlers.go",
      messages(handlers, (text, line, src) => pageFunctions.has(functionAt(src, line))),
    );
    // The status texts the page shows by status class.
    const lines = handlers.split("\n");
    lines.forEach((text, i) => {
      if (functionAt(handlers, i + 1) !== "userMessageForStatusCode") return;
      const match = /return "([^"]+)"/.exec(text);
      if (match) out.push({ file: "hscontrol/handlers.go", line: i + 1, kind: "page", text: match[1] });
    });
    const title = /Title:\s+"([^"]+)"/.exec(handlers);
    if (title) {
      out.push({ file: "hscontrol/handlers.go", line: lineOf(handlers, title.index), kind: "page", text: title[1] });
    }
    const format = /return fmt\.Sprintf\("(http error\[[^"]+)"/.exec(handlers);
    if (format) {
      const at = handlers.indexOf(format[0]);
      out.push({ file: "hscontrol/handlers.go", line: lineOf(handlers, at), kind: "error", text: format[1] });
    }
  }

  // OIDC start-up: the messages next to NewAuthProviderOIDC / initOIDC.
  const app = read("hscontrol/app.go");
  add(
    "hscontrol/app.go",
    messages(app, (text) => oidcText(text) || /authentication/.test(text)).filter((m) => /OIDC|oidc/.test(m.text)),
  );

  // OIDC keys of the configuration: their own errors and the removed-key messages.
  const configFile = tag === "v0.22.3" ? "hscontrol/config.go" : "hscontrol/types/config.go";
  const config = read(configFile);
  add(
    configFile,
    messages(config, (text) => oidcText(text) && !/^The %q/.test(text)),
  );
  // The deprecator's messages, filled in for the OIDC keys it is called with.
  const formats = {};
  for (const match of config.matchAll(/func \(d \*deprecator\) (\w+)\([^)]*\) \{[\s\S]*?fmt\.Sprintf\(\s*"([^"]+)"/g)) {
    formats[match[1]] = match[2];
  }
  for (const match of config.matchAll(/depr\.(\w+)\(((?:"[^"]*",?\s*)+)\)/g)) {
    const keys = [...match[2].matchAll(/"([^"]*)"/g)].map((k) => k[1]);
    if (!keys.some((k) => k.startsWith("oidc."))) continue;
    const format = formats[match[1]];
    if (!format) continue;
    // Each helper names its keys in the order (newKey, oldKey) or (oldKey, newKey); the
    // message quotes the removed key first.
    const [first, second] = match[1] === "fatalIfSet" || match[1] === "fatal" ? keys : [keys[1], keys[0]];
    const args = (format.match(/%[qs]/g) ?? []).map((_, i) => (i % 2 === 0 ? first : second));
    let text = format;
    args.forEach((value) => (text = text.replace(/%[qs]/, value === undefined ? "%s" : JSON.stringify(value))));
    const removed = match[1].startsWith("fatal");
    out.push({ file: configFile, line: lineOf(config, match.index), kind: removed ? "fatal" : "warning", text });
  }
  return out;
}

/** go-oidc's messages at one version: errors and typed errors of the files Headscale calls. */
function library(repo, tag, files) {
  const out = [];
  for (const file of files) {
    const source = show(repo, tag, file);
    if (!source) continue;
    messages(source, (text) => !/^%[sv]$/.test(text)).forEach((m) => out.push({ file, ...m }));
    for (const match of source.matchAll(/\bfmt\.Sprintf\(/g)) {
      const argument = firstArgument(source, match.index + match[0].length - 1);
      if (!argument || !/[A-Za-z]{3}/.test(argument[0])) continue;
      out.push({ file, line: lineOf(source, argument[1]), kind: "error", text: argument[0] });
    }
  }
  return out;
}

const escape = (text) => text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n");

function write(path, header, rows) {
  const seen = new Set();
  const lines = [];
  for (const row of rows.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)) {
    const line = `${row.file}:${row.line}\t${row.kind}\t${escape(row.text)}`;
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${header}\n${lines.join("\n")}\n`);
  return lines.length;
}

const pins = [];
for (const tag of HEADSCALE_TAGS) {
  const commit = git(headscaleGit, "rev-list", "-n1", tag).trim();
  const rows = headscale(tag);
  const count = write(join(here, "headscale", `${tag}.tsv`), `# juanfont/headscale ${tag} ${commit}`, rows);
  const gomod = show(headscaleGit, tag, "go.mod");
  const version = (module) => new RegExp(`${module.replace(/[./]/g, "\\$&")} (v[^\\s]+)`).exec(gomod)?.[1];
  pins.push([tag, version("github.com/coreos/go-oidc/v3"), version("golang.org/x/oauth2")]);
  console.log(`${tag}: ${count} messages`);
}
writeFileSync(
  join(here, "headscale", "pins.tsv"),
  `# Headscale tag, then the go-oidc and oauth2 versions its go.mod requires\n${pins.map((p) => p.join("\t")).join("\n")}\n`,
);

const OIDC_FILES = ["oidc/oidc.go", "oidc/verify.go", "oidc/jwks.go"];
const OAUTH2_FILES = ["token.go", "oauth2.go", "internal/token.go"];

// Versions newer than the tags a clone may hold are written from the nearest tag before them
// and the changes their release notes list (README.md says where each fact comes from). A
// clone that has the tag itself is read directly instead.
const DERIVED = {
  "go-oidc": {
    "v3.11.0": { base: "v3.10.0", note: "no message change listed" },
    "v3.14.1": { base: "v3.10.0", note: "no message change listed" },
    "v3.16.0": {
      base: "v3.10.0",
      note: "PR #465 (v3.15.0) checks the signature before the claims and names an unsupported algorithm itself",
      add: [["oidc/verify.go", "error", "oidc: id token signed with unsupported algorithm, expected %q got %q"]],
    },
    "v3.17.0": {
      base: "v3.16.0",
      note: "PR #469 rewords the issuer mismatch",
      replace: [
        [
          "oidc: issuer did not match the issuer returned by provider, expected %q got %q",
          "oidc: issuer URL provided to client (%q) did not match the issuer URL returned by provider (%q)",
        ],
      ],
    },
    "v3.18.0": { base: "v3.17.0", note: "CI and dependency updates only" },
  },
  oauth2: { "v0.36.0": { base: "v0.35.0", note: "no message change listed" } },
};

function extractLibrary(name, repo, files, versions, pinned) {
  const rows = {};
  const available = new Set(git(repo, "tag").split("\n"));
  const read = (version) => {
    if (rows[version]) return rows[version];
    if (available.has(version)) {
      const commit = git(repo, "rev-list", "-n1", version).trim();
      const list = library(repo, version, files);
      rows[version] = { header: `# ${name} ${version} ${commit}`, list };
      return rows[version];
    }
    const derived = DERIVED[name === "coreos/go-oidc" ? "go-oidc" : "oauth2"][version];
    if (!derived) throw new Error(`${name} ${version}: neither in this clone nor derivable`);
    const base = read(derived.base);
    let list = base.list.map((row) => ({ ...row, file: row.file.includes("@") ? row.file : `${row.file}@${derived.base}` }));
    for (const [from, to] of derived.replace ?? []) list = list.map((row) => (row.text === from ? { ...row, text: to } : row));
    for (const [file, kind, text] of derived.add ?? []) list.push({ file: `${file}@${version}`, line: 0, kind, text });
    rows[version] = { header: `# ${name} ${version} derived from ${derived.base}: ${derived.note}`, list };
    return rows[version];
  };
  for (const version of versions) read(version);
  for (const version of pinned) {
    const { header, list } = read(version);
    const count = write(join(here, name.split("/")[1], `${version}.tsv`), header, list);
    console.log(`${name} ${version}: ${count} messages`);
  }
}

const oidcVersions = [...new Set(pins.map((p) => p[1]))];
const oauth2Versions = [...new Set(pins.map((p) => p[2]))];
extractLibrary("coreos/go-oidc", oidcGit, OIDC_FILES, oidcVersions, oidcVersions);
extractLibrary("golang/oauth2", oauth2Git, OAUTH2_FILES, oauth2Versions, oauth2Versions);
