//! The invariants of ARCHITECTURE.md that are about where a fact is written: release facts only
//! in the release tables, a Headscale key's path and variable only in the key table, a field's
//! names only in the field table; and the map itself, whose every invariant names a test that
//! exists.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use regex::Regex;

use crate::common::rust_files;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The code of a source file: without its test module (test data may name anything) and
/// without comments (which may explain anything).
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or(text);
    text.lines().map(|line| line.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// Every Rust file under `src/`, relative to the root, with its code.
fn sources() -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    files.sort();
    assert!(files.len() > 50, "the sources were not found");
    files
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(root()).unwrap().to_string_lossy().into_owned();
            (relative, code(&fs::read_to_string(&path).unwrap()))
        })
        .collect()
}

/// Lines of `code` that compare or construct release numbers, as `line: text`.
fn release_comparisons(code: &str) -> Vec<String> {
    let pattern = Regex::new(
        r#"HeadscaleVersion\(\s*\d|AuthentikVersion\s*\{\s*year|AuthentikVersion::parse\(\s*"|version\.0\b|\.(year|month|patch)\s*[<>=!]=?\s*\d|at_least\("#,
    )
    .unwrap();
    code.lines()
        .enumerate()
        .filter(|(_, line)| pattern.is_match(line))
        .map(|(index, line)| format!("{}: {}", index + 1, line.trim()))
        .collect()
}

/// The release tables, and the catalogue of messages, whose rows say which releases print each
/// message as data (a mask of Headscale releases, a range of authentik ones).
const RELEASE_DATA: [&str; 2] = ["src/engine/versions/", "src/engine/symptoms/catalogue.rs"];

#[test]
fn release_facts_live_only_in_the_release_tables() {
    let found: Vec<String> = sources()
        .iter()
        .filter(|(path, _)| !RELEASE_DATA.iter().any(|data| path.starts_with(data)))
        .flat_map(|(path, code)| release_comparisons(code).into_iter().map(move |hit| format!("{path}:{hit}")))
        .collect();
    assert!(found.is_empty(), "ask the release tables instead of comparing versions:\n{}", found.join("\n"));
}

#[test]
fn a_release_comparison_is_found() {
    let code = "fn f(v: HeadscaleVersion) -> bool {\n    v.0 >= 26\n}\nlet old = HeadscaleVersion(22);\nlet a = version.0;\nif release.year < 2025 {}\nv.reads(Key::Issuer)\n";
    assert_eq!(
        release_comparisons(code),
        ["4: let old = HeadscaleVersion(22);", "5: let a = version.0;", "6: if release.year < 2025 {}"]
    );
    assert_eq!(release_comparisons(&code_of_test_module()), Vec::<String>::new());
}

fn code_of_test_module() -> String {
    code("fn f() {}\n#[cfg(test)]\nmod tests {\n    const V: HeadscaleVersion = HeadscaleVersion(22);\n}\n")
}

/// The string literals of `table` that follow `word` (`label "Client ID"` gives `Client ID`).
fn literals_after(table: &str, word: &str) -> BTreeSet<String> {
    Regex::new(&format!(r#"\b{word} "([^"]+)""#)).unwrap().captures_iter(table).map(|c| c[1].to_string()).collect()
}

/// Each of `names` that stands as a whole string literal in `code`.
fn restated<'a>(code: &str, names: &'a BTreeSet<String>) -> Vec<&'a str> {
    names.iter().filter(|name| code.contains(&format!("\"{name}\""))).map(String::as_str).collect()
}

