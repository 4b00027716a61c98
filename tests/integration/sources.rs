//! Every source file says what it is for: its first line is a `//!` comment, which
//! ARCHITECTURE.md's code map and a reader's first look rely on.

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

/// The relative links of a Markdown text, without their `#fragment`.
fn relative_links(markdown: &str) -> Vec<String> {
    let pattern = regex::Regex::new(r"\]\(([^)\s]+)\)").unwrap();
    pattern
        .captures_iter(markdown)
        .map(|c| c[1].split('#').next().unwrap().to_string())
        .filter(|target| !target.is_empty() && !target.contains("://") && !target.starts_with("mailto:"))
        .collect()
}

#[test]
fn the_documents_link_only_to_files_that_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for document in ["README.md", "ARCHITECTURE.md", "tests/upstream/README.md"] {
        let path = root.join(document);
        let text = fs::read_to_string(&path).unwrap();
        let folder = path.parent().unwrap();
        for target in relative_links(&text) {
            assert!(folder.join(&target).exists(), "{document} links to {target}, which does not exist");
        }
    }
    assert_eq!(
        relative_links("[a](src/x.rs) [b](https://e.org/) [c](#top) [d](docs/y.md#part)"),
        ["src/x.rs", "docs/y.md"]
    );
}
