//! Sentences the outputs and checks say, held to what Headscale and authentik really do, release
//! by release. Each test fails on an earlier wording that said more than is true.

use crate::common::{example, fired, with};
use sso_playground::engine::import::import;
use sso_playground::engine::versions::authentik::AuthentikVersion;
use sso_playground::engine::versions::headscale::HeadscaleVersion;
use sso_playground::engine::{render, Check, Diagnostic, Field, Inputs, Severity};

fn ak(version: &str) -> AuthentikVersion {
    AuthentikVersion::parse(version).unwrap()
}

fn diagnostics(inputs: &Inputs) -> Vec<Diagnostic> {
    render(inputs).diagnostics
}

fn message(inputs: &Inputs, check: Check) -> String {
    diagnostics(inputs)
        .iter()
        .find(|d| d.check == check)
        .unwrap_or_else(|| panic!("{} did not fire", check.info().id))
        .cause()
}

#[test]
fn a_zero_length_expiry_only_warns_where_it_expires_nodes_at_once() {
    for (minor, warns) in [(22, true), (28, true), (29, false)] {
        let inputs = with(|i| {
            i.headscale_version = HeadscaleVersion(minor);
            i.expiry = "0s".into();
        });
        assert_eq!(fired(&inputs).contains(&Check::ExpiryZeroSeconds), warns, "0.{minor}");
    }
    let bare_zero = with(|i| {
        i.headscale_version = HeadscaleVersion(28);
        i.expiry = "0".into();
    });
    assert!(!fired(&bare_zero).contains(&Check::ExpiryZeroSeconds));
}

#[test]
fn headscale_0_28_and_later_drop_unverified_emails_even_without_user_or_domain_rules() {
    let case = |minor: u8, required: bool, users: &str| {
        fired(&with(|i| {
            i.headscale_version = HeadscaleVersion(minor);
            i.email_verified_required = required;
            i.allowed_users = users.into();
            i.allowed_groups = "vpn".into();
        }))
    };
    for minor in [28, 29] {
        assert!(case(minor, true, "").contains(&Check::EmailNotStored), "0.{minor}");
        assert!(!case(minor, false, "").contains(&Check::EmailNotStored), "0.{minor} told to trust emails");
        // With user rules the login itself fails, which the error says.
        let filtered = case(minor, true, "alice@example.com");
        assert!(filtered.contains(&Check::EmailVerified) && !filtered.contains(&Check::EmailNotStored));
    }
    assert!(case(27, true, "").contains(&Check::EmailNotStored));
    assert!(!case(23, true, "").contains(&Check::EmailNotStored), "0.23 never looks at email_verified");
    let verified = with(|i| i.verified_email_mapping = true);
    assert!(!fired(&verified).contains(&Check::EmailNotStored));
}

#[test]
fn the_blueprint_gives_the_import_steps_of_the_selected_release() {
    let blueprint =
        |version: &str| render(&with(|i| i.authentik_version = ak(version))).authentik.blueprint().clone().unwrap();
    for version in ["2026.5", "2026.8", "2026.11"] {
        assert!(blueprint(version).contains("Customization → Blueprints → Import"), "{version}");
    }
    for version in ["2026.2", "2025.10", "2024.8.0"] {
        let text = blueprint(version);
        assert!(!text.contains("Blueprints → Import"), "{version} has no Import button");
        assert!(text.contains("Customization → Blueprints → Create") && text.contains("Flows → Import"), "{version}");
    }
}

#[test]
fn the_blueprint_points_editors_at_the_schema_of_its_release() {
    let first_line = |version: &str| {
        let text = render(&with(|i| i.authentik_version = ak(version))).authentik.blueprint().clone().unwrap();
        text.lines().next().unwrap().to_string()
    };
    // The newest schema calls the regular-expression redirect URIs of these releases wrong.
    assert!(first_line("2024.8.0").ends_with("/version/2024.8.0/blueprints/schema.json"));
    assert!(first_line("2024.10.0").ends_with("/version/2024.10.0/blueprints/schema.json"));
    assert!(first_line("2026.8").ends_with("/version/2026.8.0/blueprints/schema.json"));
    assert!(
        first_line("2026.11").ends_with("$schema=https://goauthentik.io/blueprints/schema.json"),
        "not released yet"
    );
}

