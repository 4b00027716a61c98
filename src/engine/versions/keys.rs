//! Every key of Headscale's login configuration, declared once: its path in config.yaml, the
//! type of value it holds (which decides how Headscale reads text into it and how the outputs
//! write it), the releases that read it, refuse it or default it, the comment the YAML writes
//! above it, and what those facts rest on.
//!
//! Everything else is derived from the rows of [`headscale_keys!`]: the [`Key`] enum, the
//! [`KEYS`] table, [`Settings`] (one member per key), the environment variable (`HEADSCALE_` and
//! the path), the YAML's and the environment's key order, how the configuration is read back and
//! carried across the import's worker, and [`KEY_EVIDENCE`].

use crate::engine::citations as c;
use crate::engine::evidence::Evidence;
use crate::engine::versions::headscale::HeadscaleVersion;

/// The type of value a key holds, which decides how Headscale reads text into it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Flag,
    /// A list; from text (a single YAML string or an environment variable), split at white space.
    List(Entries),
    /// A map of strings; from an environment variable, JSON.
    Map,
}

/// What the entries of a list are, which decides what the form cannot hold as Headscale reads
/// it (see [`crate::engine::headscale::read`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entries {
    /// Any text (scopes).
    Any,
    /// Names, one per line in the form, which trims each.
    Names(&'static str),
    /// Addresses or domains: the form splits them at white space and commas.
    Words(&'static str),
}

/// One key's value, by its [`Kind`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Flag(bool),
    List(Vec<String>),
    Map(Vec<(String, String)>),
}

/// One key's value, borrowed from [`Settings`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueRef<'a> {
    Text(&'a str),
    Flag(bool),
    List(&'a [String]),
    Map(&'a [(String, String)]),
}

/// One key: where it lives, the value it holds, from which release it is read, from which it is
/// fatal, and its default value over time.
#[derive(Debug)]
pub struct KeyRule {
    pub key: Key,
    /// Dotted path in config.yaml.
    pub path: &'static str,
    pub kind: Kind,
    pub since: HeadscaleVersion,
    pub fatal_from: Option<HeadscaleVersion>,
    /// `(from release, default)`, oldest first; the last entry not newer than a release applies.
    pub defaults: &'static [(HeadscaleVersion, &'static str)],
    /// The comment the YAML writes above the key, one line per `\n`; `{version}` is the
    /// release's label. A key outside the `oidc:` section is introduced by its note, at the top
    /// level, since it is merged into a section config.yaml already has.
    pub note: Option<&'static str>,
}

/// Where Headscale reads a key, where it made the key fatal, and where each default is set.
#[derive(Debug)]
pub struct KeyEvidence {
    pub key: Key,
    /// A line reading the key in the release it is read from.
    pub read: Evidence,
    /// The line that stops Headscale when the key is set, in the release that made it fatal.
    pub removed: Option<Evidence>,
    /// One line per entry of the key's `defaults`, in the release it applies from.
    pub defaults: &'static [Evidence],
}

/// The Rust type of a key's value in [`Settings`].
macro_rules! value_type {
    (Text) => { String };
    (Flag) => { bool };
    (List) => { Vec<String> };
    (Map) => { Vec<(String, String)> };
}

/// A member of [`Settings`] as a [`ValueRef`].
trait AsValueRef {
    fn as_value_ref(&self) -> ValueRef<'_>;
}

impl AsValueRef for String {
    fn as_value_ref(&self) -> ValueRef<'_> {
        ValueRef::Text(self)
    }
}

impl AsValueRef for bool {
    fn as_value_ref(&self) -> ValueRef<'_> {
        ValueRef::Flag(*self)
    }
}

impl AsValueRef for Vec<String> {
    fn as_value_ref(&self) -> ValueRef<'_> {
        ValueRef::List(self)
    }
}

impl AsValueRef for Vec<(String, String)> {
    fn as_value_ref(&self) -> ValueRef<'_> {
        ValueRef::Map(self)
    }
}

const fn version(minor: Option<u8>) -> Option<HeadscaleVersion> {
    match minor {
        Some(minor) => Some(HeadscaleVersion(minor)),
        None => None,
    }
}

macro_rules! optional {
    () => {
        None
    };
    ($value:expr) => {
        Some($value)
    };
}

