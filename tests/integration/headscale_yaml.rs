//! Headscale's configuration for every release: YAML and environment snapshots, exactly the
//! keys each release reads, parse-back, and the environment read back with viper's rules.

use crate::common::{example, full, read_env_file, with};
use proptest::prelude::*;
use serde_yaml::{Mapping, Value};
use sso_playground::engine::headscale::settings::Settings;
use sso_playground::engine::headscale::{self, yaml};
use sso_playground::engine::inputs::SecretDelivery;
use sso_playground::engine::versions::headscale::{HeadscaleVersion, Key, HEADSCALE_RELEASES, KEYS};
use sso_playground::engine::{render, Inputs, Model, OutputError, Severity};

fn yaml_of(inputs: &Inputs) -> String {
    render(inputs).headscale.yaml.clone().expect("the YAML is verified")
}

fn parse(text: &str) -> Settings {
    let read = headscale::read::read(&serde_yaml::from_str(text).expect("valid YAML"));
    assert_eq!(read.problems, []);
    read.settings
}

#[test]
fn yaml_and_environment_of_every_release() {
    for release in HEADSCALE_RELEASES {
        let outputs = render(&full(release.version));
        let label = release.label;
        insta::assert_snapshot!(format!("yaml_{label}"), outputs.headscale.yaml.clone().unwrap());
        insta::assert_snapshot!(format!("env_{label}"), outputs.headscale.env.env_file());
    }
    insta::assert_snapshot!("compose_0.29", render(&full(HeadscaleVersion(29))).headscale.env.compose());
}

#[test]
fn the_yaml_holds_exactly_the_keys_each_release_reads() {
    // Migration aids of old releases are left at their defaults, and the secret is inline.
    let not_written = [Key::StripEmailDomain, Key::MapLegacyUsers, Key::ClientSecretPath];
    for release in HEADSCALE_RELEASES {
        let version = release.version;
        let parsed = parse(&yaml_of(&full(version)));
        let expected: Vec<Key> =
            KEYS.iter().map(|rule| rule.key).filter(|key| version.reads(*key) && !not_written.contains(key)).collect();
        assert_eq!(parsed.keys(), expected, "Headscale {}", release.label);
        assert!(parsed.fits(version));
    }
}

#[test]
fn version_switch_moves_the_expiry_and_drops_new_keys() {
    let v29 = yaml_of(&full(HeadscaleVersion(29)));
    assert!(v29.contains("\nnode:\n  expiry: \"90d\"\n"));
    assert!(!v29.contains("  expiry: \"90d\"\n  use_expiry"));
    assert!(v29.contains("email_verified_required: true"));
    let v25 = yaml_of(&full(HeadscaleVersion(25)));
    assert!(v25.contains("  expiry: \"90d\"\n"));
    assert!(!v25.contains("node:") && !v25.contains("email_verified_required"));
    assert!(v25.contains("pkce:"));
    let v23 = yaml_of(&full(HeadscaleVersion(23)));
    assert!(!v23.contains("pkce"));
}

#[test]
fn secret_delivery_decides_what_the_yaml_carries() {
    let inline = yaml_of(&example());
    assert!(inline.contains("  client_secret: s3cret") && !inline.contains("client_secret_path"));
    let file = yaml_of(&with(|i| i.secret_delivery = SecretDelivery::File));
    assert!(file.contains("  client_secret_path: \"${CREDENTIALS_DIRECTORY}/oidc_client_secret\"\n"));
    assert!(!file.contains("client_secret:") && !file.contains("s3cret"));
    let env = with(|i| i.secret_delivery = SecretDelivery::Environment);
    let text = yaml_of(&env);
    assert!(
        !text.contains("client_secret") || text.contains("# The client secret comes from HEADSCALE_OIDC_CLIENT_SECRET")
    );
    assert!(!text.contains("s3cret"), "no secret in the YAML");
    assert!(render(&env).headscale.env.env_file().contains("HEADSCALE_OIDC_CLIENT_SECRET=s3cret"));
}

#[test]
fn empty_values_and_lists_are_left_out() {
    let text = yaml_of(&with(|i| {
        i.client_id = String::new();
        i.scopes = String::new();
        i.expiry = String::new();
    }));
    for key in ["client_id", "scope", "expiry", "allowed_domains", "allowed_users", "allowed_groups", "extra_params"] {
        assert!(!text.contains(&format!("{key}:")), "{key} should be left out");
    }
}

