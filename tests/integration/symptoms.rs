//! The catalogue of messages against what each project's source prints
//! (`tests/upstream/messages/`): every extracted message at every tag is recognised, names the
//! releases that print it and no others, and maps to a step and a cause; and explanations
//! only name behaviour the chosen releases have.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use sso_playground::engine::symptoms::catalogue::{messages_markdown, Origin, Releases, MESSAGES};
use sso_playground::engine::symptoms::explain::{explain, Likelihood};
use sso_playground::engine::symptoms::pattern;
use sso_playground::engine::symptoms::recognise::recognise;
use sso_playground::engine::symptoms::{Cause, Found, Hit};
use sso_playground::engine::versions::authentik::{AuthentikVersion, AUTHENTIK_RELEASES};
use sso_playground::engine::versions::headscale::{HeadscaleVersion, HEADSCALE_RELEASES};
use sso_playground::engine::Model;

use crate::common::with;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/upstream/messages");

/// A message of the extracted data: where it is, and its text.
#[derive(Clone, Debug)]
struct Extracted {
    place: String,
    text: String,
}

fn rows(path: &str) -> Vec<(Vec<String>, Extracted)> {
    let text = fs::read_to_string(format!("{ROOT}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let mut fields: Vec<String> = line.split('\t').map(str::to_string).collect();
            let message = fields.pop().unwrap().replace("\\n", "\n").replace("\\\\", "\\");
            let place = fields[fields.len() - 2].clone();
            (fields, Extracted { place, text: message })
        })
        .collect()
}

/// The tags of the Headscale files, with the go-oidc and oauth2 versions each pins.
fn pins() -> Vec<(String, String, String)> {
    fs::read_to_string(format!("{ROOT}/headscale/pins.tsv"))
        .unwrap()
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| {
            let parts: Vec<&str> = line.split('\t').collect();
            (parts[0].to_string(), parts[1].to_string(), parts[2].to_string())
        })
        .collect()
}

fn minor(tag: &str) -> u8 {
    tag.trim_start_matches("v0.").split('.').next().unwrap().parse().unwrap()
}

/// `%w` and `%v` print alike; the catalogue writes both as `%v`.
fn canonical(text: &str) -> String {
    text.replace("%w", "%v")
}

/// Every extracted Headscale-side message, by its canonical text, with the Headscale release
/// lines that print it (library messages through the version each release pins).
fn headscale_side() -> BTreeMap<(Origin, String), (BTreeSet<u8>, Extracted)> {
    let mut out: BTreeMap<(Origin, String), (BTreeSet<u8>, Extracted)> = BTreeMap::new();
    let mut add = |origin: Origin, extracted: Extracted, tag: &str| {
        out.entry((origin, canonical(&extracted.text)))
            .or_insert_with(|| (BTreeSet::new(), extracted))
            .0
            .insert(minor(tag));
    };
    for (tag, oidc, oauth2) in pins() {
        for (_, row) in rows(&format!("headscale/{tag}.tsv")) {
            add(Origin::Headscale, row, &tag);
        }
        for (_, row) in rows(&format!("go-oidc/{oidc}.tsv")) {
            add(Origin::GoOidc, row, &tag);
        }
        for (_, row) in rows(&format!("oauth2/{oauth2}.tsv")) {
            add(Origin::OAuth2, row, &tag);
        }
        for (fields, row) in rows("go-jose/messages.tsv") {
            let old = fields[0] == "v3.5.0";
            if old == (oidc == "v3.5.0") {
                add(Origin::GoJose, row, &tag);
            }
        }
    }
    out
}

/// A value of the kind a verb prints.
fn sample(verb: char) -> String {
    match verb {
        'q' => "\"https://authentik.example.com/application/o/headscale/\"".to_string(),
        'd' => "403".to_string(),
        'T' => "*rsa.PublicKey".to_string(),
        _ => "some value".to_string(),
    }
}

fn origin_of(index: usize) -> Origin {
    MESSAGES[index].origin
}

