//! Hostile and oversized input: every limit on both sides, control characters refused instead of
//! split, merge keys read as Headscale reads them, and parsing that stays fast whatever is
//! pasted or linked.

use std::time::{Duration, Instant};

use crate::common::{example, with};
use sso_playground::engine::fields::Field;
use sso_playground::engine::import::{import, ImportError, MAX_BRACKETS, MAX_BYTES, MAX_FINDINGS};
use sso_playground::engine::limits::{limit, refusal, Refusal};
use sso_playground::engine::share::{decode, decode_saved, encode, encode_saved, Notice, MAX_PARAMS, MAX_QUERY_BYTES};
use sso_playground::engine::{render, Check, Inputs};

/// Runs `work` and fails if it takes far longer than the page may block. Generous, so it only
/// catches the super-linear cases (before the limits, these inputs took 3 to 19 seconds), never
/// a slow or loaded machine running a debug build.
fn quickly<T>(what: &str, work: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = work();
    assert!(start.elapsed() < Duration::from_secs(5), "{what} took {:?}", start.elapsed());
    out
}

fn filled(head: &str, line: impl Fn(usize) -> String) -> String {
    let mut text = head.to_string();
    for i in 0.. {
        let next = line(i);
        if text.len() + next.len() > MAX_BYTES {
            break;
        }
        text.push_str(&next);
    }
    text
}

#[test]
fn quoting_cannot_hide_nesting_from_the_import() {
    let deep = |n: usize| {
        format!(
            "x: [a \", {}{}]\noidc:\n  issuer: https://sso.example.org/application/o/hs/\n",
            "[".repeat(n),
            "]".repeat(n)
        )
    };
    let refused = quickly("100 000 brackets behind a quote", || import(&deep(100_000), &example()));
    assert!(matches!(refused, Err(ImportError::TooLarge { .. })));
    let refused = quickly("30 000 brackets behind a quote", || import(&deep(30_000), &example()));
    assert_eq!(refused, Err(ImportError::TooManyBrackets { count: 30_001 }));
    // The quote in the middle of a plain scalar opens nothing: the depth check sees the nesting.
    assert_eq!(import(&deep(100), &example()), Err(ImportError::TooDeep));
    // The outer list and n more: 64 levels are read, 65 are refused.
    assert!(import(&deep(63), &example()).is_ok());
    assert_eq!(import(&deep(64), &example()), Err(ImportError::TooDeep));
    let env = format!(
        "HEADSCALE_OIDC_ISSUER=https://sso.example.org/application/o/hs/\nHEADSCALE_OIDC_EXTRA_PARAMS='{{a: [b \", {}{}]}}'\n",
        "[".repeat(200),
        "]".repeat(200)
    );
    assert!(matches!(
        quickly("nested extra params", || import(&env, &example())),
        Err(ImportError::TooManyBrackets { .. })
    ));
}

#[test]
fn the_bracket_limit_holds_on_both_sides() {
    let text = |n: usize| {
        format!(
            "oidc:\n  issuer: https://sso.example.org/application/o/hs/\n  scope: [openid]\nx: [{}]\n",
            "[],".repeat(n)
        )
    };
    // The scope and the outer list take two brackets.
    assert!(import(&text(MAX_BRACKETS - 2), &example()).is_ok());
    assert_eq!(
        import(&text(MAX_BRACKETS - 1), &example()),
        Err(ImportError::TooManyBrackets { count: MAX_BRACKETS + 1 })
    );
}

#[test]
fn the_size_limit_holds_on_both_sides() {
    let at = format!("oidc:\n  client_id: {}\n", "x".repeat(MAX_BYTES - 20));
    assert_eq!(at.len(), MAX_BYTES);
    assert!(import(&at, &example()).is_ok());
    let over = format!("{at}#");
    assert_eq!(import(&over, &example()), Err(ImportError::TooLarge { bytes: MAX_BYTES + 1 }));
}

