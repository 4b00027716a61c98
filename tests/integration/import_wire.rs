//! The import's answer as it crosses from the worker to the page: what is written reads back
//! the same, a damaged answer is an error and never a panic, and the bounded answer lists the
//! same problems and counts as the whole reading, on both sides of the cap.

use crate::common::{example, with};
use proptest::prelude::*;
use sso_playground::engine::import::wire::{bound, decode, encode, WireError};
use sso_playground::engine::import::{propose, read_text, MAX_BYTES, MAX_FINDINGS};
use sso_playground::engine::versions::headscale::HeadscaleVersion;

const ISSUER: &str = "https://sso.example.org/application/o/hs/";

/// Texts that give every kind of problem, every source and every refusal.
fn samples() -> Vec<String> {
    let oidc = |body: &str| format!("oidc:\n  issuer: {ISSUER}\n{body}");
    vec![
        String::new(),
        "x".repeat(MAX_BYTES + 1),
        "a: [".into(),
        format!("x: {}{}", "[".repeat(70), "]".repeat(70)),
        format!("x: {}", "[".repeat(200)),
        "just: text\n".into(),
        oidc("  isuer: x\n  client_id: 123\n  client_secret:\n  allowed_groups: \"a b\"\n"),
        oidc("  allowed_groups: [\"vpn\\nadmins\", \"a\\u0000b\"]\n  pkce:\n    enabled: \"yes\"\n    method: [a]\n"),
        oidc("  allowed_users: {a: b}\n  only_start_if_oidc_is_available: \"maybe\"\n  use_expiry_from_token: 1\n"),
        oidc("  extra_params:\n    domain_hint: example.com\n    \"x\\ty\": z\n  2001-12-14: c\n"),
        oidc("  allowed_groups: [\"\", ops]\n  Issuer: https://other.example.org/\n"),
        format!("oidc:\n  issuer: {ISSUER}\n---\nx: 1\n"),
        "oidc: 5\n".into(),
        format!("server_url: https://hs.example.org\nnode:\n  expiry: 30d\noidc:\n  issuer: {ISSUER}\n  client_id: 'your-client-id'\n  scope: [openid, profile, email]\n  allowed_domains: [example.com]\n"),
        format!("base: &base\n  issuer: {ISSUER}\noidc:\n  <<: *base\n  client_id: abc\n"),
        format!("HEADSCALE_OIDC_ISSUER={ISSUER}\nHEADSCALE_OIDC_CLIENT_ID=abc\nHEADSCALE_OIDC_ALLOWED_GROUPS=a,b\nHEADSCALE_OIDC_WHAT=1\n"),
        format!("services:\n  headscale:\n    environment:\n      HEADSCALE_OIDC_ISSUER: {ISSUER}\n      HEADSCALE_OIDC_PKCE_ENABLED: 'on'\n"),
        format!("issuer: {ISSUER}\nclient_id: abc\nsecret: x\n"),
    ]
}

/// `count` unknown keys before or after other problems: a placeholder, a slash the issuer lacks,
/// a list given as one string. In flow style every key has the section's place, so the list's
/// order (errors first) differs from the reader's.
fn keys(count: usize, at_end: bool) -> String {
    let unknown: String = (0..count).map(|i| format!("  unknown_{i}: 1\n")).collect();
    let known = "  issuer: https://sso.example.org/application/o/hs\n  client_id: <client-id>\n  allowed_groups: \"a b\"\n  scope: [openid, profile]\n";
    if at_end {
        format!("oidc:\n{known}{unknown}")
    } else {
        format!("oidc:\n{unknown}{known}")
    }
}

#[test]
fn every_answer_reads_back_as_written_bounded() {
    for text in samples() {
        let answer = read_text(&text);
        let crossed = decode(&encode(&answer)).unwrap_or_else(|_| panic!("{text:?} did not read back"));
        assert_eq!(crossed, answer.as_ref().map(bound).map_err(Clone::clone), "{text:?}");
    }
}

