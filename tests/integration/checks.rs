//! Every check of the catalogue: one input that triggers it and a close one that does not.

use crate::common::{example, fired, with};
use sso_playground::engine::headscale::checks::lint;
use sso_playground::engine::headscale::settings::Settings;
use sso_playground::engine::inputs::SecretDelivery;
use sso_playground::engine::versions::authentik::AuthentikVersion;
use sso_playground::engine::versions::headscale::HeadscaleVersion;
use sso_playground::engine::{render, Check, Field, Inputs};

type Change = fn(&mut Inputs);

/// `(check, triggering change, close change that must not trigger it)`.
const CASES: &[(Check, Change, Change)] = &[
    (Check::HeadscaleUrlMissing, |i| i.headscale_url = " ".into(), |i| i.headscale_url = " hs.example.com".into()),
    (
        Check::HeadscaleUrlInvalid,
        |i| i.headscale_url = "https://exa mple.com".into(),
        |i| i.headscale_url = "https://example.com".into(),
    ),
    (
        Check::HeadscaleUrlScheme,
        |i| i.headscale_url = "ftp://hs.example.com".into(),
        |i| i.headscale_url = "http://hs.example.com".into(),
    ),
    (
        Check::HeadscaleUrlExtra,
        |i| i.headscale_url = "https://example.com/headscale".into(),
        |i| i.headscale_url = "https://example.com/".into(),
    ),
    (
        Check::HeadscaleUrlDefaultPort,
        |i| i.headscale_url = "https://hs.example.com:443".into(),
        |i| i.headscale_url = "https://hs.example.com:8443".into(),
    ),
    (Check::AuthentikUrlMissing, |i| i.authentik_url = "".into(), |i| i.authentik_url = "auth.example.com".into()),
    (
        Check::AuthentikUrlInvalid,
        |i| i.authentik_url = "https://auth example.com".into(),
        |i| i.authentik_url = "https://auth.example.com".into(),
    ),
    (
        Check::AuthentikUrlScheme,
        |i| i.authentik_url = "ldap://auth.example.com".into(),
        |i| i.authentik_url = "https://auth.example.com".into(),
    ),
    (
        Check::AuthentikUrlExtra,
        |i| i.authentik_url = "https://auth.example.com/?next=1".into(),
        |i| i.authentik_url = "https://auth.example.com/auth".into(),
    ),
    (
        Check::AuthentikUrlIssuerPasted,
        |i| i.authentik_url = "https://auth.example.com/application/o/headscale/".into(),
        |i| i.authentik_url = "https://auth.example.com/application".into(),
    ),
    (
        Check::AuthentikUrlDefaultPort,
        |i| i.authentik_url = "https://auth.example.com:443".into(),
        |i| i.authentik_url = "https://auth.example.com:8443".into(),
    ),
    (
        Check::AuthentikUrlInternal,
        |i| i.authentik_url = "http://authentik-server:9000".into(),
        |i| i.authentik_url = "https://auth.example.com".into(),
    ),
    (Check::AppNameMissing, |i| i.app_name = "  ".into(), |i| i.app_name = "H".into()),
    (Check::SlugMissing, |i| i.slug = "".into(), |i| i.slug = "h".into()),
    (Check::SlugInvalid, |i| i.slug = "head scale".into(), |i| i.slug = "head-scale_1".into()),
    (Check::SlugReserved, |i| i.slug = "authorize".into(), |i| i.slug = "authorized".into()),
    (
        Check::SlugTooLong,
        |i| {
            i.slug = "a".repeat(51);
            i.authentik_version = ak("2025.10");
        },
        |i| {
            i.slug = "a".repeat(51);
            i.authentik_version = ak("2025.12");
        },
    ),
    (Check::ClientIdMissing, |i| i.client_id = " ".into(), |i| i.client_id = "x".into()),
    (Check::ClientIdInvalid, |i| i.client_id = "a".repeat(256), |i| i.client_id = "a".repeat(255)),
    (
        Check::ClientIdUnusual,
        |i| {
            i.authentik_version = ak("2026.5");
            i.client_id = "héadscale".into();
        },
        |i| {
            i.authentik_version = ak("2026.5");
            i.client_id = "he adscale~".into();
        },
    ),
    (
        Check::ClientSecretUnusual,
        |i| {
            i.authentik_version = ak("2025.12");
            i.client_secret = "s3cret€".into();
        },
        |i| i.client_secret = "s3cret!".into(),
    ),
    (Check::Placeholder, |i| i.client_id = "<Client ID from authentik>".into(), |i| i.client_id = "Client-ID".into()),
    (
        Check::ValueRefused,
        |i| i.allowed_groups = "vpn\u{2028}admins".into(),
        |i| i.allowed_groups = "vpn\nadmins".into(),
    ),
    (Check::ClientSecretMissing, |i| i.client_secret = "".into(), |i| i.client_secret = "x".into()),
    (
        Check::ClientSecretInvalid,
        |i| i.client_secret = "sécret".into(),
        |i| i.client_secret = "s~cret with space".into(),
    ),
    (Check::ScopeMissingOpenid, |i| i.scopes = "profile email".into(), |i| i.scopes = "openid".into()),
    (
        Check::ScopeMissingEmail,
        |i| {
            i.allowed_users = "alice@example.com".into();
            i.scopes = "openid profile".into();
        },
        |i| {
            i.allowed_users = "alice@example.com".into();
            i.scopes = "openid email".into();
        },
    ),
    (
        Check::ScopeMissingProfile,
        |i| {
            i.allowed_groups = "headscale".into();
            i.scopes = "openid email".into();
        },
        |i| {
            i.allowed_groups = "headscale".into();
            i.scopes = "openid profile".into();
        },
    ),
    (
        Check::ScopeUnmapped,
        |i| i.scopes = "openid profile email custom".into(),
        |i| i.scopes = "openid profile email offline_access".into(),
    ),
    (Check::GroupLeadingSlash, |i| i.allowed_groups = "/headscale".into(), |i| i.allowed_groups = "head/scale".into()),
    (Check::GroupPath, |i| i.allowed_groups = "team/headscale".into(), |i| i.allowed_groups = "team-headscale".into()),
    (Check::GroupSeparator, |i| i.allowed_groups = "admins, ops".into(), |i| i.allowed_groups = "admins\nops".into()),
    (Check::UserInvalid, |i| i.allowed_users = "alice".into(), |i| i.allowed_users = "alice@example.com".into()),
    (Check::DomainInvalid, |i| i.allowed_domains = "exa_mple.com".into(), |i| i.allowed_domains = "example.com".into()),
    (Check::MixedScripts, |i| i.allowed_groups = "\u{430}dmins".into(), |i| i.allowed_groups = "админы\nadmins".into()),
    (
        Check::DomainPunycode,
        |i| i.allowed_domains = "ex\u{430}mple.com".into(),
        |i| i.allowed_domains = "example.com".into(),
    ),
    (
        Check::DomainLeadingAt,
        |i| i.allowed_domains = "@example.com".into(),
        |i| i.allowed_domains = "example.com".into(),
    ),
    (
        Check::DomainWildcard,
        |i| i.allowed_domains = "*.example.com".into(),
        |i| i.allowed_domains = "eu.example.com".into(),
    ),
    (Check::PkceMethodCase, |i| i.pkce_method = "s256".into(), |i| i.pkce_method = "S256".into()),
    (Check::PkceMethodInvalid, |i| i.pkce_method = "sha256".into(), |i| i.pkce_method = "S256".into()),
    (Check::PkcePlain, |i| i.pkce_method = "plain".into(), |i| i.pkce_method = "S256".into()),
    (Check::PkceDisabled, |i| i.pkce_enabled = false, |i| i.pkce_enabled = true),
    (
        Check::PkceUnsupported,
        |i| i.headscale_version = HeadscaleVersion(23),
        |i| i.headscale_version = HeadscaleVersion(24),
    ),
    (Check::ExpiryInvalid, |i| i.expiry = "1.5h".into(), |i| i.expiry = "1h30m".into()),
    (
        Check::ExpiryZeroSeconds,
        |i| {
            i.headscale_version = HeadscaleVersion(28);
            i.expiry = "0s".into();
        },
        // From 0.29 a length of zero means no expiry, like the bare 0.
        |i| i.expiry = "0s".into(),
    ),
    (
        Check::ExpiryNever,
        |i| i.expiry = "".into(),
        |i| {
            i.expiry = "".into();
            i.headscale_version = HeadscaleVersion(28);
        },
    ),
    (Check::ExpiryFromToken, |i| i.use_expiry_from_token = true, |i| i.use_expiry_from_token = false),
    (
        Check::EmailVerifiedIgnored,
        |i| {
            i.email_verified_required = false;
            i.headscale_version = HeadscaleVersion(27);
        },
        |i| {
            i.email_verified_required = false;
            i.headscale_version = HeadscaleVersion(28);
        },
    ),
    (
        Check::OnlyStartDisabled,
        |i| i.only_start_if_oidc_is_available = false,
        |i| i.only_start_if_oidc_is_available = true,
    ),
    (
        Check::SecretPathMissing,
        |i| {
            i.secret_delivery = SecretDelivery::File;
            i.client_secret_path = " ".into();
        },
        |i| {
            i.secret_delivery = SecretDelivery::File;
            i.client_secret_path = "/etc/headscale/secret".into();
        },
    ),
    (
        Check::SecretPathRelative,
        |i| {
            i.secret_delivery = SecretDelivery::File;
            i.client_secret_path = "secrets/oidc".into();
        },
        |i| {
            i.secret_delivery = SecretDelivery::File;
            i.client_secret_path = "/secrets/oidc".into();
        },
    ),
    (
        Check::SecretPathCredentials,
        |i| i.secret_delivery = SecretDelivery::File,
        |i| {
            i.secret_delivery = SecretDelivery::File;
            i.client_secret_path = "/run/secrets/oidc".into();
        },
    ),
    (
        Check::SecretFileNewline,
        |i| {
            i.secret_delivery = SecretDelivery::File;
            i.headscale_version = HeadscaleVersion(22);
        },
        |i| {
            i.secret_delivery = SecretDelivery::File;
            i.headscale_version = HeadscaleVersion(23);
        },
    ),
    (
        Check::EnvListSpace,
        |i| i.allowed_groups = "Headscale Users".into(),
        |i| i.allowed_groups = "headscale-users".into(),
    ),
    (Check::ExtraParamInvalid, |i| i.extra_params = "prompt".into(), |i| i.extra_params = "prompt=login".into()),
    (
        Check::ExtraParamUppercase,
        |i| i.extra_params = "Prompt=login".into(),
        |i| i.extra_params = "prompt=LOGIN".into(),
    ),
    (
        Check::ExtraParamRepeated,
        |i| i.extra_params = "prompt=login\nprompt=consent".into(),
        |i| i.extra_params = "prompt=login\nmax_age=0".into(),
    ),
    (
        Check::ExtraParamReserved,
        |i| i.extra_params = "scope=openid".into(),
        |i| i.extra_params = "domain_hint=x".into(),
    ),
    (
        Check::ClaimsIdTokenOnly,
        |i| i.headscale_version = HeadscaleVersion(25),
        // 0.26 fills what the ID token lacks from UserInfo; only the access rules miss it.
        |i| i.headscale_version = HeadscaleVersion(26),
    ),
    (
        Check::DoubleLogin,
        |i| i.headscale_version = HeadscaleVersion(26),
        |i| i.headscale_version = HeadscaleVersion(27),
    ),
    (
        Check::EmailVerified,
        |i| i.allowed_domains = "example.com".into(),
        |i| {
            i.allowed_domains = "example.com".into();
            i.verified_email_mapping = true;
        },
    ),
    (
        Check::EmailNotStored,
        |i| i.headscale_version = HeadscaleVersion(27),
        |i| {
            i.headscale_version = HeadscaleVersion(27);
            i.authentik_version = ak("2025.8");
        },
    ),
    (Check::NoBinding, |_| {}, |i| i.allowed_groups = "headscale-users".into()),
    (Check::GrantTypes, |i| i.authentik_version = ak("2026.5"), |i| i.authentik_version = ak("2026.2")),
    (Check::RedirectRegex, |i| i.authentik_version = ak("2024.8.0"), |i| i.authentik_version = ak("2024.8.5")),
];