macro_rules! headscale_keys {
    ($($(#[$doc:meta])* $key:ident => $member:ident: $kind:ident $(($entries:expr))?, $path:literal,
        read from $since:literal $(, fatal from $fatal:literal)?,
        defaults [$($from:literal => $default:literal),*] $(, note $note:literal)?,
        evidence { read: $read:expr $(, removed: $removed:expr)?, defaults: [$($defaulted:expr),*] };)+) => {
        /// A setting Headscale reads from its configuration.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Key { $($key),+ }

        /// Every key of Headscale's OIDC configuration, in the order of its example
        /// configuration, which is also the order the outputs write them in.
        pub const KEYS: &[KeyRule] = &[$(KeyRule {
            key: Key::$key,
            path: $path,
            kind: Kind::$kind $(($entries))?,
            since: HeadscaleVersion($since),
            fatal_from: version(optional!($($fatal)?)),
            defaults: &[$((HeadscaleVersion($from), $default)),*],
            note: optional!($($note)?),
        }),+];

        /// The evidence of every row of [`KEYS`], in the same order.
        pub const KEY_EVIDENCE: &[KeyEvidence] = &[$(KeyEvidence {
            key: Key::$key,
            read: $read,
            removed: optional!($($removed)?),
            defaults: &[$($defaulted),*],
        }),+];

        /// Headscale's login configuration as Headscale reads it: one value per key, whether it
        /// comes from config.yaml or the environment. The outputs are written from it, parsed
        /// back into it, and the document-level checks look at it.
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        pub struct Settings {
            $($(#[$doc])* pub $member: Option<value_type!($kind)>,)+
        }

        impl Settings {
            /// The value of one key, if it has one.
            pub fn value(&self, key: Key) -> Option<ValueRef<'_>> {
                match key {
                    $(Key::$key => self.$member.as_ref().map(AsValueRef::as_value_ref)),+
                }
            }

            /// Sets or removes the value of one key; a value of another kind than the key's
            /// removes it.
            pub fn set(&mut self, key: Key, value: Option<Value>) {
                match key {
                    $(Key::$key => self.$member = match value {
                        Some(Value::$kind(value)) => Some(value),
                        _ => None,
                    }),+
                }
            }
        }
    };
}

headscale_keys! {
    OnlyStartIfOidcIsAvailable => only_start_if_oidc_is_available: Flag, "oidc.only_start_if_oidc_is_available",
        read from 22, defaults [22 => "true"], note "Refuse to start while authentik cannot be reached.",
        evidence { read: c::HS_KEY_ONLY_START, defaults: [c::HS_KEY_ONLY_START] };
    Issuer => issuer: Text, "oidc.issuer",
        read from 22, defaults [], note "authentik's issuer for this application; the trailing slash is part of it.",
        evidence { read: c::HS_KEY_ISSUER, defaults: [] };
    ClientId => client_id: Text, "oidc.client_id",
        read from 22, defaults [],
        evidence { read: c::HS_KEY_CLIENT_ID, defaults: [] };
    ClientSecret => client_secret: Text, "oidc.client_secret",
        read from 22, defaults [],
        evidence { read: c::HS_KEY_CLIENT_SECRET, defaults: [] };
    ClientSecretPath => client_secret_path: Text, "oidc.client_secret_path",
        read from 22, defaults [], note "The secret is read from this file at startup; ${VARIABLES} are expanded.",
        evidence { read: c::HS_KEY_CLIENT_SECRET_PATH, defaults: [] };
    Expiry => expiry: Text, "oidc.expiry",
        read from 22, fatal from 29, defaults [22 => "180d"],
        note "How long a node logged in through authentik stays valid (0: for ever).",
        evidence { read: c::HS_KEY_EXPIRY, removed: c::HS_EXPIRY_REMOVED, defaults: [c::HS_DEFAULT_EXPIRY] };
    UseExpiryFromToken => use_expiry_from_token: Flag, "oidc.use_expiry_from_token",
        read from 22, defaults [22 => "false"],
        evidence { read: c::HS_KEY_USE_EXPIRY_FROM_TOKEN, defaults: [c::HS_DEFAULT_USE_EXPIRY_FROM_TOKEN] };
    Scope => scope: List(Entries::Any), "oidc.scope",
        read from 22, defaults [22 => "openid profile email"],
        evidence { read: c::HS_KEY_SCOPE, defaults: [c::HS_DEFAULT_SCOPE] };
    ExtraParams => extra_params: Map, "oidc.extra_params",
        read from 22, defaults [], note "Added to the login request sent to authentik.",
        evidence { read: c::HS_KEY_EXTRA_PARAMS, defaults: [] };
    AllowedDomains => allowed_domains: List(Entries::Words("domain")), "oidc.allowed_domains",
        read from 22, defaults [], note "Only emails in these domains may log in.",
        evidence { read: c::HS_KEY_ALLOWED_DOMAINS, defaults: [] };
    AllowedUsers => allowed_users: List(Entries::Words("address")), "oidc.allowed_users",
        read from 22, defaults [], note "Only these emails may log in.",
        evidence { read: c::HS_KEY_ALLOWED_USERS, defaults: [] };
    AllowedGroups => allowed_groups: List(Entries::Names("group name")), "oidc.allowed_groups",
        read from 22, defaults [], note "Only members of one of these authentik groups may log in (exact names).",
        evidence { read: c::HS_KEY_ALLOWED_GROUPS, defaults: [] };
    StripEmailDomain => strip_email_domain: Flag, "oidc.strip_email_domain",
        read from 22, fatal from 26, defaults [22 => "true"],
        evidence {
            read: c::HS_KEY_STRIP_EMAIL_DOMAIN,
            removed: c::HS_STRIP_EMAIL_DOMAIN_REMOVED,
            defaults: [c::HS_DEFAULT_STRIP_EMAIL_DOMAIN]
        };
    MapLegacyUsers => map_legacy_users: Flag, "oidc.map_legacy_users",
        read from 24, fatal from 26, defaults [24 => "true", 25 => "false"],
        evidence {
            read: c::HS_KEY_MAP_LEGACY_USERS,
            removed: c::HS_MAP_LEGACY_USERS_REMOVED,
            defaults: [c::HS_DEFAULT_MAP_LEGACY_USERS_24, c::HS_DEFAULT_MAP_LEGACY_USERS_25]
        };
    PkceEnabled => pkce_enabled: Flag, "oidc.pkce.enabled",
        read from 24, defaults [24 => "false"],
        evidence { read: c::HS_KEY_PKCE_ENABLED, defaults: [c::HS_DEFAULT_PKCE_ENABLED] };
    PkceMethod => pkce_method: Text, "oidc.pkce.method",
        read from 24, defaults [24 => "S256"],
        evidence { read: c::HS_KEY_PKCE_METHOD, defaults: [c::HS_DEFAULT_PKCE_METHOD] };
    EmailVerifiedRequired => email_verified_required: Flag, "oidc.email_verified_required",
        read from 28, defaults [28 => "true"],
        note "Allowed users and domains only accept emails authentik marks as verified.",
        evidence { read: c::HS_KEY_EMAIL_VERIFIED_REQUIRED, defaults: [c::HS_DEFAULT_EMAIL_VERIFIED_REQUIRED] };
    NodeExpiry => node_expiry: Text, "node.expiry",
        read from 29, defaults [29 => "0"],
        note "Headscale {version} reads the node expiry here: merge it into the node: section\nconfig.yaml already has. 0 means nodes never expire.",
        evidence { read: c::HS_KEY_NODE_EXPIRY, defaults: [c::HS_DEFAULT_NODE_EXPIRY] };
}

/// The section of config.yaml that holds the login configuration.
pub const LOGIN_SECTION: &str = "oidc";

/// The one setting outside the login configuration the playground reads: Headscale's own URL.
pub const SERVER_URL: &str = "server_url";

/// A place in Headscale's configuration a form field's value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    /// [`SERVER_URL`].
    ServerUrl,
    Key(Key),
    /// The section that holds a key (`oidc.pkce` for `oidc.pkce.enabled`).
    SectionOf(Key),
}

impl Setting {
    /// The dotted path in config.yaml.
    pub fn path(self) -> &'static str {
        match self {
            Setting::ServerUrl => SERVER_URL,
            Setting::Key(key) => key.path(),
            Setting::SectionOf(key) => key.section(),
        }
    }

    /// The Headscale key, if the place is one.
    pub fn key(self) -> Option<Key> {
        match self {
            Setting::Key(key) => Some(key),
            Setting::ServerUrl | Setting::SectionOf(_) => None,
        }
    }
}

