//! Every source file says what it is for: its first line is a `//!` comment, which
//! ARCHITECTURE.md's code map and a reader's first look rely on. And the end-to-end tests wait
//! for conditions, never for a fixed time, so they pass or fail the same way on a loaded machine.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::rust_files;

/// The files of `dir` whose first line is not a `//!` comment.
fn undocumented(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(dir, &mut files);
    files.sort();
    files.into_iter().filter(|path| !fs::read_to_string(path).expect("readable source").starts_with("//!")).collect()
}

#[test]
fn every_source_file_opens_with_what_it_is_for() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50, "the sources were not found under {}", src.display());
    assert_eq!(undocumented(&src), Vec::<PathBuf>::new(), "these files lack their opening //! comment");
}

#[test]
fn a_file_without_its_comment_is_found() {
    let dir = std::env::temp_dir().join(format!("sso-playground-sources-{}", std::process::id()));
    fs::create_dir_all(dir.join("nested")).unwrap();
    fs::write(dir.join("good.rs"), "//! Says what it is.\nfn f() {}\n").unwrap();
    fs::write(dir.join("nested/bad.rs"), "// Only a plain comment.\nfn f() {}\n").unwrap();
    fs::write(dir.join("notes.txt"), "not Rust").unwrap();
    let found = undocumented(&dir);
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(found, [dir.join("nested/bad.rs")]);
}

/// Fixed waits in the end-to-end tests, as `file:line`: `waitForTimeout`, or a promise that
/// resolves after a set number of milliseconds. A test waits for the condition it needs.
fn fixed_waits(name: &str, text: &str) -> Vec<String> {
    let sleep = regex::Regex::new(r"waitForTimeout\(|setTimeout\(\s*resolve\s*,\s*[1-9]").unwrap();
    text.lines()
        .enumerate()
        .filter(|(_, line)| sleep.is_match(line))
        .map(|(i, _)| format!("{name}:{}", i + 1))
        .collect()
}

#[test]
fn no_end_to_end_test_waits_a_fixed_time() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e");
    let mut found = Vec::new();
    let mut specs = 0;
    for entry in fs::read_dir(&dir).expect("tests/e2e") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ts") {
            specs += 1;
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            found.extend(fixed_waits(&name, &fs::read_to_string(&path).unwrap()));
        }
    }
    assert!(specs > 10, "the end-to-end tests were not found under {}", dir.display());
    assert_eq!(found, Vec::<String>::new(), "these wait a fixed time instead of for a condition");
}

#[test]
fn a_fixed_wait_is_found() {
    let text = "await page.waitForTimeout(300);\nawait new Promise((resolve) => setTimeout(resolve, 300));\n\
                await new Promise((resolve) => setTimeout(resolve, 0));\nsetTimeout(tick, 20);\n";
    assert_eq!(fixed_waits("a.spec.ts", text), ["a.spec.ts:1", "a.spec.ts:2"]);
}

/// Lines of the mutation-testing exclusions that give no reason, as line numbers.
fn unreasoned(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .filter(|(_, line)| {
            line.split_once("  # ")
                .is_none_or(|(pattern, reason)| pattern.trim().is_empty() || reason.trim().len() < 10)
        })
        .map(|(i, _)| i + 1)
        .collect()
}

#[test]
fn every_excluded_mutant_says_why_it_cannot_change_behaviour() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mutants/exclusions.txt");
    let text = fs::read_to_string(&path).expect("tests/mutants/exclusions.txt");
    assert_eq!(unreasoned(&text), Vec::<usize>::new(), "these exclusions give no reason");
    let sample = "# comment\nrules.rs:5  # only the wording of a log line changes\nrules.rs:9\nrules.rs:9  # short\n";
    assert_eq!(unreasoned(sample), [3, 4]);
}
