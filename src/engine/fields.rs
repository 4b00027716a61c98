//! The fields of the form, one row per field: its label, help and link, its key in share
//! links, its embed attribute, whether a link may leave it out, the Headscale keys it maps to,
//! and its limit. The form, share links, embedding, the limits and the import all read this
//! table; adding a field is one row here plus its behaviour.

use crate::engine::citations as c;
use crate::engine::evidence::Evidence;
use crate::engine::links::{self, Link};
use crate::engine::versions::keys::{Key, Setting};

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

    /// The row of the field table.
    pub const fn info(self) -> &'static FieldInfo {
        &FIELDS[self as usize]
    }

    /// The visible label. Tests and users find fields by these words.
    pub fn label(self) -> &'static str {
        self.info().label
    }

    /// A stable identifier, used for element ids and in links to a field.
    pub fn key(self) -> &'static str {
        self.info().key
    }

    pub fn help(self) -> Help {
        Help { text: self.info().help, link: self.info().link }
    }
}

/// One or two sentences on what a field is and where to find its value, with the page to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Help {
    pub text: &'static str,
    pub link: Link,
}

/// How much a field may hold: characters in all, and entries for list fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub chars: usize,
    /// `None` for single values.
    pub entries: Option<usize>,
}

const fn single(chars: usize) -> Limit {
    Limit { chars, entries: None }
}

const fn list(entries: usize, chars: usize) -> Limit {
    Limit { chars, entries: Some(entries) }
}

/// Everything the playground knows about one field.
#[derive(Debug)]
pub struct FieldInfo {
    pub field: Field,
    /// A stable identifier, used for element ids and in links to a field.
    pub key: &'static str,
    /// The visible label. Tests and users find fields by these words.
    pub label: &'static str,
    pub help: &'static str,
    pub link: Link,
    /// Its key in share links and saved state. Keys never change once released. The client
    /// secret has none: a share link cannot carry it, whatever the inputs (saved state adds it
    /// under its own key, only when the user asks to remember it).
    pub share: Option<&'static str>,
    /// The `data-` attribute of the mount element that sets its default.
    pub attribute: Option<&'static str>,
    /// For fields a user may want to keep out of links (the ones that name their
    /// infrastructure), the label of that checkbox; it must not repeat a form label, so each
    /// label names one control.
    pub private: Option<&'static str>,
    /// The places in Headscale's configuration its value comes from, most specific first.
    pub headscale: &'static [Setting],
    /// Chosen from real use with room to spare: authentik caps names, IDs and secrets at 255
    /// characters; real deployments allow a handful of groups and domains and at most a few
    /// hundred users by email (larger organisations filter by group). Every group is two
    /// blueprint entries and a Terraform resource, proven on every keystroke, so groups cost
    /// most. The same limits hold for typing, links, saved state, embed attributes and the
    /// import.
    pub limit: Limit,
}

