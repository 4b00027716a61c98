//! The fields of the form: their labels, keys and help.

use super::links::{self, Link};

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
    HeadscaleVersion,
    SecretDelivery,
    ClientSecretPath,
    OnlyStartIfOidcIsAvailable,
    Expiry,
    UseExpiryFromToken,
    ExtraParams,
    EmailVerifiedRequired,
    AuthentikVersion,
    VerifiedEmailMapping,
    /// The import box: problems of a pasted configuration that no form field owns.
    ImportText,
}

impl Field {
    /// Every field of the form; the import box is not one of them.
    pub const ALL: [Field; 22] = [
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
        Field::HeadscaleVersion,
        Field::SecretDelivery,
        Field::ClientSecretPath,
        Field::OnlyStartIfOidcIsAvailable,
        Field::Expiry,
        Field::UseExpiryFromToken,
        Field::ExtraParams,
        Field::EmailVerifiedRequired,
        Field::AuthentikVersion,
        Field::VerifiedEmailMapping,
    ];

    /// Fields that only take one of a fixed set of values (releases, secret delivery).
    pub fn is_choice(self) -> bool {
        matches!(self, Field::HeadscaleVersion | Field::SecretDelivery | Field::AuthentikVersion)
    }

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
            Field::HeadscaleVersion => "Headscale version",
            Field::SecretDelivery => "How Headscale reads the secret",
            Field::ClientSecretPath => "Secret file path",
            Field::OnlyStartIfOidcIsAvailable => "Only start Headscale when authentik answers",
            Field::Expiry => "Node expiry",
            Field::UseExpiryFromToken => "Expire nodes with the ID token",
            Field::ExtraParams => "Extra parameters",
            Field::EmailVerifiedRequired => "Require a verified email",
            Field::AuthentikVersion => "authentik version",
            Field::VerifiedEmailMapping => "Mark authentik emails as verified",
            Field::ImportText => "Import Headscale config",
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
            Field::HeadscaleVersion => "headscale-version",
            Field::SecretDelivery => "secret-delivery",
            Field::ClientSecretPath => "client-secret-path",
            Field::OnlyStartIfOidcIsAvailable => "only-start",
            Field::Expiry => "expiry",
            Field::UseExpiryFromToken => "use-expiry-from-token",
            Field::ExtraParams => "extra-params",
            Field::EmailVerifiedRequired => "email-verified-required",
            Field::AuthentikVersion => "authentik-version",
            Field::VerifiedEmailMapping => "verified-email-mapping",
            Field::ImportText => "import",
        }
    }

    pub fn help(self) -> Help {
        let (text, link) = match self {
            Field::HeadscaleUrl => (
                "The public URL of Headscale, the server_url of its config.yaml. A bare host such as headscale.example.com is enough.",
                links::HEADSCALE_CONFIG,
            ),
            Field::AuthentikUrl => (
                "The URL users open to reach authentik, without /application/o/…; include the sub-path if authentik runs under one.",
                links::AUTHENTIK_GUIDE,
            ),
            Field::AppName => ("The application's name in authentik; users see it on their dashboard.", links::AUTHENTIK_APPLICATIONS),
            Field::Slug => (
                "The application's slug in authentik (Applications → Applications). The issuer URL is built from it.",
                links::AUTHENTIK_APPLICATIONS,
            ),
            Field::ClientId => (
                "Shown on the provider's page in authentik (Applications → Providers). Paste it here, or keep this one and enter it there.",
                links::AUTHENTIK_OAUTH2,
            ),
            Field::ClientSecret => ("Shown on the same provider page. It never leaves this browser.", links::AUTHENTIK_OAUTH2),
            Field::Scopes => (
                "What Headscale asks authentik for, separated by spaces: openid is required, email carries the address, profile the groups.",
                links::HEADSCALE_OIDC,
            ),
            Field::AllowedGroups => (
                "authentik group names, one per line, exactly as in Directory → Groups. Leave empty for no group filter.",
                links::HEADSCALE_OIDC,
            ),
            Field::AllowedUsers => ("Email addresses that may log in. Leave empty for no user filter.", links::HEADSCALE_OIDC),
            Field::AllowedDomains => (
                "Email domains that may log in, such as example.com. Leave empty for no domain filter.",
                links::HEADSCALE_OIDC,
            ),
            Field::PkceEnabled => (
                "Proof Key for Code Exchange ties the login code to this login; authentik supports it without extra settings. Read from Headscale 0.24.",
                links::HEADSCALE_OIDC,
            ),
            Field::PkceMethod => (
                "S256 sends a hash of the verifier and is recommended; plain sends the verifier itself.",
                links::HEADSCALE_OIDC,
            ),
            Field::HeadscaleVersion => (
                "The Headscale release you run (headscale version). Keys were added and removed between releases; the output only uses what yours reads.",
                links::HEADSCALE_CHANGELOG,
            ),
            Field::SecretDelivery => (
                "Keep the secret out of config.yaml by putting it in a file only Headscale can read, or in Headscale's environment.",
                links::HEADSCALE_OIDC,
            ),
            Field::ClientSecretPath => (
                "The file Headscale reads the secret from; ${VARIABLES} are expanded. Under systemd, LoadCredential= puts it below ${CREDENTIALS_DIRECTORY}.",
                links::HEADSCALE_OIDC,
            ),
            Field::OnlyStartIfOidcIsAvailable => (
                "When on, Headscale refuses to start while authentik is unreachable. When off, it starts without login through authentik and does not retry.",
                links::HEADSCALE_CONFIG,
            ),
            Field::Expiry => (
                "How long a node logged in through authentik stays valid, such as 180d, 12w or 0 for never. Up to 0.28 this is oidc.expiry (default 180d); from 0.29 node.expiry (default never).",
                links::HEADSCALE_OIDC,
            ),
            Field::UseExpiryFromToken => (
                "Let the node expire when authentik's ID token does, instead of after the node expiry.",
                links::HEADSCALE_OIDC,
            ),
            Field::ExtraParams => (
                "Extra query parameters for authentik's login page, one key=value per line, such as prompt=login.",
                links::HEADSCALE_CONFIG,
            ),
            Field::EmailVerifiedRequired => (
                "From Headscale 0.28, allowed users and domains only accept emails that authentik marks as verified.",
                links::HEADSCALE_OIDC,
            ),
            Field::AuthentikVersion => (
                "The authentik release you run (shown under Admin interface → System → About). Redirect URIs, flows and grant types changed between releases.",
                links::AUTHENTIK_RELEASES,
            ),
            Field::VerifiedEmailMapping => (
                "authentik 2025.10 and later send email_verified: false unless told otherwise. This adds a scope mapping that sends true; only do it if users cannot set their own email.",
                links::AUTHENTIK_RELEASE_2025_10,
            ),
            Field::ImportText => (
                "Paste a whole config.yaml, only its oidc: section, or HEADSCALE_* environment variables. Nothing changes until you apply it.",
                links::HEADSCALE_CONFIG,
            ),
        };
        Help { text, link }
    }
}

/// One or two sentences on what a field is and where to find its value, with the page to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Help {
    pub text: &'static str,
    pub link: Link,
}
