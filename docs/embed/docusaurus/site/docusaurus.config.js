// A minimal Docusaurus site that embeds the playground exactly as the README tells a docs
// maintainer to: the component in src/components/, the release build in static/playground/,
// the site under a base URL. scripts/docusaurus-site.sh assembles and builds it.
export default {
  title: "Headscale docs",
  url: "http://127.0.0.1",
  baseUrl: "/docs-site/",
  onBrokenLinks: "throw",
  // No favicon file: an empty icon keeps the browser from asking for /favicon.ico.
  headTags: [{ tagName: "link", attributes: { rel: "icon", href: "data:," } }],
  presets: [
    [
      "classic",
      {
        docs: { routeBasePath: "/", sidebarPath: undefined },
        blog: false,
        pages: false,
        theme: { customCss: "./src/css/custom.css" },
      },
    ],
  ],
  themeConfig: {
    colorMode: { defaultMode: "light", respectPrefersColorScheme: true },
    navbar: {
      title: "Headscale docs",
      items: [
        { to: "/", label: "Introduction", position: "left" },
        { to: "/authentik", label: "authentik", position: "left" },
        { to: "/vpn-example", label: "VPN example", position: "left" },
        { to: "/sync-example", label: "Shared inputs", position: "left" },
      ],
    },
  },
};
