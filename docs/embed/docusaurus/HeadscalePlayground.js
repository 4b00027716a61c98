// A Docusaurus component that embeds the playground. Copy the release build (dist/) to
// static/playground/ and this file to src/components/, then use it from any MDX page:
//
//   import HeadscalePlayground from "@site/src/components/HeadscalePlayground";
//
//   <HeadscalePlayground headscaleUrl="https://headscale.company" slug="headscale" />
//
// It runs only in the browser (Docusaurus renders pages in Node first), loads the build from
// the site's base URL, follows the site's light and dark theme, and leaves the page URL alone.
import React, { useEffect, useRef } from "react";
import BrowserOnly from "@docusaurus/BrowserOnly";
import useBaseUrl from "@docusaurus/useBaseUrl";

function Mount({ src, headscaleUrl, authentikUrl, slug, headscaleVersion, authentikVersion }) {
  const element = useRef(null);
  useEffect(() => {
    // webpackIgnore: the build is a static file, not part of the site's bundle.
    import(/* webpackIgnore: true */ src).then((playground) => playground.mount(element.current));
  }, [src]);
  return (
    <div
      ref={element}
      data-headscale-playground
      data-headscale-url={headscaleUrl}
      data-authentik-url={authentikUrl}
      data-slug={slug}
      data-headscale-version={headscaleVersion}
      data-authentik-version={authentikVersion}
    />
  );
}

export default function HeadscalePlayground(props) {
  const src = useBaseUrl("/playground/embed.js");
  return (
    <BrowserOnly fallback={<p>Loading the Headscale × authentik playground…</p>}>
      {() => <Mount src={src} {...props} />}
    </BrowserOnly>
  );
}
