//! Boundaries on both sides: the case just inside a limit and the one just outside, every
//! name of a list, every release of a table that changes a rule. These are the places a
//! single-character slip (`>` for `>=`, a name dropped from a list) would otherwise pass.

use crate::common::{fired, with};
use sso_playground::engine::import::import;
use sso_playground::engine::versions::authentik::{AuthentikVersion, AUTHENTIK_RELEASES};
use sso_playground::engine::Check;

fn ak(version: &str) -> AuthentikVersion {
    AuthentikVersion::parse(version).unwrap()
}

#[test]
fn a_slug_of_fifty_characters_is_clean_and_fifty_one_too_long_before_2025_12() {
    for release in AUTHENTIK_RELEASES {
        let version = ak(release.key);
        let slug_of = |length: usize| {
            with(|i| {
                i.slug = "a".repeat(length);
                i.authentik_version = version;
            })
        };
        let limited = version < ak("2025.12");
        assert!(!fired(&slug_of(50)).contains(&Check::SlugTooLong), "{}: 50 characters", release.key);
        assert_eq!(fired(&slug_of(51)).contains(&Check::SlugTooLong), limited, "{}: 51 characters", release.key);
    }
}

#[test]
fn every_reserved_slug_is_refused_and_a_near_name_is_not() {
    // The names under which authentik serves its own OAuth endpoints, /application/o/<name>/.
    for name in ["authorize", "token", "device", "userinfo", "introspect", "revoke"] {
        assert!(fired(&with(|i| i.slug = name.into())).contains(&Check::SlugReserved), "{name}");
        for near in [format!("{name}s"), format!("my-{name}"), name.to_uppercase()] {
            assert!(!fired(&with(|i| i.slug = near.clone())).contains(&Check::SlugReserved), "{near}");
        }
    }
}

/// The suggestion an unknown key under `oidc:` gets, if any.
fn suggestion(key: &str) -> Option<String> {
    let text = format!("oidc:\n  issuer: https://sso.example.org/application/o/hs/\n  {key}: x\n");
    let found = import(&text, &with(|_| {})).unwrap();
    let unknown = found.findings.iter().find(|f| f.diagnostic.check == Check::UnknownKey)?;
    let cause = unknown.diagnostic.cause();
    let rest = cause.split("did you mean ").nth(1)?;
    rest.split('?').next().map(str::to_string)
}

#[test]
fn a_typo_gets_a_suggestion_up_to_a_third_of_the_key_and_none_beyond() {
    // allowed_groups has 14 characters: up to 4 edits are a typo, 5 are another word.
    assert_eq!(suggestion("allowed_group").as_deref(), Some("allowed_groups"));
    assert_eq!(suggestion("allowed_gxxxxs").as_deref(), Some("allowed_groups"));
    assert_eq!(suggestion("allowed_xxxxxs"), None);
    // A short key still forgives two edits: pkce has 4 characters.
    assert_eq!(suggestion("pxxe").as_deref(), Some("pkce"));
    assert_eq!(suggestion("xxxe"), None);
}

#[test]
fn an_explicit_default_port_is_found_however_it_is_padded() {
    let warns = |url: &str| fired(&with(|i| i.headscale_url = url.into())).contains(&Check::HeadscaleUrlDefaultPort);
    // Headscale keeps server_url verbatim, so ":0443" reaches the callback as written.
    for url in [
        "https://hs.example.com:443",
        "https://hs.example.com:0443",
        "https://hs.example.com:00443",
        "http://hs.example.com:080",
    ] {
        assert!(warns(url), "{url}");
    }
    for url in [
        "https://hs.example.com",
        "https://hs.example.com:4430",
        "https://hs.example.com:8443",
        "http://hs.example.com:443",
    ] {
        assert!(!warns(url), "{url}");
    }
}
