//! What the user types, and the edits that change it.

use super::docs::{self, Link};

/// Every input of the playground. Text is kept exactly as typed so nothing is ever lost; the
/// model normalises it (see [`crate::engine::model`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inputs {
    pub headscale_url: String,
    pub authentik_url: String,
    pub app_name: String,
    pub slug: String,
    pub client_id: String,
    pub client_secret: String,
    /// Space-separated OIDC scopes.
    pub scopes: String,
    /// One group per line (authentik group names may contain spaces and commas).
    pub allowed_groups: String,
    /// Email addresses, separated by new lines, spaces or commas.
    pub allowed_users: String,
    /// Domain names, separated by new lines, spaces or commas.
    pub allowed_domains: String,
    pub pkce_enabled: bool,
    /// `S256` or `plain`; kept as text so a wrong case can be shown and explained.
    pub pkce_method: String,
}

impl Default for Inputs {
    /// The placeholders of authentik's "Integrate with Headscale" guide, so the first render is
    /// a complete example. Client credentials start empty: the UI fills them with freshly
    /// generated values, the way authentik's own wizard does.
    fn default() -> Self {
        Inputs {
            headscale_url: "https://headscale.company".into(),
            authentik_url: "https://authentik.company".into(),
            app_name: "Headscale".into(),
            slug: "headscale".into(),
            client_id: String::new(),
            client_secret: String::new(),
            scopes: "openid profile email".into(),
            allowed_groups: String::new(),
            allowed_users: String::new(),
            allowed_domains: String::new(),
            pkce_enabled: true,
            pkce_method: "S256".into(),
        }
    }
}

/// One input of the form. Checks name the field they belong to, and the UI shows them there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    HeadscaleUrl,
    AuthentikUrl,
    AppName,
    Slug,
    ClientId,
    ClientSecret,
    Scopes,
    AllowedGroups,
    AllowedUsers,
    AllowedDomains,
    PkceEnabled,
    PkceMethod,
}

impl Field {
    pub const ALL: [Field; 12] = [
        Field::HeadscaleUrl,
        Field::AuthentikUrl,
        Field::AppName,
        Field::Slug,
        Field::ClientId,
        Field::ClientSecret,
        Field::Scopes,
        Field::AllowedGroups,
        Field::AllowedUsers,
        Field::AllowedDomains,
        Field::PkceEnabled,
        Field::PkceMethod,
    ];

    /// The visible label. Tests and users find fields by these words.
    pub fn label(self) -> &'static str {
        match self {
            Field::HeadscaleUrl => "Headscale URL",
            Field::AuthentikUrl => "authentik URL",
            Field::AppName => "Application name",
            Field::Slug => "Application slug",
            Field::ClientId => "Client ID",
            Field::ClientSecret => "Client secret",
            Field::Scopes => "Scopes",
            Field::AllowedGroups => "Allowed groups",
            Field::AllowedUsers => "Allowed users",
            Field::AllowedDomains => "Allowed domains",
            Field::PkceEnabled => "Use PKCE",
            Field::PkceMethod => "PKCE method",
        }
    }

    /// A stable identifier, used for element ids and in links to a field.
    pub fn key(self) -> &'static str {
        match self {
            Field::HeadscaleUrl => "headscale-url",
            Field::AuthentikUrl => "authentik-url",
            Field::AppName => "app-name",
            Field::Slug => "slug",
            Field::ClientId => "client-id",
            Field::ClientSecret => "client-secret",
            Field::Scopes => "scopes",
            Field::AllowedGroups => "allowed-groups",
            Field::AllowedUsers => "allowed-users",
            Field::AllowedDomains => "allowed-domains",
            Field::PkceEnabled => "pkce-enabled",
            Field::PkceMethod => "pkce-method",
        }
    }
}

/// One or two sentences on what a field is and where to find its value, with the page to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Help {
    pub text: &'static str,
    pub link: Link,
}