/// The message as a program prints it, recognised as itself (inside a wrapper when it starts
/// with a value, as it only appears wrapped).
fn recognised_as(text: &str) -> Option<usize> {
    let printed = pattern::instance(text, sample);
    let printed =
        if text.starts_with('%') { format!("creating OIDC provider from issuer config: {printed}") } else { printed };
    recognise(&printed)
        .into_iter()
        .map(|hit| hit.message)
        .find(|&index| canonical(MESSAGES[index].pattern) == canonical(text))
}

#[test]
fn every_extracted_message_at_every_tag_is_recognised() {
    let mut missing = Vec::new();
    for ((origin, text), (minors, extracted)) in headscale_side() {
        match recognised_as(&extracted.text) {
            Some(index) if origin_of(index) == origin => {}
            _ => missing.push(format!("{origin:?} {text:?} ({}, Headscale 0.{:?})", extracted.place, minors)),
        }
    }
    for (fields, row) in rows("authentik/messages.tsv") {
        if recognised_as(&row.text).is_none() {
            missing.push(format!("authentik {:?} ({}, lines {})", row.text, row.place, fields[0]));
        }
    }
    assert!(missing.is_empty(), "not recognised, add to src/engine/symptoms/catalogue.rs:\n{}", missing.join("\n"));
}

