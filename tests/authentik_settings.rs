//! The authentik wizard values.

mod common;

use common::{example, with};
use sso_playground::engine::credentials::{alphanumeric, CLIENT_SECRET_LENGTH};
use sso_playground::engine::render;

#[test]
fn default_settings() {
    insta::assert_snapshot!(render(&example()).authentik_settings.to_text());
}

#[test]
fn redirect_uri_and_issuer_follow_the_hosts() {
    let settings = render(&with(|i| {
        i.headscale_url = "https://vpn.example.org/".into();
        i.authentik_url = "https://example.org/auth".into();
        i.slug = "tailnet".into();
    }))
    .authentik_settings
    .to_text();
    assert!(settings.contains("   Redirect URI: https://vpn.example.org/oidc/callback\n"));
    assert!(settings.contains("   Issuer: https://example.org/auth/application/o/tailnet/\n"));
    assert!(settings.contains(
        "   Discovery document: https://example.org/auth/application/o/tailnet/.well-known/openid-configuration\n"
    ));
}

#[test]
fn a_group_binding_is_listed_per_allowed_group() {
    let settings = render(&with(|i| i.allowed_groups = "ops\nheadscale-users".into())).authentik_settings.to_text();
    assert!(settings.contains("   Group binding: ops\n   Group binding: headscale-users\n"));
    assert!(!settings.contains("Bindings: none"));
    assert!(render(&example()).authentik_settings.to_text().contains("   Bindings: none\n"));
}

#[test]
fn generated_credentials_have_authentiks_shape_and_no_bias_bytes() {
    let mut counter = 0u8;
    let secret = alphanumeric(CLIENT_SECRET_LENGTH, |buffer| {
        for byte in buffer.iter_mut() {
            *byte = counter;
            counter = counter.wrapping_add(1);
        }
    });
    assert_eq!(secret.len(), 128);
    assert!(secret.chars().all(|c| c.is_ascii_alphanumeric()));
    // Bytes 248..=255 are skipped, so a source of only those would never produce a character;
    // a source that mixes them in still yields exactly the requested length.
    let mut flip = false;
    let id = alphanumeric(40, |buffer| {
        flip = !flip;
        buffer.fill(if flip { 255 } else { 61 });
    });
    assert_eq!(id, "9".repeat(40));
}