#[test]
fn thousands_of_unknown_keys_are_read_quickly_and_counted() {
    let keys =
        filled("oidc:\n  issuer: https://sso.example.org/application/o/hs/\n", |i| format!("  unknown_{i}: 1\n"));
    let found = quickly("unknown keys", || import(&keys, &example())).expect("read");
    assert_eq!(found.findings.len(), MAX_FINDINGS);
    assert!(found.omitted > 3000, "{}", found.omitted);
    let env = filled("HEADSCALE_OIDC_ISSUER=https://sso.example.org/application/o/hs/\n", |i| {
        format!("HEADSCALE_OIDC_X{i}=1\n")
    });
    let found = quickly("unknown variables", || import(&env, &example())).expect("read");
    assert_eq!(found.findings.len(), MAX_FINDINGS);
    assert!(found.omitted > 2000);
    // Below the cap every problem is listed and nothing is omitted.
    let few = "oidc:\n  issuer: https://sso.example.org/application/o/hs/\n  allowed_group: [a]\n";
    let found = import(few, &example()).expect("read");
    assert_eq!((found.findings.len(), found.omitted), (1, 0));
    assert!(found.applicable());
}

#[test]
fn a_line_break_inside_an_imported_group_is_refused_never_split() {
    for (text, what) in [
        (
            "oidc:\n  issuer: https://sso.example.org/application/o/hs/\n  allowed_groups: [\"vpn\\nadmins\"]\n",
            "line break",
        ),
        ("oidc:\n  issuer: https://sso.example.org/application/o/hs/\n  allowed_groups: [\"vpn\\0admins\"]\n", "NUL"),
        ("oidc:\n  issuer: \"https://sso.example.org/application/o/hs/\\u2028\"\n", "line separator"),
        (
            "oidc:\n  issuer: https://sso.example.org/application/o/hs/\n  extra_params:\n    \"a\\tb\": c\n",
            "tab in a key",
        ),
    ] {
        let found = import(text, &example()).expect(what);
        assert!(
            found.findings.iter().any(|f| f.diagnostic.check == Check::ValueRefused),
            "{what}: {:?}",
            found.findings
        );
        assert!(!found.applicable(), "{what} could be applied");
        assert!(!found.inputs.allowed_groups.contains("admins"), "{what} reached the form");
    }
    let fine = "oidc:\n  issuer: https://sso.example.org/application/o/hs/\n  allowed_groups: [\"vpn admins\"]\n";
    let found = import(fine, &example()).expect("fine");
    assert!(found.applicable());
    assert_eq!(found.inputs.allowed_groups, "vpn admins");
}

#[test]
fn merge_keys_are_resolved_as_headscale_does() {
    let text = "defaults: &base\n  issuer: https://sso.example.org/application/o/hs/\n  client_id: merged-id\n\
                oidc:\n  <<: *base\n  client_id: own-id\n  allowed_groups: [ops]\n";
    let found = import(text, &example()).expect("read");
    assert!(found.findings.iter().all(|f| f.diagnostic.check != Check::UnknownKey), "{:?}", found.findings);
    assert!(found.findings.iter().all(|f| f.diagnostic.check != Check::OidcMissing));
    assert_eq!(found.inputs.authentik_url, "https://sso.example.org");
    assert_eq!(found.inputs.slug, "hs");
    // The section's own key wins over the merged one, as in go-yaml.
    assert_eq!(found.inputs.client_id, "own-id");
    let flow = "oidc: { <<: {issuer: \"https://sso.example.org/application/o/hs/\"}, allowed_groups: [ops] }\n";
    assert_eq!(import(flow, &example()).expect("flow").inputs.slug, "hs");
    // A merge of something that is not a section is an error, not a guess.
    assert!(matches!(import("oidc:\n  <<: 3\n", &example()), Err(ImportError::Yaml { .. })));
}