#[test]
fn every_message_names_exactly_the_releases_that_print_it() {
    let extracted = headscale_side();
    let mut wrong = Vec::new();
    for known in MESSAGES {
        let key = (known.origin, canonical(known.pattern));
        match (known.origin, known.releases) {
            (Origin::Authentik, Releases::Authentik(from, to)) => {
                let listed = rows("authentik/messages.tsv")
                    .into_iter()
                    .find(|(_, row)| row.text == known.pattern)
                    .map(|(fields, _)| fields[0].clone());
                if listed.as_deref() != Some(&format!("{from}..{to}")) {
                    wrong.push(format!("{:?}: {from}..{to}, the data says {listed:?}", known.pattern));
                }
            }
            (Origin::Database, Releases::Any) => {}
            (_, Releases::Headscale(mask)) => {
                let minors = HEADSCALE_RELEASES.iter().map(|release| release.version.0);
                let named: BTreeSet<u8> = minors.filter(|m| mask & (1 << (m - 22)) != 0).collect();
                match extracted.get(&key) {
                    Some((minors, _)) if *minors == named => {}
                    other => wrong.push(format!(
                        "{:?}: names 0.{named:?}, printed by {:?}",
                        known.pattern,
                        other.map(|(minors, _)| minors)
                    )),
                }
            }
            (origin, releases) => wrong.push(format!("{:?}: {origin:?} with {releases:?}", known.pattern)),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_message_has_a_step_and_a_cause_and_every_cause_a_message() {
    let mut used = BTreeSet::new();
    for known in MESSAGES {
        assert!(!known.causes.is_empty(), "{:?} has no cause", known.pattern);
        let mut seen = BTreeSet::new();
        for cause in known.causes {
            assert!(seen.insert(cause), "{:?} lists {cause:?} twice", known.pattern);
            used.insert(*cause);
        }
    }
    let unused: Vec<&Cause> = Cause::ALL.iter().filter(|cause| !used.contains(cause)).collect();
    assert!(unused.is_empty(), "causes no message leads to: {unused:?}");
    let ids: BTreeSet<&str> = Cause::ALL.iter().map(|cause| cause.info().id).collect();
    assert_eq!(ids.len(), Cause::ALL.len(), "cause ids repeat");
}

#[test]
fn no_message_is_listed_twice() {
    let mut seen = BTreeSet::new();
    for known in MESSAGES {
        assert!(seen.insert((format!("{:?}", known.origin), known.pattern)), "{:?} twice", known.pattern);
    }
}

fn found(text: &str) -> Found {
    let hits = recognise(text);
    assert!(!hits.is_empty(), "nothing recognised in {text:?}");
    Found { line: 1, count: 1, level: None, hits }
}

fn model(change: impl FnOnce(&mut sso_playground::engine::Inputs)) -> Model {
    Model::new(&with(change))
}

/// A release the form does not run is named; the one it runs is not.
#[test]
fn an_explanation_says_when_the_chosen_release_does_not_print_the_message() {
    for known in MESSAGES {
        let Releases::Headscale(_) = known.releases else { continue };
        if known.pattern.starts_with('%') {
            continue;
        }
        let line = found(&pattern::instance(known.pattern, sample));
        for release in HEADSCALE_RELEASES {
            let explained = explain(&line, &model(|i| i.headscale_version = release.version));
            let whole_line_prints =
                Releases::Headscale(line.hits.iter().fold(u16::MAX, |all, hit| match hit.known().releases {
                    Releases::Headscale(m) => all & m,
                    _ => all,
                }))
                .headscale(release.version);
            assert_eq!(explained.version_note.is_none(), whole_line_prints, "{:?} on {}", known.pattern, release.label);
        }
    }
}

#[test]
fn authentik_messages_name_the_authentik_lines() {
    let grant = found("Invalid grant_type for provider");
    for release in AUTHENTIK_RELEASES {
        let explained = explain(&grant, &model(|i| i.authentik_version = release.version));
        let has = release.grant_types;
        assert_eq!(explained.version_note.is_none(), has, "{}", release.label);
        let rated = explained.causes.iter().find(|r| r.cause == Cause::GrantTypes).unwrap();
        assert_eq!(rated.likelihood == Likelihood::Unlikely, !has, "{}", release.label);
    }
}

fn likelihood(text: &str, cause: Cause, change: impl FnOnce(&mut sso_playground::engine::Inputs)) -> Likelihood {
    let explained = explain(&found(text), &model(change));
    explained
        .causes
        .iter()
        .find(|r| r.cause == cause)
        .unwrap_or_else(|| panic!("{cause:?} not a cause of {text:?}"))
        .likelihood
}

/// email_verified refuses a login from Headscale 0.28, and authentik sends false from 2025.10:
/// both sides of both boundaries.
#[test]
fn unverified_email_follows_both_release_tables() {
    let text = "unverified email";
    let at = |headscale: &str, authentik: &str| {
        likelihood(text, Cause::EmailUnverified, |i| {
            i.headscale_version = HeadscaleVersion::parse(headscale).unwrap();
            i.authentik_version = AuthentikVersion::parse(authentik).unwrap();
            i.allowed_users = "a@example.com".into();
        })
    };
    assert_eq!(at("0.28", "2025.10"), Likelihood::Strong);
    assert_eq!(at("0.27", "2025.10"), Likelihood::Possible);
    assert_eq!(at("0.28", "2025.8"), Likelihood::Likely);
    assert_eq!(at("0.29", "2026.8"), Likelihood::Strong);
    // An allowed-user refusal is never the e-mail's verification from 0.28: that has its own.
    assert_eq!(
        likelihood("unauthorised user", Cause::EmailUnverified, |i| i.headscale_version =
            HeadscaleVersion::parse("0.28").unwrap()),
        Likelihood::Unlikely
    );
}

#[test]
fn release_behaviours_gate_their_causes() {
    let authentik = |key: &str| AuthentikVersion::parse(key).unwrap();
    let headscale = |key: &str| HeadscaleVersion::parse(key).unwrap();
    let jwe = "verifying ID token: oidc: failed to unmarshal claims: invalid character '\\x0f' looking for beginning of value";
    assert_eq!(
        likelihood(jwe, Cause::EncryptionKey, |i| i.authentik_version = authentik("2024.10.0")),
        Likelihood::Strong
    );
    assert_eq!(
        likelihood(jwe, Cause::EncryptionKey, |i| i.authentik_version = authentik("2024.8.5")),
        Likelihood::Unlikely
    );
    let redirect = "Redirect URI Error";
    assert_eq!(
        likelihood(redirect, Cause::RedirectUriType, |i| i.authentik_version = authentik("2026.5")),
        Likelihood::Possible
    );
    assert_eq!(
        likelihood(redirect, Cause::RedirectUriType, |i| i.authentik_version = authentik("2026.2")),
        Likelihood::Unlikely
    );
    let secret = "Could not exchange code for token";
    let file = |version: &str| {
        likelihood(secret, Cause::SecretFileNewline, |i| {
            i.headscale_version = headscale(version);
            i.secret_delivery = sso_playground::engine::inputs::SecretDelivery::File;
        })
    };
    assert_eq!(file("0.22"), Likelihood::Likely);
    assert_eq!(file("0.23"), Likelihood::Unlikely);
    let twice = |version: &str| {
        likelihood("state did not match", Cause::CallbackReloaded, |i| i.headscale_version = headscale(version))
    };
    assert_eq!(twice("0.26"), Likelihood::Likely);
    assert_eq!(twice("0.27"), Likelihood::Possible);
}

/// The three examples of the feature's own description, end to end.
#[test]
fn the_three_classic_messages_are_explained_from_the_setup() {
    let jwe = explain(
        &found("verifying ID token: oidc: failed to unmarshal claims: invalid character '\\x0f' looking for beginning of value"),
        &model(|_| {}),
    );
    assert_eq!(jwe.causes[0].cause, Cause::EncryptionKey);
    assert_eq!(jwe.step, sso_playground::engine::catalogue::LoginStep::Claims);

    let audience = explain(
        &found("oidc: expected audience \"old-id\" got [\"CLIENT\"]"),
        &model(|i| i.client_id = "CLIENT".into()),
    );
    assert_eq!(audience.causes[0].cause, Cause::ClientId);
    assert!(
        audience.causes[0].findings.iter().any(|f| f.contains("The client ID here is authentik's")),
        "{:?}",
        audience.causes[0]
    );

    let user = explain(&found("unauthorised user"), &model(|i| i.allowed_users = "Alice@Example.com".into()));
    assert_eq!(user.causes[0].cause, Cause::Users);
    assert!(user.causes[0].findings.iter().any(|f| f.contains("capitals")));
}

#[test]
fn an_issuer_mismatch_shows_where_the_issuers_differ() {
    let line = found(
        "creating OIDC provider from issuer config: oidc: issuer did not match the issuer returned by provider, expected \"https://authentik.company/application/o/headscale\" got \"https://authentik.company/application/o/headscale/\"",
    );
    let explained = explain(&line, &model(|i| i.headscale_version = HeadscaleVersion::parse("0.27").unwrap()));
    assert!(explained.version_note.is_none());
    assert_eq!(explained.causes[0].cause, Cause::IssuerMismatch);
    let findings = explained.causes[0].findings.join(" ");
    assert!(findings.contains("a trailing slash (only authentik's has one)"), "{findings}");
    assert!(findings.contains("the same as authentik's"), "{findings}");
    // go-oidc reworded the mismatch in v3.17, which Headscale 0.28 pins: 0.29 never prints the old one.
    let newer = explain(&line, &model(|i| i.headscale_version = HeadscaleVersion::parse("0.29").unwrap()));
    assert!(newer.version_note.unwrap().contains("Headscale 0.23 to 0.27"));
}

#[test]
fn a_hint_of_http_names_the_proxy() {
    let line = found(
        "oidc: issuer URL provided to client (\"https://authentik.company/application/o/headscale/\") did not match the issuer URL returned by provider (\"http://authentik.company/application/o/headscale/\")",
    );
    let explained = explain(&line, &model(|_| {}));
    let proxy = explained.causes.iter().find(|r| r.cause == Cause::ProxyHeaders).unwrap();
    assert_eq!(proxy.likelihood, Likelihood::Likely);
}

#[test]
fn every_hit_of_a_sample_keeps_its_values() {
    let hits: Vec<Hit> = recognise("oidc: expected audience \"a\" got [\"b\" \"c\"]");
    assert_eq!(hits[0].values, vec!["\"a\"", "[\"b\" \"c\"]"]);
}

/// `docs/messages.md` is generated from the catalogue; `UPDATE_DOCS=1 cargo test` rewrites it.
#[test]
fn the_documented_messages_are_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/messages.md");
    let generated = messages_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        fs::write(path, &generated).unwrap();
    }
    let written = fs::read_to_string(path).unwrap_or_default();
    assert!(
        written == generated,
        "docs/messages.md is out of date: run UPDATE_DOCS=1 cargo test --test integration symptoms::"
    );
    for cause in Cause::ALL {
        assert!(written.contains(&format!("`{}`", cause.info().id)));
    }
}
