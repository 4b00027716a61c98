// Where the WebAssembly's bytes go: reads the module rustc writes before wasm-bindgen and
// wasm-opt (it still has the function names), adds up the size of every function body by the
// crate it comes from, and the project's own functions by module, plus the data segments
// (mostly text). The shares are then applied to the shipped module's gzip size, so the figures
// are estimates; the shares are what to compare between builds.
//   node scripts/wasm-attribution.mjs <raw.wasm> [<shipped.wasm>] [--json out.json]
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

/** The sections of a module and, for the code section, each function body's size. */
export function parseModule(bytes) {
  let at = 0;
  const u32 = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      result += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return result;
      shift += 7;
    }
  };
  const name = () => {
    const length = u32();
    const text = new TextDecoder().decode(bytes.subarray(at, at + length));
    at += length;
    return text;
  };
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error("not a WebAssembly module");
  at = 8;
  let importedFunctions = 0;
  const bodies = [];
  let data = 0;
  const names = new Map();
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = u32();
    const end = at + size;
    if (id === 2) {
      // Imports: functions among them take the first indices.
      for (let count = u32(); count > 0; count--) {
        name();
        name();
        const kind = bytes[at++];
        if (kind === 0) {
          u32();
          importedFunctions++;
        } else if (kind === 1) {
          at++;
          const flags = u32();
          u32();
          if (flags & 1) u32();
        } else if (kind === 2) {
          const flags = u32();
          u32();
          if (flags & 1) u32();
        } else if (kind === 3) {
          at += 2;
        } else throw new Error(`unknown import kind ${kind}`);
      }
    } else if (id === 10) {
      for (let count = u32(); count > 0; count--) {
        const length = u32();
        bodies.push(length);
        at += length;
      }
    } else if (id === 11) {
      data = size;
    } else if (id === 0) {
      const section = name();
      if (section === "name") {
        while (at < end) {
          const kind = bytes[at++];
          const length = u32();
          const next = at + length;
          if (kind === 1) {
            for (let count = u32(); count > 0; count--) {
              const index = u32();
              names.set(index, name());
            }
          }
          at = next;
        }
      }
    }
    at = end;
  }
  const functions = bodies.map((size, index) => ({ size, name: names.get(index + importedFunctions) ?? "" }));
  return { functions, data, named: names.size > 0 };
}

/** The crate and path of a symbol in Rust's v0 mangling (`_R…`): the first crate root, then
 * the identifiers nested in it, in order. Generic arguments are not followed. */
function demangleV0(symbol) {
  const root = /C(?:s[0-9A-Za-z]*_)?(\d+)/g;
  const found = root.exec(symbol);
  if (!found) return symbol;
  let at = found.index + found[0].length;
  const parts = [symbol.slice(at, at + Number(found[1]))];
  at += Number(found[1]);
  for (;;) {
    const next = /^(?:s[0-9A-Za-z]*_)?(\d+)(_?)/.exec(symbol.slice(at));
    if (!next) break;
    at += next[0].length;
    const length = Number(next[1]);
    parts.push(symbol.slice(at, at + length));
    at += length;
  }
  return parts.join("::");
}

