//! Importing Headscale configurations: problems with their lines, the form filled in, round
//! trips, and hostile input.

use std::sync::mpsc;
use std::time::Duration;

use crate::common::{example, with};
use proptest::prelude::*;
use sso_playground::engine::import::Pasted;
use sso_playground::engine::import::{import, Import, ImportError, MAX_BYTES};
use sso_playground::engine::inputs::SecretDelivery;
use sso_playground::engine::versions::authentik::AuthentikVersion;
use sso_playground::engine::versions::headscale::{HeadscaleVersion, HEADSCALE_RELEASES};
use sso_playground::engine::{render, Check, Field, Inputs, Severity};

fn run(text: &str, current: &Inputs) -> Import {
    import(text, current).unwrap_or_else(|error| panic!("import failed: {error}"))
}

/// `(line, check)` of every finding.
fn lines(found: &Import) -> Vec<(usize, &'static str)> {
    found.findings.iter().map(|f| (f.position.map_or(0, |p| p.line), f.diagnostic.check.info().id)).collect()
}

/// The oidc example of authentik's Headscale guide, as people copy it: a Keycloak-style group,
/// a placeholder scope, PKCE on.
const AUTHENTIK_GUIDE: &str = r#"oidc:
  issuer: "https://authentik.company/application/o/headscale/"
  client_id: "<client id>"
  client_secret: "<client secret>"
  scope: ["openid", "profile", "email", "custom"]
  extra_params:
    domain_hint: example.com
  allowed_domains:
    - example.com
  allowed_groups:
    - /headscale
  allowed_users:
    - alice@example.com
  pkce:
    enabled: true
"#;

#[test]
fn the_authentik_guide_example_imports_with_exactly_its_problems() {
    let found = run(AUTHENTIK_GUIDE, &example());
    assert_eq!(found.source, Pasted::OidcSection);
    assert_eq!(
        lines(&found),
        [
            // The guide's placeholders are not values: reported, and left out of the form.
            (3, "placeholder"),
            (4, "placeholder"),
            (5, "scope-unmapped"),
            // authentik 2026.8 marks emails unverified; Headscale 0.29 then refuses the domain.
            (8, "email-verified"),
            (11, "group-leading-slash"),
        ]
    );
    let inputs = &found.inputs;
    assert_eq!(inputs.allowed_groups, "/headscale");
    assert_eq!(inputs.scopes, "openid profile email custom");
    assert_eq!(inputs.extra_params, "domain_hint=example.com");
    assert_eq!(inputs.client_id, example().client_id, "the placeholder is not applied");
    assert!(inputs.pkce_enabled && inputs.pkce_method == "S256");
    // Only what the guide says differs from the form is changed.
    let changed: Vec<Field> = found.changes.iter().map(|c| c.field).collect();
    assert_eq!(
        changed,
        [
            Field::Scopes,
            Field::AllowedGroups,
            Field::AllowedUsers,
            Field::AllowedDomains,
            Field::Expiry,
            Field::ExtraParams,
        ]
    );
}

/// A configuration from an older guide: strip_email_domain and a 180-day oidc.expiry.
const OLD_GUIDE: &str = "server_url: https://headscale.example.com
listen_addr: 0.0.0.0:8080
oidc:
  only_start_if_oidc_is_available: true
  issuer: https://auth.example.com/application/o/headscale/
  client_id: headscale
  client_secret_path: /etc/headscale/oidc_secret
  scope: [openid, profile, email]
  strip_email_domain: true
  expiry: 180d
";

#[test]
fn strip_email_domain_stops_0_26_and_later_and_only_there() {
    for release in HEADSCALE_RELEASES {
        let current = with(|i| i.headscale_version = release.version);
        let found = run(OLD_GUIDE, &current);
        assert_eq!(found.source, Pasted::Config);
        let fatal =
            found.findings.iter().any(|f| f.diagnostic.check == Check::KeyRemoved && f.position.unwrap().line == 9);
        assert_eq!(fatal, release.version >= HeadscaleVersion(26), "{}", release.label);
    }
    let found = run(OLD_GUIDE, &with(|i| i.headscale_version = HeadscaleVersion(27)));
    assert_eq!(found.inputs.headscale_url, "https://headscale.example.com");
    assert_eq!(found.inputs.authentik_url, "https://auth.example.com");
    assert_eq!(found.inputs.secret_delivery, SecretDelivery::File);
    assert_eq!(found.inputs.client_secret_path, "/etc/headscale/oidc_secret");
    assert_eq!(found.inputs.expiry, "180d");
}