#[test]
fn every_kind_of_problem_crosses() {
    let reasons: Vec<String> = samples()
        .iter()
        .filter_map(|text| read_text(text).ok())
        .map(|reading| propose(&decode(&encode(&Ok(reading))).unwrap().unwrap(), &example()))
        .flat_map(|found| found.findings.into_iter().map(|f| format!("{:?}", f.diagnostic.check)))
        .collect();
    for check in [
        "UnknownKey",
        "NotAString",
        "StringForBool",
        "YesNoString",
        "ScalarForList",
        "WrongType",
        "EmptyValue",
        "ValueRefused",
        "Placeholder",
        "ImportRefused",
        "DuplicateKey",
        "LaterDocuments",
    ] {
        assert!(reasons.iter().any(|r| r == check), "no {check} in {reasons:?}");
    }
    // Each type the reader may expect, so none is refused on the way.
    let wrong: Vec<String> = samples()
        .iter()
        .filter_map(|text| read_text(text).ok())
        .flat_map(|reading| propose(&reading, &example()).findings)
        .filter_map(|f| f.diagnostic.cause().split("expects ").nth(1).map(str::to_string))
        .collect();
    for expected in ["a single value", "true or false", "a list", "a section of keys", "plain keys"] {
        assert!(wrong.iter().any(|w| w.starts_with(expected)), "no “{expected}” in {wrong:?}");
    }
}

#[test]
fn the_listed_problems_and_counts_are_the_same_below_at_and_above_the_cap() {
    let versions = [example(), with(|i| i.headscale_version = HeadscaleVersion(23))];
    for count in [0, 1, MAX_FINDINGS - 6, MAX_FINDINGS - 1, MAX_FINDINGS, MAX_FINDINGS + 1, MAX_FINDINGS + 5, 3_000] {
        let mut entries: Vec<String> = (0..count).map(|i| format!("unknown_{i}: 1")).collect();
        entries.extend(["allowed_groups: [\"vpn\\nadmins\"]".to_string(), "client_id: 5".to_string()]);
        let flow = format!("oidc: {{{}}}\n", entries.join(", "));
        for (text, at_end) in [(keys(count, false), false), (keys(count, true), true), (flow, false)] {
            let reading = read_text(&text).expect("read");
            let crossed = decode(&encode(&Ok(reading.clone()))).expect("reads back").expect("a reading");
            for inputs in &versions {
                let (whole, sent) = (propose(&reading, inputs), propose(&crossed, inputs));
                assert_eq!(sent, whole, "{count} keys, at the end: {at_end}");
                assert_eq!(sent.findings.len() + sent.omitted, whole.findings.len() + whole.omitted);
            }
        }
    }
    let env: String = (0..MAX_FINDINGS + 3).map(|i| format!("HEADSCALE_OIDC_X{i}=1\n")).collect();
    let reading = read_text(&format!("HEADSCALE_OIDC_ISSUER={ISSUER}\n{env}")).expect("read");
    let crossed = decode(&encode(&Ok(reading.clone()))).unwrap().unwrap();
    assert_eq!(propose(&crossed, &example()), propose(&reading, &example()));
}

#[test]
fn the_answer_stays_small_whatever_was_pasted() {
    let mut text = format!("oidc:\n  issuer: {ISSUER}\n");
    for i in 0.. {
        let line = format!("  unknown_key_{i}: 1\n");
        if text.len() + line.len() > MAX_BYTES {
            break;
        }
        text.push_str(&line);
    }
    let answer = encode(&read_text(&text));
    assert!(answer.len() < 16 << 10, "{} bytes", answer.len());
}

#[test]
fn a_damaged_answer_is_an_error() {
    let written = encode(&read_text(&samples()[6]));
    for (at, _) in written.char_indices().skip(1) {
        assert!(decode(&written[..at]).is_err(), "cut at {at}");
    }
    assert!(decode(&format!("{written}x")).is_err());
    for foreign in [
        "",
        "null",
        "hsp-import 2\nR",
        "hsp-import 1\nR",
        "hsp-import 1\nEq",
        "hsp-import 1\nEl99999999999999999999999;",
    ] {
        assert!(decode(foreign).is_err(), "{foreign:?}");
    }
    // A count far beyond what follows is refused before anything is allocated for it.
    assert!(decode("hsp-import 1\nRc------4294967295;").is_err());
}