#[test]
fn the_wizard_has_a_bindings_step_only_from_2024_12() {
    let titles = |version: &str| {
        let settings = render(&with(|i| {
            i.authentik_version = ak(version);
            i.allowed_groups = "vpn".into();
        }))
        .authentik
        .wizard
        .clone();
        settings.steps.iter().map(|step| step.title.to_string()).collect::<Vec<_>>()
    };
    assert!(titles("2024.12").contains(&"Configure Bindings".to_string()));
    for version in ["2024.10.3", "2024.10.0", "2024.8.5", "2024.8.0"] {
        let steps = titles(version);
        assert!(!steps.contains(&"Configure Bindings".to_string()), "{version}");
        assert!(steps.iter().any(|title| title.starts_with("After the wizard: bind the groups")), "{version}");
    }
}

#[test]
fn a_quoted_boolean_is_reported_with_what_go_reads_it_as() {
    let finding = |value: &str| {
        let text = format!("oidc:\n  pkce:\n    enabled: \"{value}\"\n");
        let found = import(&text, &example()).unwrap();
        found.findings.iter().find(|f| f.diagnostic.check == Check::StringForBool).map(|f| f.diagnostic.cause())
    };
    for truthy in ["True", "TRUE", "1", "t", "T"] {
        let cause = finding(truthy).unwrap_or_else(|| panic!("{truthy}"));
        assert!(cause.ends_with("reads this text as true."), "{cause}");
    }
    for falsy in ["enabled", "False", "0", "F"] {
        let cause = finding(falsy).unwrap_or_else(|| panic!("{falsy}"));
        assert!(cause.ends_with("reads this text as false."), "{cause}");
    }
    assert!(finding("true").is_none() && finding("false").is_none());
}

#[test]
fn an_issuer_without_its_slash_stops_headscale_only_when_told_to_wait_for_oidc() {
    let cause = |only_start: &str| {
        let text = format!(
            "oidc:\n  only_start_if_oidc_is_available: {only_start}\n  issuer: https://auth.example.com/application/o/headscale\n"
        );
        let found = import(&text, &example()).unwrap();
        found.findings.iter().find(|f| f.diagnostic.check == Check::IssuerTrailingSlash).unwrap().diagnostic.cause()
    };
    assert!(cause("true").contains("it refuses to start"), "{}", cause("true"));
    assert!(cause("false").contains("starts without login through authentik"), "{}", cause("false"));
    assert!(!cause("false").contains("refuses to start"));
    // Absent, the key defaults to true.
    let found = import("oidc:\n  issuer: https://auth.example.com/application/o/hs\n", &example()).unwrap();
    let absent = found.findings.iter().find(|f| f.diagnostic.check == Check::IssuerTrailingSlash).unwrap();
    assert!(absent.diagnostic.cause().contains("refuses to start"));
}

#[test]
fn token_expiry_names_the_defaults_of_both_ways_of_creating_the_provider() {
    let cause = message(&with(|i| i.use_expiry_from_token = true), Check::ExpiryFromToken);
    assert!(cause.contains("one hour") && cause.contains("10 minutes") && cause.contains("Terraform"), "{cause}");
}

#[test]
fn a_reserved_extra_parameter_says_what_it_does_to_the_login() {
    let cause = |minor: u8, param: &str| {
        message(
            &with(|i| {
                i.headscale_version = HeadscaleVersion(minor);
                i.extra_params = param.into();
            }),
            Check::ExtraParamReserved,
        )
    };
    assert!(cause(29, "state=x").contains("state did not match"), "{}", cause(29, "state=x"));
    let nonce = cause(29, "nonce=x");
    assert!(nonce.contains("overwritten") && !nonce.contains("confuses"), "{nonce}");
    assert!(cause(23, "nonce=x").contains("sent as given"), "0.23 sends no nonce of its own");
    assert!(cause(29, "redirect_uri=https://x").contains("callback"));
    assert!(cause(29, "code_challenge=x").contains("verifier"));
    assert!(cause(29, "Scope=openid").contains("“Scope”"), "names the key as written");
}