#[test]
fn every_field_has_a_limit_that_holds_on_both_sides() {
    for field in Field::ALL.into_iter().filter(|f| !f.is_choice() && example().text(*f).is_some()) {
        let max = limit(field).chars;
        let at = "a".repeat(max);
        let refused = refusal(field, &at);
        assert!(!matches!(refused, Some(Refusal::TooLong { .. })), "{field:?} at its limit: {refused:?}");
        assert_eq!(refusal(field, &format!("{at}a")), Some(Refusal::TooLong { chars: max + 1, max }), "{field:?}");
    }
    let groups = |n: usize| (0..n).map(|i| format!("group-{i}")).collect::<Vec<_>>().join("\n");
    let max = limit(Field::AllowedGroups).entries.expect("a list");
    assert_eq!(refusal(Field::AllowedGroups, &groups(max)), None);
    assert_eq!(refusal(Field::AllowedGroups, &groups(max + 1)), Some(Refusal::TooMany { entries: max + 1, max }));
    // A group is a line: names with spaces or commas count once each, blank lines not at all,
    // and so for the extra parameters.
    let spaced = (0..max).map(|i| format!("vpn users, team {i}")).collect::<Vec<_>>().join("\n\n");
    assert_eq!(refusal(Field::AllowedGroups, &spaced), None);
    let max = limit(Field::ExtraParams).entries.expect("a list");
    let params = |n: usize| (0..n).map(|i| format!("p{i}=a b,c")).collect::<Vec<_>>().join("\n");
    assert_eq!(refusal(Field::ExtraParams, &params(max)), None);
    assert_eq!(refusal(Field::ExtraParams, &params(max + 1)), Some(Refusal::TooMany { entries: max + 1, max }));
    let users = |n: usize| (0..n).map(|i| format!("u{i}@example.com")).collect::<Vec<_>>().join(" ");
    let max = limit(Field::AllowedUsers).entries.expect("a list");
    assert_eq!(refusal(Field::AllowedUsers, &users(max)), None);
    assert!(matches!(refusal(Field::AllowedUsers, &users(max + 1)), Some(Refusal::TooMany { .. })));
}

#[test]
fn control_characters_are_refused_in_every_field_and_separators_kept() {
    assert_eq!(refusal(Field::AllowedGroups, "vpn\nadmins"), None);
    assert_eq!(refusal(Field::AllowedGroups, "vpn\r\nadmins"), None);
    assert_eq!(refusal(Field::AllowedGroups, "ops\nx\0y"), Some(Refusal::Control { character: '\0', line: Some(2) }));
    assert_eq!(refusal(Field::AllowedUsers, "a@example.com\tb@example.com"), None);
    for field in [
        Field::HeadscaleUrl,
        Field::AuthentikUrl,
        Field::AppName,
        Field::Slug,
        Field::ClientId,
        Field::ClientSecret,
        Field::ClientSecretPath,
        Field::Expiry,
    ] {
        for character in ['\n', '\0', '\u{2028}', '\u{85}', '\t', '\u{1b}'] {
            let text = format!("a{character}b");
            assert!(matches!(refusal(field, &text), Some(Refusal::Control { .. })), "{field:?} {character:?}");
        }
        assert_eq!(refusal(field, "a b"), None);
    }
}

#[test]
fn a_refused_value_reaches_no_output_and_withholds_none_with_a_bug_report() {
    let nul = with(|i| i.allowed_groups = "x\0y".into());
    let outputs = render(&nul);
    assert_eq!(outputs.model.refused(), [Field::AllowedGroups]);
    let refused: Vec<_> = outputs.diagnostics.iter().filter(|d| d.check == Check::ValueRefused).collect();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].field(), Field::AllowedGroups);
    assert!(refused[0].cause().contains("line 1 holds a NUL character"), "{}", refused[0].cause());
    let env = outputs.headscale.env.env_file();
    assert!(!env.contains('\0'));
    // The Headscale URL with a line separator: refused at the field, not a failed output.
    let separator = render(&with(|i| i.headscale_url = "https://vpn.example.org\u{2028}".into()));
    assert_eq!(separator.model.refused(), [Field::HeadscaleUrl]);
    assert!(separator.headscale.yaml.is_ok());
    assert!(!separator.headscale.yaml.as_ref().unwrap().contains('\u{2028}'));
    assert!(!separator.diagnostics.iter().any(|d| d.check == Check::HeadscaleUrlMissing));
    assert!(render(&example()).model.refused().is_empty());
}

#[test]
fn oversized_links_are_refused_before_parsing() {
    let defaults = Inputs::default();
    let many = format!("v=1{}", "&x=1".repeat(100_000));
    let decoded = quickly("100 000 parameters", || decode(&many, &defaults));
    assert_eq!(decoded.notices, [Notice::Oversized]);
    assert_eq!(decoded.inputs, defaults);
    // MAX_PARAMS parameters are read, one more is not.
    let params = |n: usize| format!("v=1{}", (1..n).map(|i| format!("&u{i}=1")).collect::<String>());
    assert!(!decode(&params(MAX_PARAMS), &defaults).notices.contains(&Notice::Oversized));
    assert_eq!(decode(&params(MAX_PARAMS + 1), &defaults).notices, [Notice::Oversized]);
    let long = format!("v=1&name={}", "a".repeat(MAX_QUERY_BYTES));
    assert_eq!(decode(&long, &defaults).notices, [Notice::Oversized]);
    // MAX_QUERY_BYTES bytes are read, one more are not.
    let sized = |bytes: usize| format!("v=1&zz={}", "a".repeat(bytes - "v=1&zz=".len()));
    assert_eq!(decode(&sized(MAX_QUERY_BYTES), &defaults).notices, [Notice::Unknown("zz".into())]);
    assert_eq!(decode(&sized(MAX_QUERY_BYTES + 1), &defaults).notices, [Notice::Oversized]);
}

