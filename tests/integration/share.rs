//! Share links, saved state and embedding defaults.

use crate::common::{example, with};
use proptest::prelude::*;
use sso_playground::engine::embed::{embedding, DEFAULT_TITLE};
use sso_playground::engine::inputs::SecretDelivery;
use sso_playground::engine::share::{decode, decode_saved, encode, encode_saved, params, Notice};
use sso_playground::engine::versions::authentik::AUTHENTIK_RELEASES;
use sso_playground::engine::versions::headscale::HEADSCALE_RELEASES;
use sso_playground::engine::{Field, Inputs};

#[test]
fn no_link_key_belongs_to_the_secret() {
    assert!(params().all(|(field, _)| field != Field::ClientSecret));
    // Every other form field can be shared.
    for field in Field::ALL.iter().filter(|f| **f != Field::ClientSecret) {
        assert!(params().any(|(shared, _)| shared == *field), "{field:?} has no key");
    }
    let mut keys: Vec<&str> = params().map(|(_, key)| key).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), params().count());
}

#[test]
fn only_what_differs_from_the_defaults_is_written() {
    let defaults = Inputs::default();
    assert_eq!(encode(&defaults, &defaults, &[]), "v=1");
    let inputs = Inputs { slug: "tail net".into(), pkce_enabled: false, ..Inputs::default() };
    assert_eq!(encode(&inputs, &defaults, &[]), "v=1&slug=tail+net&pkce=0");
    assert_eq!(encode(&inputs, &defaults, &[Field::Slug]), "v=1&pkce=0");
}

#[test]
fn a_link_never_carries_the_secret_but_saved_state_may() {
    let inputs = with(|i| i.client_secret = "SECRET-value".into());
    let defaults = Inputs::default();
    assert!(!encode(&inputs, &defaults, &[]).contains("SECRET"));
    assert!(!encode_saved(&inputs, &defaults, false).contains("SECRET"));
    let saved = encode_saved(&inputs, &defaults, true);
    assert!(saved.contains("client_secret=SECRET-value"));
    assert_eq!(decode_saved(&saved, &defaults).inputs, inputs);
    // A link that tries to set the secret is not obeyed.
    let decoded = decode(&saved, &defaults);
    assert_eq!(decoded.inputs.client_secret, "");
    assert!(decoded.notices.contains(&Notice::Unknown("client_secret".into())));
}

#[test]
fn damaged_links_are_read_as_far_as_they_go() {
    let defaults = Inputs::default();
    let decoded = decode(
        "?v=1&slug=tailnet&hs_version=0.5&ak_version=2024.8.3&pkce=yes&expiry=30d&bogus=1&slug=again&%FF=%FE",
        &defaults,
    );
    assert_eq!(decoded.inputs.slug, "tailnet");
    assert_eq!(decoded.inputs.expiry, "30d");
    assert_eq!(decoded.inputs.authentik_version.key(), "2024.8.0", "a patch release belongs to its line");
    assert_eq!(decoded.inputs.headscale_version, defaults.headscale_version);
    assert!(decoded.found);
    assert_eq!(
        decoded.notices,
        [
            Notice::Invalid("hs_version".into()),
            Notice::Invalid("pkce".into()),
            Notice::Unknown("bogus".into()),
            Notice::Repeated("slug".into()),
            Notice::Unknown("\u{fffd}".into()),
        ]
    );
    let newer = decode("v=2&slug=x&shiny=1", &defaults);
    assert_eq!(newer.notices, [Notice::NewerFormat("2".into()), Notice::Unknown("shiny".into())]);
    assert_eq!(newer.inputs.slug, "x");
    let long = decode(&format!("v=1&slug={}", "a".repeat(256)), &defaults);
    assert_eq!(long.notices, [Notice::TooLong("slug".into(), 255)]);
    assert!(!decode("", &defaults).found);
    // Format 0 never existed: an invalid version, not a newer one.
    assert_eq!(decode("v=0&slug=x", &defaults).notices, [Notice::Invalid("v".into())]);
    assert!(Notice::NewerFormat("2".into()).to_string().contains("newer playground"));
}

