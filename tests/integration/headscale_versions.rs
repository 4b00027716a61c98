//! The Headscale release table.

use sso_playground::engine::versions::headscale::{
    EmailVerifiedUse, HeadscaleVersion, Key, Support, UserinfoUse, HEADSCALE_RELEASES, KEYS,
};

/// The key × release matrix, written out by hand from Headscale's history: R = read,
/// - = ignored, F = fatal at startup. Columns are 0.22 … 0.29.
const MATRIX: &[(Key, &str)] = &[
    (Key::OnlyStartIfOidcIsAvailable, "RRRRRRRR"),
    (Key::Issuer, "RRRRRRRR"),
    (Key::ClientId, "RRRRRRRR"),
    (Key::ClientSecret, "RRRRRRRR"),
    (Key::ClientSecretPath, "RRRRRRRR"),
    (Key::Expiry, "RRRRRRRF"),
    (Key::UseExpiryFromToken, "RRRRRRRR"),
    (Key::Scope, "RRRRRRRR"),
    (Key::ExtraParams, "RRRRRRRR"),
    (Key::AllowedDomains, "RRRRRRRR"),
    (Key::AllowedUsers, "RRRRRRRR"),
    (Key::AllowedGroups, "RRRRRRRR"),
    (Key::StripEmailDomain, "RRRRFFFF"),
    (Key::MapLegacyUsers, "--RRFFFF"),
    (Key::PkceEnabled, "--RRRRRR"),
    (Key::PkceMethod, "--RRRRRR"),
    (Key::EmailVerifiedRequired, "------RR"),
    (Key::NodeExpiry, "-------R"),
];

#[test]
fn the_table_matches_headscale_history() {
    assert_eq!(MATRIX.len(), KEYS.len());
    for (key, row) in MATRIX {
        for (minor, expected) in (22..=29).zip(row.chars()) {
            let expected = match expected {
                'R' => Support::Read,
                '-' => Support::Ignored,
                _ => Support::Fatal,
            };
            assert_eq!(HeadscaleVersion(minor).support(*key), expected, "{} in 0.{minor}", key.path());
        }
    }
}

#[test]
fn releases_are_newest_first_and_the_newest_is_the_default() {
    let versions: Vec<HeadscaleVersion> = HEADSCALE_RELEASES.iter().map(|r| r.version).collect();
    let mut sorted = versions.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(versions, sorted);
    assert_eq!(HeadscaleVersion::default(), HeadscaleVersion(29));
    assert_eq!(HEADSCALE_RELEASES.len(), 8);
    assert!(HEADSCALE_RELEASES.iter().all(|r| r.patch.starts_with(r.label)));
}

#[test]
fn release_facts_change_where_headscale_changed() {
    assert!(!HeadscaleVersion(22).release().trims_secret_file && HeadscaleVersion(23).release().trims_secret_file);
    let userinfo = |minor| HeadscaleVersion(minor).release().userinfo;
    assert_eq!(userinfo(25), UserinfoUse::Never);
    assert_eq!(userinfo(26), UserinfoUse::FillsMissing);
    assert_eq!(userinfo(27), UserinfoUse::BeforeChecks);
    let double_login_fails = |minor| HeadscaleVersion(minor).release().double_login_fails;
    assert!(!double_login_fails(23) && double_login_fails(24) && double_login_fails(26) && !double_login_fails(27));
    let email_verified = |minor| HeadscaleVersion(minor).release().email_verified;
    assert_eq!(email_verified(23), EmailVerifiedUse::Ignored);
    assert_eq!(email_verified(24), EmailVerifiedUse::StoresEmail);
    assert_eq!(email_verified(27), EmailVerifiedUse::StoresEmail);
    assert_eq!(email_verified(28), EmailVerifiedUse::GatesLogin);
}

#[test]
fn defaults_follow_the_release() {
    assert_eq!(HeadscaleVersion(28).default_of(Key::Expiry), Some("180d"));
    assert_eq!(HeadscaleVersion(29).default_of(Key::Expiry), None, "fatal keys have no default");
    assert_eq!(HeadscaleVersion(29).default_of(Key::NodeExpiry), Some("0"));
    assert_eq!(HeadscaleVersion(24).default_of(Key::MapLegacyUsers), Some("true"));
    assert_eq!(HeadscaleVersion(25).default_of(Key::MapLegacyUsers), Some("false"));
    assert_eq!(HeadscaleVersion(27).default_of(Key::EmailVerifiedRequired), None);
    assert_eq!(HeadscaleVersion(28).default_of(Key::EmailVerifiedRequired), Some("true"));
}

#[test]
fn versions_parse_from_what_people_type() {
    assert_eq!(HeadscaleVersion::parse("0.29"), Some(HeadscaleVersion(29)));
    assert_eq!(HeadscaleVersion::parse("v0.26.1"), Some(HeadscaleVersion(26)));
    assert_eq!(HeadscaleVersion::parse(" 0.22.3 "), Some(HeadscaleVersion(22)));
    assert_eq!(HeadscaleVersion::parse("0.21"), None);
    assert_eq!(HeadscaleVersion::parse("1.0"), None);
    assert_eq!(HeadscaleVersion::parse(""), None);
    assert_eq!(HeadscaleVersion(27).label(), "0.27");
}

#[test]
fn environment_variable_names_follow_viper() {
    assert_eq!(Key::Issuer.env_var(), "HEADSCALE_OIDC_ISSUER");
    assert_eq!(Key::PkceMethod.env_var(), "HEADSCALE_OIDC_PKCE_METHOD");
    assert_eq!(Key::NodeExpiry.env_var(), "HEADSCALE_NODE_EXPIRY");
    assert_eq!(Key::OnlyStartIfOidcIsAvailable.env_var(), "HEADSCALE_OIDC_ONLY_START_IF_OIDC_IS_AVAILABLE");
}