impl Field {
    pub fn help(self) -> Help {
        let (text, link) = match self {
            Field::HeadscaleUrl => (
                "The public URL of Headscale, the server_url of its config.yaml. A bare host such as headscale.example.com is enough.",
                docs::HEADSCALE_CONFIG,
            ),
            Field::AuthentikUrl => (
                "The URL users open to reach authentik, without /application/o/…; include the sub-path if authentik runs under one.",
                docs::AUTHENTIK_GUIDE,
            ),
            Field::AppName => ("The application's name in authentik; users see it on their dashboard.", docs::AUTHENTIK_APPLICATIONS),
            Field::Slug => (
                "The application's slug in authentik (Applications → Applications). The issuer URL is built from it.",
                docs::AUTHENTIK_APPLICATIONS,
            ),
            Field::ClientId => (
                "Shown on the provider's page in authentik (Applications → Providers). Paste it here, or keep this one and enter it there.",
                docs::AUTHENTIK_OAUTH2,
            ),
            Field::ClientSecret => (
                "Shown on the same provider page. It never leaves this browser.",
                docs::AUTHENTIK_OAUTH2,
            ),
            Field::Scopes => (
                "What Headscale asks authentik for, separated by spaces: openid is required, email carries the address, profile the groups.",
                docs::HEADSCALE_OIDC,
            ),
            Field::AllowedGroups => (
                "authentik group names, one per line, exactly as in Directory → Groups. Leave empty for no group filter.",
                docs::HEADSCALE_OIDC,
            ),
            Field::AllowedUsers => ("Email addresses that may log in. Leave empty for no user filter.", docs::HEADSCALE_OIDC),
            Field::AllowedDomains => (
                "Email domains that may log in, such as example.com. Leave empty for no domain filter.",
                docs::HEADSCALE_OIDC,
            ),
            Field::PkceEnabled => (
                "Proof Key for Code Exchange ties the login code to this login; authentik supports it without extra settings.",
                docs::HEADSCALE_OIDC,
            ),
            Field::PkceMethod => ("S256 sends a hash of the verifier and is recommended; plain sends the verifier itself.", docs::HEADSCALE_OIDC),
        };
        Help { text, link }
    }
}

/// A change to one input, as the UI reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    Text(Field, String),
    Flag(Field, bool),
}

impl Inputs {
    /// The text of a text field, or `None` for a checkbox.
    pub fn text(&self, field: Field) -> Option<&str> {
        Some(match field {
            Field::HeadscaleUrl => &self.headscale_url,
            Field::AuthentikUrl => &self.authentik_url,
            Field::AppName => &self.app_name,
            Field::Slug => &self.slug,
            Field::ClientId => &self.client_id,
            Field::ClientSecret => &self.client_secret,
            Field::Scopes => &self.scopes,
            Field::AllowedGroups => &self.allowed_groups,
            Field::AllowedUsers => &self.allowed_users,
            Field::AllowedDomains => &self.allowed_domains,
            Field::PkceMethod => &self.pkce_method,
            Field::PkceEnabled => return None,
        })
    }

    fn text_mut(&mut self, field: Field) -> Option<&mut String> {
        Some(match field {
            Field::HeadscaleUrl => &mut self.headscale_url,
            Field::AuthentikUrl => &mut self.authentik_url,
            Field::AppName => &mut self.app_name,
            Field::Slug => &mut self.slug,
            Field::ClientId => &mut self.client_id,
            Field::ClientSecret => &mut self.client_secret,
            Field::Scopes => &mut self.scopes,
            Field::AllowedGroups => &mut self.allowed_groups,
            Field::AllowedUsers => &mut self.allowed_users,
            Field::AllowedDomains => &mut self.allowed_domains,
            Field::PkceMethod => &mut self.pkce_method,
            Field::PkceEnabled => return None,
        })
    }

    /// The state of a checkbox, or `None` for a text field.
    pub fn flag(&self, field: Field) -> Option<bool> {
        match field {
            Field::PkceEnabled => Some(self.pkce_enabled),
            _ => None,
        }
    }

    /// Applies an edit. An edit that names a field of the other kind changes nothing and
    /// returns `false`.
    pub fn apply(&mut self, edit: Edit) -> bool {
        match edit {
            Edit::Text(field, value) => match self.text_mut(field) {
                Some(slot) if *slot != value => {
                    *slot = value;
                    true
                }
                _ => false,
            },
            Edit::Flag(Field::PkceEnabled, value) if self.pkce_enabled != value => {
                self.pkce_enabled = value;
                true
            }
            Edit::Flag(..) => false,
        }
    }
}