fn ak(version: &str) -> AuthentikVersion {
    AuthentikVersion::parse(version).unwrap()
}

#[test]
fn email_verified_is_only_a_problem_for_the_versions_that_make_it_one() {
    let filtered = |headscale: u8, authentik: &str, required: bool| {
        fired(&with(|i| {
            i.allowed_users = "alice@example.com".into();
            i.headscale_version = HeadscaleVersion(headscale);
            i.authentik_version = ak(authentik);
            i.email_verified_required = required;
        }))
        .contains(&Check::EmailVerified)
    };
    assert!(filtered(28, "2025.10", true));
    assert!(!filtered(28, "2025.8", true), "authentik still says verified");
    assert!(!filtered(27, "2026.8", true), "Headscale does not require it yet");
    assert!(!filtered(29, "2026.8", false), "Headscale told not to require it");
    // Groups alone are not gated by email_verified.
    let groups_only = with(|i| i.allowed_groups = "headscale-users".into());
    assert!(!fired(&groups_only).contains(&Check::EmailVerified));
}

type SettingsChange = fn(&mut Settings);

/// Checks of a whole Headscale configuration (they fire on imported files), on the 0.27 release.
const LINT_CASES: &[(Check, SettingsChange, SettingsChange)] = &[
    (Check::KeyRemoved, |s| s.strip_email_domain = Some(true), |s| s.expiry = Some("180d".into())),
    (Check::KeyIgnored, |s| s.email_verified_required = Some(true), |s| s.use_expiry_from_token = Some(true)),
    (
        Check::SecretBoth,
        |s| {
            s.client_secret = Some("x".into());
            s.client_secret_path = Some("/x".into());
        },
        |s| s.client_secret = Some("x".into()),
    ),
    (
        Check::IssuerTrailingSlash,
        |s| s.issuer = Some("https://auth.example.com/application/o/headscale".into()),
        |s| s.issuer = Some("https://auth.example.com/application/o/headscale/".into()),
    ),
];