#[test]
fn a_0_28_expiry_is_fatal_on_0_29_and_moves_to_node_expiry() {
    let config = "oidc:\n  issuer: https://auth.example.com/application/o/headscale/\n  client_id: hs\n  client_secret: s\n  expiry: 30d\n";
    let on_28 = run(config, &with(|i| i.headscale_version = HeadscaleVersion(28)));
    assert!(!on_28.findings.iter().any(|f| f.diagnostic.check == Check::KeyRemoved));
    let on_29 = run(config, &example());
    assert_eq!(lines(&on_29), [(5, "key-removed")]);
    assert_eq!(on_29.findings[0].diagnostic.cause(), "oidc.expiry was removed, and this Headscale version refuses to start while it is set, in config.yaml or in the environment.");
    // Applying it writes node.expiry instead.
    assert_eq!(on_29.inputs.expiry, "30d");
    assert!(render(&on_29.inputs).headscale.yaml.clone().unwrap().contains("node:\n  expiry: \"30d\""));
}

#[test]
fn each_kind_of_problem_has_its_line() {
    let config = r#"server_url: ftp://headscale.example.com
oidc:
  issuer: https://auth.example.com/application/o/headscale
  client_id: 12345678
  client_secret: s
  client_secret_path: /run/secret
  allowed_group: [admins]
  allowed_groups: headscale admins
  use_expiry_from_token: "maybe"
  only_start_if_oidc_is_available: yes
  extra_params:
    prompt: [login]
  pkce:
    enabled: true
    method: s256
    methods: S256
  email_verified_required:
node:
  expiry: 1.5h
"#;
    let found = run(config, &example());
    assert_eq!(
        lines(&found),
        [
            (1, "headscale-url-scheme"),
            (3, "issuer-trailing-slash"),
            (4, "not-a-string"),
            (6, "secret-both"),
            (7, "unknown-key"),
            (8, "scalar-for-list"),
            (9, "string-for-bool"),
            (10, "yes-no-string"),
            // yes is read as false, which the live checks then explain.
            (10, "only-start-disabled"),
            (12, "wrong-type"),
            (15, "pkce-method-case"),
            (16, "unknown-key"),
            (17, "empty-value"),
            (19, "expiry-invalid"),
        ]
    );
    let causes: Vec<String> = found.findings.iter().map(|f| f.diagnostic.cause()).collect();
    assert!(causes[2].contains("oidc.client_id (read as “12345678”)"));
    assert!(causes[4].contains("did you mean allowed_groups?"));
    assert!(causes[5].contains("read as headscale, admins"));
    assert!(causes[11].contains("“oidc.pkce.methods” (did you mean method?)"));
    assert_eq!(found.findings[0].position.unwrap().column, 1);
    assert_eq!(found.findings[4].position.unwrap().column, 3);
    // What Headscale would really use fills the form.
    assert_eq!(found.inputs.allowed_groups, "headscale\nadmins");
    assert!(!found.inputs.only_start_if_oidc_is_available, "yes is read as false");
}

#[test]
fn key_names_match_in_any_case_as_headscale_reads_them() {
    let config = "OIDC:\n  Issuer: https://a.example.com/application/o/hs/\n  Client_ID: x\n  client_secret: y\n  PKCE:\n    Enabled: true\n  Allowed_Groups:\n    - /ops\n  Alowed_Users: [a@example.com]\nNode:\n  Expiry: 30d\n";
    let found = run(config, &example());
    assert_eq!(found.inputs.slug, "hs");
    assert_eq!(found.inputs.client_id, "x");
    assert!(found.inputs.pkce_enabled);
    assert_eq!(found.inputs.expiry, "30d");
    // Problems still point at the line as written.
    assert_eq!(lines(&found), [(8, "group-leading-slash"), (9, "unknown-key")]);
    assert!(found.findings[1].diagnostic.cause().contains("did you mean allowed_users?"));
}