#[test]
fn a_tampered_text_is_refused() {
    let source = headscale::Plan::new(&Model::new(&example()));
    let settings = source.settings.clone();
    let good = yaml::emit(&source, &settings);
    assert_eq!(headscale::verify(&settings, &good), Ok(()));
    let extra_key = good.replace("  pkce:", "  allowed_group: [x]\n  pkce:");
    assert!(matches!(headscale::verify(&settings, &extra_key), Err(OutputError::Unparsable(_))));
    let unquoted = good.replace("method: S256", "method: 256");
    assert!(matches!(headscale::verify(&settings, &unquoted), Err(OutputError::Unparsable(_))));
    let yes = good.replace("enabled: true", "enabled: yes");
    assert!(matches!(headscale::verify(&settings, &yes), Err(OutputError::Unparsable(_))));
    let changed = good.replace("- email", "- emails");
    assert_eq!(headscale::verify(&settings, &changed), Err(OutputError::Mismatch));
    assert!(headscale::verify(&settings, &good[..good.len() / 2]).is_err());
    // The same settings beside a key the section does not hold, at the top or under node.
    assert!(good.contains("\nnode:\n  expiry:"), "{good}");
    let beside = format!("{good}server_url: https://vpn.example.org\n");
    assert_eq!(headscale::verify(&settings, &beside), Err(OutputError::Mismatch));
    let under_node = good.replace("\nnode:\n", "\nnode:\n  ephemeral_node_inactivity_timeout: 30m\n");
    assert_eq!(headscale::verify(&settings, &under_node), Err(OutputError::Mismatch));
}

#[test]
fn the_environment_reads_back_as_the_same_settings() {
    for release in HEADSCALE_RELEASES {
        for delivery in SecretDelivery::ALL {
            let outputs = render(&with(|i| {
                *i = full(release.version);
                i.secret_delivery = delivery;
            }));
            let mut expected = outputs.headscale.settings.clone();
            if let Some(pairs) = &mut expected.extra_params {
                pairs.sort();
            }
            assert_eq!(read_env_file(&outputs.headscale.env.env_file()), expected, "{} {delivery:?}", release.label);
        }
    }
}

#[test]
fn environment_values_are_quoted_for_a_shell_and_for_compose() {
    let outputs = render(&with(|i| {
        i.secret_delivery = SecretDelivery::File;
        i.extra_params = "login_hint=o'brien@example.com".into();
    }));
    let env = outputs.headscale.env.env_file();
    assert!(env.contains("HEADSCALE_OIDC_SCOPE='openid profile email'\n"));
    assert!(env.contains("HEADSCALE_OIDC_CLIENT_SECRET_PATH='${CREDENTIALS_DIRECTORY}/oidc_client_secret'\n"));
    assert!(env.contains(r#"HEADSCALE_OIDC_EXTRA_PARAMS='{"login_hint":"o'\''brien@example.com"}'"#));
    assert!(env.contains("HEADSCALE_NODE_EXPIRY=180d\n"));
    let compose = outputs.headscale.env.compose();
    assert!(
        compose.contains("      HEADSCALE_OIDC_CLIENT_SECRET_PATH: \"$${CREDENTIALS_DIRECTORY}/oidc_client_secret\"\n")
    );
    assert!(compose.contains("      HEADSCALE_OIDC_PKCE_ENABLED: \"true\"\n"));
    let document: Value = serde_yaml::from_str(&compose).unwrap();
    let environment = &document["services"]["headscale"]["environment"];
    assert!(environment.as_mapping().unwrap().values().all(Value::is_string), "compose wants strings only");
}

#[test]
fn a_group_with_a_space_is_left_out_of_the_environment_with_a_reason() {
    let outputs = render(&with(|i| i.allowed_groups = "Headscale Users\nops".into()));
    let env = outputs.headscale.env.env_file();
    assert!(!env.contains("HEADSCALE_OIDC_ALLOWED_GROUPS="));
    assert!(env.contains("# HEADSCALE_OIDC_ALLOWED_GROUPS is left out: \"Headscale Users\" contains white space"));
    assert!(yaml_of(&with(|i| i.allowed_groups = "Headscale Users".into())).contains("    - Headscale Users\n"));
}

fn keys(mapping: &Mapping) -> Vec<&str> {
    mapping.keys().map(|k| k.as_str().unwrap()).collect()
}

/// An oracle independent of the typed parse-back: read as generic YAML, the document has only
/// the top-level keys it should, and no value that is not a string, boolean, list or map.
fn assert_shape(text: &str, expect_node: bool) {
    let document: Value = serde_yaml::from_str(text).expect("valid YAML");
    let top = keys(document.as_mapping().unwrap());
    assert_eq!(top, if expect_node { vec!["oidc", "node"] } else { vec!["oidc"] });
    fn walk(value: &Value) {
        match value {
            Value::String(_) | Value::Bool(_) => {}
            Value::Sequence(items) => items.iter().for_each(|item| assert!(item.is_string(), "{item:?}")),
            Value::Mapping(map) => map.iter().for_each(|(k, v)| {
                assert!(k.is_string());
                walk(v)
            }),
            other => panic!("unexpected {other:?}"),
        }
    }
    walk(&document);
}

/// Text full of what breaks YAML and environment files.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        r#"[-a-z0-9 :#&*!%@'"\\.,\[\]{}|>?~=<$\n\t/]{0,24}"#,
        prop::sample::select(vec![
            "yes",
            "no",
            "on",
            "off",
            "~",
            "null",
            "0",
            "0s",
            "180d",
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
            "\nextra: key",
            "k=v",
            "Prompt=x\nscope=y",
            "${HOME}/x",
            "'quoted'",
        ])
        .prop_map(str::to_string),
    ]
}