#[test]
fn an_unreadable_answer_says_why() {
    assert_eq!(decode(""), Err(WireError::Version));
    assert_eq!(decode("hsp-paste 1\nE0"), Err(WireError::Version), "another kind of answer");
    let written = encode(&read_text(&samples()[6]));
    let cut = written.len() - 3;
    match decode(&written[..cut]) {
        Err(WireError::Damaged { at }) => assert!(at <= cut, "{at} beyond {cut}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(decode(&format!("{written}x")), Err(WireError::Damaged { at: written.len() }));
    assert!(WireError::Version.to_string().contains("Reload the page"));
    assert!(WireError::Damaged { at: 7 }.to_string().contains("at byte 7"));
}

#[test]
fn every_type_headscale_expects_crosses_the_wire() {
    let texts = [
        ("oidc:\n  issuer: [a]\n", "a single value"),
        ("oidc:\n  only_start_if_oidc_is_available: 2\n", "true or false"),
        ("oidc:\n  allowed_groups: {a: b}\n", "a list"),
        ("oidc:\n  extra_params: [a]\n", "a section of keys"),
        ("oidc:\n  2001-12-14: c\n", "plain keys"),
    ];
    for (text, expected) in texts {
        let answer = read_text(text);
        let crossed = decode(&encode(&answer)).expect("reads back");
        assert_eq!(crossed, answer.as_ref().map(bound).map_err(Clone::clone), "{text:?}");
        let import = propose(&crossed.expect("a reading"), &example());
        let said: Vec<String> = import.findings.iter().map(|finding| finding.diagnostic.cause()).collect();
        assert!(
            said.iter().any(|cause| cause.contains(&format!("Headscale expects {expected}"))),
            "{text:?}: {said:?}"
        );
    }
}

/// The import fuzz target's wire invariant, on its seeds: every answer crosses unchanged, and
/// the page lists from it what it would list from the whole reading.
#[test]
fn the_fuzz_seeds_cross_the_wire_unchanged() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/import");
    let mut seeds: Vec<_> = std::fs::read_dir(dir).expect("seeds").map(|entry| entry.expect("seed").path()).collect();
    seeds.sort();
    assert!(!seeds.is_empty());
    for path in seeds {
        let text = String::from_utf8_lossy(&std::fs::read(&path).expect("read")).into_owned();
        let answer = read_text(&text);
        let crossed = decode(&encode(&answer)).expect("reads back");
        assert_eq!(crossed, answer.as_ref().map(bound).map_err(Clone::clone), "{path:?}");
        if let (Ok(whole), Ok(sent)) = (&answer, &crossed) {
            assert_eq!(propose(sent, &example()), propose(whole, &example()), "{path:?}");
        }
    }
}

proptest! {
    #[test]
    fn garbled_answers_never_panic(at in 0usize..4096, replacement in "\\PC{0,3}", tail in ".{0,40}") {
        let written: Vec<char> = encode(&read_text(&samples()[7])).chars().collect();
        let at = at % written.len();
        let garbled: String =
            written[..at].iter().copied().chain(replacement.chars()).chain(written[at + 1..].iter().copied()).collect();
        let _ = decode(&garbled);
        let _ = decode(&format!("hsp-import 1\n{tail}"));
        let _ = decode(&tail);
    }
}

#[test]
fn refusals_cross_the_wire_and_a_signed_number_is_damage() {
    use sso_playground::engine::import::positions::Position;
    use sso_playground::engine::import::ImportError;
    let too_many = Err(ImportError::TooManyValues { position: Some(Position { line: 3, column: 5 }) });
    assert_eq!(
        decode(&encode(&too_many)),
        Ok(too_many.clone().map(|reading: sso_playground::engine::import::Reading| bound(&reading)))
    );
    assert_eq!(decode("hsp-import 1\nEl12;"), Ok(Err(ImportError::TooLarge { bytes: 12 })));
    assert!(decode("hsp-import 1\nEl+12;").is_err());
}