#[test]
fn group_problems_point_at_the_list_item() {
    let config = "oidc:\n  issuer: https://a.example.com/application/o/hs/\n  client_id: x\n  client_secret: y\n  allowed_groups:\n    - ops\n    - /headscale\n    - team/ops\n";
    let found = run(config, &example());
    assert_eq!(lines(&found), [(7, "group-leading-slash"), (8, "group-path")]);
    assert_eq!(found.findings[0].position.unwrap().column, 7, "the value after the dash");
}

#[test]
fn only_the_keys_of_the_oidc_section_are_understood_too() {
    let found = run(
        "issuer: https://a.example.com/application/o/hs/\nclient_id: x\nclient_secret: y\nallowed_groups:\n  - /ops\n",
        &example(),
    );
    assert_eq!(found.source, Pasted::OidcSection);
    assert_eq!(found.inputs.slug, "hs");
    assert_eq!(lines(&found), [(5, "group-leading-slash")]);
}

#[test]
fn environment_variables_import_with_viper_rules() {
    let text = "# from the unit file\nexport HEADSCALE_OIDC_ISSUER=https://sso.example.org/application/o/tailnet/\nHEADSCALE_OIDC_CLIENT_ID=abc\nHEADSCALE_OIDC_CLIENT_SECRET='s3cret'\nHEADSCALE_OIDC_ALLOWED_GROUPS=\"ops admins\"\nHEADSCALE_OIDC_EXTRA_PARAMS='{\"prompt\":\"login\"}'\nHEADSCALE_OIDC_PKCE_ENABLE=true\nHEADSCALE_OIDC_EXPIRY=30d\nHEADSCALE_OIDC_SCOPE=\n";
    let found = run(text, &example());
    assert_eq!(found.source, Pasted::Environment);
    let inputs = &found.inputs;
    assert_eq!((inputs.authentik_url.as_str(), inputs.slug.as_str()), ("https://sso.example.org", "tailnet"));
    assert_eq!(inputs.client_secret, "s3cret");
    assert_eq!(inputs.secret_delivery, SecretDelivery::Environment);
    assert_eq!(inputs.allowed_groups, "ops\nadmins");
    assert_eq!(inputs.extra_params, "prompt=login");
    assert_eq!(inputs.scopes, example().scopes, "an empty variable is ignored");
    // ... and said so at its line, as Headscale then reads config.yaml's value.
    assert_eq!(lines(&found), [(7, "unknown-key"), (8, "key-removed"), (9, "empty-value")]);
    assert!(found.findings[0].diagnostic.cause().contains("did you mean HEADSCALE_OIDC_PKCE_ENABLED?"));
}

#[test]
fn the_environment_outputs_import_back() {
    let original = with(|i| {
        i.allowed_groups = "ops\nadmins".into();
        i.extra_params = "prompt=login".into();
        i.secret_delivery = SecretDelivery::Environment;
    });
    let outputs = render(&original);
    for text in [outputs.headscale.env.env_file(), outputs.headscale.env.compose()] {
        let found = run(&text, &original);
        assert_eq!(found.source, Pasted::Environment);
        assert_eq!(found.inputs, original, "{text}");
        assert_eq!(found.changes, []);
    }
}

#[test]
fn unreadable_input_is_refused_with_a_reason() {
    assert_eq!(import("  \n ", &example()), Err(ImportError::Empty));
    assert_eq!(import("listen_addr: 0.0.0.0:8080\n", &example()), Err(ImportError::NothingFound));
    assert_eq!(import("- a\n- b\n", &example()), Err(ImportError::NothingFound));
    match import("oidc:\n  issuer: [unclosed\n  client_id: x\n", &example()) {
        Err(ImportError::Yaml { message, position: Some(position) }) => {
            assert!(position.line >= 2, "{message}");
            assert!(ImportError::Yaml { message: message.clone(), position: Some(position) }
                .to_string()
                .contains("not valid YAML"));
        }
        other => panic!("{other:?}"),
    }
    let big = "#".repeat(MAX_BYTES + 1);
    assert_eq!(import(&big, &example()), Err(ImportError::TooLarge { bytes: MAX_BYTES + 1 }));
}

