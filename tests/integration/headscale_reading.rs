//! Imports read exactly as Headscale reads them (yaml.v3, then viper and its `cast`): quoted
//! merge keys, keys that differ only in case, tags that convert, empty list entries, and alias
//! expansion within yaml.v3's budget, on the worker and on the page's thread alike.

use std::time::{Duration, Instant};

use crate::common::example;
use sso_playground::engine::import::{import, Import, ImportError};
use sso_playground::engine::Check;

const ISSUER: &str = "https://sso.example.org/application/o/hs/";

fn read(text: &str) -> Import {
    import(text, &example()).unwrap_or_else(|error| panic!("{text:?}: {error}"))
}

fn checks(found: &Import) -> Vec<Check> {
    found.findings.iter().map(|f| f.diagnostic.check).collect()
}

#[test]
fn an_empty_group_name_lets_nobody_in_and_is_never_applied_as_no_restriction() {
    for list in ["[\"\"]", "[\"\", ops]", "\n    -\n", "[\" ops\"]", "['ops ']"] {
        let found = read(&format!("oidc:\n  issuer: {ISSUER}\n  allowed_groups: {list}\n"));
        assert!(checks(&found).contains(&Check::ImportRefused), "{list}: {:?}", found.findings);
        assert!(!found.applicable(), "{list} could be applied");
    }
    let users = read(&format!("oidc:\n  issuer: {ISSUER}\n  allowed_users: [\"a@example.com b@example.com\"]\n"));
    assert!(!users.applicable());
    let message = users.findings.iter().find(|f| f.diagnostic.check == Check::ImportRefused).unwrap();
    assert_eq!(message.place().as_deref(), Some("line 3, column 19"));
    // A list holding a list is no list at all to Headscale: nobody is filtered, as it reads.
    let nested = read(&format!("oidc:\n  issuer: {ISSUER}\n  allowed_groups: [ops, [a]]\n"));
    assert!(checks(&nested).contains(&Check::WrongType));
    assert_eq!(nested.inputs.allowed_groups, "");
    // The near miss: real names are applied.
    let fine = read(&format!("oidc:\n  issuer: {ISSUER}\n  allowed_groups: [ops, \"vpn admins\"]\n"));
    assert!(fine.applicable());
    assert_eq!(fine.inputs.allowed_groups, "ops\nvpn admins");
}

#[test]
fn only_an_unquoted_untagged_merge_key_merges() {
    let base = format!("base: &base\n  issuer: {ISSUER}\n  allowed_groups: [ops]\n");
    for key in ["\"<<\"", "'<<'", "!!str <<"] {
        let found = read(&format!("{base}oidc:\n  {key}: *base\n  client_id: abc\n"));
        assert_eq!(found.inputs.allowed_groups, "", "{key} merged");
        assert!(checks(&found).contains(&Check::UnknownKey), "{key}: {:?}", found.findings);
    }
    for key in ["<<", "!!merge <<", "!!merge \"<<\""] {
        let found = read(&format!("{base}oidc:\n  {key}: *base\n  client_id: abc\n"));
        assert_eq!(found.inputs.allowed_groups, "ops", "{key} did not merge");
    }
    // A quoted "<<" beside a merge key is the same key twice, which yaml.v3 refuses.
    let twice = import(&format!("{base}oidc:\n  <<: *base\n  \"<<\": *base\n"), &example());
    assert!(matches!(twice, Err(ImportError::Yaml { .. })), "{twice:?}");
}

#[test]
fn keys_that_differ_only_in_case_are_folded_as_viper_folds_them() {
    // viper keeps the key not written in lower case, wherever it stands.
    for text in [
        format!("oidc:\n  issuer: {ISSUER}\n  allowed_groups: [ops]\nOIDC:\n  issuer: {ISSUER}\n  client_id: other\n"),
        format!("OIDC:\n  issuer: {ISSUER}\n  client_id: other\noidc:\n  issuer: {ISSUER}\n  allowed_groups: [ops]\n"),
    ] {
        let found = read(&text);
        assert_eq!(found.inputs.allowed_groups, "", "the ignored section's groups were read");
        assert_eq!(found.inputs.client_id, "other");
        assert!(checks(&found).contains(&Check::DuplicateKey), "{:?}", found.findings);
    }
    let section = read(&format!("oidc:\n  issuer: {ISSUER}\n  allowed_groups: [ops]\n  Allowed_Groups: [admins]\n"));
    assert_eq!(section.inputs.allowed_groups, "admins");
    let duplicate = section.findings.iter().find(|f| f.diagnostic.check == Check::DuplicateKey).unwrap();
    assert_eq!(duplicate.place().as_deref(), Some("line 3, column 3"));
    // Two spellings other than lower case: which one Headscale keeps is random.
    let random = read(&format!("oidc:\n  issuer: {ISSUER}\n  Allowed_Groups: [ops]\n  ALLOWED_GROUPS: [admins]\n"));
    assert!(checks(&random).contains(&Check::ImportRefused));
    assert!(!random.applicable());
    // One spelling only: nothing to say.
    assert!(!checks(&read(&format!("OIDC:\n  Issuer: {ISSUER}\n"))).contains(&Check::DuplicateKey));
}