impl Key {
    pub fn rule(self) -> &'static KeyRule {
        KEYS.iter().find(|rule| rule.key == self).expect("every key has a rule")
    }

    pub fn kind(self) -> Kind {
        self.rule().kind
    }

    /// The dotted path in config.yaml.
    pub fn path(self) -> &'static str {
        self.rule().path
    }

    /// The key's own name, the last part of its path.
    pub fn name(self) -> &'static str {
        let path = self.path();
        path.rsplit_once('.').map_or(path, |(_, name)| name)
    }

    /// The section that holds the key (`oidc`, `oidc.pkce`, `node`).
    pub fn section(self) -> &'static str {
        let path = self.path();
        path.rsplit_once('.').map_or("", |(section, _)| section)
    }

    /// The environment variable viper maps to the key: `HEADSCALE_` + the path upper-cased,
    /// dots as underscores.
    pub fn env_var(self) -> String {
        env_var(self.path())
    }
}

/// The environment variable viper maps to a dotted path.
pub fn env_var(path: &str) -> String {
    format!("HEADSCALE_{}", path.replace('.', "_").to_ascii_uppercase())
}

impl Settings {
    /// The keys that have a value, in config.yaml's order.
    pub fn keys(&self) -> Vec<Key> {
        KEYS.iter().map(|rule| rule.key).filter(|&key| self.value(key).is_some()).collect()
    }