fn version() -> impl Strategy<Value = HeadscaleVersion> {
    prop::sample::select(HEADSCALE_RELEASES.iter().map(|release| release.version).collect::<Vec<_>>())
}

fn delivery() -> impl Strategy<Value = SecretDelivery> {
    prop::sample::select(SecretDelivery::ALL.to_vec())
}

prop_compose! {
    fn any_inputs()(
        texts in prop::collection::vec(nasty(), 15),
        flags in prop::collection::vec(any::<bool>(), 4),
        headscale_version in version(),
        secret_delivery in delivery(),
    ) -> Inputs {
        Inputs {
            headscale_url: texts[0].clone(), authentik_url: texts[1].clone(), app_name: texts[2].clone(),
            slug: texts[3].clone(), client_id: texts[4].clone(), client_secret: texts[5].clone(),
            scopes: texts[6].clone(), allowed_groups: texts[7].clone(), allowed_users: texts[8].clone(),
            allowed_domains: texts[9].clone(), pkce_method: texts[10].clone(), client_secret_path: texts[11].clone(),
            expiry: texts[12].clone(), extra_params: texts[13].clone(),
            pkce_enabled: flags[0], only_start_if_oidc_is_available: flags[1], use_expiry_from_token: flags[2],
            email_verified_required: flags[3], headscale_version, secret_delivery,
            ..Inputs::default()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn no_input_adds_a_key_or_a_key_the_release_rejects_and_both_forms_agree(inputs in any_inputs()) {
        let outputs = render(&inputs);
        let headscale = &outputs.headscale;
        let version = inputs.headscale_version;
        match &headscale.yaml {
            Ok(text) => {
                assert_shape(text, headscale.settings.node_expiry.is_some());
                let parsed = parse(text);
                prop_assert!(parsed.fits(version), "a key {} does not read", version.label());
                prop_assert_eq!(&parsed, &headscale.settings.for_file(inputs.secret_delivery));
            }
            // Withholding output is only acceptable together with a field message.
            Err(_) => prop_assert!(outputs.diagnostics.iter().any(|d| d.severity() == Severity::Error)),
        }
        // The environment gives back the same settings, except what it had to leave out.
        let env = &headscale.env;
        let mut expected = headscale.settings.clone();
        for key in expected.keys() {
            if env.left_out.iter().any(|note| note.starts_with(&key.env_var())) {
                expected.clear(key);
            }
        }
        if let Some(pairs) = &mut expected.extra_params {
            pairs.sort();
        }
        prop_assert_eq!(read_env_file(&env.env_file()), expected);
        let compose: Value = serde_yaml::from_str(&env.compose()).expect("compose YAML");
        prop_assert!(compose["services"]["headscale"]["environment"].is_mapping() || env.variables.is_empty());
    }
}

#[test]
fn an_output_error_says_what_failed_and_carries_no_value() {
    assert_eq!(
        OutputError::Unparsable("line 3: bad indentation".into()).to_string(),
        "the generated text does not parse back: line 3: bad indentation"
    );
    assert_eq!(
        OutputError::Mismatch.to_string(),
        "the generated text parses back to other values than the ones entered"
    );
}

#[test]
fn the_environment_note_stands_once_where_the_secret_would_be() {
    let text = render(&with(|i| i.secret_delivery = SecretDelivery::Environment)).headscale.yaml.clone().unwrap();
    let note = "  # The client secret comes from HEADSCALE_OIDC_CLIENT_SECRET in Headscale's environment.";
    let lines: Vec<&str> = text.lines().collect();
    let at: Vec<usize> = lines.iter().enumerate().filter(|(_, line)| **line == note).map(|(at, _)| at).collect();
    assert_eq!(at.len(), 1, "{text}");
    assert!(lines[at[0] - 1].starts_with("  client_id:"), "{text}");
    let inline = render(&example()).headscale.yaml.clone().unwrap();
    assert!(!inline.contains("HEADSCALE_OIDC_CLIENT_SECRET"), "{inline}");
}