#[test]
fn values_headscale_converts_are_flagged_not_read_literally() {
    for value in ["!!binary c2VjcmV0", "2024-01-02", "2024-01-02T10:00:00Z"] {
        let found = read(&format!("oidc:\n  issuer: {ISSUER}\n  client_secret: {value}\n"));
        assert!(checks(&found).contains(&Check::ImportRefused), "{value}: {:?}", found.findings);
        assert!(!found.applicable());
    }
    // Numbers are text to Headscale as Go writes them.
    for (value, read_as) in [("0x1F", "31"), ("08", "8"), ("1_000", "1000"), ("1e3", "1000")] {
        let found = read(&format!("oidc:\n  issuer: {ISSUER}\n  client_id: {value}\n"));
        assert_eq!(found.inputs.client_id, read_as, "{value}");
    }
    assert!(read(&format!("oidc:\n  issuer: {ISSUER}\n  client_secret: \"2024-01-02\"\n")).applicable());
    // Only the first document is Headscale's.
    let two = read(&format!("oidc:\n  issuer: {ISSUER}\n---\noidc:\n  allowed_groups: [ops]\n"));
    assert_eq!(two.inputs.allowed_groups, "");
    assert!(checks(&two).contains(&Check::LaterDocuments));
}

/// Fails if `work` takes far longer than the page may block: generous, for a loaded machine
/// running a debug build, so only a runaway counts (the 40 KB bomb took 7.8 s natively before).
fn quickly<T>(what: &str, work: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = work();
    assert!(start.elapsed() < Duration::from_secs(5), "{what} took {:?}", start.elapsed());
    out
}

#[test]
fn alias_expansion_stays_within_yaml_v3s_budget_without_expanding() {
    // 2,000 items, then 4,000 aliases of them: 40 KB without a bracket.
    let items: String = (0..2_000).map(|i| format!("  - item{i}\n")).collect();
    let bomb = format!("a: &a\n{items}b:\n{}oidc:\n  issuer: {ISSUER}\n", "  - *a\n".repeat(4_000));
    assert!(bomb.len() > 40_000);
    let refused = quickly("4,000 aliases of 2,000 items", || import(&bomb, &example()));
    assert!(matches!(refused, Err(ImportError::Aliasing { .. })), "{refused:?}");
    assert!(refused.unwrap_err().to_string().contains("excessive aliasing"));
    // Four levels of 120 aliases, 3.3 KB.
    let mut nested = String::from("l0: &l0\n  - x\n");
    for level in 1..=4 {
        nested.push_str(&format!("l{level}: &l{level}\n{}", format!("  - *l{}\n", level - 1).repeat(120)));
    }
    nested.push_str(&format!("oidc:\n  issuer: {ISSUER}\n"));
    let refused = quickly("four levels of 120 aliases", || import(&nested, &example()));
    assert!(matches!(refused, Err(ImportError::Aliasing { .. })), "{refused:?}");
    // The same inside the oidc section, where the page would read it.
    let inside =
        format!("a: &a\n{items}oidc:\n  issuer: {ISSUER}\n  extra_params:\n    x: [{}]\n", vec!["*a"; 120].join(", "));
    assert!(matches!(
        quickly("aliases in the section", || import(&inside, &example())),
        Err(ImportError::Aliasing { .. })
    ));
}

#[test]
fn the_alias_budget_holds_on_both_sides_of_yaml_v3s_ratio() {
    // An anchored list of n items, then a list of j aliases of it. yaml.v3 decodes the document,
    // its mapping, the key a, the anchored list and its items, the key b and its list: n + 6
    // values; then per alias one value of its own and n + 1 from the alias. After j aliases,
    // j (n + 1) of n + 6 + j (n + 2) come from aliases; beyond 1,000 values, of which more than
    // 100 aliased, more than 99 % is refused. For n = 1,000 that is from j = 111 on.
    let doc = |n: usize, j: usize| {
        let items: String = (0..n).map(|i| format!("  - i{i}\n")).collect();
        format!("a: &a\n{items}b:\n{}oidc:\n  issuer: {ISSUER}\n", "  - *a\n".repeat(j))
    };
    assert!(import(&doc(1_000, 110), &example()).is_ok(), "just inside the budget");
    assert!(matches!(import(&doc(1_000, 111), &example()), Err(ImportError::Aliasing { .. })), "just outside");
    // Exactly 99 %: 203 aliases of 197 items are 40,194 of 40,600 values, which yaml.v3 lets
    // through (it refuses more than the ratio); one alias more is 99.002 %.
    assert_eq!((203 * 198) as f64 / (197 + 6 + 203 * 199) as f64, 0.99);
    assert!(import(&doc(197, 203), &example()).is_ok(), "exactly at the ratio");
    assert!(matches!(import(&doc(197, 204), &example()), Err(ImportError::Aliasing { .. })), "just above it");
}
