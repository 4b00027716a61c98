//! Sentences the outputs and checks say, held to what Headscale and authentik really do, release
//! by release. Each test fails on an earlier wording that said more than is true.

use crate::common::{example, fired, with};
use crate::evidence::entry;
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

// What each statement says, checked against the upstream lines it cites (see `evidence.rs`).

#[test]
fn token_expiry_names_the_lifetime_each_way_of_creating_the_provider_sets() {
    let cause = message(&with(|i| i.use_expiry_from_token = true), Check::ExpiryFromToken);
    // authentik's provider form (and the wizard) pre-fill five minutes; the model's one hour
    // only applies where nothing is filled in: a blueprint or the API.
    assert!(entry("ak.form-token-validity").text().contains("\"minutes=5\""));
    assert!(entry("ak.model-token-validity").text().contains("default=\"hours=1\""));
    assert_eq!(entry("tf.token-validity").needle, "minutes=10");
    assert!(cause.contains("5 minutes (minutes=5)"), "{cause}");
    assert!(cause.contains("1 hour (hours=1) for a provider made by a blueprint or the API"), "{cause}");
    assert!(cause.contains("10 minutes (minutes=10)") && cause.contains("Terraform"), "{cause}");
    assert!(!cause.contains("wizard or by a blueprint"), "the wizard does not give an hour: {cause}");
    // The ID token expires with the access token, whose lifetime that setting is.
    assert!(entry("ak.id-token-expiry").text().contains("token.expires"));
    assert!(entry("ak.token-expiry").text().contains("self.provider.access_token_validity"));
    assert!(entry("hs.expiry-from-token").text().contains("idTokenExpiration"));
}

#[test]
fn a_missing_openid_scope_says_what_authentik_really_does() {
    let found = diagnostics(&with(|i| i.scopes = "profile email".into()));
    let d = found.iter().find(|d| d.check == Check::ScopeMissingOpenid).expect("fires");
    // authentik's token view answers the code flow with an ID token either way.
    assert!(entry("ak.token-id-token").text().contains("\"id_token\": access_token.id_token.to_jwt"));
    assert_eq!(d.severity(), Severity::Warning, "the login still works with authentik");
    let cause = d.cause();
    assert!(cause.contains("still answers Headscale's login with an ID token"), "{cause}");
    assert!(!cause.contains("returns no ID token and every login fails"), "{cause}");
    // Its UserInfo endpoint wants openid, and Headscale then falls back to the ID token.
    assert!(entry("ak.userinfo-needs-openid").text().contains("protected_resource_view([SCOPE_OPENID])"));
    assert!(entry("hs.userinfo-fallback").text().contains("only using claims from id token"));
    assert!(cause.contains("UserInfo endpoint refuses") && cause.contains("could not get userinfo"), "{cause}");
}

#[test]
fn a_non_ascii_client_secret_fails_the_exchange_from_2026_2_and_is_refused_from_2026_8() {
    let secret = |version: &str, secret: &str| {
        diagnostics(&with(|i| {
            i.authentik_version = ak(version);
            i.client_secret = secret.into();
        }))
        .into_iter()
        .filter(|d| d.field() == Field::ClientSecret)
        .map(|d| (d.check, d.severity(), d.cause()))
        .collect::<Vec<_>>()
    };
    let unusual = secret("2025.12", "s3cret€");
    assert_eq!(unusual.len(), 1);
    assert_eq!((unusual[0].0, unusual[0].1), (Check::ClientSecretUnusual, Severity::Warning));
    assert!(unusual[0].2.contains("2026.2 and 2026.5 fail every token exchange"), "{}", unusual[0].2);
    assert!(!unusual[0].2.contains("before 2026.8 accepts it"), "{}", unusual[0].2);
    // compare_digest from 2026.2 raises on text outside ASCII.
    assert!(entry("ak.notes-2026.2-compare-digest").text().contains("compare_digest for client_secret"));
    assert!(entry("python.compare-digest").text().contains("str (ASCII only)"));
    for version in ["2026.2", "2026.5"] {
        let found = secret(version, "s3cret€");
        assert_eq!(found.len(), 1, "{version}");
        assert_eq!((found[0].0, found[0].1), (Check::ClientSecretInvalid, Severity::Error), "{version}");
        assert!(found[0].2.contains("hmac.compare_digest") && found[0].2.contains("server error"), "{}", found[0].2);
        // ASCII, even with a space, compares fine.
        assert_eq!(secret(version, "s3cret with space~"), []);
    }
    let refused = secret("2026.8", "s3cret€");
    assert!(refused[0].0 == Check::ClientSecretInvalid && refused[0].2.contains("printable ASCII"), "{}", refused[0].2);
    assert!(entry("ak.notes-2026.8-vschar").text().contains("enforce VSCHAR for client_id and client_secret"));
}

