//! The authentik side: the release table, the wizard values, the blueprint and the Terraform.

use crate::common::{example, with};
use proptest::prelude::*;
use serde_yaml::{Mapping, Value};
use sso_playground::engine::authentik::blueprint::{
    APPLICATION_MODEL, BINDING_MODEL, GROUP_MODEL, PROVIDER_MODEL, SCOPE_MAPPING_MODEL,
};
use sso_playground::engine::credentials::{alphanumeric, CLIENT_SECRET_LENGTH};
use sso_playground::engine::versions::authentik::{AuthentikVersion, RedirectUris, AUTHENTIK_RELEASES};
use sso_playground::engine::{render, Inputs, Severity};

fn ak(version: &str) -> AuthentikVersion {
    AuthentikVersion::parse(version).unwrap_or_else(|| panic!("no release {version}"))
}

/// The release facts, written out by hand from authentik's release notes, newest first:
/// redirect URI format (R regex, S strict, T strict with type), the wizard's old text field for
/// redirect URIs, invalidation flow, grant types, slug limit, default email_verified.
type Facts = (&'static str, char, bool, bool, bool, Option<usize>, bool);

const FACTS: &[Facts] = &[
    ("2026.11", 'T', false, true, true, None, false),
    ("2026.8", 'T', false, true, true, None, false),
    ("2026.5", 'T', false, true, true, None, false),
    ("2026.2", 'S', false, true, false, None, false),
    ("2025.12", 'S', false, true, false, None, false),
    ("2025.10", 'S', false, true, false, Some(50), false),
    ("2025.8", 'S', false, true, false, Some(50), true),
    ("2025.6", 'S', false, true, false, Some(50), true),
    ("2025.4", 'S', false, true, false, Some(50), true),
    ("2025.2", 'S', false, true, false, Some(50), true),
    ("2024.12", 'S', false, true, false, Some(50), true),
    ("2024.10.4", 'S', false, true, false, Some(50), true),
    ("2024.10.3", 'S', true, true, false, Some(50), true),
    ("2024.10.0", 'R', true, true, false, Some(50), true),
    ("2024.8.6", 'S', false, false, false, Some(50), true),
    ("2024.8.5", 'S', true, false, false, Some(50), true),
    ("2024.8.0", 'R', true, false, false, Some(50), true),
];

#[test]
fn the_release_table_matches_authentiks_history() {
    assert_eq!(AUTHENTIK_RELEASES.len(), FACTS.len());
    for (release, (key, uris, text_field, invalidation, grants, slug_max, verified)) in
        AUTHENTIK_RELEASES.iter().zip(FACTS)
    {
        assert_eq!(release.key, *key);
        let kind = match release.redirect_uris {
            RedirectUris::Regex => 'R',
            RedirectUris::Strict => 'S',
            RedirectUris::StrictTyped => 'T',
        };
        assert_eq!(kind, *uris, "{key}");
        assert_eq!(release.wizard_redirect_text, *text_field, "{key}");
        assert_eq!(release.invalidation_flow, *invalidation, "{key}");
        assert_eq!(release.grant_types, *grants, "{key}");
        assert_eq!(release.slug_max, *slug_max, "{key}");
        assert_eq!(release.email_verified_default, *verified, "{key}");
    }
    assert_eq!(ak("2026.2").release().group_accessor, "request.user.groups.all()");
    assert_eq!(ak("2025.12").release().group_accessor, "request.user.ak_groups.all()");
    assert!(ak("2026.11").release().preview && !ak("2026.8").release().preview);
}

#[test]
fn versions_parse_to_their_release_line() {
    assert_eq!(AuthentikVersion::default(), ak("2026.8"));
    assert_eq!(ak("2026.8.7").key(), "2026.8");
    assert_eq!(ak("2024.10.1").key(), "2024.10.0");
    assert_eq!(ak("2024.10.3").key(), "2024.10.3");
    assert_eq!(ak("2024.10.4").key(), "2024.10.4");
    assert_eq!(ak("2024.10.5").key(), "2024.10.4");
    assert_eq!(ak("2024.8.5").key(), "2024.8.5");
    assert_eq!(ak("2024.8.6").key(), "2024.8.6");
    assert_eq!(ak("2024.10").key(), "2024.10.4", "without a patch, the newest line");
    assert_eq!(ak("v2025.12.0-rc1").key(), "2025.12");
    assert_eq!(AuthentikVersion::parse("2024.6"), None);
    assert_eq!(AuthentikVersion::parse("2027.2"), None);
    assert_eq!(AuthentikVersion::parse("banana"), None);
}

fn inputs_for(version: &str, groups: &str) -> Inputs {
    with(|i| {
        i.authentik_version = ak(version);
        i.allowed_groups = groups.into();
    })
}

#[test]
fn wizard_settings_of_each_era() {
    for version in ["2026.8", "2025.8", "2024.10.3", "2024.8.0"] {
        insta::assert_snapshot!(
            format!("settings_{version}"),
            render(&inputs_for(version, "")).authentik.wizard.to_text()
        );
    }
    let mapping = with(|i| {
        i.verified_email_mapping = true;
        i.allowed_groups = "headscale-users".into();
    });
    insta::assert_snapshot!("settings_verified_email", render(&mapping).authentik.wizard.to_text());
}

#[test]
fn blueprint_and_terraform_of_each_era_with_and_without_groups() {
    for version in ["2026.8", "2025.8", "2024.8.5", "2024.8.0"] {
        for (suffix, groups) in [("", ""), ("_groups", "headscale-users\nHeadscale Admins")] {
            let outputs = render(&inputs_for(version, groups));
            insta::assert_snapshot!(
                format!("blueprint_{version}{suffix}"),
                outputs.authentik.blueprint().clone().unwrap()
            );
            insta::assert_snapshot!(format!("terraform_{version}{suffix}"), terraform_text(&outputs, false));
        }
    }
    let mapping = with(|i| {
        i.verified_email_mapping = true;
        i.allowed_users = "alice@example.com".into();
    });
    let outputs = render(&mapping);
    insta::assert_snapshot!("blueprint_verified_email", outputs.authentik.blueprint().clone().unwrap());
    insta::assert_snapshot!("terraform_verified_email", terraform_text(&outputs, false));
}

#[test]
fn endpoints_are_listed_for_checking_the_setup() {
    let text = render(&with(|i| i.authentik_url = "https://example.org/auth".into())).authentik.wizard.to_text();
    for line in [
        "Issuer: https://example.org/auth/application/o/headscale/",
        "Discovery document: https://example.org/auth/application/o/headscale/.well-known/openid-configuration",
        "JWKS: https://example.org/auth/application/o/headscale/jwks/",
        "Authorize: https://example.org/auth/application/o/authorize/",
        "Token: https://example.org/auth/application/o/token/",
        "UserInfo: https://example.org/auth/application/o/userinfo/",
        "End session: https://example.org/auth/application/o/headscale/end-session/",
    ] {
        assert!(text.contains(line), "missing {line}");
    }
}

#[test]
fn the_redirect_uri_follows_the_era() {
    let settings = |version: &str| render(&inputs_for(version, "")).authentik.wizard.to_text();
    assert!(settings("2026.5").contains("Redirect URI type: Authorization"));
    assert!(!settings("2026.2").contains("Redirect URI type"));
    assert!(settings("2026.2").contains("Redirect URI: https://headscale.company/oidc/callback"));
    assert!(settings("2024.10.0").contains(r"Redirect URIs/Origins (RegEx): https://headscale\.company/oidc/callback"));
    // The two patches that fixed CVE-2024-52289 store exact URIs, but their wizard kept the old
    // text field until the next patch.
    for version in ["2024.8.5", "2024.10.3"] {
        let text = settings(version);
        assert!(text.contains("Redirect URIs/Origins (RegEx): https://headscale.company/oidc/callback"), "{version}");
        assert!(!text.contains("Redirect URI matching"), "{version}");
    }
    for version in ["2024.8.6", "2024.10.4"] {
        let text = settings(version);
        assert!(text.contains("Redirect URI matching: Strict") && !text.contains("RegEx"), "{version}");
    }
}

fn entries(blueprint: &str) -> Vec<Mapping> {
    let document: Value = serde_yaml::from_str(blueprint).expect("the blueprint parses, tags included");
    assert_eq!(document["version"], Value::Number(1.into()));
    document["entries"].as_sequence().unwrap().iter().map(|entry| entry.as_mapping().unwrap().clone()).collect()
}

fn keys(mapping: &Value) -> Vec<String> {
    mapping.as_mapping().map(|m| m.keys().map(|k| k.as_str().unwrap().to_string()).collect()).unwrap_or_default()
}

fn tag_of(value: &Value) -> Option<(String, &Value)> {
    match value {
        Value::Tagged(tagged) => Some((tagged.tag.to_string(), &tagged.value)),
        _ => None,
    }
}

/// Checks one blueprint against the models and required attributes of authentik's importer,
/// and returns the number of entries per model.
fn assert_blueprint_shape(text: &str, version: AuthentikVersion, groups: usize, mapping: bool) {
    let release = version.release();
    let entries = entries(text);
    let mut ids: Vec<String> = Vec::new();
    let expected_count = 2 + 2 * groups + usize::from(mapping);
    assert_eq!(entries.len(), expected_count, "entries");
    for entry in &entries {
        let model = entry["model"].as_str().unwrap();
        let entry_keys = keys(&Value::Mapping(entry.clone()));
        let identifiers = keys(&entry["identifiers"]);
        let attrs = keys(entry.get("attrs").unwrap_or(&Value::Null));
        // Every !KeyOf points at an entry that came before.
        for value in entry
            .get("attrs")
            .and_then(Value::as_mapping)
            .into_iter()
            .flatten()
            .map(|(_, v)| v)
            .chain(entry["identifiers"].as_mapping().unwrap().values())
        {
            if let Some((tag, target)) = tag_of(value) {
                if tag == "!KeyOf" {
                    assert!(ids.contains(&target.as_str().unwrap().to_string()), "{target:?} is not defined earlier");
                }
            }
        }
        match model {
            PROVIDER_MODEL => {
                assert_eq!(identifiers, ["name"]);
                let mut expected = vec!["client_type", "client_id", "client_secret", "authorization_flow"];
                if release.invalidation_flow {
                    expected.push("invalidation_flow");
                }
                expected.extend(["signing_key", "property_mappings", "redirect_uris"]);
                if release.grant_types {
                    expected.push("grant_types");
                }
                expected.extend(["sub_mode", "issuer_mode", "include_claims_in_id_token"]);
                assert_eq!(attrs, expected);
                let attrs = &entry["attrs"];
                assert_eq!(attrs["client_type"], Value::String("confidential".into()));
                assert_eq!(tag_of(&attrs["authorization_flow"]).unwrap().0, "!Find");
                let redirect = &attrs["redirect_uris"];
                match release.redirect_uris {
                    RedirectUris::Regex => assert!(redirect.is_string()),
                    RedirectUris::Strict => assert_eq!(keys(&redirect[0]), ["matching_mode", "url"]),
                    RedirectUris::StrictTyped => {
                        assert_eq!(keys(&redirect[0]), ["matching_mode", "url", "redirect_uri_type"])
                    }
                }
                assert_eq!(attrs["property_mappings"].as_sequence().unwrap().len(), 3);
                if release.grant_types {
                    assert_eq!(
                        attrs["grant_types"],
                        serde_yaml::from_str::<Value>("[authorization_code]").unwrap(),
                        "Headscale only exchanges a login code; it never refreshes a token"
                    );
                }
            }
            APPLICATION_MODEL => {
                assert_eq!(identifiers, ["slug"]);
                assert_eq!(attrs, ["name", "provider", "policy_engine_mode"]);
            }
            GROUP_MODEL => {
                assert_eq!(identifiers, ["name"]);
                assert_eq!(entry_keys, ["model", "id", "identifiers"]);
            }
            BINDING_MODEL => {
                assert_eq!(identifiers, ["target", "order"]);
                assert_eq!(attrs, ["group", "enabled"], "exactly one of group, user and policy");
            }
            SCOPE_MAPPING_MODEL => {
                assert!(mapping);
                assert_eq!(identifiers, ["name"]);
                assert_eq!(attrs, ["scope_name", "description", "expression"]);
            }
            other => panic!("unexpected model {other}"),
        }
        if let Some(id) = entry.get("id") {
            ids.push(id.as_str().unwrap().to_string());
        }
    }
}

#[test]
fn every_release_gets_a_blueprint_authentik_can_import() {
    for release in AUTHENTIK_RELEASES {
        for mapping in [false, true] {
            let inputs = with(|i| {
                i.authentik_version = release.version;
                i.allowed_groups = "headscale-users\nops".into();
                i.verified_email_mapping = mapping;
            });
            let blueprint = render(&inputs).authentik.blueprint().clone().expect("verified");
            assert_blueprint_shape(&blueprint, release.version, 2, mapping);
        }
    }
}

/// The Terraform text of a release line.
fn terraform_text(outputs: &sso_playground::engine::Outputs, inline_secret: bool) -> String {
    outputs.authentik.terraform(inline_secret).clone()
}

fn terraform_blocks(text: &str) -> Vec<(String, Vec<String>)> {
    let body: hcl::Body = hcl::parse(text).unwrap_or_else(|error| panic!("invalid HCL: {error}\n{text}"));
    body.blocks()
        .map(|block| {
            let labels = block.labels().iter().map(|label| label.as_str().to_string()).collect();
            (block.identifier().to_string(), labels)
        })
        .collect()
}

fn terraform_string(text: &str, resource: &str, attribute: &str) -> String {
    let body: hcl::Body = hcl::parse(text).unwrap();
    let block = body
        .blocks()
        .find(|block| block.labels().iter().any(|label| label.as_str() == resource))
        .unwrap_or_else(|| panic!("no {resource}"));
    match block.body().attributes().find(|attr| attr.key() == attribute).map(|attr| attr.expr()) {
        Some(hcl::Expression::String(value)) => value.clone(),
        other => panic!("{attribute} is {other:?}"),
    }
}

#[test]
fn terraform_is_valid_hcl_for_every_release() {
    for release in AUTHENTIK_RELEASES {
        let outputs = render(&with(|i| {
            i.authentik_version = release.version;
            i.allowed_groups = "headscale-users\nHeadscale Admins\nheadscale users".into();
        }));
        let text = &terraform_text(&outputs, false);
        let blocks = terraform_blocks(text);
        let resources: Vec<&str> =
            blocks.iter().filter(|(kind, _)| kind == "resource").map(|(_, labels)| labels[0].as_str()).collect();
        assert_eq!(
            resources,
            [
                "authentik_provider_oauth2",
                "authentik_application",
                "authentik_group",
                "authentik_policy_binding",
                "authentik_group",
                "authentik_policy_binding",
                "authentik_group",
                "authentik_policy_binding"
            ]
        );
        let names: Vec<&str> = blocks
            .iter()
            .filter(|(kind, l)| kind == "resource" && l[0] == "authentik_group")
            .map(|(_, l)| l[1].as_str())
            .collect();
        assert_eq!(names, ["headscale_users", "headscale_admins", "headscale_users_2"]);
        assert_eq!(text.contains("grant_types"), release.grant_types, "{}", release.key);
        // The 2024.8 patches send the invalidation flow provider v2024.10.2 requires and ignore
        // the difference authentik answers with.
        let sends_flow = release.invalidation_flow || release.terraform.unknown_invalidation_flow;
        assert_eq!(text.contains("invalidation_flow"), sends_flow, "{}", release.key);
        assert_eq!(text.contains("ignore_changes = [invalidation_flow]"), release.terraform.unknown_invalidation_flow);
        assert_eq!(text.contains("allowed_redirect_uris"), release.redirect_uris != RedirectUris::Regex);
        assert_eq!(text.contains("redirect_uri_type"), release.redirect_uris == RedirectUris::StrictTyped);
    }
}

#[test]
fn a_generated_secret_reaches_every_output() {
    let mut seed = 7u8;
    let secret = alphanumeric(CLIENT_SECRET_LENGTH, |buffer| {
        for byte in buffer.iter_mut() {
            seed = seed.wrapping_mul(31).wrapping_add(17);
            *byte = seed;
        }
    });
    let outputs = render(&with(|i| i.client_secret = secret.clone()));
    assert!(outputs.headscale.yaml.clone().unwrap().contains(&secret));
    assert!(outputs.authentik.blueprint().clone().unwrap().contains(&secret));
    assert_eq!(terraform_string(&terraform_text(&outputs, true), "headscale", "client_secret"), secret);
    assert!(!terraform_text(&outputs, false).contains(&secret), "by default the secret is a variable");
    assert!(outputs.authentik.wizard.to_text().contains(&secret));
}

fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        r#"[-a-z0-9 :#&*!%@'"\\.,\[\]{}|>?~=<$\n\t/]{0,20}"#,
        prop::sample::select(vec![
            "yes",
            "~",
            "0",
            "- x",
            "a: b",
            "#",
            "*a",
            "!KeyOf x",
            "${var.x}",
            "%{ if x }",
            "\"",
            "\\",
            "EOT",
            "\nentries:",
        ])
        .prop_map(str::to_string),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn no_input_adds_an_entry_or_an_attribute(
        texts in prop::collection::vec(nasty(), 7),
        release in prop::sample::select(AUTHENTIK_RELEASES.iter().map(|r| r.version).collect::<Vec<_>>()),
        mapping in any::<bool>(),
    ) {
        let inputs = Inputs {
            headscale_url: texts[0].clone(), authentik_url: texts[1].clone(), app_name: texts[2].clone(),
            slug: texts[3].clone(), client_id: texts[4].clone(), client_secret: texts[5].clone(),
            allowed_groups: texts[6].clone(), authentik_version: release, verified_email_mapping: mapping,
            ..example()
        };
        let outputs = render(&inputs);
        match outputs.authentik.blueprint() {
            Ok(text) => assert_blueprint_shape(text, release, outputs.model.allowed_groups.len(), mapping),
            Err(_) => prop_assert!(outputs.diagnostics.iter().any(|d| d.severity() == Severity::Error)),
        }
        let terraform = &terraform_text(&outputs, true);
        let blocks = terraform_blocks(terraform);
        prop_assert_eq!(blocks.len(), 7 + 2 * outputs.model.allowed_groups.len() + usize::from(mapping) - usize::from(!release.release().invalidation_flow));
        prop_assert_eq!(terraform_blocks(&terraform_text(&outputs, false)).len(), blocks.len() + 1, "one more block: the variable");
        prop_assert_eq!(terraform_string(terraform, "headscale", "client_id"), outputs.model.client_id.clone());
        prop_assert_eq!(terraform_string(terraform, "headscale", "client_secret"), outputs.model.client_secret.clone());
    }
}