#[test]
fn data_attributes_set_the_defaults() {
    let attributes = [
        ("data-headscale-url", "https://vpn.example.org"),
        ("data-slug", "tailnet"),
        ("data-headscale-version", "0.27"),
        ("data-authentik-version", "1999.1"),
        ("data-sync-url", ""),
    ];
    let found = embedding(|name| attributes.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()), 0);
    assert_eq!(found.defaults.headscale_url, "https://vpn.example.org");
    assert_eq!(found.defaults.slug, "tailnet");
    assert_eq!(found.defaults.headscale_version.label(), "0.27");
    assert_eq!(found.ignored, ["data-authentik-version"]);
    assert!(found.sync_url && found.storage);
    let plain = embedding(|name| (name == "data-no-storage").then(String::new), 0);
    assert!(!plain.sync_url && !plain.storage);
    assert_eq!(plain.defaults, Inputs::default());
    // A guest's title sits under the host's own heading, unless the host says otherwise.
    assert_eq!((plain.heading_level, plain.title.as_deref()), (2, Some(DEFAULT_TITLE)));
    let level = |value: &str| {
        let found = embedding(|name| (name == "data-heading-level").then(|| value.to_string()), 0);
        (found.heading_level, found.ignored)
    };
    assert_eq!(level("1"), (1, vec![]));
    assert_eq!(level("6"), (6, vec![]));
    assert_eq!(level("0"), (2, vec!["data-heading-level".to_string()]));
    assert_eq!(level("7"), (2, vec!["data-heading-level".to_string()]));
    let title = |value: &str| embedding(|name| (name == "data-title").then(|| value.to_string()), 0).title;
    assert_eq!(title(" Try it "), Some("Try it".to_string()));
    assert_eq!(title(""), None, "an empty title hides it");
}

#[test]
fn data_outputs_chooses_outputs_and_data_compact_the_compact_form() {
    use sso_playground::engine::embed::Output;
    let outputs = |value: &str| {
        let found = embedding(|name| (name == "data-outputs").then(|| value.to_string()), 0);
        (found.outputs, found.ignored)
    };
    let none: Vec<String> = Vec::new();
    let ignored = vec!["data-outputs".to_string()];
    // Without the attribute, every output, in the widget's order.
    assert_eq!(embedding(|_| None, 0).outputs, Output::ALL);
    // The widget's order, whatever the page's; spaces, commas and line breaks separate.
    assert_eq!(
        outputs("authentik-settings,headscale-config"),
        (vec![Output::HeadscaleConfig, Output::AuthentikWizard], none.clone())
    );
    assert_eq!(outputs(" flow \n checks "), (vec![Output::Checks, Output::Flow], none.clone()));
    assert_eq!(outputs("checks checks"), (vec![Output::Checks], none.clone()));
    // One unknown name is left out, with a notice; the known ones stay.
    assert_eq!(outputs("headscale-config terraform"), (vec![Output::HeadscaleConfig], ignored.clone()));
    // Names are exact: no other case, no prefix.
    assert_eq!(outputs("Checks"), (Output::ALL.to_vec(), ignored.clone()));
    // None known, or none at all: every output, since a widget without outputs is of no use.
    assert_eq!(outputs("nothing"), (Output::ALL.to_vec(), ignored.clone()));
    assert_eq!(outputs(""), (Output::ALL.to_vec(), ignored));
    for output in Output::ALL {
        assert_eq!(Output::from_key(output.key()), Some(output));
    }
    let compact = |value: Option<&str>| {
        embedding(|name| (name == "data-compact").then(|| value.map(String::from)).flatten(), 0).compact
    };
    assert!(!compact(None));
    assert!(compact(Some("")));
    assert!(!compact(Some("false")));
}

/// The README's table of options is the one place a page maintainer reads: it names every
/// attribute the engine reads, fields and options alike, and nothing else.
#[test]
fn the_readme_lists_every_attribute_in_its_table_of_options() {
    let readme = include_str!("../../README.md");
    let start = readme.find("### Options").expect("an Options section");
    let table = &readme[start..readme[start..].find("\n### ").map_or(readme.len(), |end| start + end)];
    let listed: Vec<&str> = table
        .lines()
        .filter_map(|line| line.strip_prefix("| `")?.split('`').next())
        .filter(|name| name.starts_with("data-"))
        .collect();
    let mut declared: Vec<&str> = sso_playground::engine::embed::attributes().map(|(name, _)| name).collect();
    declared.extend(sso_playground::engine::embed::OPTIONS);
    let (mut listed_sorted, mut declared_sorted) = (listed.clone(), declared.clone());
    listed_sorted.sort_unstable();
    declared_sorted.sort_unstable();
    assert_eq!(listed_sorted, declared_sorted);
    // Each row's prop is the attribute in camel case, as the Docusaurus component makes it.
    for line in table.lines().filter(|line| line.starts_with("| `data-")) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let (attribute, prop) = (cells[1].trim_matches('`'), cells[2].trim_matches('`'));
        let camel: String = attribute
            .trim_start_matches("data-")
            .split('-')
            .enumerate()
            .map(|(index, word)| if index == 0 { word.to_string() } else { word[..1].to_uppercase() + &word[1..] })
            .collect();
        assert_eq!(prop, camel, "{attribute}");
    }
}

fn field_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[a-zA-Z0-9 &=+%#?/:@.,;'\"\\n-]{0,20}"]
        .prop_map(|text| text.replace("SECRET", "secret"))
}

