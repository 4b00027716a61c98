//! What each Headscale release reads, rejects and defaults to, as data.
//!
//! Every other part of the playground asks this table; adding a release is a new row in
//! [`HEADSCALE_RELEASES`] (and, if its settings changed, an edit of [`KEYS`]), plus its tests
//! and the evidence of what changed ([`FACTS`], [`KEY_EVIDENCE`]).

use crate::engine::citations as c;
use crate::engine::evidence::{fact, Evidence, Fact};

/// A Headscale minor release, `0.<minor>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HeadscaleVersion(pub u8);

/// Facts about one minor release, as of its newest patch.
#[derive(Debug)]
pub struct HeadscaleRelease {
    pub version: HeadscaleVersion,
    /// `0.29`.
    pub label: &'static str,
    /// The newest patch release, whose behaviour the row describes.
    pub patch: &'static str,
    pub date: &'static str,
    /// Whether a trailing newline in the `client_secret_path` file is trimmed (from 0.23).
    pub trims_secret_file: bool,
    /// What the release takes from authentik's UserInfo endpoint.
    pub userinfo: UserinfoUse,
    /// A login started twice (for example from a double-clicked tray icon) ends with "state did
    /// not match": from 0.24, which keeps the login state in one cookie, until 0.27.1, which
    /// names the cookie after the state.
    pub double_login_fails: bool,
    pub email_verified: EmailVerifiedUse,
    /// Users are found by issuer and subject (from 0.24); before, by a name made from their
    /// email, so a new issuer (a renamed application slug) still finds the same users.
    pub users_keyed_by_subject: bool,
    /// A node expiry that is not positive, such as `0s`, means no expiry (from 0.29); before,
    /// only the bare `0` does, and `0s` expires nodes at once.
    pub non_positive_expiry_never: bool,
    /// Headscale sends its own `nonce` on the login request, set after the extra parameters
    /// (from 0.24).
    pub sends_nonce: bool,
}

/// What a release takes from authentik's UserInfo endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserinfoUse {
    /// Never asked (0.22 to 0.25): every claim comes from the ID token.
    Never,
    /// Asked after the allowed users, domains and groups are checked against the ID token, to
    /// fill a missing email, username or name (0.26).
    FillsMissing,
    /// Asked first; its claims, groups included, are what the checks see (from 0.27).
    BeforeChecks,
}

/// What a release does with the `email_verified` claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailVerifiedUse {
    /// Never looked at (0.22, 0.23).
    Ignored,
    /// Decides only whether the email is stored on the user (0.24 to 0.27).
    StoresEmail,
    /// With `email_verified_required` (from 0.28), an unverified email fails allowed users
    /// and domains.
    GatesLogin,
}

/// Every supported release, newest first. The first one is the default.
pub const HEADSCALE_RELEASES: &[HeadscaleRelease] = &[
    release(29, "0.29", "0.29.2", "2026-07-01"),
    release(28, "0.28", "0.28.0", "2026-02-04"),
    release(27, "0.27", "0.27.1", "2025-11-11"),
    release(26, "0.26", "0.26.1", "2025-06-06"),
    release(25, "0.25", "0.25.1", "2025-02-25"),
    release(24, "0.24", "0.24.3", "2025-02-07"),
    release(23, "0.23", "0.23.0", "2024-09-18"),
    release(22, "0.22", "0.22.3", "2023-05-12"),
];

const fn release(minor: u8, label: &'static str, patch: &'static str, date: &'static str) -> HeadscaleRelease {
    HeadscaleRelease {
        version: HeadscaleVersion(minor),
        label,
        patch,
        date,
        trims_secret_file: minor >= 23,
        userinfo: if minor >= 27 {
            UserinfoUse::BeforeChecks
        } else if minor >= 26 {
            UserinfoUse::FillsMissing
        } else {
            UserinfoUse::Never
        },
        double_login_fails: minor >= 24 && minor < 27,
        email_verified: if minor >= 28 {
            EmailVerifiedUse::GatesLogin
        } else if minor >= 24 {
            EmailVerifiedUse::StoresEmail
        } else {
            EmailVerifiedUse::Ignored
        },
        users_keyed_by_subject: minor >= 24,
        non_positive_expiry_never: minor >= 29,
        sends_nonce: minor >= 24,
    }
}

