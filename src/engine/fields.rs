//! The fields of the form, one row each in [`form_fields!`]: the field, its member of
//! [`Inputs`](crate::engine::inputs::Inputs) with its type and default, its [`Kind`], its label,
//! help and link, its key in share links, its embed attribute, whether a link may leave it out,
//! the Headscale settings it maps to, its limit and what its help rests on. The form, share
//! links, embedding, the limits, the checks and the import all read this table; adding a field
//! is one row here plus its behaviour.

use crate::engine::citations as c;
use crate::engine::evidence::Evidence;
use crate::engine::links::{self, Link};
use crate::engine::lists;
use crate::engine::versions::keys::{Key, Setting};

/// What a field holds, which decides how its text is split into entries, where a line break
/// may stand, whether a guide's placeholder can take its place, and which control the form
/// shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A value of the reader's own setup: an address, a name, an identifier, a secret, a path.
    /// Guides show a placeholder in its place.
    Text,
    /// A value in Headscale's own terms, such as a duration or a method.
    Term,
    /// The reader's own names, one per line, each trimmed: group names may hold spaces and
    /// commas.
    Lines,
    /// The reader's own addresses or domains, separated by white space or commas.
    Words,
    /// Words in Headscale's own terms (scopes), separated by white space or commas, on one line.
    Terms,
    /// `key=value`, one per line.
    Pairs,
    /// On or off.
    Flag,
    /// One of a fixed set (a release, how the secret is delivered), kept as its own type.
    Choice,
}

impl Kind {
    /// Whether the field holds several entries.
    pub fn is_list(self) -> bool {
        matches!(self, Kind::Lines | Kind::Words | Kind::Terms | Kind::Pairs)
    }

    /// The entries of a list field's text (duplicates dropped, the first kept); `None` for other
    /// kinds, and for pairs, which [`lists::key_values`] reads.
    pub fn split(self, text: &str) -> Option<Vec<String>> {
        match self {
            Kind::Lines => Some(lists::lines(text)),
            Kind::Words | Kind::Terms => Some(lists::words(text)),
            _ => None,
        }
    }

    /// How many entries the text holds, counting repeats, for the field's limit.
    pub fn count(self, text: &str) -> usize {
        match self {
            Kind::Lines | Kind::Pairs => text.lines().filter(|line| !line.trim().is_empty()).count(),
            _ => text.split(|c: char| c.is_whitespace() || c == ',').filter(|word| !word.is_empty()).count(),
        }
    }

    /// Whether `character` may separate the entries of the field's text: a line break in every
    /// list, a tab too where white space separates.
    pub fn separates(self, character: char) -> bool {
        match self {
            Kind::Lines | Kind::Pairs => matches!(character, '\n' | '\r'),
            Kind::Words | Kind::Terms => matches!(character, '\n' | '\r' | '\t'),
            _ => false,
        }
    }

    /// What joins entries in the form: a line each where the form shows several lines.
    pub fn joiner(self) -> &'static str {
        match self {
            Kind::Terms => " ",
            _ => "\n",
        }
    }

    /// Whether a guide's placeholder (`<client_id>`, `your-domain`) may stand in the field: the
    /// reader's own values, never Headscale's terms.
    pub fn takes_placeholders(self) -> bool {
        matches!(self, Kind::Text | Kind::Lines | Kind::Words)
    }
}

/// A group of the form, the column of the field table that lays the form out; what a group
/// holds and when it opens is in [`crate::engine::groups`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// Host names, slug, allowed groups and versions: what almost everyone changes.
    Essentials,
    Application,
    Access,
    Secret,
    Protocol,
}

impl Group {
    pub const ALL: [Group; 5] = [Group::Essentials, Group::Application, Group::Access, Group::Secret, Group::Protocol];
}

