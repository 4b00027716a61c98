#!/usr/bin/env node
// Checks every quote in tests/upstream/evidence/ against local git checkouts of the upstream
// projects: the quoted lines must stand at their line of their file at their tag or commit, and
// a needle recorded as absent at an earlier release must not be there. Not run by CI (it needs
// the upstream repositories); run it when you add or refresh evidence:
//
//   node tests/upstream/verify-evidence.mjs \
//     --checkout juanfont/headscale=../headscale \
//     --checkout goauthentik/authentik=../authentik ...
//
// Projects without a --checkout are reported as skipped. Schema values are checked by the host
// tests; the Python entry is checked against the local python3's docstring.

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const folder = join(dirname(fileURLToPath(import.meta.url)), "evidence");
const checkouts = new Map();
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--checkout" && args[i + 1]?.includes("=")) {
    const [project, path] = args[++i].split(/=(.*)/s);
    checkouts.set(project, path);
  } else {
    console.error(`usage: verify-evidence.mjs [--checkout owner/name=path]...\nunexpected: ${args[i]}`);
    process.exit(2);
  }
}

const show = (repo, at, path) => {
  try {
    return execFileSync("git", ["-C", repo, "show", `${at}:${path}`], { encoding: "utf8", maxBuffer: 64 << 20 });
  } catch {
    return null;
  }
};
const lines = (text) => text.split("\n").map((line) => line.trim());
const isComment = (line) => line.startsWith("//") || line.startsWith("#");

let checked = 0;
const skipped = new Map();
const failures = [];

for (const file of readdirSync(folder).filter((name) => name.endsWith(".json")).sort()) {
  const doc = JSON.parse(readFileSync(join(folder, file), "utf8"));
  for (const entry of doc.quotes) {
    const quote = entry.quote === undefined ? [] : [].concat(entry.quote);
    const fail = (why) => failures.push(`${file} ${entry.id}: ${why}`);
    if (entry.local) continue; // a schema value: the host tests read it
    if (entry.python) {
      const doc = execFileSync("python3", ["-c", `import hmac; print(${entry.python}.__doc__)`], { encoding: "utf8" });
      if (!doc.includes(quote.join("\n"))) fail(`python3's ${entry.python} docstring no longer says it`);
      checked++;
      continue;
    }
    const repo = checkouts.get(doc.project);
    if (!repo) {
      skipped.set(doc.project, (skipped.get(doc.project) ?? 0) + 1);
      continue;
    }
    const text = show(repo, entry.at, entry.path);
    if (text === null) {
      fail(`${entry.path} does not exist at ${entry.at}`);
      continue;
    }
    const file_lines = lines(text);
    if (entry.line !== undefined) {
      const at = file_lines.slice(entry.line - 1, entry.line - 1 + Math.max(quote.length, 1));
      if (quote.length > 0 ? at.join("\n") !== quote.join("\n") : !at[0]?.includes(entry.needle)) {
        fail(`line ${entry.line} of ${entry.path} at ${entry.at} reads ${JSON.stringify(at.join("\n"))}`);
      }
    } else {
      // A documentation page's source: the passage anywhere in the file.
      const start = file_lines.findIndex((_, i) => quote.every((q, j) => file_lines[i + j] === q));
      if (start < 0) fail(`the passage is not in ${entry.path} at ${entry.at}`);
    }
    for (const absent of entry.absent_at ?? []) {
      const earlier = show(repo, absent.at, absent.path);
      if (earlier === null) fail(`${absent.path} does not exist at ${absent.at}`);
      else if (lines(earlier).some((line) => !isComment(line) && line.includes(entry.needle))) {
        fail(`“${entry.needle}” is already in ${absent.path} at ${absent.at}`);
      }
    }
    checked++;
  }
}

for (const [project, count] of skipped) console.log(`skipped ${count} quotes of ${project}: no --checkout`);
for (const failure of failures) console.log(`FAIL ${failure}`);
console.log(`${checked} quotes checked, ${failures.length} failed`);
process.exit(failures.length > 0 ? 1 : 0);