/// The paths (`oidc.allowed_groups`) and environment variables of every Headscale key, read
/// from the key table's source, and the table's own path.
fn headscale_keys() -> (BTreeSet<String>, &'static str) {
    let table = "src/engine/versions/keys.rs";
    let text = fs::read_to_string(root().join(table)).unwrap();
    let paths: BTreeSet<String> =
        Regex::new(r#""((?:oidc|node)\.[a-z_.]+)""#).unwrap().captures_iter(&text).map(|c| c[1].to_string()).collect();
    assert!(paths.len() > 15 && paths.contains("oidc.allowed_groups"), "{paths:?}");
    let variables = paths.iter().map(|path| format!("HEADSCALE_{}", path.replace('.', "_").to_uppercase())).collect();
    (paths.union(&variables).cloned().collect(), table)
}

#[test]
fn a_headscale_key_is_named_only_in_the_key_table() {
    let (names, table) = headscale_keys();
    let found: Vec<String> = sources()
        .iter()
        .filter(|(path, _)| path != table)
        .flat_map(|(path, code)| restated(code, &names).into_iter().map(move |name| format!("{path}: \"{name}\"")))
        .collect();
    assert!(found.is_empty(), "name these keys by `Key`, not by their path or variable:\n{}", found.join("\n"));
}

/// The files that read what the field table says of a field: they must ask it. Elsewhere the
/// same words are the products' own (authentik's `slug` and `name`, OIDC's `client_id`).
fn reads_field_facts(path: &str) -> bool {
    path.starts_with("src/ui/")
        || path.starts_with("src/main.rs")
        || [
            "share",
            "embed",
            "startup",
            "groups",
            "form",
            "inputs",
            "model",
            "diagnose",
            "limits",
            "import/fill",
            "import/findings",
            "import/wire",
        ]
        .iter()
        .any(|name| path == format!("src/engine/{name}.rs"))
}

#[test]
fn field_facts_are_never_listed_again() {
    let table = fs::read_to_string(root().join("src/engine/fields.rs")).unwrap();
    let names: BTreeSet<String> = ["key", "label", "share", "attribute", "example"]
        .iter()
        .flat_map(|word| literals_after(&table, word))
        .collect();
    assert!(names.contains("data-allowed-groups") && names.contains("Allowed groups") && names.len() > 60, "{names:?}");
    let sources = sources();
    let readers: Vec<&(String, String)> = sources.iter().filter(|(path, _)| reads_field_facts(path)).collect();
    assert!(readers.len() > 40, "the files that read the field table were not found");
    let found: Vec<String> = readers
        .iter()
        .flat_map(|(path, code)| restated(code, &names).into_iter().map(move |name| format!("{path}: \"{name}\"")))
        .collect();
    assert!(found.is_empty(), "ask the field table (`Field`) for these:\n{}", found.join("\n"));
    // Neither are the Headscale keys' names in the files that write or read them.
    let (keys, _) = headscale_keys();
    let names: BTreeSet<String> =
        keys.iter().filter_map(|key| key.rsplit_once('.')).map(|(_, name)| name.to_string()).collect();
    let writers =
        ["headscale/settings", "headscale/yaml", "headscale/env", "headscale/read", "import/fill", "import/findings"];
    for (path, code) in
        sources.iter().filter(|(path, _)| writers.iter().any(|name| path == &format!("src/engine/{name}.rs")))
    {
        assert_eq!(restated(code, &names), Vec::<&str>::new(), "{path} names Headscale keys by text");
    }
}

/// The `Field::…` names in `code`.
fn fields_named(code: &str) -> BTreeSet<String> {
    code.match_indices("Field::")
        .map(|(at, _)| code[at + 7..].chars().take_while(|c| c.is_alphanumeric()).collect())
        .collect()
}

#[test]
fn the_form_is_laid_out_by_the_field_table() {
    // The form's components name no field: which group shows a field, where, with which
    // control, note and example is the table's (and `engine::form`'s). The one exception is
    // the button that draws a new client ID and secret.
    let sources = sources();
    for name in ["form", "more_settings", "fields", "field_group"] {
        let path = format!("src/ui/components/{name}.rs");
        let (_, code) = sources.iter().find(|(p, _)| *p == path).unwrap_or_else(|| panic!("{path} is gone"));
        let named = fields_named(code);
        let allowed = if name == "more_settings" { vec!["ClientId", "ClientSecret"] } else { vec![] };
        assert_eq!(named, allowed.into_iter().map(String::from).collect(), "{path} lays out fields by hand");
    }
    assert_eq!(fields_named("Field::AppName, Field::Slug)"), BTreeSet::from(["AppName".into(), "Slug".into()]));
}

#[test]
fn a_restated_fact_is_found() {
    let names: BTreeSet<String> = ["groups".to_string(), "data-slug".to_string()].into();
    let code = code("let a = \"groups\"; // \"data-slug\"\nlet b = \"groupsx\";\n#[cfg(test)]\nlet c = \"data-slug\";");
    assert_eq!(restated(&code, &names), ["groups"]);
    assert_eq!(
        literals_after("share \"hs\", attribute \"data-x\", label \"A b\"", "share"),
        BTreeSet::from(["hs".to_string()])
    );
}

/// The invariants of ARCHITECTURE.md, each with the tests it names as
/// `` `tests/…/file.rs::function` `` or `` `tests/e2e/file.spec.ts::test name` ``.
fn invariants(text: &str) -> Vec<(String, Vec<(String, String)>)> {
    let section = text.split("\n## Invariants\n").nth(1).expect("an Invariants section");
    let section = section.split("\n## ").next().unwrap();
    let named = Regex::new(r"`(tests/[A-Za-z0-9_./-]+\.(?:rs|ts))::([^`]+)`").unwrap();
    section
        .split("\n\n")
        .map(str::trim)
        .filter(|paragraph| paragraph.starts_with("**"))
        .map(|paragraph| {
            let title = paragraph[2..].split("**").next().unwrap().to_string();
            let tests = named.captures_iter(paragraph).map(|c| (c[1].to_string(), c[2].to_string())).collect();
            (title, tests)
        })
        .collect()
}

/// Whether `file` holds the test `name`: a Rust function or a Playwright test of that title.
fn holds_test(file: &Path, name: &str) -> bool {
    let Ok(text) = fs::read_to_string(file) else { return false };
    if file.extension().is_some_and(|e| e == "rs") {
        text.contains(&format!("fn {name}("))
    } else {
        text.contains(&format!("test(\"{name}\"")) || text.contains(&format!("test('{name}'"))
    }
}

#[test]
fn every_invariant_names_a_test_that_exists() {
    let text = fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let invariants = invariants(&text);
    assert!(invariants.len() >= 15, "{} invariants found", invariants.len());
    let mut problems = Vec::new();
    for (title, tests) in &invariants {
        if tests.is_empty() {
            problems.push(format!("{title}: names no test"));
        }
        for (file, name) in tests {
            if !holds_test(&root().join(file), name) {
                problems.push(format!("{title}: no test {name} in {file}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn an_invariant_without_its_test_is_found() {
    let text = "# A\n\n## Invariants\n\n**One.** Held by `tests/integration/invariants.rs::an_invariant_without_its_test_is_found`.\n\n**Two.** Held by nothing.\n\n**Three.** `tests/integration/invariants.rs::no_such_test`.\n\n## Recipes\n\n**Not one.**\n";
    let found = invariants(text);
    assert_eq!(found.len(), 3);
    assert!(found[1].1.is_empty());
    let (file, name) = &found[2].1[0];
    assert!(!holds_test(&root().join(file), name));
    let (file, name) = &found[0].1[0];
    assert!(holds_test(&root().join(file), name));
}

/// The names pages and links already hold: a share key or attribute renamed would silently drop
/// a value from every link and page that uses it. Adding a field adds to this list; nothing may
/// leave it or change.
#[test]
fn released_names_never_change() {
    use sso_playground::engine::Field;
    let released = [
        ("headscale-url", Some("hs"), Some("data-headscale-url")),
        ("authentik-url", Some("ak"), Some("data-authentik-url")),
        ("app-name", Some("name"), Some("data-app-name")),
        ("slug", Some("slug"), Some("data-slug")),
        ("client-id", Some("client_id"), None),
        ("client-secret", None, None),
        ("scopes", Some("scope"), Some("data-scopes")),
        ("allowed-groups", Some("groups"), Some("data-allowed-groups")),
        ("allowed-users", Some("users"), None),
        ("allowed-domains", Some("domains"), None),
        ("pkce-enabled", Some("pkce"), None),
        ("pkce-method", Some("pkce_method"), None),
        ("headscale-version", Some("hs_version"), Some("data-headscale-version")),
        ("secret-delivery", Some("secret_from"), None),
        ("client-secret-path", Some("secret_path"), None),
        ("only-start", Some("only_start"), None),
        ("expiry", Some("expiry"), None),
        ("use-expiry-from-token", Some("token_expiry"), None),
        ("extra-params", Some("params"), None),
        ("email-verified-required", Some("verified_required"), None),
        ("authentik-version", Some("ak_version"), Some("data-authentik-version")),
        ("verified-email-mapping", Some("mark_verified"), None),
    ];
    for (key, share, attribute) in released {
        let field = Field::ALL.into_iter().find(|field| field.key() == key).unwrap_or_else(|| panic!("{key} is gone"));
        assert_eq!((field.info().share, field.info().attribute), (share, attribute), "{key}");
    }
}