/// Runs the import on another thread and fails if it takes unreasonably long: a guard against
/// hangs, not a speed measurement.
fn refused_in_time(text: String) -> Result<Import, ImportError> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(import(&text, &example()));
    });
    receive.recv_timeout(Duration::from_secs(20)).expect("the import returned in time")
}

#[test]
fn hostile_input_is_refused_in_bounded_time() {
    let mut bomb = String::from("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for level in b'b'..=b'i' {
        let previous = (level - 1) as char;
        let refs = vec![format!("*{previous}"); 9].join(",");
        bomb.push_str(&format!("{}: &{} [{refs}]\n", level as char, level as char));
    }
    bomb.push_str("oidc:\n  allowed_groups: *i\n");
    assert!(refused_in_time(bomb).is_err(), "alias bomb");
    let nested = format!("oidc:\n  allowed_groups: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    assert!(refused_in_time(nested).is_err(), "deep nesting");
    let block_nested = format!("oidc:\n  allowed_groups:\n{}x\n", "- ".repeat(50_000));
    assert!(refused_in_time(block_nested).is_err(), "deep block nesting");
    assert!(matches!(refused_in_time("a: b\n".repeat((5 << 20) / 5)), Err(ImportError::TooLarge { .. })), "5 MiB");
    let garbage: Vec<u8> = (0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert!(refused_in_time(String::from_utf8_lossy(&garbage).into_owned()).is_err(), "binary garbage");
    let long_line = format!("oidc:\n  client_id: {}\n", "x".repeat(MAX_BYTES - 100));
    assert!(refused_in_time(long_line).is_ok(), "a long line within the limit is read");
}

/// Text that is valid for its field but full of what YAML misreads.
fn tricky() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ._~:#@/'\"*&!%-]{1,16}",
        prop::sample::select(vec!["yes", "on", "~", "null", "0", "0123", "- x", "a: b", "#x", "2001-12-14", "'q'"])
            .prop_map(str::to_string),
    ]
}

fn lines_of(item: impl Strategy<Value = String>, separator: &'static str) -> impl Strategy<Value = String> {
    prop::collection::vec(item, 0..3).prop_map(move |items| items.join(separator))
}

