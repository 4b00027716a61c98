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

#[test]
fn playgrounds_on_one_page_never_share_a_prefix() {
    use sso_playground::engine::embed::page_prefixes as prefixes;
    let decided = |chosen: &[Option<&str>], own_page: bool| {
        let chosen: Vec<Option<String>> = chosen.iter().map(|c| c.map(str::to_string)).collect();
        prefixes(&chosen, own_page)
    };
    let names = |found: &[(String, Option<String>)]| found.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    // A chosen hsp2- beside a default one, which would have been hsp2- too.
    let found = decided(&[Some("hsp2-"), None], false);
    assert_eq!(names(&found), ["hsp2-", "hsp3-"]);
    assert!(found.iter().all(|(_, notice)| notice.is_none()));
    // The same prefix twice, or one that starts another: the later one falls back, and says so.
    for chosen in [[Some("docs-"), Some("docs-")], [Some("hsp-"), Some("hsp-a-")], [Some("hsp-a-"), Some("hsp-")]] {
        let found = decided(&chosen, false);
        assert_eq!(found[0].0, chosen[0].unwrap());
        assert!(!found[1].0.starts_with(&found[0].0) && !found[0].0.starts_with(&found[1].0), "{found:?}");
        assert!(found[1].1.as_deref().is_some_and(|notice| notice.contains("overlaps")), "{found:?}");
    }
    // An empty prefix only on the playground's own page.
    assert_eq!(decided(&[Some("")], true), [(String::new(), None)]);
    let host = decided(&[Some("")], false);
    assert_eq!(host[0].0, "hsp-");
    assert!(host[0].1.as_deref().is_some_and(|notice| notice.contains("needs a prefix of its own")));
    assert_eq!(names(&decided(&[None, None, None], false)), ["hsp-", "hsp2-", "hsp3-"]);
    // An empty prefix beside another playground, even on its own page, would read the other's
    // parameters: refused, and both get names of their own.
    let own = decided(&[Some(""), None], true);
    assert_eq!(names(&own), ["hsp-", "hsp2-"]);
    assert!(own[0].1.as_deref().is_some_and(|notice| notice.contains("alone on its page")), "{own:?}");
    // Chosen prefixes that block every hsp name: the others take the letters, at once.
    let blocked = decided(&[Some("h"), None, None], false);
    assert_eq!(names(&blocked), ["h", "a-", "b-"]);
    let digits: Vec<Option<&str>> = ["hsp1", "hsp2", "hsp3", "hsp4", "hsp5", "hsp6", "hsp7", "hsp8", "hsp9"]
        .into_iter()
        .map(Some)
        .chain([None, None])
        .collect();
    let found = names(&decided(&digits, false));
    assert_eq!(found[9..], ["a-", "b-"]);
    // Every single-letter name taken: two letters.
    let letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    let singles: Vec<String> = letters.chars().map(|c| format!("{c}-")).collect();
    let mut chosen: Vec<Option<&str>> =
        [Some("hsp")].into_iter().chain(singles.iter().map(|l| Some(l.as_str()))).collect();
    chosen.push(None);
    assert_eq!(names(&decided(&chosen, false)).last().map(String::as_str), Some("aa-"));
    // Every letter chosen alone starts every possible name: the positional one, never none.
    let alone: Vec<String> = letters.chars().map(String::from).collect();
    let mut chosen: Vec<Option<&str>> = alone.iter().map(|l| Some(l.as_str())).collect();
    chosen.push(None);
    assert_eq!(names(&decided(&chosen, false)).last().map(String::as_str), Some("hsp64-"));
}