#[test]
fn what_is_kept_can_be_read_back() {
    let defaults = Inputs::default();
    // 300 users: longer than links used to keep.
    let users: String = (0..300).map(|i| format!("user{i:03}@example.org\n")).collect();
    assert!(users.len() > 5000);
    let inputs = with(|i| i.allowed_users = users.clone());
    let link = encode(&inputs, &defaults, &[]);
    assert_eq!(decode(&link, &defaults).inputs.allowed_users, users);
    let saved = encode_saved(&inputs, &defaults, true);
    assert_eq!(decode_saved(&saved, &defaults).inputs, inputs);
    // Every field at its limit survives and is used; one character more survives too, and is
    // refused again where it is read back, so the outputs wait there as they did here.
    for field in [Field::AppName, Field::ClientSecretPath, Field::ExtraParams, Field::AllowedGroups] {
        let max = limit(field).chars;
        let mut at = defaults.clone();
        at.set_text(field, "a".repeat(max));
        let back = decode(&encode(&at, &defaults, &[]), &defaults).inputs;
        assert_eq!(back.text(field), at.text(field), "{field:?}");
        assert!(render(&back).model.refused().is_empty(), "{field:?}");
        let mut over = defaults.clone();
        over.set_text(field, "a".repeat(max + 1));
        let back = decode(&encode(&over, &defaults, &[]), &defaults).inputs;
        assert_eq!(back.text(field), over.text(field), "{field:?}");
        assert_eq!(render(&back).model.refused(), [field], "{field:?} over its limit was used");
    }
}

#[test]
fn a_control_character_in_a_link_is_refused_at_its_field() {
    let decoded = decode("v=1&groups=x%00y", &Inputs::default());
    let outputs = render(&decoded.inputs);
    assert_eq!(outputs.model.refused(), [Field::AllowedGroups]);
    assert!(!outputs.headscale.env.env_file().contains('\0'));
}

#[test]
fn an_embed_reads_and_writes_only_its_own_parameters() {
    use sso_playground::engine::embed::{embedding, own_query, with_own_query};
    let none = |_: &str| None::<String>;
    assert_eq!(embedding(none, 0).prefix, "hsp-");
    assert_eq!(embedding(none, 1).prefix, "hsp2-");
    let own_page = embedding(|name| (name == "data-param-prefix").then(String::new), 0);
    assert_eq!(own_page.prefix, "");
    // The host's own version, campaign and other parameters are not the playground's.
    assert_eq!(own_query("?v=2", "hsp-"), "");
    assert_eq!(own_query("v=1&utm_source=x", "hsp-"), "");
    assert_eq!(own_query("v=1&hsp-v=1&hsp-slug=vpn&hsp2-slug=other", "hsp-"), "v=1&slug=vpn");
    assert_eq!(own_query("v=1&slug=vpn", ""), "v=1&slug=vpn");
    assert_eq!(
        with_own_query("?v=2&hsp-slug=old&utm_source=x", "hsp-", "v=1&slug=new"),
        "v=2&utm_source=x&hsp-v=1&hsp-slug=new"
    );
    assert_eq!(with_own_query("v=2", "hsp-", ""), "v=2");
    assert_eq!(with_own_query("v=2", "", "v=1&slug=new"), "v=1&slug=new");
    // An attribute with a control character is refused like a typed value, in its field.
    let groups = embedding(|name| (name == "data-allowed-groups").then(|| "ops\u{0}x".to_string()), 0);
    assert_eq!(groups.refused, ["data-allowed-groups"]);
    assert_eq!(render(&groups.defaults).model.refused(), [Field::AllowedGroups]);
}