#[test]
fn a_tampered_blueprint_does_not_match() {
    use sso_playground::engine::authentik::blueprint::Blueprint;
    use sso_playground::engine::authentik::Plan;
    use sso_playground::engine::Model;
    let plan = Plan::new(&Model::new(&with(|i| i.allowed_groups = "ops".into())));
    let blueprint = Blueprint::new(&plan);
    let text = blueprint.text();
    let parse = |text: &str| serde_yaml::from_str::<Value>(text).unwrap();
    assert!(blueprint.matches(&parse(&text)));
    assert!(!blueprint.matches(&parse(&text.replace("matching_mode: strict", "matching_mode: regex"))));
    assert!(!blueprint.matches(&parse(&text.replace("!KeyOf headscale-provider", "!Find headscale-provider"))));
    assert!(!blueprint
        .matches(&parse(&format!("{text}  - model: authentik_core.group\n    identifiers:\n      name: extra\n"))));
    assert!(!blueprint.matches(&parse(&text.replace("version: 1", "version: 2"))));
    assert!(!blueprint.matches(&parse("[]")));
}

#[test]
fn authentik_outputs_are_equal_exactly_when_their_plans_are() {
    // The UI skips drawing the authentik panels again when the outputs are equal.
    let outputs = |inputs: &Inputs| sso_playground::engine::render(inputs).authentik;
    assert!(*outputs(&example()) == *outputs(&example()));
    assert!(*outputs(&example()) != *outputs(&with(|i| i.slug = "tailnet".into())));
}