/// Every field, in the order of [`Field`].
pub(crate) const FIELDS: &[FieldInfo] = &[
    FieldInfo {
        field: Field::HeadscaleUrl,
        key: "headscale-url",
        label: "Headscale URL",
        help: "The public URL of Headscale, the server_url of its config.yaml. A bare host such as headscale.example.com is enough.",
        link: links::HEADSCALE_CONFIG,
        share: Some("hs"),
        attribute: Some("data-headscale-url"),
        private: Some("the Headscale address"),
        headscale: &[Setting::ServerUrl],
        limit: single(512),
    },
    FieldInfo {
        field: Field::AuthentikUrl,
        key: "authentik-url",
        label: "authentik URL",
        help: "The URL users open to reach authentik, without /application/o/…; include the sub-path if authentik runs under one.",
        link: links::AUTHENTIK_GUIDE,
        share: Some("ak"),
        attribute: Some("data-authentik-url"),
        private: Some("the authentik address"),
        headscale: &[Setting::Key(Key::Issuer)],
        limit: single(512),
    },
    FieldInfo {
        field: Field::AppName,
        key: "app-name",
        label: "Application name",
        help: "The application's name in authentik.",
        link: links::AUTHENTIK_APPLICATIONS,
        share: Some("name"),
        attribute: Some("data-app-name"),
        private: Some("the app's name"),
        headscale: &[],
        // authentik keeps 255; longer IDs and secrets get its own, more precise check.
        limit: single(255),
    },
    FieldInfo {
        field: Field::Slug,
        key: "slug",
        label: "Application slug",
        help: "The application's slug in authentik (Applications → Applications). The issuer URL is built from it.",
        link: links::AUTHENTIK_APPLICATIONS,
        share: Some("slug"),
        attribute: Some("data-slug"),
        private: Some("the slug"),
        headscale: &[Setting::Key(Key::Issuer)],
        limit: single(255),
    },
    FieldInfo {
        field: Field::ClientId,
        key: "client-id",
        label: "Client ID",
        help: "Shown on the provider's page in authentik (Applications → Providers). Paste it here, or keep this one and enter it there.",
        link: links::AUTHENTIK_OAUTH2,
        share: Some("client_id"),
        attribute: None,
        private: Some("the client's identifier"),
        headscale: &[Setting::Key(Key::ClientId)],
        limit: single(1024),
    },
    FieldInfo {
        field: Field::ClientSecret,
        key: "client-secret",
        label: "Client secret",
        help: "Shown on the same provider page. It never leaves this browser.",
        link: links::AUTHENTIK_OAUTH2,
        share: None,
        attribute: None,
        private: None,
        headscale: &[Setting::Key(Key::ClientSecret)],
        limit: single(1024),
    },
    FieldInfo {
        field: Field::Scopes,
        key: "scopes",
        label: "Scopes",
        help: "What Headscale asks authentik for, separated by spaces: openid makes it an OpenID Connect login, email carries the address, profile the groups.",
        link: links::HEADSCALE_OIDC,
        share: Some("scope"),
        attribute: Some("data-scopes"),
        private: None,
        headscale: &[Setting::Key(Key::Scope)],
        limit: list(32, 1024),
    },
    FieldInfo {
        field: Field::AllowedGroups,
        key: "allowed-groups",
        label: "Allowed groups",
        help: "authentik group names, one per line, exactly as in Directory → Groups. Leave empty for no group filter.",
        link: links::HEADSCALE_OIDC,
        share: Some("groups"),
        attribute: Some("data-allowed-groups"),
        private: Some("the group list"),
        headscale: &[Setting::Key(Key::AllowedGroups)],
        limit: list(50, 5_000),
    },
    FieldInfo {
        field: Field::AllowedUsers,
        key: "allowed-users",
        label: "Allowed users",
        help: "Email addresses that may log in. Leave empty for no user filter.",
        link: links::HEADSCALE_OIDC,
        share: Some("users"),
        attribute: None,
        private: Some("the user list"),
        headscale: &[Setting::Key(Key::AllowedUsers)],
        limit: list(500, 40_000),
    },
    FieldInfo {
        field: Field::AllowedDomains,
        key: "allowed-domains",
        label: "Allowed domains",
        help: "Email domains that may log in, such as example.com. Leave empty for no domain filter.",
        link: links::HEADSCALE_OIDC,
        share: Some("domains"),
        attribute: None,
        private: Some("the domain list"),
        headscale: &[Setting::Key(Key::AllowedDomains)],
        limit: list(50, 5_000),
    },
    FieldInfo {
        field: Field::PkceEnabled,
        key: "pkce-enabled",
        label: "Use PKCE",
        help: "Proof Key for Code Exchange ties the login code to this login; authentik supports it without extra settings. Read from Headscale 0.24.",
        link: links::HEADSCALE_OIDC,
        share: Some("pkce"),
        attribute: None,
        private: None,
        headscale: &[Setting::Key(Key::PkceEnabled), Setting::SectionOf(Key::PkceEnabled)],
        limit: single(16),
    },
    FieldInfo {
        field: Field::PkceMethod,
        key: "pkce-method",
        label: "PKCE method",
        help: "S256 sends a hash of the verifier and is recommended; plain sends the verifier itself.",
        link: links::HEADSCALE_OIDC,
        share: Some("pkce_method"),
        attribute: None,
        private: None,
        headscale: &[Setting::Key(Key::PkceMethod)],
        limit: single(64),
    },
    FieldInfo {
        field: Field::HeadscaleVersion,
        key: "headscale-version",
        label: "Headscale version",
        help: "The Headscale release you run (headscale version). Keys were added and removed between releases; the output only uses what yours reads.",
        link: links::HEADSCALE_CHANGELOG,
        share: Some("hs_version"),
        attribute: Some("data-headscale-version"),
        private: None,
        headscale: &[],
        limit: single(32),
    },
    FieldInfo {
        field: Field::SecretDelivery,
        key: "secret-delivery",
        label: "How Headscale reads the secret",
        help: "Keep the secret out of config.yaml by putting it in a file only Headscale can read, or in Headscale's environment.",
        link: links::HEADSCALE_OIDC,
        share: Some("secret_from"),
        attribute: None,
        private: None,
        headscale: &[Setting::Key(Key::ClientSecretPath), Setting::Key(Key::ClientSecret)],
        limit: single(32),
    },
    FieldInfo {
        field: Field::ClientSecretPath,
        key: "client-secret-path",
        label: "Secret file path",
        help: "The file Headscale reads the secret from; ${VARIABLES} are expanded. Under systemd, LoadCredential= puts it below ${CREDENTIALS_DIRECTORY}.",
        link: links::HEADSCALE_OIDC,
        share: Some("secret_path"),
        attribute: None,
        private: Some("the path of the secret file"),
        headscale: &[Setting::Key(Key::ClientSecretPath), Setting::Key(Key::ClientSecret)],
        limit: single(1024),
    },
    FieldInfo {
        field: Field::OnlyStartIfOidcIsAvailable,
        key: "only-start",
        label: "Only start Headscale when authentik answers",
        help: "When on, Headscale refuses to start while authentik is unreachable. When off, it starts without login through authentik and does not retry.",
        link: links::HEADSCALE_CONFIG,
        share: Some("only_start"),
        attribute: None,
        private: None,
        headscale: &[Setting::Key(Key::OnlyStartIfOidcIsAvailable)],
        limit: single(16),
    },
    FieldInfo {
        field: Field::Expiry,
        key: "expiry",
        label: "Node expiry",
        help: "How long a node stays valid, such as 180d, 12w or 0 for never. Up to 0.28 this is oidc.expiry, for nodes logged in through authentik (default 180d); from 0.29 it is node.expiry, for every node however it registers (default never).",
        link: links::HEADSCALE_OIDC,
        share: Some("expiry"),
        attribute: None,
        private: None,
        headscale: &[Setting::Key(Key::NodeExpiry), Setting::Key(Key::Expiry)],
        limit: single(64),
    },
    FieldInfo {
        field: Field::UseExpiryFromToken,
        key: "use-expiry-from-token",
        label: "Expire nodes with the ID token",
        help: "Let the node expire when authentik's ID token does, instead of after the node expiry.",
        link: links::HEADSCALE_OIDC,
        share: Some("token_expiry"),
        attribute: None,
        private: None,
        headscale: &[Setting::Key(Key::UseExpiryFromToken)],
        limit: single(16),
    },
    FieldInfo {
        field: Field::ExtraParams,
        key: "extra-params",
        label: "Extra parameters",
        help: "Extra query parameters for authentik's login page, one key=value per line, such as prompt=login.",
        link: links::HEADSCALE_CONFIG,
        share: Some("params"),
        attribute: None,
        private: None,
        headscale: &[Setting::Key(Key::ExtraParams)],
        limit: list(32, 4096),
    },
    FieldInfo {
        field: Field::EmailVerifiedRequired,
        key: "email-verified-required",
        label: "Require a verified email",
        help: "From Headscale 0.28, allowed users and domains only accept emails that authentik marks as verified.",
        link: links::HEADSCALE_OIDC,
        share: Some("verified_required"),
        attribute: None,
        private: None,
        headscale: &[Setting::Key(Key::EmailVerifiedRequired)],
        limit: single(16),
    },
    FieldInfo {
        field: Field::AuthentikVersion,
        key: "authentik-version",
        label: "authentik version",
        help: "The authentik release you run, shown on the Version card of the admin interface's Overview page. Redirect URIs, flows and grant types changed between releases.",
        link: links::AUTHENTIK_RELEASES,
        share: Some("ak_version"),
        attribute: Some("data-authentik-version"),
        private: None,
        headscale: &[],
        limit: single(32),
    },
    FieldInfo {
        field: Field::VerifiedEmailMapping,
        key: "verified-email-mapping",
        label: "Mark authentik emails as verified",
        help: "authentik 2025.10 and later send email_verified: false unless told otherwise. This adds a scope mapping that sends true; only do it if users cannot set their own email.",
        link: links::AUTHENTIK_RELEASE_2025_10,
        share: Some("mark_verified"),
        attribute: None,
        private: None,
        headscale: &[],
        limit: single(16),
    },
    FieldInfo {
        field: Field::ImportText,
        key: "import",
        label: "Import Headscale config",
        help: "Paste a whole config.yaml, only its oidc: section, or HEADSCALE_* environment variables, or what a failed login shows: log lines, a page, an answer of authentik. Nothing changes until you apply it.",
        link: links::HEADSCALE_CONFIG,
        share: None,
        attribute: None,
        private: None,
        headscale: &[],
        // Four times Headscale's whole commented example configuration. The YAML parser takes
        // about 20 ms (native) for this much; a megabyte took long enough to freeze the page.
        limit: single(64 << 10),
    },
];

