// A tiny static file server for the end-to-end tests, so they need nothing but Node:
//   node scripts/serve.mjs [--gzip] <port> <url-prefix>=<folder> [<url-prefix>=<folder> ...]
// The longest matching prefix wins; a folder answers with its index.html. With --gzip, text and
// WebAssembly are sent gzip-compressed to a browser that accepts it, as any real web server
// does (the benchmarks measure transfer times that way).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const flags = process.argv.slice(2).filter((arg) => arg.startsWith("--"));
const [port = "8089", ...specs] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const gzip = flags.includes("--gzip");
const compressed = new Map();
const mounts = (specs.length ? specs : ["/=dist"])
  .map((spec) => {
    const [prefix, folder] = spec.split("=");
    return { prefix, root: resolve(folder) };
  })
  .sort((a, b) => b.prefix.length - a.prefix.length);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

// Share links with thousands of parameters make long request lines.
createServer({ maxHeaderSize: 8 << 20 }, async (request, response) => {
  const path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
  const mount = mounts.find(({ prefix }) => path.startsWith(prefix));
  if (!mount) {
    response.writeHead(404).end("not found");
    return;
  }
  let file = join(mount.root, normalize("/" + path.slice(mount.prefix.length)));
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    const type = types[extname(file)] ?? "application/octet-stream";
    const compressible = /text|javascript|json|wasm|svg/.test(type);
    if (gzip && compressible && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
      if (!compressed.has(file)) compressed.set(file, gzipSync(body, { level: 9 }));
      response.writeHead(200, { "content-type": type, "content-encoding": "gzip", vary: "accept-encoding" });
      response.end(compressed.get(file));
      return;
    }
    response.writeHead(200, { "content-type": type });
    response.end(body);
  } catch {
    response.writeHead(404).end("not found");
  }
}).listen(Number(port), "127.0.0.1");
