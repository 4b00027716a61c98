//! The documentation pages that help text and checks point to.

/// A page of upstream documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    pub title: &'static str,
    pub url: &'static str,
}

pub(crate) const HEADSCALE_OIDC: Link =
    Link { title: "Headscale: OpenID Connect", url: "https://headscale.net/stable/ref/oidc/" };
pub(crate) const HEADSCALE_CONFIG: Link = Link {
    title: "Headscale: example configuration",
    url: "https://github.com/juanfont/headscale/blob/main/config-example.yaml",
};
pub(crate) const HEADSCALE_CHANGELOG: Link =
    Link { title: "Headscale: changelog", url: "https://github.com/juanfont/headscale/blob/main/CHANGELOG.md" };
pub(crate) const SYSTEMD_CREDENTIALS: Link =
    Link { title: "systemd: credentials", url: "https://systemd.io/CREDENTIALS/" };
pub const AUTHENTIK_RELEASES: Link =
    Link { title: "authentik: release notes", url: "https://docs.goauthentik.io/releases/" };
pub(crate) const AUTHENTIK_RELEASE_2025_10: Link =
    Link { title: "authentik 2025.10 release notes", url: "https://docs.goauthentik.io/releases/2025.10/" };
pub(crate) const AUTHENTIK_RELEASE_2026_5: Link =
    Link { title: "authentik 2026.5 release notes", url: "https://docs.goauthentik.io/releases/2026.5/" };
pub(crate) const AUTHENTIK_CVE_2024_52289: Link =
    Link { title: "authentik: CVE-2024-52289", url: "https://docs.goauthentik.io/security/cves/CVE-2024-52289/" };
pub const AUTHENTIK_GUIDE: Link = Link {
    title: "authentik: Integrate with Headscale",
    url: "https://integrations.goauthentik.io/networking/headscale/",
};
pub(crate) const AUTHENTIK_OAUTH2: Link = Link {
    title: "authentik: OAuth 2.0 provider",
    url: "https://docs.goauthentik.io/add-secure-apps/providers/oauth2/",
};
pub(crate) const AUTHENTIK_APPLICATIONS: Link =
    Link { title: "authentik: Applications", url: "https://docs.goauthentik.io/add-secure-apps/applications/" };
pub(crate) const AUTHENTIK_SCOPE_MAPPINGS: Link = Link {
    title: "authentik: Property mappings",
    url: "https://docs.goauthentik.io/add-secure-apps/providers/property-mappings/",
};