    /// Removes the value of one key.
    pub fn clear(&mut self, key: Key) {
        self.set(key, None);
    }

    /// Whether the release would read every key that has a value.
    pub fn fits(&self, version: HeadscaleVersion) -> bool {
        self.keys().into_iter().all(|key| version.reads(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_value_is_set_and_read_back_by_its_key_alone() {
        for rule in KEYS {
            let value = match rule.kind {
                Kind::Text => Value::Text(rule.path.to_string()),
                Kind::Flag => Value::Flag(true),
                Kind::List(_) => Value::List(vec![rule.path.to_string()]),
                Kind::Map => Value::Map(vec![(rule.path.to_string(), String::new())]),
            };
            let mut settings = Settings::default();
            settings.set(rule.key, Some(value.clone()));
            assert_eq!(settings.keys(), [rule.key]);
            let back = match settings.value(rule.key) {
                Some(ValueRef::Text(text)) => Value::Text(text.to_string()),
                Some(ValueRef::Flag(flag)) => Value::Flag(flag),
                Some(ValueRef::List(items)) => Value::List(items.to_vec()),
                Some(ValueRef::Map(pairs)) => Value::Map(pairs.to_vec()),
                None => panic!("{:?} lost its value", rule.key),
            };
            assert_eq!(back, value);
            settings.clear(rule.key);
            assert_eq!(settings, Settings::default());
        }
    }

    #[test]
    fn a_value_of_another_kind_sets_nothing() {
        let mut settings = Settings::default();
        settings.set(Key::Issuer, Some(Value::Flag(true)));
        assert_eq!(settings, Settings::default());
    }

    #[test]
    fn settings_fit_only_the_releases_that_read_every_key_set() {
        assert!(Settings::default().fits(HeadscaleVersion(22)));
        // oidc.pkce.enabled is read from 0.24; 0.23 would ignore it.
        let mut pkce = Settings::default();
        pkce.set(Key::PkceEnabled, Some(Value::Flag(true)));
        assert!(pkce.fits(HeadscaleVersion(24)));
        assert!(!pkce.fits(HeadscaleVersion(23)));
        // oidc.expiry stops Headscale from 0.29 on.
        let mut expiry = Settings::default();
        expiry.set(Key::Expiry, Some(Value::Text("180d".to_string())));
        assert!(expiry.fits(HeadscaleVersion(28)));
        assert!(!expiry.fits(HeadscaleVersion(29)));
    }

    #[test]
    fn names_sections_and_variables_follow_the_path() {
        assert_eq!((Key::PkceMethod.section(), Key::PkceMethod.name()), ("oidc.pkce", "method"));
        assert_eq!((Key::NodeExpiry.section(), Key::NodeExpiry.name()), ("node", "expiry"));
        assert_eq!(Key::AllowedGroups.env_var(), "HEADSCALE_OIDC_ALLOWED_GROUPS");
        assert_eq!(Setting::SectionOf(Key::PkceEnabled).path(), "oidc.pkce");
        assert_eq!(Setting::ServerUrl.path(), "server_url");
    }
}
