//! Where a playground starts: a share link beats what this browser saved, which beats the page's
//! defaults; a reload keeps what was saved; inputs saved against other defaults are set aside.

use sso_playground::engine::share::{defaults_fingerprint, encode, encode_saved};
use sso_playground::engine::startup::{private_fields, start, Found};
use sso_playground::engine::{Field, Inputs};

use crate::common::with;

fn saved_inputs() -> Inputs {
    with(|i| i.slug = "saved".into())
}

fn linked_inputs() -> Inputs {
    with(|i| i.slug = "linked".into())
}

#[test]
fn without_a_link_or_saved_inputs_the_page_defaults_start_with_fresh_credentials() {
    let started = start(&Found::default());
    assert_eq!(started.inputs, None);
    assert!(started.notices.is_empty());
    assert!(!started.from_link);
    assert_eq!(started.set_aside, None);
}

#[test]
fn saved_inputs_come_back() {
    let saved = encode_saved(&saved_inputs(), &Inputs::default(), true);
    let started = start(&Found { saved: Some(&saved), ..Found::default() });
    assert_eq!(started.inputs, Some(saved_inputs()));
    assert!(!started.from_link);
}

#[test]
fn a_share_link_beats_saved_inputs_and_says_so() {
    let link = encode(&linked_inputs(), &Inputs::default(), &[]);
    let saved = encode_saved(&saved_inputs(), &Inputs::default(), false);
    let started = start(&Found { query: &link, saved: Some(&saved), ..Found::default() });
    let mut expected = linked_inputs();
    // Links never carry the secret.
    expected.client_secret = Inputs::default().client_secret;
    assert_eq!(started.inputs, Some(expected));
    assert!(started.from_link);
    assert_eq!(
        started.notices,
        [
            "Opened from a share link. Links never carry the client secret: paste it from authentik.",
            "What this browser kept from before stays saved until you change something here.",
        ]
    );
}

#[test]
fn a_link_that_only_repeats_the_saved_inputs_is_not_a_new_link() {
    let saved = encode_saved(&saved_inputs(), &Inputs::default(), true);
    let link = encode(&saved_inputs(), &Inputs::default(), &[]);
    let started = start(&Found { query: &link, saved: Some(&saved), ..Found::default() });
    // The saved inputs keep their secret, which the link could not carry.
    assert_eq!(started.inputs, Some(saved_inputs()));
    assert!(!started.from_link);
}

#[test]
fn a_reload_keeps_what_was_saved_unless_the_tab_was_opened_from_that_link() {
    let link = encode(&linked_inputs(), &Inputs::default(), &[]);
    let saved = encode_saved(&saved_inputs(), &Inputs::default(), true);
    let reloaded = Found { query: &link, saved: Some(&saved), reloaded: true, ..Found::default() };
    assert_eq!(start(&reloaded).inputs, Some(saved_inputs()));
    let kept = Found { opened_link: Some(&link), ..reloaded.clone() };
    assert!(start(&kept).from_link);
}

#[test]
fn the_link_of_an_unedited_tab_is_read_again_on_reload() {
    let link = encode(&linked_inputs(), &Inputs::default(), &[]);
    let started = start(&Found { query: &link, reloaded: true, opened_link: Some(&link), ..Found::default() });
    assert!(started.from_link);
    assert_eq!(started.inputs.map(|inputs| inputs.slug), Some("linked".to_string()));
}

#[test]
fn inputs_saved_against_other_defaults_are_set_aside() {
    let old_defaults = encode(&Inputs::default(), &Inputs::default(), &[]);
    let page = with(|i| i.headscale_url = "https://vpn.example.org".into());
    let saved = encode_saved(&saved_inputs(), &Inputs::default(), false);
    let found =
        Found { defaults: page.clone(), saved: Some(&saved), saved_defaults: Some(&old_defaults), ..Found::default() };
    let started = start(&found);
    assert_eq!(started.inputs, None, "the page's new defaults win");
    assert_eq!(started.set_aside.map(|inputs| inputs.slug), Some("saved".to_string()));
    // Saved against the page's current defaults, they apply.
    let current = defaults_fingerprint(&page);
    let started = start(&Found { saved_defaults: Some(&current), ..found });
    assert_eq!(started.inputs.map(|inputs| inputs.slug), Some("saved".to_string()));
    assert_eq!(started.set_aside, None);
}

#[test]
fn what_a_link_could_not_use_is_listed_first() {
    let started = start(&Found { query: "v=1&slug=linked&nonsense=1", ..Found::default() });
    assert!(started.from_link);
    assert_eq!(started.notices.len(), 2);
    assert!(started.notices[0].contains("nonsense"));
    assert!(started.notices[1].starts_with("Opened from a share link."));
}

#[test]
fn a_query_without_a_format_version_is_no_link() {
    let started = start(&Found { query: "slug=linked", ..Found::default() });
    assert_eq!(started.inputs, None);
    assert!(!started.from_link);
}

#[test]
fn private_fields_are_read_back_from_their_keys() {
    assert_eq!(private_fields("hs,groups"), [Field::HeadscaleUrl, Field::AllowedGroups]);
    // Unknown keys (from a later version, or damaged) are skipped; the secret has no key.
    assert_eq!(private_fields("hs,unknown,,client_secret"), [Field::HeadscaleUrl]);
    assert!(private_fields("").is_empty());
}
