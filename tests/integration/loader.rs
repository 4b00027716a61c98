//! The contract between the loader (`src/loader/embed.js`) and the app: every name the two share is
//! held here against the app's own, and the rules both apply (parameter prefixes, the storage
//! key's length in code points and its refused characters) are run on the same cases as
//! `src/loader/embed.test.mjs` runs them on the loader.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use regex::Regex;
use sso_playground::engine::embed::{
    embedding, page_prefixes, AUTOMATIC_LETTERS, AUTOMATIC_SERIES, MAX_STORAGE_KEY, OPTIONS, PARAM_PREFIX,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn loader() -> String {
    fs::read_to_string(root().join("src/loader/embed.js")).expect("the loader")
}

/// Every file of the app and its build whose text may name a shared marker.
fn app_text() -> String {
    let mut files = Vec::new();
    crate::common::rust_files(&root().join("src"), &mut files);
    files.push(root().join("styles/playground.css"));
    files.push(root().join("scripts/post-build.mjs"));
    files.iter().map(|file| fs::read_to_string(file).unwrap()).collect()
}

#[test]
fn every_marker_the_loader_names_is_the_apps() {
    let loader = loader();
    let markers: BTreeSet<String> = Regex::new(r"data-hsp-[a-z-]+|headscale-playground[a-z:-]*")
        .unwrap()
        .find_iter(&loader)
        .map(|m| m.as_str().trim_end_matches('-').to_string())
        .collect();
    assert!(markers.len() >= 10, "{markers:?}");
    let app = app_text();
    let unknown: Vec<&String> = markers.iter().filter(|marker| !app.contains(marker.as_str())).collect();
    assert!(unknown.is_empty(), "the loader names markers the app does not know: {unknown:?}");
    // The options the loader reads from the playground's element are the app's options.
    let options: BTreeSet<&str> = Regex::new(r#"element\.(?:getAttribute|hasAttribute)\("(data-[a-z-]+)"\)"#)
        .unwrap()
        .captures_iter(&loader)
        .map(|c| c.get(1).unwrap().as_str())
        .filter(|name| !name.starts_with("data-hsp-"))
        .collect();
    assert!(options.contains(PARAM_PREFIX) && options.len() >= 3, "{options:?}");
    for option in &options {
        assert!(OPTIONS.contains(option), "the loader reads {option}, which is no option of the app");
    }
}

#[test]
fn the_loader_and_the_app_name_saved_inputs_and_links_alike() {
    let loader = loader();
    // The default prefix, the share link's version parameter, and the storage namespace.
    assert!(loader.contains(r#"yield index + i === 0 ? "hsp-" : `hsp${index + i + 1}-`"#));
    // The automatic names after that series: as many tried, then the same letters in order.
    assert!(loader.contains(&format!("AUTOMATIC_SERIES = {AUTOMATIC_SERIES};")), "the loader's series differs");
    assert!(loader.contains(&format!(r#"[..."{AUTOMATIC_LETTERS}"]"#)), "the loader's letters differ");
    assert_eq!(page_prefixes(&[None, None], false)[1].0, "hsp2-");
    assert!(loader.contains(r#"has(prefix + "v")"#));
    let link = sso_playground::engine::share::encode(&Default::default(), &Default::default(), &[]);
    assert!(link.starts_with("v="), "{link}");
    let app = app_text();
    assert!(loader.contains(r#""headscale-playground:inputs""#) && app.contains(r#""headscale-playground:inputs""#));
    // The storage key's limit, counted in code points on both sides.
    assert!(loader.contains(&format!("[...key].length <= {MAX_STORAGE_KEY}")), "the loader's limit differs");
    // The characters that make a storage key unusable: the loader's class is exactly Rust's
    // control characters.
    let class = Regex::new(r"/\[(\\u[0-9a-f]{4})-(\\u[0-9a-f]{4})(\\u[0-9a-f]{4})-(\\u[0-9a-f]{4})\]/").unwrap();
    let found = class.captures(&loader).expect("the loader's class of refused characters");
    let code = |i: usize| u32::from_str_radix(&found[i][2..], 16).unwrap();
    let loader_refuses =
        |c: char| (code(1)..=code(2)).contains(&(c as u32)) || (code(3)..=code(4)).contains(&(c as u32));
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        assert_eq!(loader_refuses(c), c.is_control(), "{:?}", c);
    }
}

/// The storage key the app takes from `key`, if it takes it.
fn storage_key(key: &str) -> Option<String> {
    let attribute = |name: &str| (name == "data-storage-key").then(|| key.to_string());
    embedding(attribute, 0).storage_key
}

#[test]
fn a_storage_key_is_counted_in_code_points_on_both_sides_of_the_limit() {
    for (key, taken) in [
        ("😀".repeat(128), true),
        ("é".repeat(128), true),
        ("😀".repeat(129), false),
        ("a\u{0}b".to_string(), false),
        ("a\u{9f}b".to_string(), false),
        ("a\u{7f}b".to_string(), false),
        ("a\u{a0}b".to_string(), true),
        ("a b".to_string(), true),
    ] {
        assert_eq!(storage_key(&key).is_some(), taken, "{} bytes, {} code points", key.len(), key.chars().count());
    }
    // In UTF-16 units and in bytes the longest accepted key is longer than the limit.
    assert_eq!("😀".repeat(128).encode_utf16().count(), 256);
    assert_eq!("😀".repeat(128).len(), 512);
}

#[test]
fn the_loader_has_its_unit_tests() {
    let tests = root().join("src/loader/embed.test.mjs");
    let text = fs::read_to_string(&tests).expect("src/loader/embed.test.mjs");
    assert!(text.contains("\"😀\".repeat(129)") && text.contains("a\\u009fb"), "the same cases as above");
    assert!(Path::new(&root().join("src/loader/eslint.config.mjs")).exists());
}