/// A setting Headscale reads from its configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    OnlyStartIfOidcIsAvailable,
    Issuer,
    ClientId,
    ClientSecret,
    ClientSecretPath,
    Expiry,
    UseExpiryFromToken,
    Scope,
    ExtraParams,
    AllowedDomains,
    AllowedUsers,
    AllowedGroups,
    StripEmailDomain,
    MapLegacyUsers,
    PkceEnabled,
    PkceMethod,
    EmailVerifiedRequired,
    NodeExpiry,
}

/// The type of value a key holds, which decides how Headscale reads text into it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Flag,
    /// A list; from text, split at white space.
    List,
    /// A map of strings; from text, JSON.
    Map,
}

/// How a release treats a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Support {
    /// Read and used.
    Read,
    /// Not read: silently ignored.
    Ignored,
    /// Setting it at all (in the file or the environment) stops Headscale at startup.
    Fatal,
}

/// One key: where it lives, from which release it is read, from which it is fatal, and its
/// default value over time.
#[derive(Debug)]
pub struct KeyRule {
    pub key: Key,
    /// Dotted path in config.yaml.
    pub path: &'static str,
    pub since: HeadscaleVersion,
    pub fatal_from: Option<HeadscaleVersion>,
    /// `(from release, default)`, oldest first; the last entry not newer than a release applies.
    pub defaults: &'static [(HeadscaleVersion, &'static str)],
}

const V22: HeadscaleVersion = HeadscaleVersion(22);

/// Every key of Headscale's OIDC configuration, in the order of its example configuration.
pub const KEYS: &[KeyRule] = &[
    rule(Key::OnlyStartIfOidcIsAvailable, "oidc.only_start_if_oidc_is_available", 22, None, &[(V22, "true")]),
    rule(Key::Issuer, "oidc.issuer", 22, None, &[]),
    rule(Key::ClientId, "oidc.client_id", 22, None, &[]),
    rule(Key::ClientSecret, "oidc.client_secret", 22, None, &[]),
    rule(Key::ClientSecretPath, "oidc.client_secret_path", 22, None, &[]),
    rule(Key::Expiry, "oidc.expiry", 22, Some(29), &[(V22, "180d")]),
    rule(Key::UseExpiryFromToken, "oidc.use_expiry_from_token", 22, None, &[(V22, "false")]),
    rule(Key::Scope, "oidc.scope", 22, None, &[(V22, "openid profile email")]),
    rule(Key::ExtraParams, "oidc.extra_params", 22, None, &[]),
    rule(Key::AllowedDomains, "oidc.allowed_domains", 22, None, &[]),
    rule(Key::AllowedUsers, "oidc.allowed_users", 22, None, &[]),
    rule(Key::AllowedGroups, "oidc.allowed_groups", 22, None, &[]),
    rule(Key::StripEmailDomain, "oidc.strip_email_domain", 22, Some(26), &[(V22, "true")]),
    rule(
        Key::MapLegacyUsers,
        "oidc.map_legacy_users",
        24,
        Some(26),
        &[(HeadscaleVersion(24), "true"), (HeadscaleVersion(25), "false")],
    ),
    rule(Key::PkceEnabled, "oidc.pkce.enabled", 24, None, &[(HeadscaleVersion(24), "false")]),
    rule(Key::PkceMethod, "oidc.pkce.method", 24, None, &[(HeadscaleVersion(24), "S256")]),
    rule(Key::EmailVerifiedRequired, "oidc.email_verified_required", 28, None, &[(HeadscaleVersion(28), "true")]),
    rule(Key::NodeExpiry, "node.expiry", 29, None, &[(HeadscaleVersion(29), "0")]),
];

