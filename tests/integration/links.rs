//! Links, saved state and the page's attributes carry values the way typing does: a value
//! beyond its field's limit is kept in the field and refused there, so the outputs wait instead
//! of showing the setup without it.

use crate::common::with;
use sso_playground::engine::embed::embedding;
use sso_playground::engine::fields::Field;
use sso_playground::engine::limits::limit;
use sso_playground::engine::share::{decode, decode_saved, encode, encode_saved, Notice, MAX_QUERY_BYTES};
use sso_playground::engine::{render, Inputs};

/// One group name of `chars` characters.
fn groups(chars: usize) -> String {
    "g".repeat(chars)
}

#[test]
fn an_oversized_linked_value_makes_the_outputs_wait_like_a_typed_one() {
    let max = limit(Field::AllowedGroups).chars;
    let over = groups(max + 1);
    let query = format!("v=1&hs=vpn.example.org&groups={}", url_escape(&over));
    let decoded = decode(&query, &Inputs::default());
    assert_eq!(decoded.notices, [Notice::TooLong("groups".into(), max)]);
    assert!(decoded.notices[0].to_string().contains("the outputs wait"));
    // Kept in its field, as typed, and refused there.
    assert!(decoded.inputs.allowed_groups == over, "the linked groups are not in the field");
    assert_eq!(decoded.inputs.headscale_url, "vpn.example.org");
    let typed = with(|i| i.allowed_groups = over.clone());
    assert_eq!(render(&decoded.inputs).model.refused(), [Field::AllowedGroups]);
    assert_eq!(render(&typed).model.refused(), [Field::AllowedGroups]);
    // At the limit the link's groups are used.
    let at = groups(max);
    let decoded = decode(&format!("v=1&groups={}", url_escape(&at)), &Inputs::default());
    assert!(decoded.notices.is_empty());
    assert!(render(&decoded.inputs).model.refused().is_empty());
    // The same from saved state.
    let saved = decode_saved(&format!("v=1&groups={}", url_escape(&over)), &Inputs::default());
    assert_eq!(render(&saved.inputs).model.refused(), [Field::AllowedGroups]);
}

#[test]
fn an_oversized_attribute_makes_the_outputs_wait() {
    let over = groups(limit(Field::AllowedGroups).chars + 1);
    let found = embedding(|name| (name == "data-allowed-groups").then(|| over.clone()), 0);
    assert_eq!(found.refused, ["data-allowed-groups"]);
    assert!(found.ignored.is_empty());
    assert!(found.defaults.allowed_groups == over, "the attribute is not in its field");
    assert_eq!(render(&found.defaults).model.refused(), [Field::AllowedGroups]);
    // A value that cannot be the field's at all is still ignored.
    let version = embedding(|name| (name == "data-headscale-version").then(|| "9.9".to_string()), 0);
    assert_eq!(version.ignored, ["data-headscale-version"]);
}

#[test]
fn a_refused_value_is_written_into_links_and_saved_state_and_read_back_refused() {
    let defaults = Inputs::default();
    let over = groups(limit(Field::AllowedGroups).chars + 1);
    let inputs = with(|i| i.allowed_groups = over.clone());
    for (written, read) in [
        (encode(&inputs, &defaults, &[]), decode as fn(&str, &Inputs) -> _),
        (encode_saved(&inputs, &defaults, false), decode_saved),
    ] {
        let back = read(&written, &defaults).inputs;
        assert!(back.allowed_groups == over, "the refused groups were not read back");
        assert_eq!(render(&back).model.refused(), [Field::AllowedGroups]);
    }
    // So long that the whole link could not be read back: the value is cut one character past
    // its limit, and stays refused.
    let huge = "x".repeat(MAX_QUERY_BYTES);
    let inputs = with(|i| {
        i.allowed_groups = huge.clone();
        i.slug = "tailnet".into();
    });
    let link = encode(&inputs, &defaults, &[]);
    assert!(link.len() <= MAX_QUERY_BYTES);
    let back = decode(&link, &defaults).inputs;
    assert_eq!(back.allowed_groups.chars().count(), limit(Field::AllowedGroups).chars + 1);
    assert_eq!(back.slug, "tailnet");
    assert_eq!(render(&back).model.refused(), [Field::AllowedGroups]);
}

/// Percent-encodes a query value the way browsers and the share link do.
fn url_escape(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}
