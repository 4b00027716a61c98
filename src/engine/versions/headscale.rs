//! What each Headscale release reads, rejects and defaults to, as data.
//!
//! Every other part of the playground asks this table; adding a release is a new row in
//! [`HEADSCALE_RELEASES`] (and, if its settings changed, an edit of a key's row in
//! [`crate::engine::versions::keys`]), plus its tests and the evidence of what changed
//! ([`FACTS`], [`KEY_EVIDENCE`]).

use crate::engine::citations as c;
use crate::engine::evidence::{fact, Fact};
pub use crate::engine::versions::keys::{Key, KeyEvidence, KeyRule, Kind, Settings, KEYS, KEY_EVIDENCE};

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