const fn rule(
    key: Key,
    path: &'static str,
    since: u8,
    fatal_from: Option<u8>,
    defaults: &'static [(HeadscaleVersion, &'static str)],
) -> KeyRule {
    let fatal_from = match fatal_from {
        Some(minor) => Some(HeadscaleVersion(minor)),
        None => None,
    };
    KeyRule { key, path, since: HeadscaleVersion(since), fatal_from, defaults }
}

impl Key {
    pub fn rule(self) -> &'static KeyRule {
        KEYS.iter().find(|rule| rule.key == self).expect("every key has a rule")
    }

    pub fn kind(self) -> Kind {
        match self {
            Key::OnlyStartIfOidcIsAvailable
            | Key::UseExpiryFromToken
            | Key::StripEmailDomain
            | Key::MapLegacyUsers
            | Key::PkceEnabled
            | Key::EmailVerifiedRequired => Kind::Flag,
            Key::Scope | Key::AllowedDomains | Key::AllowedUsers | Key::AllowedGroups => Kind::List,
            Key::ExtraParams => Kind::Map,
            Key::Issuer
            | Key::ClientId
            | Key::ClientSecret
            | Key::ClientSecretPath
            | Key::Expiry
            | Key::PkceMethod
            | Key::NodeExpiry => Kind::Text,
        }
    }

    /// The dotted path in config.yaml.
    pub fn path(self) -> &'static str {
        self.rule().path
    }

    /// The environment variable viper maps to the key: `HEADSCALE_` + the path upper-cased,
    /// dots as underscores.
    pub fn env_var(self) -> String {
        format!("HEADSCALE_{}", self.path().replace('.', "_").to_ascii_uppercase())
    }
}

impl HeadscaleVersion {
    pub(crate) const NEWEST: HeadscaleVersion = HEADSCALE_RELEASES[0].version;

    pub fn release(self) -> &'static HeadscaleRelease {
        HEADSCALE_RELEASES.iter().find(|release| release.version == self).unwrap_or(&HEADSCALE_RELEASES[0])
    }

    /// `0.29`.
    pub fn label(self) -> &'static str {
        self.release().label
    }

    /// Parses `0.29`, `0.29.2` or `v0.29`.
    pub fn parse(text: &str) -> Option<HeadscaleVersion> {
        let text = text.trim().trim_start_matches('v');
        let minor: u8 = text.strip_prefix("0.")?.split('.').next()?.parse().ok()?;
        HEADSCALE_RELEASES.iter().map(|release| release.version).find(|version| version.0 == minor)
    }

    pub fn support(self, key: Key) -> Support {
        let rule = key.rule();
        match rule.fatal_from {
            Some(fatal) if self >= fatal => Support::Fatal,
            _ if self < rule.since => Support::Ignored,
            _ => Support::Read,
        }
    }

    pub fn reads(self, key: Key) -> bool {
        self.support(key) == Support::Read
    }

    /// Headscale's default for the key in this release, if it reads the key and has one.
    pub fn default_of(self, key: Key) -> Option<&'static str> {
        if !self.reads(key) {
            return None;
        }
        key.rule().defaults.iter().rev().find(|(from, _)| *from <= self).map(|(_, value)| *value)
    }
}

impl Default for HeadscaleVersion {
    fn default() -> Self {
        HeadscaleVersion::NEWEST
    }
}