#[test]
fn the_state_lives_in_the_fragment_and_old_links_still_open() {
    use sso_playground::engine::embed::{own_link, with_own_query};
    // Today's links: the fragment.
    assert_eq!(own_link("", "#v=1&hs=vpn.example.org", ""), "v=1&hs=vpn.example.org");
    // Links made before: the query string.
    assert_eq!(own_link("v=1&hs=old.example.org", "", ""), "v=1&hs=old.example.org");
    assert_eq!(own_link("v=1&hs=old.example.org", "v=1&hs=new.example.org", ""), "v=1&hs=new.example.org");
    // An embed: its own prefixed parameters, beside a heading anchor of the host.
    assert_eq!(own_link("utm_source=x", "install&hsp-v=1&hsp-slug=vpn", "hsp-"), "v=1&slug=vpn");
    assert_eq!(own_link("hsp-v=1&hsp-slug=old", "install", "hsp-"), "v=1&slug=old");
    assert_eq!(with_own_query("install&hsp-v=1&hsp-slug=a", "hsp-", "v=1&slug=b"), "install&hsp-v=1&hsp-slug=b");
    // 500 allowed users: the whole state is in the fragment, which no request carries.
    let users: String = (0..500).map(|i| format!("user{i}@example.org\n")).collect();
    let link = encode(&with(|i| i.allowed_users = users.clone()), &Inputs::default(), &[]);
    assert!(link.len() > 11_000, "{}", link.len());
    assert_eq!(own_link("", &link, ""), link);
}

#[test]
fn a_storage_key_is_counted_in_characters() {
    let key = |value: String| embedding(|name| (name == "data-storage-key").then(|| value.clone()), 0);
    let accented = key("é".repeat(100));
    assert!(accented.ignored.is_empty(), "100 characters (200 bytes) were refused");
    assert_eq!(accented.storage_key.as_deref().map(|k| k.chars().count()), Some(100));
    assert!(key("é".repeat(128)).ignored.is_empty());
    assert_eq!(key("é".repeat(129)).ignored, ["data-storage-key"]);
    assert_eq!(key("a\u{7f}b".into()).ignored, ["data-storage-key"]);
}

#[test]
fn storage_other_local_files_share_is_never_trusted_with_the_secret_and_shows_what_it_restored() {
    use sso_playground::engine::startup::{start, Found};
    let planted = "v=1&ak=https%3A%2F%2Fevil.example&client_secret=planted";
    let shared = start(&Found { saved: Some(planted), shared_storage: true, ..Found::default() });
    let inputs = shared.inputs.expect("restored");
    assert_eq!(inputs.client_secret, "", "the secret came from shared storage");
    assert_eq!(inputs.authentik_url, "https://evil.example");
    assert_eq!(shared.restored, [Field::AuthentikUrl]);
    // The page's own storage keeps the secret it was asked to remember, with nothing to show.
    let own = start(&Found { saved: Some(planted), ..Found::default() });
    assert_eq!(own.inputs.expect("restored").client_secret, "planted");
    assert!(own.restored.is_empty());
}

#[test]
fn the_fragment_counts_only_with_its_version() {
    use sso_playground::engine::embed::own_link;
    // The fragment's own parameters hold a version alone: still today's link.
    assert_eq!(own_link("hsp-v=1&hsp-slug=old", "hsp-v=1", "hsp-"), "v=1");
    // The fragment holds the playground's parameters but no version: the query's older link.
    assert_eq!(own_link("hsp-v=1&hsp-slug=old", "hsp-slug=new", "hsp-"), "v=1&slug=old");
}

#[test]
fn a_chosen_prefix_holds_letters_digits_hyphens_and_underscores_only() {
    let prefix = |value: &str| embedding(|name| (name == "data-param-prefix").then(|| value.to_string()), 0).prefix;
    for kept in ["docs2", "sso-", "sso_", "a-b_c9"] {
        assert_eq!(prefix(kept), kept);
    }
    for refused in ["sso.", "sso ", "é-", "a=b", "a&"] {
        assert_eq!(prefix(refused), "hsp-", "{refused:?}");
    }
}

#[test]
fn only_a_refused_attribute_is_called_refused() {
    let attributes = |slug: String| {
        embedding(
            move |name| match name {
                "data-slug" => Some(slug.clone()),
                "data-headscale-url" => Some("https://vpn.example.org".into()),
                _ => None,
            },
            0,
        )
    };
    let fine = attributes("vpn".into());
    assert_eq!((fine.refused.len(), fine.ignored.len()), (0, 0));
    assert_eq!(fine.defaults.slug, "vpn");
    let long = attributes("s".repeat(limit(Field::Slug).chars + 1));
    assert_eq!(long.refused, ["data-slug"]);
}
