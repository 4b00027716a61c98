// A Docusaurus site shaped like authentik's documentation: Docusaurus 3.10 with the faster
// options (the Rspack bundler, SWC, Lightning CSS, the HTML minimizer, worker threads), React 19,
// trailing slashes, and two docs plugins, each with a static folder of its own, as authentik's
// docs and integrations have. It installs the playground's package from its tarball and adds
// its plugin with one line, as docs/embed/docusaurus/README.md tells a maintainer to.
// scripts/docusaurus-site.sh assembles and builds it under the base URL /docs-site/.
export default {
  title: "Headscale docs",
  url: "http://127.0.0.1",
  baseUrl: "/docs-site/",
  trailingSlash: true,
  onBrokenLinks: "throw",
  onBrokenAnchors: "throw",
  onDuplicateRoutes: "throw",
  future: { v4: true, faster: true },
  // Each docs plugin's own static folder, as the integrations site keeps one beside the site's.
  staticDirectories: ["static", "integrations/static"],
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
  plugins: [
    [
      "@docusaurus/plugin-content-docs",
      { id: "integrations", path: "integrations", routeBasePath: "integrations", sidebarPath: undefined },
    ],
    "headscale-sso-playground",
  ],
  themeConfig: {
    colorMode: { defaultMode: "light", respectPrefersColorScheme: true },
    navbar: {
      title: "Headscale docs",
      items: [
        { to: "/", label: "Introduction", position: "left" },
        { to: "/authentik/", label: "authentik", position: "left" },
        { to: "/vpn-example/", label: "VPN example", position: "left" },
        { to: "/sync-example/", label: "Shared inputs", position: "left" },
        { to: "/integrations/networking/headscale/", label: "Integrations", position: "left" },
      ],
    },
  },
};