/// What each column of [`HEADSCALE_RELEASES`] rests on. Every change between two rows is cited
/// by a line that first appears in the newer row's release (the quoted evidence records the
/// older release where it is absent), and the tests hold each column to that.
pub const FACTS: &[Fact] = &[
    fact(
        "patch",
        &[
            c::HS_RELEASE_29,
            c::HS_RELEASE_28,
            c::HS_RELEASE_27,
            c::HS_RELEASE_26,
            c::HS_RELEASE_25,
            c::HS_RELEASE_24,
            c::HS_RELEASE_23,
            c::HS_RELEASE_22,
        ],
    ),
    fact("trims_secret_file", &[c::HS_TRIMS_SECRET_23, c::HS_RAW_SECRET_22]),
    fact(
        "userinfo",
        &[c::HS_USERINFO_26, c::HS_CHECKS_BEFORE_USERINFO_26, c::HS_USERINFO_FILLS_26, c::HS_USERINFO_FIRST_27],
    ),
    fact("double_login_fails", &[c::HS_STATE_COOKIE_24, c::HS_STATE_COOKIE_PER_LOGIN_27, c::HS_CHANGELOG_DOUBLE_LOGIN]),
    fact("email_verified", &[c::HS_EMAIL_VERIFIED_STORES_24, c::HS_EMAIL_VERIFIED_GATES_28]),
    fact("users_keyed_by_subject", &[c::HS_USERS_BY_SUBJECT_24, c::HS_USERS_BY_EMAIL_23]),
    fact("non_positive_expiry_never", &[c::HS_POSITIVE_EXPIRY_29, c::HS_EXPIRY_ZERO_28]),
    fact("sends_nonce", &[c::HS_NONCE_24]),
];

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

const fn key(key: Key, read: Evidence, removed: Option<Evidence>, defaults: &'static [Evidence]) -> KeyEvidence {
    KeyEvidence { key, read, removed, defaults }
}

/// The evidence of every row of [`KEYS`], in the same order.
pub const KEY_EVIDENCE: &[KeyEvidence] = &[
    key(Key::OnlyStartIfOidcIsAvailable, c::HS_KEY_ONLY_START, None, &[c::HS_KEY_ONLY_START]),
    key(Key::Issuer, c::HS_KEY_ISSUER, None, &[]),
    key(Key::ClientId, c::HS_KEY_CLIENT_ID, None, &[]),
    key(Key::ClientSecret, c::HS_KEY_CLIENT_SECRET, None, &[]),
    key(Key::ClientSecretPath, c::HS_KEY_CLIENT_SECRET_PATH, None, &[]),
    key(Key::Expiry, c::HS_KEY_EXPIRY, Some(c::HS_EXPIRY_REMOVED), &[c::HS_DEFAULT_EXPIRY]),
    key(Key::UseExpiryFromToken, c::HS_KEY_USE_EXPIRY_FROM_TOKEN, None, &[c::HS_DEFAULT_USE_EXPIRY_FROM_TOKEN]),
    key(Key::Scope, c::HS_KEY_SCOPE, None, &[c::HS_DEFAULT_SCOPE]),
    key(Key::ExtraParams, c::HS_KEY_EXTRA_PARAMS, None, &[]),
    key(Key::AllowedDomains, c::HS_KEY_ALLOWED_DOMAINS, None, &[]),
    key(Key::AllowedUsers, c::HS_KEY_ALLOWED_USERS, None, &[]),
    key(Key::AllowedGroups, c::HS_KEY_ALLOWED_GROUPS, None, &[]),
    key(
        Key::StripEmailDomain,
        c::HS_KEY_STRIP_EMAIL_DOMAIN,
        Some(c::HS_STRIP_EMAIL_DOMAIN_REMOVED),
        &[c::HS_DEFAULT_STRIP_EMAIL_DOMAIN],
    ),
    key(
        Key::MapLegacyUsers,
        c::HS_KEY_MAP_LEGACY_USERS,
        Some(c::HS_MAP_LEGACY_USERS_REMOVED),
        &[c::HS_DEFAULT_MAP_LEGACY_USERS_24, c::HS_DEFAULT_MAP_LEGACY_USERS_25],
    ),
    key(Key::PkceEnabled, c::HS_KEY_PKCE_ENABLED, None, &[c::HS_DEFAULT_PKCE_ENABLED]),
    key(Key::PkceMethod, c::HS_KEY_PKCE_METHOD, None, &[c::HS_DEFAULT_PKCE_METHOD]),
    key(Key::EmailVerifiedRequired, c::HS_KEY_EMAIL_VERIFIED_REQUIRED, None, &[c::HS_DEFAULT_EMAIL_VERIFIED_REQUIRED]),
    key(Key::NodeExpiry, c::HS_KEY_NODE_EXPIRY, None, &[c::HS_DEFAULT_NODE_EXPIRY]),
];
