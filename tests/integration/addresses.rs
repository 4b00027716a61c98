//! Normalising the Headscale and authentik URLs.

use sso_playground::engine::address::{Address, AddressProblem, Service};

fn headscale(raw: &str) -> Address {
    Address::parse(raw, Service::Headscale)
}

fn authentik(raw: &str) -> Address {
    Address::parse(raw, Service::Authentik)
}

#[test]
fn bare_host_host_port_and_full_url_are_accepted() {
    assert_eq!(headscale("headscale.example.com").normalized, "https://headscale.example.com");
    assert_eq!(headscale("headscale.example.com:8443").normalized, "https://headscale.example.com:8443");
    assert_eq!(headscale("https://headscale.example.com/").normalized, "https://headscale.example.com");
    assert_eq!(headscale("  http://HS.Example.com  ").normalized, "http://hs.example.com");
    assert!(headscale("https://headscale.example.com/").problems.is_empty());
}

#[test]
fn ip_addresses_and_ipv6_are_kept() {
    assert_eq!(headscale("10.0.0.5:8080").normalized, "https://10.0.0.5:8080");
    assert_eq!(headscale("http://[::1]:8080").normalized, "http://[::1]:8080");
}

#[test]
fn empty_and_unparsable_urls_are_reported() {
    assert_eq!(headscale("   ").problems, vec![AddressProblem::Missing]);
    assert!(matches!(headscale("https://exa mple.com").problems[..], [AddressProblem::Unparsable(_)]));
    assert!(matches!(headscale("https://host:99999").problems[..], [AddressProblem::Unparsable(_)]));
    // What the user typed is still shown.
    assert_eq!(headscale("https://exa mple.com/").normalized, "https://exa mple.com");
}

#[test]
fn only_http_and_https_are_allowed() {
    assert_eq!(headscale("ftp://headscale.example.com").problems, vec![AddressProblem::Scheme("ftp".into())]);
    assert!(headscale("http://headscale.example.com").problems.is_empty());
}

#[test]
fn headscale_takes_no_path_query_or_fragment() {
    let with_path = headscale("https://example.com/headscale");
    assert_eq!(with_path.problems, vec![AddressProblem::Extra("path /headscale".into())]);
    assert_eq!(with_path.normalized, "https://example.com");
    assert_eq!(headscale("https://example.com?x=1").problems, vec![AddressProblem::Extra("query ?x=1".into())]);
    assert_eq!(headscale("https://example.com#top").problems, vec![AddressProblem::Extra("fragment #top".into())]);
    assert_eq!(
        headscale("https://user:pw@example.com").problems,
        vec![AddressProblem::Extra("user name or password".into())]
    );
}

#[test]
fn explicit_default_ports_are_warned_about_and_dropped() {
    let https = headscale("https://headscale.example.com:443");
    assert_eq!(https.problems, vec![AddressProblem::DefaultPort(":443".into())]);
    assert_eq!(https.normalized, "https://headscale.example.com");
    assert_eq!(headscale("http://hs.example.com:80/").problems, vec![AddressProblem::DefaultPort(":80".into())]);
    assert_eq!(headscale("hs.example.com:443").problems, vec![AddressProblem::DefaultPort(":443".into())]);
    assert_eq!(headscale("http://[::1]:80").problems, vec![AddressProblem::DefaultPort(":80".into())]);
    // Not the default of the scheme: fine.
    assert!(headscale("http://hs.example.com:443").problems.is_empty());
    assert!(headscale("https://hs.example.com:4443").problems.is_empty());
}

#[test]
fn authentik_keeps_its_sub_path() {
    let address = authentik("https://example.com/auth/");
    assert!(address.problems.is_empty());
    assert_eq!(address.normalized, "https://example.com/auth");
}

#[test]
fn a_pasted_issuer_is_recognised() {
    assert_eq!(
        authentik("https://authentik.example.com/application/o/headscale/").problems,
        vec![AddressProblem::IssuerPasted]
    );
    assert!(authentik("https://authentik.example.com/applications").problems.is_empty());
}

#[test]
fn internal_authentik_hosts_are_warned_about() {
    assert!(matches!(authentik("http://authentik-server:9000").problems[..], [AddressProblem::InternalHost(_)]));
    assert!(matches!(authentik("https://auth.example.com:9443").problems[..], [AddressProblem::InternalHost(_)]));
    assert!(matches!(authentik("https://authentik").problems[..], [AddressProblem::InternalHost(_)]));
    assert!(authentik("https://localhost:8000").problems.is_empty());
    assert!(authentik("https://10.1.2.3").problems.is_empty());
    // Headscale is not judged by this rule.
    assert!(headscale("https://headscale").problems.is_empty());
}

#[test]
fn international_names_are_asked_for_in_their_ascii_form() {
    assert_eq!(
        headscale("https://bücher.example").problems,
        vec![AddressProblem::Unparsable("international host names must be entered in their xn--… form".into())]
    );
    // Found by the property test: upper-case letters next to non-ASCII ones.
    assert!(matches!(headscale("Aಒ").problems[..], [AddressProblem::Unparsable(_)]));
    assert!(matches!(headscale("/A𑠀").problems[..], [AddressProblem::Unparsable(_)]));
    assert!(matches!(headscale("https://\\\\Aಒ").problems[..], [AddressProblem::Unparsable(_)]));
    assert!(matches!(authentik("https://ÜBER.Example/auth").problems[..], [AddressProblem::Unparsable(_)]));
    assert!(matches!(headscale("A%C3%BC.example").problems[..], [AddressProblem::Unparsable(_)]));
    assert!(authentik("https://auth.example/ü").problems.is_empty(), "only the host must be ASCII");
    let ascii = headscale("https://xn--bcher-kva.example");
    assert!(ascii.problems.is_empty());
    assert_eq!(ascii.normalized, "https://xn--bcher-kva.example");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

    #[test]
    fn no_text_makes_the_parser_panic(
        raw in proptest::prop_oneof![
            proptest::prelude::any::<String>(),
            r"(https?://)?[A-Za-z%0-9ÜüಒÄ.:@/\\\[\]?#-]{0,20}",
        ]
    ) {
        for service in [Service::Headscale, Service::Authentik] {
            let address = Address::parse(&raw, service);
            if address.problems.is_empty() {
                proptest::prop_assert!(address.normalized.starts_with("http"));
                proptest::prop_assert!(!address.normalized.ends_with('/'));
            }
        }
    }
}

#[test]
fn a_user_name_or_a_password_alone_is_extra() {
    let extra = vec![AddressProblem::Extra("user name or password".into())];
    assert_eq!(headscale("https://admin@hs.example.com").problems, extra);
    assert_eq!(headscale("https://:secret@hs.example.com").problems, extra);
    assert_eq!(headscale("https://admin:secret@hs.example.com").problems, extra);
    assert!(headscale("https://hs.example.com").problems.is_empty());
}

#[test]
fn a_scheme_is_only_what_stands_before_the_first_colon_slash_slash_as_a_scheme_can() {
    // A bare host whose query holds another address: the host is not taken for a scheme.
    let linked = headscale("hs.example.com?next=https://other.example.com");
    assert_eq!(linked.normalized, "https://hs.example.com");
    assert_eq!(linked.problems, vec![AddressProblem::Extra("query ?next=https://other.example.com".into())]);
    // A scheme starts with a letter.
    // "1http" is not one, so the text is read as a host and a path, never as an unknown scheme.
    assert_eq!(headscale("1http://hs.example.com").normalized, "https://1http");
}