#[test]
fn credentials_are_refused_only_where_they_break_and_unusual_ones_warned_about() {
    let checks = |version: &str, id: &str| {
        diagnostics(&with(|i| {
            i.authentik_version = ak(version);
            i.client_id = id.into();
        }))
        .into_iter()
        .filter(|d| d.field() == Field::ClientId)
        .map(|d| (d.check, d.severity()))
        .collect::<Vec<_>>()
    };
    // authentik before 2026.8 only limits the length.
    assert_eq!(checks("2026.5", "héadscale"), [(Check::ClientIdUnusual, Severity::Warning)]);
    assert_eq!(checks("2026.5", "head scale"), []);
    assert_eq!(checks("2026.5", &"a".repeat(255)), []);
    assert_eq!(
        checks("2026.5", &"é".repeat(255)),
        [(Check::ClientIdUnusual, Severity::Warning)],
        "characters, not bytes"
    );
    assert_eq!(checks("2026.5", &"a".repeat(256)), [(Check::ClientIdInvalid, Severity::Error)]);
    // What no output can carry: refused like a control character in any field.
    assert_eq!(checks("2026.5", "head\u{0}scale"), [(Check::ValueRefused, Severity::Error)]);
    assert_eq!(checks("2026.5", "head\u{7f}scale"), [(Check::ValueRefused, Severity::Error)]);
    // authentik 2026.8 refuses what is not printable ASCII.
    assert_eq!(checks("2026.8", "héadscale"), [(Check::ClientIdInvalid, Severity::Error)]);
    assert_eq!(checks("2026.8", "head scale~"), []);
}

#[test]
fn the_slug_note_says_what_the_headscale_release_does_with_users() {
    let note = |minor: u8| {
        let settings = render(&with(|i| i.headscale_version = HeadscaleVersion(minor))).authentik.wizard.clone();
        let application = settings.steps.iter().find(|step| step.title == "Application").unwrap();
        application.rows.iter().find(|row| row.label == "Slug").unwrap().note.unwrap()
    };
    assert!(note(24).contains("create new users"));
    assert!(note(29).contains("create new users"));
    for minor in [22, 23] {
        assert!(!note(minor).contains("new users") && note(minor).contains("email"), "0.{minor}: {}", note(minor));
    }
}

#[test]
fn placeholders_are_errors_at_their_field() {
    for (field, change) in [
        (Field::ClientId, (|i: &mut Inputs| i.client_id = "your-oidc-client-id".into()) as fn(&mut Inputs)),
        (Field::ClientSecret, |i| i.client_secret = "YOUR_CLIENT_SECRET".into()),
        (Field::AuthentikUrl, |i| i.authentik_url = "https://your-oidc.issuer.com/path".into()),
        (Field::HeadscaleUrl, |i| i.headscale_url = "<headscale.company>".into()),
        (Field::Slug, |i| i.slug = "<application_slug>".into()),
        (Field::AllowedGroups, |i| i.allowed_groups = "admins\n<group>".into()),
        (Field::AllowedUsers, |i| i.allowed_users = "<user>@example.com".into()),
    ] {
        let found: Vec<Diagnostic> =
            diagnostics(&with(change)).into_iter().filter(|d| d.check == Check::Placeholder).collect();
        assert_eq!(found.len(), 1, "{field:?}");
        assert_eq!(found[0].field(), field);
        assert_eq!(found[0].severity(), Severity::Error);
    }
    // Real values that merely look alike.
    for value in ["yourself", "your", "headscale.company", "a<b", "tours-guide", "<>"] {
        assert!(!fired(&with(|i| i.client_id = value.into())).contains(&Check::Placeholder), "{value}");
    }
}

#[test]
fn an_imported_placeholder_is_reported_at_its_line_and_not_applied() {
    let text = "\
server_url: https://vpn.example.org
oidc:
  issuer: https://your-oidc.issuer.com/path
  client_id: <Client ID from authentik>
  client_secret: YOUR_CLIENT_SECRET
  allowed_groups:
    - vpn
    - <your group>
";
    let current = example();
    let found = import(text, &current).unwrap();
    let places: Vec<(usize, Field)> = found
        .findings
        .iter()
        .filter(|f| f.diagnostic.check == Check::Placeholder)
        .map(|f| (f.position.expect("a place").line, f.diagnostic.field()))
        .collect();
    assert_eq!(
        places,
        [(3, Field::AuthentikUrl), (4, Field::ClientId), (5, Field::ClientSecret), (8, Field::AllowedGroups)]
    );
    assert_eq!(found.inputs.client_id, current.client_id, "the placeholder is not applied");
    assert_eq!(found.inputs.client_secret, current.client_secret);
    assert_eq!(found.inputs.authentik_url, current.authentik_url);
    assert_eq!(found.inputs.allowed_groups, "vpn");
    assert_eq!(found.inputs.headscale_url, "https://vpn.example.org", "real values still are");
    // The same through the environment.
    let env = import("HEADSCALE_OIDC_CLIENT_ID=your-oidc-client-id\n", &current).unwrap();
    assert!(env
        .findings
        .iter()
        .any(|f| f.diagnostic.check == Check::Placeholder && f.position.is_some_and(|p| p.line == 1)));
    assert_eq!(env.inputs.client_id, current.client_id);
}