/// Checks that only a pasted configuration can trigger: `(check, text, close text)`.
const IMPORT_CASES: &[(Check, &str, &str)] = &[
    (Check::UnknownKey, "oidc:\n  allowed_group: [a]\n", "oidc:\n  allowed_groups: [a]\n"),
    (Check::NotAString, "oidc:\n  client_id: 1234\n", "oidc:\n  client_id: \"1234\"\n"),
    (Check::StringForBool, "oidc:\n  pkce:\n    enabled: \"enabled\"\n", "oidc:\n  pkce:\n    enabled: \"true\"\n"),
    (Check::YesNoString, "oidc:\n  use_expiry_from_token: no\n", "oidc:\n  use_expiry_from_token: false\n"),
    (Check::ScalarForList, "oidc:\n  scope: openid email\n", "oidc:\n  scope: [openid, email]\n"),
    (Check::WrongType, "oidc:\n  issuer: [a, b]\n", "oidc:\n  issuer: a\n"),
    (Check::EmptyValue, "oidc:\n  client_id:\n", "oidc:\n  client_id: x\n"),
    (
        Check::OidcMissing,
        "server_url: https://hs.example.com\n",
        "server_url: https://hs.example.com\noidc:\n  issuer: https://a.example.com/application/o/hs/\n",
    ),
    (
        Check::IssuerNotAuthentik,
        "oidc:\n  issuer: https://accounts.google.com\n",
        "oidc:\n  issuer: https://a.example.com/application/o/hs/\n",
    ),
    (Check::ImportRefused, "oidc:\n  allowed_groups: [\"\"]\n", "oidc:\n  allowed_groups: [ops]\n"),
    (Check::DuplicateKey, "oidc:\n  client_id: a\n  Client_ID: b\n", "oidc:\n  Client_ID: b\n"),
    (Check::LaterDocuments, "oidc:\n  client_id: a\n---\nx: 1\n", "oidc:\n  client_id: a\n---\n"),
];

