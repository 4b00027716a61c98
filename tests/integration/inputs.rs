//! Edits, the list splitting rules, and the purity of the core.

use sso_playground::engine::inputs::SecretDelivery;
use sso_playground::engine::versions::headscale::HeadscaleVersion;
use sso_playground::engine::{lists, Edit, Field, Inputs};

#[test]
fn edits_change_exactly_their_field() {
    let mut inputs = Inputs::default();
    assert!(inputs.apply(Edit::Text(Field::Slug, "tailnet".into())));
    assert_eq!(inputs.slug, "tailnet");
    assert!(!inputs.apply(Edit::Text(Field::Slug, "tailnet".into())), "no change, no update");
    assert!(inputs.apply(Edit::Flag(Field::PkceEnabled, false)));
    assert!(!inputs.pkce_enabled);
    // An edit of the wrong kind changes nothing.
    assert!(!inputs.apply(Edit::Flag(Field::Slug, true)));
    assert!(!inputs.apply(Edit::Text(Field::PkceEnabled, "true".into())));
    assert_eq!(Inputs { slug: "tailnet".into(), pkce_enabled: false, ..Inputs::default() }, inputs);
}

#[test]
fn every_field_is_text_or_flag_and_round_trips() {
    for field in Field::ALL {
        let mut inputs = Inputs::default();
        match inputs.text(field) {
            // Choices only take one of their values.
            Some(_) if field.is_choice() => {
                let before = inputs.clone();
                assert!(!inputs.apply(Edit::Text(field, "x y".into())));
                assert_eq!(inputs, before);
            }
            Some(_) => {
                assert!(inputs.apply(Edit::Text(field, "x y".into())));
                assert_eq!(inputs.text(field), Some("x y"));
                assert_eq!(inputs.flag(field), None);
            }
            None => {
                let before = inputs.flag(field).expect("a checkbox");
                assert!(inputs.apply(Edit::Flag(field, !before)));
                assert_eq!(inputs.flag(field), Some(!before));
            }
        }
        assert!(!field.label().is_empty() && !field.key().is_empty() && !field.help().text.is_empty());
    }
}

#[test]
fn labels_carry_the_words_users_look_for() {
    let labels: Vec<&str> = Field::ALL.iter().map(|f| f.label()).collect();
    for word in [
        "Headscale URL",
        "authentik URL",
        "Application name",
        "Application slug",
        "Client ID",
        "Client secret",
        "Allowed groups",
        "Allowed users",
        "Allowed domains",
        "Scopes",
    ] {
        assert!(labels.iter().any(|label| label.contains(word)), "no label contains {word}");
    }
}

#[test]
fn choices_take_their_values() {
    let mut inputs = Inputs::default();
    assert!(inputs.apply(Edit::Text(Field::HeadscaleVersion, "0.24".into())));
    assert_eq!(inputs.headscale_version, HeadscaleVersion(24));
    assert_eq!(inputs.text(Field::HeadscaleVersion), Some("0.24"));
    assert!(inputs.apply(Edit::Text(Field::SecretDelivery, "file".into())));
    assert_eq!(inputs.secret_delivery, SecretDelivery::File);
    assert!(!inputs.apply(Edit::Text(Field::SecretDelivery, "file".into())));
}

#[test]
fn key_value_lines_keep_order_and_report_problems() {
    let parsed = lists::key_values("prompt=login\n\nbad line\n =x\nprompt = consent\nmax_age=0=1");
    assert_eq!(
        parsed.pairs,
        [("prompt".to_string(), "consent".to_string()), ("max_age".to_string(), "0=1".to_string())]
    );
    assert_eq!(parsed.invalid, ["bad line", "=x"]);
    assert_eq!(parsed.repeated, ["prompt"]);
}

#[test]
fn word_lists_split_on_space_comma_and_lines() {
    assert_eq!(lists::words(" a@x.org, b@x.org\n\tc@x.org,,a@x.org "), ["a@x.org", "b@x.org", "c@x.org"]);
    assert_eq!(lists::words(""), Vec::<String>::new());
}

#[test]
fn group_lists_keep_spaces_and_split_on_lines_only() {
    assert_eq!(lists::lines("Headscale Users\r\n\n  ops \nops"), ["Headscale Users", "ops"]);
}

#[test]
fn the_core_uses_no_browser_api() {
    let mut pending = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src/engine"))];
    let mut files = 0;
    while let Some(path) = pending.pop() {
        if path.is_dir() {
            pending.extend(std::fs::read_dir(&path).unwrap().map(|entry| entry.unwrap().path()));
        } else {
            files += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            for forbidden in ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"] {
                assert!(!text.contains(forbidden), "{} mentions {forbidden}", path.display());
            }
        }
    }
    assert!(files > 5);
}

/// Tests (and people) find a field by a few words of its label, case-insensitively; no label may
/// contain another field's label, or the words would name two fields.
#[test]
fn no_label_contains_another() {
    let mut labels: Vec<&str> = Field::ALL.iter().chain([&Field::ImportText]).map(|f| f.label()).collect();
    labels.extend(sso_playground::engine::share::private_choices().map(|(_, label)| label));
    labels.extend(["Remember the secret on this device", "Format", "Share link"]);
    for a in &labels {
        for b in &labels {
            if a != b {
                assert!(!a.to_lowercase().contains(&b.to_lowercase()), "“{a}” contains “{b}”");
            }
        }
    }
}