/// What each field's help says about Headscale or authentik rests on, per field. The tests
/// fail on a field without an entry.
pub const HELP_EVIDENCE: &[(Field, &[Evidence])] = &[
    (Field::HeadscaleUrl, &[c::HS_REDIRECT_URL]),
    (Field::AuthentikUrl, &[c::AK_URL_ISSUER, c::AK_MODEL_ISSUER]),
    (Field::AppName, &[c::AK_SCHEMA_2025_12]),
    (Field::Slug, &[c::AK_URL_ISSUER, c::AK_MODEL_ISSUER]),
    (Field::ClientId, &[c::AK_FORM_CLIENT_ID, c::HS_CLIENT_ID]),
    (Field::ClientSecret, &[c::AK_FORM_CLIENT_SECRET, c::HS_CLIENT_SECRET]),
    (Field::Scopes, &[c::AK_SCOPE_OPENID, c::AK_SCOPE_EMAIL, c::AK_SCOPE_PROFILE_GROUPS, c::HS_KEY_SCOPE]),
    (Field::AllowedGroups, &[c::AK_SCOPE_PROFILE_GROUPS, c::HS_ALLOWED_GROUPS]),
    (Field::AllowedUsers, &[c::HS_ALLOWED_USERS]),
    (Field::AllowedDomains, &[c::HS_ALLOWED_DOMAINS]),
    (Field::PkceEnabled, &[c::HS_KEY_PKCE_ENABLED, c::AK_TOKEN_PKCE]),
    (Field::PkceMethod, &[c::HS_PKCE_S256, c::HS_PKCE_PLAIN]),
    (Field::HeadscaleVersion, &[c::HS_RELEASE_29, c::HS_KEY_NODE_EXPIRY]),
    (Field::SecretDelivery, &[c::HS_SECRET_PATH_READ, c::HS_ENV_KEYS]),
    (Field::ClientSecretPath, &[c::HS_SECRET_PATH_READ, c::HS_EXAMPLE_SECRET_PATH]),
    (Field::OnlyStartIfOidcIsAvailable, &[c::HS_ONLY_START, c::HS_ONLY_START_FALLBACK]),
    (Field::Expiry, &[c::HS_DEFAULT_EXPIRY, c::HS_DEFAULT_NODE_EXPIRY, c::HS_NODE_EXPIRY_EVERY_NODE]),
    (Field::UseExpiryFromToken, &[c::HS_EXPIRY_FROM_TOKEN, c::AK_ID_TOKEN_EXPIRY]),
    (Field::ExtraParams, &[c::HS_EXTRA_PARAMS, c::HS_READ_EXTRA_PARAMS, c::HS_EXAMPLE_EXTRA_PARAMS, c::CAST_MAP_JSON]),
    (Field::EmailVerifiedRequired, &[c::HS_KEY_EMAIL_VERIFIED_REQUIRED, c::HS_TRUST_EMAIL]),
    (Field::AuthentikVersion, &[c::AK_VERSION_CARD]),
    (Field::VerifiedEmailMapping, &[c::AK_NOTES_2025_10, c::AK_SCOPE_EMAIL_UNVERIFIED]),
    (Field::ImportText, &[c::HS_ENV_KEYS]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_row_sits_at_its_fields_place() {
        assert_eq!(FIELDS.len(), Field::ALL.len() + 1);
        for (index, info) in FIELDS.iter().enumerate() {
            assert_eq!(info.field as usize, index, "{:?} is out of place", info.field);
            assert_eq!(info.field.info().key, info.key);
        }
    }

    #[test]
    fn keys_and_attributes_name_one_field_each() {
        let columns: [fn(&FieldInfo) -> Option<&'static str>; 4] =
            [|info| Some(info.key), |info| info.share, |info| info.attribute, |info| info.private];
        for column in columns {
            let mut names: Vec<&str> = FIELDS.iter().filter_map(column).collect();
            let count = names.len();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), count, "a name is used twice in {names:?}");
        }
        assert!(FIELDS.iter().filter_map(|info| info.attribute).all(|name| name.starts_with("data-")));
    }
}
