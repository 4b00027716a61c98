//! The YAML scalar writer: plain only where no YAML 1.1 or 1.2 reader can misread it.

use std::sync::LazyLock;

use proptest::prelude::*;
use regex::Regex;
use sso_playground::engine::yaml::{is_plain_safe, scalar};

/// The implicit types of YAML 1.1 (yaml.org/type) plus YAML 1.2's core schema: a plain scalar
/// matching any of these is not read as a string by some reader.
fn implicit_types() -> &'static [Regex] {
    static TYPES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
        [
            r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$",
            r"^(~|null|Null|NULL|)$",
            r"^[-+]?0b[0-1_]+$",
            r"^[-+]?0[0-7_]+$",
            r"^[-+]?(0|[1-9][0-9_]*)$",
            r"^[-+]?0x[0-9a-fA-F_]+$",
            r"^[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+$",
            r"^0o[0-7]+$",
            r"^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$",
            r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*$",
            r"^[-+]?\.(inf|Inf|INF)$",
            r"^\.(nan|NaN|NAN)$",
            r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$",
            r"^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?([Tt]|[ \t]+)?",
            r"^<<$",
            r"^=$",
        ]
        .iter()
        .map(|pattern| Regex::new(pattern).unwrap())
        .collect()
    });
    &TYPES
}

fn reads_back(emitted: &str) -> String {
    let document = format!("key: {emitted}\nlist:\n  - {emitted}\n");
    let value: serde_yaml::Value = serde_yaml::from_str(&document).unwrap();
    let item = value["list"][0].as_str().map(str::to_string);
    let direct = value["key"].as_str().unwrap_or_else(|| panic!("{emitted} is not a string")).to_string();
    assert_eq!(item.as_deref(), Some(direct.as_str()));
    direct
}

#[test]
fn everyday_values_stay_plain() {
    for text in [
        "https://authentik.company/application/o/headscale/",
        "alice@example.com",
        "headscale",
        "Headscale Users",
        "/run/credentials/secret",
        "S256",
        "openid",
    ] {
        assert_eq!(scalar(text), text);
    }
}

#[test]
fn keywords_numbers_dates_and_indicators_are_quoted() {
    for text in [
        "yes",
        "No",
        "ON",
        "off",
        "y",
        "n",
        "true",
        "False",
        "null",
        "~",
        "",
        "0",
        "123",
        "0x1F",
        "012",
        "1.0",
        "1e3",
        ".inf",
        ".NaN",
        "2001-12-14",
        "12:30",
        "- item",
        "-x",
        "*star",
        "&anchor",
        "!tag",
        "%directive",
        "@at",
        "`tick",
        "#comment",
        "a #b",
        "a: b",
        "a:",
        "?q",
        "|x",
        ">x",
        "[x]",
        "{x}",
        "'x'",
        "\"x\"",
        " lead",
        "trail ",
        "line\nbreak",
        "tab\there",
        "<<",
        "=",
        "ünïcode",
    ] {
        assert!(scalar(text).starts_with('"'), "{text:?} was left plain");
        assert_eq!(reads_back(&scalar(text)), text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_string_reads_back_as_itself(text in any::<String>()) {
        prop_assert_eq!(reads_back(&scalar(&text)), text);
    }

    #[test]
    fn yaml_like_strings_read_back_as_themselves(text in r"[-a-zA-Z0-9 :#&*!%@'\x22\\.,\[\]{}|>?~=<\n\t]{0,12}") {
        prop_assert_eq!(reads_back(&scalar(&text)), text);
    }

    #[test]
    fn a_plain_scalar_is_never_an_implicit_type(text in r"[a-zA-Z/][-a-zA-Z0-9 ._/@+=:]{0,10}") {
        if is_plain_safe(&text) {
            for pattern in implicit_types() {
                prop_assert!(!pattern.is_match(&text), "{:?} matches {}", text, pattern);
            }
        }
    }
}

#[test]
fn no_keyword_or_number_is_plain() {
    let types = implicit_types();
    let samples = [
        "y",
        "Yes",
        "NO",
        "on",
        "Off",
        "null",
        "NULL",
        "0",
        "1_000",
        "0b101",
        "0x1f",
        "190:20:30",
        "6.8523015e+5",
        "2002-12-14",
        "<<",
        "=",
    ];
    for text in samples {
        assert!(types.iter().any(|t| t.is_match(text)), "{text} should be an implicit type");
        assert!(!is_plain_safe(text), "{text} must be quoted");
    }
}