fn imported(text: &str) -> Vec<Check> {
    let found = sso_playground::engine::import::import(text, &example()).expect("importable");
    found.findings.iter().map(|f| f.diagnostic.check).collect()
}

#[test]
fn every_import_check_fires_on_its_text_and_not_on_the_close_one() {
    for (check, trigger, near_miss) in IMPORT_CASES {
        let id = check.info().id;
        assert!(imported(trigger).contains(check), "{id} did not fire");
        assert!(!imported(near_miss).contains(check), "{id} fired on its near miss");
    }
}

fn linted(change: SettingsChange) -> Vec<Check> {
    let mut settings = Settings::default();
    change(&mut settings);
    lint(&settings, HeadscaleVersion(27)).iter().map(|d| d.check).collect()
}

#[test]
fn every_configuration_check_fires_on_its_case_and_not_on_the_close_one() {
    for (check, trigger, near_miss) in LINT_CASES {
        let id = check.info().id;
        assert!(linted(*trigger).contains(check), "{id} did not fire");
        assert!(!linted(*near_miss).contains(check), "{id} fired on its near miss");
    }
}

#[test]
fn keys_removed_in_0_26_are_fatal_there_and_only_ignored_before_they_existed() {
    let settings = Settings { strip_email_domain: Some(true), map_legacy_users: Some(false), ..Settings::default() };
    let checks = |minor| lint(&settings, HeadscaleVersion(minor)).iter().map(|d| d.check).collect::<Vec<_>>();
    assert_eq!(checks(26), [Check::KeyRemoved, Check::KeyRemoved]);
    assert_eq!(checks(24), []);
    assert_eq!(checks(23), [Check::KeyIgnored], "map_legacy_users did not exist before 0.24");
}