/// Every field of the form, one row each. Hands the rows to `$build`, which makes of them the
/// field table here ([`field_table!`]) and the inputs in [`crate::engine::inputs`].
macro_rules! form_fields {
    ($build:ident) => {
        $build! {
            HeadscaleUrl => headscale_url: String = "https://headscale.company".into(), Text {
                key "headscale-url", label "Headscale URL",
                help "The public URL of Headscale, the server_url of its config.yaml. A bare host such as headscale.example.com is enough.",
                link links::HEADSCALE_CONFIG, share "hs", attribute "data-headscale-url", private "the Headscale address",
                headscale [Setting::ServerUrl], limit single(512),
                form Essentials 1,
                evidence [c::HS_REDIRECT_URL]
            };
            AuthentikUrl => authentik_url: String = "https://authentik.company".into(), Text {
                key "authentik-url", label "authentik URL",
                help "The URL users open to reach authentik, without /application/o/…; include the sub-path if authentik runs under one.",
                link links::AUTHENTIK_GUIDE, share "ak", attribute "data-authentik-url", private "the authentik address",
                headscale [Setting::Key(Key::Issuer)], limit single(512),
                form Essentials 2,
                evidence [c::AK_URL_ISSUER, c::AK_MODEL_ISSUER]
            };
            AppName => app_name: String = "Headscale".into(), Text {
                key "app-name", label "Application name",
                help "The application's name in authentik.",
                link links::AUTHENTIK_APPLICATIONS, share "name", attribute "data-app-name", private "the app's name",
                // authentik keeps 255; longer IDs and secrets get its own, more precise check.
                headscale [], limit single(255),
                form Application 1,
                evidence [c::AK_SCHEMA_2025_12]
            };
            Slug => slug: String = "headscale".into(), Text {
                key "slug", label "Application slug",
                help "The application's slug in authentik (Applications → Applications). The issuer URL is built from it.",
                link links::AUTHENTIK_APPLICATIONS, share "slug", attribute "data-slug", private "the slug",
                headscale [Setting::Key(Key::Issuer)], limit single(255),
                form Essentials 3,
                evidence [c::AK_URL_ISSUER, c::AK_MODEL_ISSUER]
            };
            ClientId => client_id: String = String::new(), Text {
                key "client-id", label "Client ID",
                help "Shown on the provider's page in authentik (Applications → Providers). Paste it here, or keep this one and enter it there.",
                link links::AUTHENTIK_OAUTH2, share "client_id", private "the client's identifier",
                headscale [Setting::Key(Key::ClientId)], limit single(1024),
                form Application 2,
                evidence [c::AK_FORM_CLIENT_ID, c::HS_CLIENT_ID]
            };
            ClientSecret => client_secret: String = String::new(), Text {
                key "client-secret", label "Client secret",
                help "Shown on the same provider page. It never leaves this browser.",
                link links::AUTHENTIK_OAUTH2,
                headscale [Setting::Key(Key::ClientSecret)], limit single(1024),
                form Application 3,
                evidence [c::AK_FORM_CLIENT_SECRET, c::HS_CLIENT_SECRET]
            };
            /// Space-separated OIDC scopes.
            Scopes => scopes: String = "openid profile email".into(), Terms {
                key "scopes", label "Scopes",
                help "What Headscale asks authentik for, separated by spaces: openid makes it an OpenID Connect login, email carries the address, profile the groups.",
                link links::HEADSCALE_OIDC, share "scope", attribute "data-scopes",
                headscale [Setting::Key(Key::Scope)], limit list(32, 1024),
                form Protocol 1,
                evidence [c::AK_SCOPE_OPENID, c::AK_SCOPE_EMAIL, c::AK_SCOPE_PROFILE_GROUPS, c::HS_KEY_SCOPE]
            };
            /// One group per line (authentik group names may contain spaces and commas).
            AllowedGroups => allowed_groups: String = String::new(), Lines {
                key "allowed-groups", label "Allowed groups",
                help "authentik group names, one per line, exactly as in Directory → Groups. Leave empty for no group filter.",
                link links::HEADSCALE_OIDC, share "groups", attribute "data-allowed-groups", private "the group list",
                headscale [Setting::Key(Key::AllowedGroups)], limit list(50, 5_000),
                form Essentials 4, example "headscale-users",
                evidence [c::AK_SCOPE_PROFILE_GROUPS, c::HS_ALLOWED_GROUPS]
            };
            /// Email addresses, separated by new lines, spaces or commas.
            AllowedUsers => allowed_users: String = String::new(), Words {
                key "allowed-users", label "Allowed users",
                help "Email addresses that may log in. Leave empty for no user filter.",
                link links::HEADSCALE_OIDC, share "users", private "the user list",
                headscale [Setting::Key(Key::AllowedUsers)], limit list(500, 40_000),
                form Access 1, example "alice@example.com",
                evidence [c::HS_ALLOWED_USERS]
            };
            /// Domain names, separated by new lines, spaces or commas.
            AllowedDomains => allowed_domains: String = String::new(), Words {
                key "allowed-domains", label "Allowed domains",
                help "Email domains that may log in, such as example.com. Leave empty for no domain filter.",
                link links::HEADSCALE_OIDC, share "domains", private "the domain list",
                headscale [Setting::Key(Key::AllowedDomains)], limit list(50, 5_000),
                form Access 2, example "example.com",
                evidence [c::HS_ALLOWED_DOMAINS]
            };
            PkceEnabled => pkce_enabled: bool = true, Flag {
                key "pkce-enabled", label "Use PKCE",
                help "Proof Key for Code Exchange ties the login code to this login; authentik supports it without extra settings. Read from Headscale 0.24.",
                link links::HEADSCALE_OIDC, share "pkce",
                headscale [Setting::Key(Key::PkceEnabled), Setting::SectionOf(Key::PkceEnabled)], limit single(16),
                form Protocol 2,
                evidence [c::HS_KEY_PKCE_ENABLED, c::AK_TOKEN_PKCE]
            };
            /// `S256` or `plain`; kept as text so a wrong case can be shown and explained.
            PkceMethod => pkce_method: String = "S256".into(), Term {
                key "pkce-method", label "PKCE method",
                help "S256 sends a hash of the verifier and is recommended; plain sends the verifier itself.",
                link links::HEADSCALE_OIDC, share "pkce_method",
                headscale [Setting::Key(Key::PkceMethod)], limit single(64),
                form Protocol 3,
                evidence [c::HS_PKCE_S256, c::HS_PKCE_PLAIN]
            };
            HeadscaleVersion => headscale_version: HeadscaleVersion = HeadscaleVersion::NEWEST, Choice {
                key "headscale-version", label "Headscale version",
                help "The Headscale release you run (headscale version). Keys were added and removed between releases; the output only uses what yours reads.",
                link links::HEADSCALE_CHANGELOG, share "hs_version", attribute "data-headscale-version",
                headscale [], limit single(32),
                form Essentials 5,
                evidence [c::HS_RELEASE_29, c::HS_KEY_NODE_EXPIRY]
            };
            SecretDelivery => secret_delivery: SecretDelivery = SecretDelivery::Inline, Choice {
                key "secret-delivery", label "How Headscale reads the secret",
                help "Keep the secret out of config.yaml by putting it in a file only Headscale can read, or in Headscale's environment.",
                link links::HEADSCALE_OIDC, share "secret_from",
                headscale [Setting::Key(Key::ClientSecretPath), Setting::Key(Key::ClientSecret)], limit single(32),
                form Secret 1,
                evidence [c::HS_SECRET_PATH_READ, c::HS_ENV_KEYS]
            };
            ClientSecretPath => client_secret_path: String = SYSTEMD_SECRET_PATH.into(), Text {
                key "client-secret-path", label "Secret file path",
                help "The file Headscale reads the secret from; ${VARIABLES} are expanded. Under systemd, LoadCredential= puts it below ${CREDENTIALS_DIRECTORY}.",
                link links::HEADSCALE_OIDC, share "secret_path", private "the path of the secret file",
                headscale [Setting::Key(Key::ClientSecretPath), Setting::Key(Key::ClientSecret)], limit single(1024),
                form Secret 2,
                evidence [c::HS_SECRET_PATH_READ, c::HS_EXAMPLE_SECRET_PATH]
            };
            OnlyStartIfOidcIsAvailable => only_start_if_oidc_is_available: bool = true, Flag {
                key "only-start", label "Only start Headscale when authentik answers",
                help "When on, Headscale refuses to start while authentik is unreachable. When off, it starts without login through authentik and does not retry.",
                link links::HEADSCALE_CONFIG, share "only_start",
                headscale [Setting::Key(Key::OnlyStartIfOidcIsAvailable)], limit single(16),
                form Secret 5,
                evidence [c::HS_ONLY_START, c::HS_ONLY_START_FALLBACK]
            };
            /// How long a node logged in through OIDC stays valid: `oidc.expiry` up to 0.28,
            /// `node.expiry` from 0.29. Empty means Headscale's default.
            // Headscale's old default, which 0.29 no longer applies by itself.
            Expiry => expiry: String = "180d".into(), Term {
                key "expiry", label "Node expiry",
                help "How long a node stays valid, such as 180d, 12w or 0 for never. Up to 0.28 this is oidc.expiry, for nodes logged in through authentik (default 180d); from 0.29 it is node.expiry, for every node however it registers (default never).",
                link links::HEADSCALE_OIDC, share "expiry",
                headscale [Setting::Key(Key::NodeExpiry), Setting::Key(Key::Expiry)], limit single(64),
                form Secret 3,
                evidence [c::HS_DEFAULT_EXPIRY, c::HS_DEFAULT_NODE_EXPIRY, c::HS_NODE_EXPIRY_EVERY_NODE]
            };
            UseExpiryFromToken => use_expiry_from_token: bool = false, Flag {
                key "use-expiry-from-token", label "Expire nodes with the ID token",
                help "Let the node expire when authentik's ID token does, instead of after the node expiry.",
                link links::HEADSCALE_OIDC, share "token_expiry",
                headscale [Setting::Key(Key::UseExpiryFromToken)], limit single(16),
                form Secret 4,
                evidence [c::HS_EXPIRY_FROM_TOKEN, c::AK_ID_TOKEN_EXPIRY]
            };
            /// `key=value`, one per line.
            ExtraParams => extra_params: String = String::new(), Pairs {
                key "extra-params", label "Extra parameters",
                help "Extra query parameters for authentik's login page, one key=value per line, such as prompt=login.",
                link links::HEADSCALE_CONFIG, share "params",
                headscale [Setting::Key(Key::ExtraParams)], limit list(32, 4096),
                form Protocol 4, example "prompt=login",
                evidence [c::HS_EXTRA_PARAMS, c::HS_READ_EXTRA_PARAMS, c::HS_EXAMPLE_EXTRA_PARAMS, c::CAST_MAP_JSON]
            };
            EmailVerifiedRequired => email_verified_required: bool = true, Flag {
                key "email-verified-required", label "Require a verified email",
                help "From Headscale 0.28, allowed users and domains only accept emails that authentik marks as verified.",
                link links::HEADSCALE_OIDC, share "verified_required",
                headscale [Setting::Key(Key::EmailVerifiedRequired)], limit single(16),
                form Access 3,
                evidence [c::HS_KEY_EMAIL_VERIFIED_REQUIRED, c::HS_TRUST_EMAIL]
            };
            AuthentikVersion => authentik_version: AuthentikVersion = AuthentikVersion::default(), Choice {
                key "authentik-version", label "authentik version",
                help "The authentik release you run, shown on the Version card of the admin interface's Overview page. Redirect URIs, flows and grant types changed between releases.",
                link links::AUTHENTIK_RELEASES, share "ak_version", attribute "data-authentik-version",
                headscale [], limit single(32),
                form Essentials 6,
                evidence [c::AK_VERSION_CARD]
            };
            /// Replace authentik's email mapping with one that marks every email as verified.
            VerifiedEmailMapping => verified_email_mapping: bool = false, Flag {
                key "verified-email-mapping", label "Mark authentik emails as verified",
                help "authentik 2025.10 and later send email_verified: false unless told otherwise. This adds a scope mapping that sends true; only do it if users cannot set their own email.",
                link links::AUTHENTIK_RELEASE_2025_10, share "mark_verified",
                headscale [], limit single(16),
                form Access 4,
                evidence [c::AK_NOTES_2025_10, c::AK_SCOPE_EMAIL_UNVERIFIED]
            };
        }
    };
}
pub(crate) use form_fields;

