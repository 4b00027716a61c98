// A Docusaurus component that embeds the playground. Copy the release build (dist/) to
// static/playground/ and this file to src/components/, then use it from any MDX page:
//
//   import HeadscalePlayground from "@site/src/components/HeadscalePlayground";
//
//   <HeadscalePlayground headscaleUrl="https://headscale.company" slug="headscale" />
//
// Every prop becomes the data- attribute of the same name (headscaleUrl → data-headscale-url;
// true → present, false → absent); the README lists them all. The playground runs only in the
// browser. A page that keeps the built-in defaults gets the example rendered at build time
// (static/playground/prerendered.js) in its HTML, and the playground's WebAssembly is fetched
// only when the reader first uses it, then takes the example over in place; other pages start
// it at once and say it is loading until it is shown (the handle's `shown`). If it cannot
// start, it says why. Leaving the page unmounts it, with its listeners. It takes the site's
// primary colour, background and font from Infima's variables.
import React, { useEffect, useRef, useState } from "react";
import useBaseUrl from "@docusaurus/useBaseUrl";
import prerendered from "@site/static/playground/prerendered.js";

const LOADING = "Loading the Headscale × authentik playground…";

/** `{ headscaleUrl: "x", noStorage: true }` → `{ "data-headscale-url": "x", "data-no-storage": "" }`. */
function dataAttributes(options) {
  const attributes = {};
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined || value === null || value === false) continue;
    const attribute = "data-" + name.replace(/[A-Z]/g, (letter) => "-" + letter.toLowerCase());
    attributes[attribute] = value === true ? "" : String(value);
  }
  return attributes;
}

/** What to tell the reader when the playground's files could not be loaded at all. */
function explain(error, src) {
  const text = String((error && error.message) || error);
  if (typeof WebAssembly !== "object") return "The playground needs WebAssembly, which this browser does not offer.";
  if (/wasm-unsafe-eval|Content.Security.Policy|WebAssembly/i.test(text)) {
    return `The playground could not start: the site's Content-Security-Policy blocks WebAssembly. Add 'wasm-unsafe-eval' to its script-src. (${text})`;
  }
  return `The playground could not be loaded from ${src}: check that the release build is copied to static/playground/. (${text})`;
}

// Infima's variables, so the widget looks like part of the site; any --hsp-* variable set on
// the element wins over the widget's own colours.
const siteTheme = {
  "--hsp-accent": "var(--ifm-color-primary)",
  "--hsp-bg": "var(--ifm-background-color)",
  "--hsp-font": "var(--ifm-font-family-base)",
};

// Options that change only where the playground keeps state, not what it shows first.
const QUIET_OPTIONS = new Set(["noStorage", "syncUrl", "storageKey", "paramPrefix"]);

export default function HeadscalePlayground({ style, ...options }) {
  const src = useBaseUrl("/playground/embed.js");
  const element = useRef(null);
  const [status, setStatus] = useState("loading");
  const attributes = dataAttributes(options);
  const key = JSON.stringify(attributes);
  // The build's example shows the built-in defaults, the title as an h2: only pages that
  // change none of them can show it before the playground starts.
  const example = Object.keys(options).every((name) => QUIET_OPTIONS.has(name));
  useEffect(() => {
    let handle;
    let left = false;
    setStatus("loading");
    // In the browser only; webpackIgnore: the build is a static file, not part of the bundle.
    import(/* webpackIgnore: true */ src)
      .then((playground) => {
        if (left) return;
        handle = playground.mount(element.current);
        return handle.shown;
      })
      .then(() => {
        if (!left) setStatus("ready");
      })
      .catch((error) => {
        if (left) return;
        // embed.js explains its own failures inside the element; explain only what it could not.
        const explained = element.current?.querySelector(".hsp-embed-failure");
        setStatus(explained ? "explained" : explain(error, src));
      });
    return () => {
      left = true;
      handle?.unmount();
    };
  }, [src, key]);
  return (
    <div className="headscale-playground" style={{ ...siteTheme, ...style }}>
      {status === "loading" && !example && <p role="status">{LOADING}</p>}
      {!["loading", "ready", "explained"].includes(status) && <p role="alert">{status}</p>}
      <Frame key={key} frameRef={element} attributes={attributes} withExample={example} />
    </div>
  );
}

/** The example is a declarative shadow root, which only the HTML parser opens. On a client-side
 * navigation React sets it with innerHTML, where it would stay a <template> (and the browser warns
 * about it): there it goes under another name, and is opened here as React attaches the element,
 * so it is shown styled in the first frame, as in the server-rendered page. */
const exampleHtml =
  typeof window === "undefined" ? prerendered : prerendered.replace("<template shadowrootmode=", "<template data-hsp-shadowroot=");
function openExample(element) {
  const template = element?.querySelector(":scope > template[shadowrootmode], :scope > template[data-hsp-shadowroot]");
  if (!template || element.shadowRoot) return;
  element.attachShadow({ mode: "open" }).append(template.content);
  template.remove();
}

// The element the playground lives in. Once mounted, React must never touch what is inside it
// (the playground takes the example over and changes it): it renders once per set of options.
const Frame = React.memo(
  function Frame({ frameRef, attributes, withExample }) {
    const inner = withExample ? { dangerouslySetInnerHTML: { __html: exampleHtml } } : {};
    const attach = (element) => {
      frameRef.current = element;
      openExample(element);
    };
    return <div ref={attach} data-headscale-playground="" {...attributes} {...inner} />;
  },
  () => true,
);
