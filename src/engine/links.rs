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

/// Pages cited as evidence (the release notes name the patch that changed a behaviour).
pub(crate) mod evidence {
    use super::Link;

    pub(crate) const AUTHENTIK_2024_8_5: Link = Link {
        title: "authentik 2024.8 release notes: fixed in 2024.8.5",
        url: "https://docs.goauthentik.io/releases/2024.8/#fixed-in-202485",
    };
    pub(crate) const AUTHENTIK_2024_8_6: Link = Link {
        title: "authentik 2024.8 release notes: fixed in 2024.8.6",
        url: "https://docs.goauthentik.io/releases/2024.8/#fixed-in-202486",
    };
    pub(crate) const AUTHENTIK_2024_10: Link = Link {
        title: "authentik 2024.10 release notes: new features",
        url: "https://docs.goauthentik.io/releases/2024.10/#new-features",
    };
    pub(crate) const AUTHENTIK_2024_10_3: Link = Link {
        title: "authentik 2024.10 release notes: fixed in 2024.10.3",
        url: "https://docs.goauthentik.io/releases/2024.10/#fixed-in-2024103",
    };
    pub(crate) const AUTHENTIK_2024_10_4: Link = Link {
        title: "authentik 2024.10 release notes: fixed in 2024.10.4",
        url: "https://docs.goauthentik.io/releases/2024.10/#fixed-in-2024104",
    };
    pub(crate) const AUTHENTIK_2024_12: Link = Link {
        title: "authentik 2024.12 release notes: new features",
        url: "https://docs.goauthentik.io/releases/2024.12/#new-features",
    };
    pub(crate) const AUTHENTIK_2025_10: Link = Link {
        title: "authentik 2025.10 release notes: default OAuth scope mappings",
        url: "https://docs.goauthentik.io/releases/2025.10/#default-oauth-scope-mappings",
    };
    pub(crate) const AUTHENTIK_2026_2_GROUPS: Link = Link {
        title: "authentik 2026.2 release notes: policies and property mappings",
        url: "https://docs.goauthentik.io/releases/2026.2/#policies--property-mappings",
    };
    pub(crate) const AUTHENTIK_2026_2_FIXES: Link = Link {
        title: "authentik 2026.2 release notes: minor changes",
        url: "https://docs.goauthentik.io/releases/2026.2/#minor-changesfixes",
    };
    pub(crate) const AUTHENTIK_2026_5_GRANT_TYPES: Link = Link {
        title: "authentik 2026.5 release notes: configurable grant types",
        url: "https://docs.goauthentik.io/releases/2026.5/#oauth2-configurable-grant-types",
    };
    pub(crate) const AUTHENTIK_2026_5_FIXES: Link = Link {
        title: "authentik 2026.5 release notes: minor changes",
        url: "https://docs.goauthentik.io/releases/2026.5/#minor-changesfixes",
    };
    pub(crate) const AUTHENTIK_2026_8_FIXES: Link = Link {
        title: "authentik 2026.8 release notes: minor changes",
        url: "https://docs.goauthentik.io/releases/2026.8/#minor-changesfixes",
    };
    pub(crate) const AUTHENTIK_SCHEMA_2025_10_4: Link = Link {
        title: "authentik 2025.10.4 blueprint schema",
        url: "https://raw.githubusercontent.com/goauthentik/authentik/version/2025.10.4/blueprints/schema.json",
    };
    pub(crate) const AUTHENTIK_SCHEMA_2025_12_4: Link = Link {
        title: "authentik 2025.12.4 blueprint schema",
        url: "https://raw.githubusercontent.com/goauthentik/authentik/version/2025.12.4/blueprints/schema.json",
    };
    pub(crate) const PYTHON_COMPARE_DIGEST: Link = Link {
        title: "Python: hmac.compare_digest",
        url: "https://docs.python.org/3/library/hmac.html#hmac.compare_digest",
    };
}