prop_compose! {
    fn any_inputs()(
        texts in prop::collection::vec(field_text(), 13),
        flags in prop::collection::vec(any::<bool>(), 5),
        headscale in prop::sample::select(HEADSCALE_RELEASES.iter().map(|r| r.version).collect::<Vec<_>>()),
        authentik in prop::sample::select(AUTHENTIK_RELEASES.iter().map(|r| r.version).collect::<Vec<_>>()),
        delivery in prop::sample::select(SecretDelivery::ALL.to_vec()),
        secret in "[a-zA-Z0-9]{1,64}",
    ) -> Inputs {
        Inputs {
            headscale_url: texts[0].clone(), authentik_url: texts[1].clone(), app_name: texts[2].clone(),
            slug: texts[3].clone(), client_id: texts[4].clone(), scopes: texts[5].clone(),
            allowed_groups: texts[6].clone(), allowed_users: texts[7].clone(), allowed_domains: texts[8].clone(),
            pkce_method: texts[9].clone(), client_secret_path: texts[10].clone(), expiry: texts[11].clone(),
            extra_params: texts[12].clone(),
            pkce_enabled: flags[0], only_start_if_oidc_is_available: flags[1], use_expiry_from_token: flags[2],
            email_verified_required: flags[3], verified_email_mapping: flags[4],
            headscale_version: headscale, authentik_version: authentik, secret_delivery: delivery,
            client_secret: format!("SECRET{secret}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn a_link_gives_back_every_input_but_the_secret_and_the_private_ones(
        inputs in any_inputs(),
        private in prop::sample::subsequence(vec![Field::HeadscaleUrl, Field::ClientId, Field::AllowedUsers, Field::Expiry], 0..=4),
    ) {
        let defaults = Inputs::default();
        let link = encode(&inputs, &defaults, &private);
        prop_assert!(!link.contains("SECRET"), "the secret leaked into {}", link);
        let decoded = decode(&link, &defaults);
        prop_assert_eq!(&decoded.notices, &Vec::<Notice>::new());
        let mut expected = Inputs { client_secret: defaults.client_secret.clone(), ..inputs.clone() };
        for field in &private {
            let default = defaults.text(*field).unwrap_or_default().to_string();
            expected.set_text(*field, default);
        }
        prop_assert_eq!(decoded.inputs, expected);
        // Saved state keeps everything, the secret included when asked.
        prop_assert_eq!(decode_saved(&encode_saved(&inputs, &defaults, true), &defaults).inputs, inputs);
    }

    #[test]
    fn no_text_makes_the_decoder_panic(text in any::<String>()) {
        let _ = decode(&text, &example());
        let _ = decode_saved(&text, &example());
    }
}

#[test]
fn saved_inputs_apply_only_over_the_defaults_they_were_saved_against() {
    use sso_playground::engine::embed::storage_scope;
    use sso_playground::engine::share::{defaults_fingerprint, saved_applies};
    let builtin = Inputs::default();
    let page = Inputs { headscale_url: "https://vpn.example.org".into(), ..Inputs::default() };
    assert_eq!(defaults_fingerprint(&builtin), "v=1");
    assert!(saved_applies(Some(&defaults_fingerprint(&page)), &page));
    // The maintainer changed the page's defaults since.
    let changed = Inputs { headscale_url: "https://vpn2.example.org".into(), ..Inputs::default() };
    assert!(!saved_applies(Some(&defaults_fingerprint(&page)), &changed));
    // Saved before fingerprints were kept: against the built-in defaults.
    assert!(saved_applies(None, &builtin));
    assert!(!saved_applies(None, &page));

    let attributes = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
    };
    let plain = embedding(attributes(&[]), 0);
    assert_eq!(storage_scope(&plain, "/docs/a"), "hsp-/docs/a");
    assert_ne!(storage_scope(&plain, "/docs/a"), storage_scope(&plain, "/docs/b"), "each page keeps its own");
    let named = embedding(attributes(&[("data-storage-key", "vpn-guide")]), 0);
    assert_eq!(storage_scope(&named, "/docs/a"), storage_scope(&named, "/docs/b"), "a shared name shares");
    let own_page = embedding(attributes(&[("data-param-prefix", "")]), 0);
    assert_eq!(storage_scope(&own_page, "/"), "", "the playground's own page keeps its keys");
    let bad = embedding(attributes(&[("data-storage-key", "")]), 0);
    assert_eq!(bad.ignored, ["data-storage-key"]);
}

#[test]
fn the_fields_that_name_the_readers_infrastructure_can_be_kept_out_of_links() {
    let private: Vec<(Field, &str)> = sso_playground::engine::share::private_choices().collect();
    assert!(private.contains(&(Field::HeadscaleUrl, "the Headscale address")), "{private:?}");
    assert!(private.contains(&(Field::AllowedGroups, "the group list")));
    assert!(!private.iter().any(|(field, _)| matches!(field, Field::Scopes | Field::PkceEnabled)));
}