prop_compose! {
    fn accepted_inputs()(
        client_id in tricky(),
        client_secret in tricky(),
        groups in lines_of(prop_oneof!["[^\\p{Cc}\\x{2028}\\x{2029}]{1,12}", tricky()], "\n"),
        users in lines_of("[a-z0-9.]{1,6}@[a-z]{1,6}\\.(org|com|io)", ", "),
        domains in lines_of("[a-z]{1,6}\\.(org|example|io)", " "),
        expiry in prop::sample::select(vec!["", "180d", "0", "12w", "1h30m", "0s", "bogus"]),
        params in lines_of(("[a-z_]{1,8}", "[^\\p{Cc}\\x{2028}\\x{2029}=]{0,12}").prop_map(|(k, v)| format!("{k}={v}")), "\n"),
        flags in prop::collection::vec(any::<bool>(), 5),
        version in prop::sample::select(HEADSCALE_RELEASES.iter().map(|r| r.version).collect::<Vec<_>>()),
        delivery in prop::sample::select(SecretDelivery::ALL.to_vec()),
        pkce_method in prop::sample::select(vec!["S256", "plain"]),
        slug in "[a-zA-Z0-9_-]{1,20}",
    ) -> Inputs {
        Inputs {
            slug, client_id, client_secret, allowed_groups: groups, allowed_users: users, allowed_domains: domains,
            expiry: expiry.into(), extra_params: params,
            pkce_enabled: flags[0], only_start_if_oidc_is_available: flags[1], use_expiry_from_token: flags[2],
            email_verified_required: flags[3], verified_email_mapping: flags[4],
            headscale_version: version, secret_delivery: delivery, pkce_method: pkce_method.into(),
            client_secret_path: "/etc/headscale/secret".into(),
            authentik_version: AuthentikVersion::default(),
            ..example()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn importing_the_emitted_yaml_gives_back_the_same_inputs(inputs in accepted_inputs()) {
        let outputs = render(&inputs);
        prop_assume!(outputs.diagnostics.iter().all(|d| d.severity() != Severity::Error));
        let yaml = outputs.headscale.yaml.clone().expect("accepted inputs give YAML");
        let found = run(&yaml, &inputs);
        prop_assert_eq!(&found.inputs, &inputs);
        prop_assert_eq!(found.changes.len(), 0);
        // Nothing the live checks do not already say.
        for finding in &found.findings {
            prop_assert!(outputs.diagnostics.contains(&finding.diagnostic), "new problem {:?}", finding.diagnostic);
        }
    }

    #[test]
    fn no_text_makes_the_import_panic(text in any::<String>()) {
        let _ = import(&text, &example());
    }
}

#[test]
fn the_oidc_keys_alone_are_found_by_the_client_id_too() {
    let found = run("client_id: hs-client\nclient_secret: s3cret\n", &example());
    assert_eq!(found.source, Pasted::OidcSection);
    assert_eq!(found.inputs.client_id, "hs-client");
}

#[test]
fn a_changed_flag_is_shown_as_on_and_off() {
    let found = run(
        "oidc:\n  issuer: https://sso.example.org/application/o/headscale/\n  pkce:\n    enabled: false\n",
        &example(),
    );
    let pkce = found.changes.iter().find(|c| c.field == Field::PkceEnabled).expect("PKCE changes");
    assert_eq!((pkce.before.as_str(), pkce.after.as_str()), ("on", "off"));
}

#[test]
fn addresses_that_mean_the_same_keep_what_was_typed() {
    let current = with(|i| {
        i.headscale_url = "vpn.example.org".into();
        i.authentik_url = "sso.example.org".into();
    });
    let found = run(
        "server_url: https://vpn.example.org\noidc:\n  issuer: https://sso.example.org/application/o/headscale/\n",
        &current,
    );
    assert_eq!(
        (found.inputs.headscale_url.as_str(), found.inputs.authentik_url.as_str()),
        ("vpn.example.org", "sso.example.org")
    );
    assert!(
        !found.changes.iter().any(|c| matches!(c.field, Field::HeadscaleUrl | Field::AuthentikUrl)),
        "{:?}",
        found.changes
    );
}

#[test]
fn a_variable_left_out_changes_nothing_while_a_key_left_out_is_headscales_default() {
    let current = with(|i| {
        i.scopes = "openid email".into();
        i.allowed_groups = "ops".into();
    });
    let issuer = "https://sso.example.org/application/o/headscale/";
    let from_env = run(&format!("HEADSCALE_OIDC_ISSUER={issuer}\n"), &current);
    assert_eq!((from_env.inputs.scopes.as_str(), from_env.inputs.allowed_groups.as_str()), ("openid email", "ops"));
    let from_file = run(&format!("oidc:\n  issuer: {issuer}\n"), &current);
    assert_eq!(
        (from_file.inputs.scopes.as_str(), from_file.inputs.allowed_groups.as_str()),
        ("openid profile email", "")
    );
}

#[test]
fn a_file_without_a_secret_or_a_flag_or_a_method_means_headscales_defaults() {
    let issuer = "https://sso.example.org/application/o/headscale/";
    let current = with(|i| {
        i.only_start_if_oidc_is_available = false;
        i.pkce_method = "plain".into();
    });
    let file = run(&format!("oidc:\n  issuer: {issuer}\n  pkce:\n    enabled: true\n"), &current);
    assert!(file.inputs.only_start_if_oidc_is_available, "only_start_if_oidc_is_available defaults to true");
    assert_eq!(file.inputs.pkce_method, "S256");
    // No secret in config.yaml: it must come from the environment.
    assert_eq!(file.inputs.secret_delivery, SecretDelivery::Environment);
    // Variables left out change nothing, the secret's delivery included.
    let by_file = with(|i| i.secret_delivery = SecretDelivery::File);
    let env = run(&format!("HEADSCALE_OIDC_ISSUER={issuer}\n"), &by_file);
    assert_eq!(env.inputs.secret_delivery, SecretDelivery::File);
}