macro_rules! optional {
    () => {
        None
    };
    ($value:expr) => {
        Some($value)
    };
}

/// Builds [`Field`], [`FIELDS`] and [`HELP_EVIDENCE`] from the rows of [`form_fields!`].
macro_rules! field_table {
    ($($(#[$doc:meta])* $field:ident => $member:ident: $ty:ty = $default:expr, $kind:ident {
        key $key:literal, label $label:literal, help $help:literal, link $link:expr,
        $(share $share:literal,)? $(attribute $attribute:literal,)? $(private $private:literal,)?
        headscale [$($setting:expr),*], limit $limit:expr,
        form $group:ident $place:literal, $(example $example:literal,)? evidence [$($evidence:expr),*]
    };)+) => {
        /// One input of the form. Checks name the field they belong to, and the UI shows them there.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field {
            $($field,)+
            /// The import box: problems of a pasted configuration that no form field owns.
            ImportText,
        }

        const FORM_FIELDS: usize = [$(stringify!($field)),+].len();

        impl Field {
            /// Every field of the form; the import box is not one of them.
            pub const ALL: [Field; FORM_FIELDS] = [$(Field::$field),+];
        }

        /// Every field, in the order of [`Field`].
        pub(crate) const FIELDS: &[FieldInfo] = &[
            $(FieldInfo {
                field: Field::$field,
                key: $key,
                label: $label,
                help: $help,
                link: $link,
                kind: Kind::$kind,
                share: optional!($($share)?),
                attribute: optional!($($attribute)?),
                private: optional!($($private)?),
                headscale: &[$($setting),*],
                limit: $limit,
                group: Some(Group::$group),
                place: $place,
                example: optional!($($example)?),
            },)+
            IMPORT_TEXT,
        ];

        /// What each field's help says about Headscale or authentik rests on, per field. The
        /// tests fail on a field without an entry.
        pub const HELP_EVIDENCE: &[(Field, &[Evidence])] = &[
            $((Field::$field, &[$($evidence),*]),)+
            (Field::ImportText, IMPORT_TEXT_EVIDENCE),
        ];
    };
}

