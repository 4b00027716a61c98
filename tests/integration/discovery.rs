//! A pasted discovery document compared with the inputs: each of its checks passes on the
//! document authentik would announce for the form, and fails (or warns) with its cause on the
//! closest document that differs.

use crate::common::with;
use serde_yaml::{Mapping, Value};
use sso_playground::engine::model::Model;
use sso_playground::engine::symptoms::discovery::{checks, from_json, Check, Discovery, Verdict};
use sso_playground::engine::symptoms::Cause;
use sso_playground::engine::versions::headscale::HeadscaleVersion;
use sso_playground::engine::{render, Inputs};

fn model(inputs: &Inputs) -> Model {
    render(inputs).model
}

/// The document authentik announces for `inputs`: every check passes on it.
fn announced(inputs: &Inputs) -> Discovery {
    let model = model(inputs);
    let base = model.authentik.normalized.clone();
    let words = |list: &[&str]| Some(list.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    Discovery {
        issuer: Some(model.issuer.clone()),
        authorization_endpoint: Some(format!("{base}/application/o/authorize/")),
        token_endpoint: Some(format!("{base}/application/o/token/")),
        userinfo_endpoint: Some(format!("{base}/application/o/userinfo/")),
        jwks_uri: Some(format!("{}jwks/", model.issuer)),
        scopes_supported: words(&["openid", "profile", "email"]),
        claims_supported: words(&["sub", "email", "email_verified", "groups", "name"]),
        code_challenge_methods_supported: words(&["plain", "S256"]),
        id_token_signing_alg_values_supported: words(&["RS256"]),
        grant_types_supported: words(&["authorization_code", "refresh_token"]),
    }
}

fn the(name: &str, document: &Discovery, inputs: &Inputs) -> Check {
    let all = checks(document, &model(inputs));
    all.into_iter().find(|check| check.name == name).unwrap_or_else(|| panic!("no check {name}"))
}

fn outcome(name: &str, document: &Discovery, inputs: &Inputs) -> (Verdict, Option<Cause>) {
    let check = the(name, document, inputs);
    (check.verdict, check.cause)
}

fn groups_and_users() -> Inputs {
    with(|i| {
        i.allowed_groups = "vpn".into();
        i.allowed_users = "alice@example.com".into();
        i.pkce_enabled = true;
    })
}

#[test]
fn the_document_authentik_announces_for_the_form_passes_every_check() {
    for inputs in [with(|_| {}), groups_and_users()] {
        let all = checks(&announced(&inputs), &model(&inputs));
        assert_eq!(all.len(), 10);
        for check in all {
            assert_eq!((check.name, check.verdict, check.cause), (check.name, Verdict::Pass, None), "{}", check.detail);
        }
    }
}

#[test]
fn a_document_needs_an_issuer_and_an_endpoint_or_keys() {
    let map = |pairs: &[(&str, &str)]| {
        let mut map = Mapping::new();
        for (key, value) in pairs {
            map.insert(Value::from(*key), Value::from(*value));
        }
        map
    };
    let issuer = ("issuer", "https://sso.example.org/application/o/hs/");
    assert!(from_json(&map(&[issuer, ("authorization_endpoint", "https://x/authorize/")])).is_some());
    assert!(from_json(&map(&[issuer, ("jwks_uri", "https://x/jwks/")])).is_some());
    assert!(from_json(&map(&[issuer])).is_none());
    assert!(from_json(&map(&[("authorization_endpoint", "https://x/"), ("jwks_uri", "https://x/jwks/")])).is_none());
}

#[test]
fn the_issuer_must_match_to_the_character() {
    let inputs = with(|_| {});
    let mut document = announced(&inputs);
    document.issuer = Some(document.issuer.unwrap().trim_end_matches('/').to_string());
    assert_eq!(outcome("issuer", &document, &inputs), (Verdict::Fail, Some(Cause::IssuerMismatch)));
    document.issuer = None;
    assert_eq!(outcome("issuer", &document, &inputs), (Verdict::Fail, Some(Cause::SlugOrProvider)));
}

#[test]
fn each_endpoint_passes_as_expected_warns_when_absent_and_fails_when_elsewhere() {
    let inputs = with(|_| {});
    type Slot = fn(&mut Discovery) -> &mut Option<String>;
    let slots: [(&str, Slot); 4] = [
        ("authorization_endpoint", |d| &mut d.authorization_endpoint),
        ("token_endpoint", |d| &mut d.token_endpoint),
        ("userinfo_endpoint", |d| &mut d.userinfo_endpoint),
        ("jwks_uri", |d| &mut d.jwks_uri),
    ];
    for (name, slot) in slots {
        let mut document = announced(&inputs);
        *slot(&mut document) = None;
        assert_eq!(outcome(name, &document, &inputs), (Verdict::Warn, None), "{name} absent");
        let mut document = announced(&inputs);
        let moved = slot(&mut document).as_ref().unwrap().replace("https://", "http://");
        *slot(&mut document) = Some(moved);
        assert_eq!(outcome(name, &document, &inputs), (Verdict::Fail, Some(Cause::ProxyHeaders)), "{name} elsewhere");
    }
}

#[test]
fn a_scope_authentik_does_not_map_fails_and_openid_has_its_own_cause() {
    let inputs = with(|_| {});
    let mut document = announced(&inputs);
    document.scopes_supported = Some(vec!["openid".into(), "profile".into()]);
    assert_eq!(outcome("scopes_supported", &document, &inputs), (Verdict::Fail, Some(Cause::ScopeNotMapped)));
    document.scopes_supported = Some(vec!["profile".into(), "email".into()]);
    assert_eq!(outcome("scopes_supported", &document, &inputs), (Verdict::Fail, Some(Cause::ScopeOpenid)));
    document.scopes_supported = None;
    assert_eq!(outcome("scopes_supported", &document, &inputs).0, Verdict::Fail);
}

#[test]
fn claims_are_asked_for_only_as_the_allowed_lists_need_them() {
    let open = with(|_| {});
    let mut document = announced(&open);
    // Nobody is restricted: the subject is all Headscale needs.
    document.claims_supported = Some(vec!["sub".into()]);
    assert_eq!(outcome("claims_supported", &document, &open), (Verdict::Pass, None));
    document.claims_supported = None;
    assert_eq!(outcome("claims_supported", &document, &open), (Verdict::Warn, None));

    let restricted = groups_and_users();
    let mut document = announced(&restricted);
    document.claims_supported = Some(vec!["sub".into(), "email".into(), "email_verified".into()]);
    assert_eq!(outcome("claims_supported", &document, &restricted), (Verdict::Warn, Some(Cause::GroupsMissing)));
    document.claims_supported = Some(vec!["sub".into(), "groups".into(), "email".into()]);
    assert_eq!(outcome("claims_supported", &document, &restricted), (Verdict::Warn, Some(Cause::NoEmail)));
    let domains = with(|i| i.allowed_domains = "example.com".into());
    document.claims_supported = Some(vec!["sub".into()]);
    assert_eq!(outcome("claims_supported", &document, &domains), (Verdict::Warn, Some(Cause::NoEmail)));
}

#[test]
fn the_pkce_method_must_be_offered_only_where_headscale_uses_pkce() {
    let on = groups_and_users();
    let mut document = announced(&on);
    document.code_challenge_methods_supported = Some(vec!["plain".into()]);
    assert_eq!(outcome("code_challenge_methods_supported", &document, &on), (Verdict::Fail, Some(Cause::PkceMismatch)));
    // PKCE off, or a release that has no PKCE: nothing to offer.
    let off = with(|i| i.pkce_enabled = false);
    assert_eq!(outcome("code_challenge_methods_supported", &document, &off), (Verdict::Pass, None));
    let old = with(|i| {
        i.pkce_enabled = true;
        i.headscale_version = HeadscaleVersion(23);
    });
    assert_eq!(outcome("code_challenge_methods_supported", &document, &old), (Verdict::Pass, None));
}

#[test]
fn tokens_signed_only_with_the_client_secret_fail() {
    let inputs = with(|_| {});
    let mut document = announced(&inputs);
    for (algorithms, verdict) in
        [(vec!["HS256"], Verdict::Fail), (vec![], Verdict::Fail), (vec!["HS256", "ES256"], Verdict::Pass)]
    {
        document.id_token_signing_alg_values_supported = Some(algorithms.iter().map(|a| a.to_string()).collect());
        let check = the("id_token_signing_alg_values_supported", &document, &inputs);
        assert_eq!(check.verdict, verdict, "{algorithms:?}");
        assert_eq!(check.cause, (verdict == Verdict::Fail).then_some(Cause::NoSigningKey));
    }
}

#[test]
fn the_authorization_code_grant_must_be_supported() {
    let inputs = with(|_| {});
    let mut document = announced(&inputs);
    document.grant_types_supported = Some(vec!["authorization_code".into()]);
    assert_eq!(outcome("grant_types_supported", &document, &inputs), (Verdict::Pass, None));
    document.grant_types_supported = Some(vec!["implicit".into(), "refresh_token".into()]);
    assert_eq!(outcome("grant_types_supported", &document, &inputs), (Verdict::Fail, Some(Cause::GrantTypes)));
    document.grant_types_supported = None;
    let check = the("grant_types_supported", &document, &inputs);
    assert_eq!(check.verdict, Verdict::Fail);
    assert!(check.detail.contains("not among nothing"), "{}", check.detail);
}