/// The fuzz targets' invariants, on their seeds: what the import would apply holds no control
/// character inside a value, a value beyond its limit is restored from a link only refused (the
/// outputs wait for it), and no output holds a control character.
#[test]
fn the_fuzz_seeds_keep_the_fuzz_invariants() {
    use sso_playground::engine::limits::is_forbidden;
    let stray = |text: &str| text.chars().any(|c| is_forbidden(c) && c != '\n');
    let seeds = |kind: &str| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds").join(kind);
        let mut files: Vec<_> =
            std::fs::read_dir(dir).expect("seeds").map(|entry| entry.expect("seed").path()).collect();
        files.sort();
        files.into_iter().map(|path| String::from_utf8_lossy(&std::fs::read(path).expect("read")).into_owned())
    };
    for text in seeds("import") {
        let Ok(found) = import(&text, &Inputs::default()) else { continue };
        if found.applicable() {
            for field in Field::ALL {
                let value = found.inputs.text(field).unwrap_or_default();
                assert!(!matches!(refusal(field, value), Some(Refusal::Control { .. })), "{field:?}: {text}");
            }
        }
        let outputs = render(&found.inputs);
        assert!(!outputs.headscale.yaml.as_deref().is_ok_and(stray));
        assert!(!stray(&outputs.headscale.env.env_file()));
    }
    for text in seeds("share") {
        for decoded in [decode(&text, &Inputs::default()), decode_saved(&text, &Inputs::default())] {
            let outputs = render(&decoded.inputs);
            for field in Field::ALL {
                let value = decoded.inputs.text(field).unwrap_or_default();
                let used = !outputs.model.refused().contains(&field);
                assert!(value.chars().count() <= limit(field).chars || !used, "{field:?} used beyond its limit");
            }
            assert!(!outputs.headscale.yaml.as_deref().is_ok_and(stray), "{text}");
            assert!(!stray(&outputs.headscale.env.env_file()), "{text}");
        }
    }
}

/// A paste at the size limit reads quickly whatever it holds: thousands of configuration lines,
/// log lines that each wrap a message, lines no message matches, one long line.
#[test]
fn a_full_paste_of_any_kind_is_read_in_bounded_time() {
    use sso_playground::engine::import::paste::read_paste;
    let cases = [
        ("configuration lines", filled("oidc:\n  issuer: https://x/\n", |i| format!("  unknown_key_{i}: 1\n"))),
        (
            "log lines",
            filled("", |i| {
                format!("2026-07-01T10:00:00Z ERR user msg: invalid code error=\"exchanging code for token: oauth2: \\\"invalid_client\\\" attempt {i}\"\n")
            }),
        ),
        (
            "unknown lines",
            filled("", |i| format!("2026-07-01T10:00:00Z ERR something else {i} went wrong somewhere\n")),
        ),
        ("one long line", "oidc: issuer did not match ".repeat(MAX_BYTES / 30)),
    ];
    for (what, text) in cases {
        let read = quickly(what, || read_paste(&text));
        // The long line is no configuration: the import says why, at its line.
        assert_eq!(read.is_ok(), what != "one long line", "{what}: {read:?}");
    }
}

/// 40 sections, each merging `extra` and the one before twice, indented by `indent`; the first
/// is `first`. Following every merge would take 2^40 steps.
fn doubled_merges(indent: &str, first: &str, extra: &str) -> String {
    let mut text = format!("{indent}m0: &m0 {first}\n");
    for level in 1..=40 {
        text.push_str(&format!("{indent}m{level}: &m{level} {{<<: [{extra}*m{0}, *m{0}]}}\n", level - 1));
    }
    text
}

#[test]
fn a_chain_of_merges_is_refused_without_following_it() {
    let oidc = "oidc:\n  issuer: https://sso.example.org/application/o/hs/\n";
    let text = format!("{}{oidc}", doubled_merges("", "{k: 0}", ""));
    let refused = quickly("40 levels of doubled merges", || import(&text, &example()));
    assert!(matches!(refused, Err(ImportError::Aliasing { .. })), "{refused:?}");
    // The same chain inside a section that is merged, where nothing is counted until it merges:
    // only following the merges is bounded there. The first section merged adds an odd count
    // and every later one an even count, so the running count never lands on the cap exactly.
    let inside = format!("x:\n  <<:\n{}{oidc}", doubled_merges("    ", "{k: 0, j: 0}", "{a: 1}, "));
    let refused = quickly("40 levels of doubled merges inside a merge", || import(&inside, &example()));
    assert!(matches!(refused, Err(ImportError::Aliasing { .. })), "{refused:?}");
}