form_fields!(field_table);

/// The import box, which is no input: it holds the text to import until it is applied.
const IMPORT_TEXT: FieldInfo = FieldInfo {
    field: Field::ImportText,
    key: "import",
    label: "Import Headscale config",
    help: "Paste a whole config.yaml, only its oidc: section, or HEADSCALE_* environment variables, or what a failed login shows: log lines, a page, an answer of authentik. Nothing changes until you apply it.",
    link: links::HEADSCALE_CONFIG,
    kind: Kind::Text,
    share: None,
    attribute: None,
    private: None,
    headscale: &[],
    group: None,
    place: 0,
    example: None,
    // Four times Headscale's whole commented example configuration. The YAML parser takes
    // about 20 ms (native) for this much; a megabyte took long enough to freeze the page.
    limit: single(64 << 10),
};

const IMPORT_TEXT_EVIDENCE: &[Evidence] = &[c::HS_ENV_KEYS];

impl Field {
    /// Fields that only take one of a fixed set of values (releases, secret delivery).
    pub fn is_choice(self) -> bool {
        self.kind() == Kind::Choice
    }

    /// What the field holds.
    pub fn kind(self) -> Kind {
        self.info().kind
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
    pub kind: Kind,
    /// Its key in share links and saved state. Keys never change once released. The client
    /// secret has none: a share link cannot carry it, whatever the inputs (saved state adds it
    /// under its own key, only when the reader asks to remember it).
    pub share: Option<&'static str>,
    /// The `data-` attribute of the mount element that sets its default.
    pub attribute: Option<&'static str>,
    /// For fields a reader may want to keep out of links (the ones that name their
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
    /// The group of the form that shows the field (none for the import box), and its place
    /// there, counted from 1.
    pub group: Option<Group>,
    pub place: u8,
    /// What a list field's empty box shows as an example of one entry.
    pub example: Option<&'static str>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_row_sits_at_its_fields_place() {
        assert_eq!(FIELDS.len(), Field::ALL.len() + 1);
        for (index, info) in FIELDS.iter().enumerate() {
            assert_eq!(info.field as usize, index, "{:?} is out of place", info.field);
            assert_eq!(info.field.info().key, info.key);
            assert_eq!(info.field.key(), info.key);
        }
    }

    #[test]
    fn only_lists_have_a_limit_of_entries() {
        for info in FIELDS {
            assert_eq!(info.limit.entries.is_some(), info.kind.is_list(), "{:?}", info.field);
        }
    }

    #[test]
    fn each_kind_splits_as_the_form_shows_it() {
        assert_eq!(
            Kind::Lines.split("Admins, Ops\n ops \n\n"),
            Some(vec!["Admins, Ops".to_string(), "ops".to_string()])
        );
        assert_eq!(Kind::Words.split("a@x b@x,a@x"), Some(vec!["a@x".to_string(), "b@x".to_string()]));
        assert_eq!(Kind::Text.split("a b"), None);
        assert_eq!((Kind::Words.count("a, a\tb"), Kind::Pairs.count("a=1\n\n b=2")), (3, 2));
        assert!(Kind::Words.separates('\t') && !Kind::Lines.separates('\t') && !Kind::Text.separates('\n'));
        assert_eq!((Kind::Terms.joiner(), Kind::Words.joiner()), (" ", "\n"));
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