#[test]
fn the_defaults_are_a_complete_example_without_errors() {
    // Without access rules everyone may log in, which the playground points out; and the
    // newest authentik needs grant types on providers made outside the wizard.
    // authentik 2025.10 and later mark emails unverified, so Headscale 0.28 and later store none.
    assert_eq!(fired(&example()), vec![Check::EmailNotStored, Check::NoBinding, Check::GrantTypes]);
}

#[test]
fn every_check_fires_on_its_case_and_not_on_the_close_one() {
    for (check, trigger, near_miss) in CASES {
        let id = check.info().id;
        assert!(fired(&with(*trigger)).contains(check), "{id} did not fire");
        assert!(!fired(&with(*near_miss)).contains(check), "{id} fired on its near miss");
    }
}

#[test]
fn every_check_of_the_catalogue_has_a_case() {
    for check in Check::ALL {
        let covered = CASES.iter().any(|(c, ..)| c == check)
            || LINT_CASES.iter().any(|(c, ..)| c == check)
            || IMPORT_CASES.iter().any(|(c, ..)| c == check);
        assert!(covered, "no test case for {}", check.info().id);
    }
}

#[test]
fn ids_are_unique_and_causes_take_their_subjects() {
    let mut ids: Vec<&str> = Check::ALL.iter().map(|c| c.info().id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), Check::ALL.len());
    for check in Check::ALL {
        let info = check.info();
        // Two phrases only where the cause names a value and what it leads to.
        let most = if matches!(
            check,
            Check::StringForBool
                | Check::IssuerTrailingSlash
                | Check::ClaimsIdTokenOnly
                | Check::DuplicateKey
                | Check::MixedScripts
                | Check::DomainPunycode
        ) {
            2
        } else {
            1
        };
        assert!(info.cause.matches("{}").count() <= most, "{}", info.id);
        assert!(info.cause.ends_with('.') && info.fix.ends_with('.'), "{} must be whole sentences", info.id);
        assert!(info.link.url.starts_with("https://"), "{}", info.id);
    }
}

#[test]
fn messages_name_the_offending_value() {
    let outputs = crate::common::outputs(&with(|i| i.allowed_groups = "/headscale".into()));
    let message = outputs.diagnostics.iter().find(|d| d.check == Check::GroupLeadingSlash).unwrap().cause();
    assert!(message.contains("“/headscale”"), "{message}");
}

#[test]
fn each_bad_list_entry_is_reported_once() {
    let checks = fired(&with(|i| i.allowed_users = "alice, bob@example.com, carol\nalice".into()));
    let invalid: Vec<_> = checks.into_iter().filter(|c| *c == Check::UserInvalid).collect();
    assert_eq!(invalid.len(), 2);
}

/// `docs/checks.md` is generated from the catalogue; `UPDATE_DOCS=1 cargo test` rewrites it.
#[test]
fn the_documented_catalogue_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/checks.md");
    let generated = sso_playground::engine::catalogue::catalogue_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let written = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        written == generated,
        "docs/checks.md is out of date: run UPDATE_DOCS=1 cargo test --test integration checks::"
    );
    for check in Check::ALL {
        assert!(written.contains(&format!("`{}`", check.info().id)));
    }
}

#[test]
fn a_placeholder_counts_only_where_it_is_used_and_read_as_the_readers_own() {
    let placeholders_at = |inputs: &Inputs| -> Vec<Field> {
        render(inputs).diagnostics.iter().filter(|d| d.check == Check::Placeholder).map(|d| d.field()).collect()
    };
    // The secret's path only counts when the secret is read from a file.
    let path = |delivery| with(|i| (i.secret_delivery, i.client_secret_path) = (delivery, "/etc/<your-secret>".into()));
    assert_eq!(placeholders_at(&path(SecretDelivery::File)), [Field::ClientSecretPath]);
    assert_eq!(placeholders_at(&path(SecretDelivery::Inline)), []);
    // Headscale's own terms (a duration, a method) are never the reader's placeholders.
    assert_eq!(placeholders_at(&with(|i| (i.expiry, i.pkce_method) = ("<expiry>".into(), "<method>".into()))), []);
}