/** A mangled Rust symbol's path, such as `sso_playground::engine::model::Model::new`. */
export function demangle(symbol) {
  let text = symbol;
  if (/^_?R/.test(text) && /C(?:s[0-9A-Za-z]*_)?\d/.test(text)) return demangleV0(text);
  if (text.startsWith("_ZN")) {
    const parts = [];
    let at = 3;
    while (at < text.length && text[at] !== "E") {
      let digits = "";
      while (/[0-9]/.test(text[at])) digits += text[at++];
      if (!digits) break;
      parts.push(text.slice(at, at + Number(digits)));
      at += Number(digits);
    }
    if (parts.length && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
    text = parts.join("::");
  }
  return text
    .replace(/\$LT\$/g, "<")
    .replace(/\$GT\$/g, ">")
    .replace(/\$u20\$/g, " ")
    .replace(/\$RF\$/g, "&")
    .replace(/\$BP\$/g, "*")
    .replace(/\$C\$/g, ",")
    .replace(/\$u7b\$/g, "{")
    .replace(/\$u7d\$/g, "}")
    .replace(/\.\./g, "::");
}

const PRIMITIVES = new Set(["bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64", "impl", "dyn", "mut", "const"]);

/** The first crate named in a path: for `<A as B>::f`, A's crate unless A is a type parameter
 * or a primitive, then B's. */
function crateOf(path) {
  const words = path.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  const asAt = words.indexOf("as");
  const candidates = asAt > 0 ? [...words.slice(0, asAt), ...words.slice(asAt + 1)] : words;
  return candidates.find((word) => !PRIMITIVES.has(word) && !/^[A-Z][A-Za-z0-9]?$/.test(word) && word !== "for" && word !== "_" && !word.startsWith("_") || word === "__rust_alloc") ?? "(unnamed)";
}

/** The crate a function belongs to (for `<A as B>::f`, the crate of A), and for the project's
 * own crate the module under engine or ui. */
export function owner(symbol) {
  if (/^__wbindgen_describe/.test(symbol)) return { crate: null, module: null };
  if (/^(__wbindgen|__wbg|__externref)/.test(symbol)) return { crate: "wasm_bindgen", module: null };
  const path = demangle(symbol);
  const crate = crateOf(path);
  if (crate === "sso_playground") {
    const modules = path.slice(path.indexOf("sso_playground")).split(/::|<|>| /).filter(Boolean);
    const module = modules[1] === "engine" || modules[1] === "ui" ? modules.slice(1, 3).join("::") : modules[1];
    return { crate, module: `${crate}::${module ?? ""}` };
  }
  // The binary's exports (mount, unmount) carry only their own names.
  if (/^[a-zA-Z]+_[0-9a-f]{16}$/.test(symbol) || symbol === "main") return { crate: "sso_playground", module: "sso_playground (binary)" };
  return { crate, module: null };
}

/** Sizes by crate and by module of the project, largest first, with their shares. */
export function attribute(raw) {
  const module = parseModule(raw);
  if (!module.named) throw new Error("the module has no function names; attribute the raw build rustc writes");
  const crates = new Map();
  const modules = new Map();
  const add = (map, key, size) => map.set(key, (map.get(key) ?? 0) + size);
  for (const { name, size } of module.functions) {
    const found = owner(name);
    // Descriptors only tell wasm-bindgen the types; it removes them from the shipped module.
    if (!found.crate) continue;
    add(crates, found.crate, size);
    if (found.module) add(modules, found.module, size);
  }
  add(crates, "(data: text and tables)", module.data);
  const total = [...crates.values()].reduce((a, b) => a + b, 0);
  const rows = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ name, bytes, share: bytes / total }));
  return { total, crates: rows(crates), modules: rows(modules) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf("--json");
  const json = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;
  const [rawPath, shippedPath] = args;
  const result = attribute(readFileSync(rawPath));
  const shippedGzip = shippedPath ? gzipSync(readFileSync(shippedPath), { level: 9 }).length : undefined;
  const line = (row) => {
    const share = `${(row.share * 100).toFixed(1)} %`.padStart(8);
    const estimate = shippedGzip ? `${((row.share * shippedGzip) / 1000).toFixed(1)} KB`.padStart(10) : "";
    return `  ${row.name.padEnd(44)}${share}${estimate}`;
  };
  console.log(`\nWhere the wasm's bytes go (share of function bodies and data${shippedGzip ? "; KB = share of the shipped gzip size" : ""}):`);
  for (const row of result.crates.filter((row) => row.share >= 0.005)) console.log(line(row));
  const small = result.crates.filter((row) => row.share < 0.005);
  if (small.length) console.log(`  ${`(${small.length} crates under 0.5 % each)`.padEnd(44)}${`${((small.reduce((a, r) => a + r.share, 0)) * 100).toFixed(1)} %`.padStart(8)}`);
  console.log("The project's own modules:");
  for (const row of result.modules) console.log(line(row));
  if (json) {
    const scale = (row) => ({ ...row, gzipEstimate: shippedGzip ? Math.round(row.share * shippedGzip) : undefined });
    writeFileSync(
      json,
      JSON.stringify({ rawBytes: result.total, shippedGzip, crates: result.crates.map(scale), modules: result.modules.map(scale) }, null, 2) + "\n",
    );
  }
}