#[test]
fn the_authentik_version_help_says_where_authentik_shows_it() {
    let help = Field::AuthentikVersion.help().text;
    assert!(help.contains("Version card") && help.contains("Overview page"), "{help}");
    assert!(!help.contains("System → About"), "no such entry: {help}");
    assert!(entry("ak.version-card").text().contains("label = msg(\"Version\")"));
}

#[test]
fn a_double_login_is_flagged_only_where_the_state_cookie_is_shared() {
    for release in sso_playground::engine::versions::headscale::HEADSCALE_RELEASES {
        let minor = release.version.0;
        let flagged = fired(&with(|i| i.headscale_version = release.version)).contains(&Check::DoubleLogin);
        assert_eq!(flagged, (24..=26).contains(&minor), "0.{minor}");
    }
    let cause = Check::DoubleLogin.info().cause;
    assert!(cause.contains("0.24 to 0.27.0") && cause.contains("single cookie"), "{cause}");
    // 0.22 and 0.23 keep the state in a server-side cache and set no state cookie.
    let shared = entry("hs.state-cookie");
    assert!(
        shared.text().contains("setCSRFCookie(writer, req, \"state\")") && shared.absent_at.contains(&"v0.23.0".into())
    );
    let per_login = entry("hs.state-cookie-per-login");
    assert!(per_login.text().contains("getCookieName"));
    assert!(per_login.absent_at.contains(&"v0.27.0".into()), "fixed in 0.27.1, not 0.27.0");
}

#[test]
fn claims_from_the_id_token_alone_are_flagged_as_each_release_reads_them() {
    let cause = |minor: u8, groups: &str| {
        let inputs = with(|i| {
            i.headscale_version = HeadscaleVersion(minor);
            i.allowed_groups = groups.into();
        });
        diagnostics(&inputs).into_iter().find(|d| d.check == Check::ClaimsIdTokenOnly).map(|d| d.cause())
    };
    let old = cause(25, "").expect("0.25 reads the ID token only");
    assert!(old.contains("takes the email and username from it too"), "{old}");
    // 0.26 fills a missing email, username or name from UserInfo, after the access checks.
    assert!(entry("hs.userinfo-fills-26").text().contains("cmp.Or(claims.Email, userinfo.Email)"));
    assert!(entry("hs.checks-before-userinfo-26").text().contains("validateOIDCAllowedDomains"));
    assert_eq!(cause(26, ""), None, "nothing to check against the ID token alone");
    let partial = cause(26, "ops").expect("0.26 checks groups against the ID token");
    assert!(partial.contains("only afterwards does it fill a missing email, username or name"), "{partial}");
    assert_eq!(cause(27, "ops"), None);
}

#[test]
fn the_provider_allows_only_the_grant_type_headscale_uses() {
    // Headscale asks UserInfo with the token it got, as is, and never refreshes it.
    assert!(entry("hs.static-token").text().contains("oauth2.StaticTokenSource(oauth2Token)"));
    let outputs = render(&with(|i| i.authentik_version = ak("2026.5")));
    let blueprint = outputs.authentik.blueprint().clone().unwrap();
    assert!(blueprint.contains("grant_types:\n        - authorization_code\n") && !blueprint.contains("refresh_token"));
    assert!(outputs.authentik.terraform(false).contains("grant_types = [\"authorization_code\"]"));
    let wizard = outputs.authentik.wizard.to_text();
    assert!(wizard.contains("Grant types: authorization_code\n"), "{wizard}");
    assert!(!wizard.contains("these two are the ones Headscale needs"));
    assert!(Check::GrantTypes.info().fix.contains("never asks for a refresh token"));
}

#[test]
fn the_node_expiry_help_says_which_nodes_it_applies_to() {
    let help = Field::Expiry.help().text;
    assert!(help.contains("from 0.29 it is node.expiry, for every node however it registers"), "{help}");
    assert!(entry("hs.node-expiry-all").text().contains("regardless of registration method"));
    assert!(!Check::ExpiryNever.info().cause.contains("nodes logged in through authentik valid for ever"));
}

