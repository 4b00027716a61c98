//! The Headscale `oidc:` section: snapshots, parse-back, and no input can add a key.

mod common;

use common::{example, with};
use proptest::prelude::*;
use serde_yaml::{Mapping, Value};
use sso_playground::engine::headscale;
use sso_playground::engine::{render, Inputs, Model, OutputError, Severity};

fn yaml(inputs: &Inputs) -> String {
    render(inputs).headscale_yaml.expect("the YAML is verified")
}

#[test]
fn default_yaml() {
    insta::assert_snapshot!(yaml(&example()));
}

#[test]
fn yaml_with_access_rules() {
    let inputs = with(|i| {
        i.allowed_groups = "headscale-users\nHeadscale Admins".into();
        i.allowed_users = "alice@example.com yes@example.com".into();
        i.allowed_domains = "example.com".into();
        i.pkce_enabled = false;
    });
    insta::assert_snapshot!(yaml(&inputs));
}

#[test]
fn empty_lists_are_left_out() {
    let text = yaml(&example());
    for key in ["allowed_domains", "allowed_users", "allowed_groups"] {
        assert!(!text.contains(key), "{key} should be left out");
    }
    let text = yaml(&with(|i| i.allowed_users = "alice@example.com".into()));
    assert!(text.contains("allowed_users:\n    - alice@example.com\n"));
}

#[test]
fn pkce_method_is_only_written_when_pkce_is_on() {
    let text = yaml(&with(|i| i.pkce_enabled = false));
    assert!(text.contains("  pkce:\n    enabled: false\n"));
    assert!(!text.contains("method"));
}

#[test]
fn the_issuer_and_the_server_url_follow_the_inputs() {
    let text = yaml(&with(|i| {
        i.authentik_url = "sso.example.org/".into();
        i.headscale_url = "vpn.example.org:8443".into();
        i.slug = "tailnet".into();
    }));
    assert!(text.contains("  issuer: https://sso.example.org/application/o/tailnet/\n"));
    assert!(text.contains("server_url in the same file must be https://vpn.example.org:8443 exactly."));
}

#[test]
fn a_tampered_text_is_refused() {
    let model = Model::new(&example());
    let good = headscale::emit::yaml(&model);
    assert_eq!(headscale::verify(&model, &good), Ok(()));
    let extra_key = good.replace("  pkce:", "  allowed_group: [x]\n  pkce:");
    assert!(matches!(headscale::verify(&model, &extra_key), Err(OutputError::Unparsable(_))));
    let unquoted = good.replace("method: S256", "method: 256");
    assert!(matches!(headscale::verify(&model, &unquoted), Err(OutputError::Unparsable(_))));
    let changed = good.replace("- email", "- emails");
    assert_eq!(headscale::verify(&model, &changed), Err(OutputError::Mismatch));
    let truncated = &good[..good.len() / 2];
    assert!(headscale::verify(&model, truncated).is_err());
}

fn strings(value: &Value) -> Vec<String> {
    value.as_sequence().unwrap().iter().map(|v| v.as_str().expect("a string").to_string()).collect()
}

fn keys(mapping: &Mapping) -> Vec<&str> {
    mapping.keys().map(|k| k.as_str().unwrap()).collect()
}

/// An oracle independent of the emitter's own typed check: the document, read as generic
/// YAML, holds exactly the keys and values the model means.
fn assert_means_exactly(model: &Model, text: &str) {
    let document: Value = serde_yaml::from_str(text).expect("valid YAML");
    let top = document.as_mapping().unwrap();
    assert_eq!(keys(top), ["oidc"]);
    let oidc = top["oidc"].as_mapping().unwrap();
    let mut expected = vec!["issuer", "client_id", "client_secret", "scope"];
    let lists = [
        ("allowed_domains", &model.allowed_domains),
        ("allowed_users", &model.allowed_users),
        ("allowed_groups", &model.allowed_groups),
    ];
    expected.extend(lists.iter().filter(|(_, values)| !values.is_empty()).map(|(key, _)| *key));
    expected.push("pkce");
    if model.scopes.is_empty() {
        expected.retain(|key| *key != "scope");
    }
    let mut found = keys(oidc);
    found.sort_unstable();
    expected.sort_unstable();
    assert_eq!(found, expected);
    assert_eq!(oidc["issuer"].as_str(), Some(model.issuer.as_str()));
    assert_eq!(oidc["client_id"].as_str(), Some(model.client_id.as_str()));
    assert_eq!(oidc["client_secret"].as_str(), Some(model.client_secret.as_str()));
    if !model.scopes.is_empty() {
        assert_eq!(strings(&oidc["scope"]), model.scopes);
    }
    for (key, values) in lists {
        if !values.is_empty() {
            assert_eq!(&strings(&oidc[key]), values);
        }
    }
    let pkce = oidc["pkce"].as_mapping().unwrap();
    assert_eq!(pkce["enabled"].as_bool(), Some(model.pkce.enabled));
    if model.pkce.enabled {
        assert_eq!(pkce["method"].as_str(), Some(model.pkce.method.as_str()));
    } else {
        assert_eq!(keys(pkce), ["enabled"]);
    }
}

/// Text full of what breaks YAML: quotes, colons, comments, line breaks, indicators,
/// keywords, unicode.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        r#"[-a-z0-9 :#&*!%@'"\\.,\[\]{}|>?~=<\n\t/]{0,24}"#,
        prop::sample::select(vec![
            "yes",
            "no",
            "on",
            "off",
            "~",
            "null",
            "0",
            "2001-12-14",
            "- x",
            "a: b",
            "#",
            "*a",
            "&a",
            "!t",
            "%d",
            "@x",
            "\u{2028}",
            "\u{feff}",
            "\nextra: key"
        ])
        .prop_map(str::to_string),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn no_input_can_add_a_key_or_change_a_value(
        headscale_url in nasty(), authentik_url in nasty(), app_name in nasty(), slug in nasty(),
        client_id in nasty(), client_secret in nasty(), scopes in nasty(), allowed_groups in nasty(),
        allowed_users in nasty(), allowed_domains in nasty(), pkce_enabled in any::<bool>(), pkce_method in nasty(),
    ) {
        let inputs = Inputs {
            headscale_url, authentik_url, app_name, slug, client_id, client_secret, scopes,
            allowed_groups, allowed_users, allowed_domains, pkce_enabled, pkce_method,
        };
        let outputs = render(&inputs);
        match &outputs.headscale_yaml {
            Ok(text) => assert_means_exactly(&outputs.model, text),
            // Withholding output is only acceptable together with a field message.
            Err(_) => prop_assert!(outputs.model.diagnostics.iter().any(|d| d.severity() == Severity::Error)),
        }
    }
}
