// The loader's lint: ESLint's recommended rules, and the globals of the two places it runs, a
// browser page and Node's test runner. Run from this folder (scripts/test.sh does).
import js from "@eslint/js";

const browser = [
  "console", "document", "location", "localStorage", "self", "window", "URL", "URLSearchParams", "MutationObserver",
  "Element", "HTMLElement", "getComputedStyle", "IntersectionObserver", "navigator", "CSSStyleSheet", "Promise", "WeakMap", "Set", "Map", "WebAssembly", "fetch", "queueMicrotask",
];
const node = ["globalThis", "process"];

export default [
  js.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: "module",
      globals: Object.fromEntries([...browser, ...node].map((name) => [name, "readonly"])),
    },
    rules: {
      eqeqeq: "error",
      "no-var": "error",
      "prefer-const": "error",
      // The storage-key rule refuses control characters with a character class of them.
      "no-control-regex": "off",
    },
  },
];