#[test]
fn the_2024_cve_patches_keep_their_old_wizard_field_until_the_next_patch() {
    for (id, patch) in [("ak.notes-2024.8.6", "2024.8.6"), ("ak.notes-2024.10.4", "2024.10.4")] {
        let notes = entry(id).text();
        assert!(notes.contains(&format!("## Fixed in {patch}")) && notes.contains("fix redirect uri input"), "{id}");
    }
    for version in ["2024.8.5", "2024.10.3"] {
        let release = ak(version).release();
        assert!(release.wizard_redirect_text, "{version}");
        assert_eq!(release.redirect_uris, sso_playground::engine::versions::authentik::RedirectUris::Strict);
    }
    for version in ["2024.8.6", "2024.10.4"] {
        assert!(!ak(version).release().wizard_redirect_text, "{version}");
    }
}

#[test]
fn terraform_for_the_2024_8_patches_uses_v2024_10_2_and_ignores_the_flow_authentik_lacks() {
    // v2024.10.2 requires an invalidation flow and sends it; authentik 2024.8 has none (its
    // schema has no such attribute), and the Go client reads a reply without one as empty.
    assert_eq!(entry("tf.sends-invalidation-flow").needle, "InvalidationFlow");
    assert_eq!(entry("tf.reads-invalidation-flow").needle, "res.InvalidationFlow");
    assert!(entry("cgo.no-required-check").text().contains("InvalidationFlow string"));
    assert!(entry("cgo.decode").text().contains("json.Unmarshal(b, v)"));
    let schema = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/upstream/authentik/blueprint-schema/2024.8.5.json"
    ))
    .unwrap();
    assert!(!schema.contains("invalidation_flow") && schema.contains("matching_mode"));
    for version in ["2024.8.5", "2024.8.6"] {
        let release = ak(version).release();
        assert_eq!(release.terraform.release, "v2024.10.2");
        assert!(release.terraform.unknown_invalidation_flow && !release.invalidation_flow);
        let text = render(&with(|i| i.authentik_version = ak(version))).authentik.terraform(false).clone();
        assert!(text.contains("invalidation_flow  = data.authentik_flow.authorization.id"), "{text}");
        assert!(text.contains("lifecycle {\n    ignore_changes = [invalidation_flow]\n  }"), "{text}");
        assert!(!text.contains("default-provider-invalidation-flow"), "authentik 2024.8 has no such flow");
        assert!(text.contains("allowed_redirect_uris"));
    }
    // Lines that have an invalidation flow send their own and need no lifecycle block.
    let text = render(&with(|i| i.authentik_version = ak("2024.10.3"))).authentik.terraform(false).clone();
    assert!(!text.contains("lifecycle") && text.contains("data.authentik_flow.invalidation.id"));
}

/// Each access filter on its own makes 0.26's reading of the ID token alone matter, and the
/// missing email scope matter for users or domains, each alone.
#[test]
fn each_access_filter_alone_counts() {
    let only = |users: &str, domains: &str, groups: &str, scopes: &str| {
        fired(&with(|i| {
            i.headscale_version = HeadscaleVersion(26);
            i.allowed_users = users.into();
            i.allowed_domains = domains.into();
            i.allowed_groups = groups.into();
            i.scopes = scopes.into();
        }))
    };
    for (users, domains, groups) in [("alice@example.com", "", ""), ("", "example.com", ""), ("", "", "ops")] {
        let found = only(users, domains, groups, "openid profile email");
        assert!(found.contains(&Check::ClaimsIdTokenOnly), "{users:?} {domains:?} {groups:?}: {found:?}");
    }
    assert!(!only("", "", "", "openid profile email").contains(&Check::ClaimsIdTokenOnly));
    for (users, domains) in [("alice@example.com", ""), ("", "example.com")] {
        assert!(
            only(users, domains, "", "openid profile").contains(&Check::ScopeMissingEmail),
            "{users:?} {domains:?}"
        );
    }
    assert!(!only("", "", "ops", "openid profile").contains(&Check::ScopeMissingEmail));
    assert!(!only("", "", "", "openid profile").contains(&Check::ScopeMissingEmail));
}
