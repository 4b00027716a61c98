//! The repository stands alone: no file names a path outside it, and every relative link and
//! repository path the documentation and the opening `//!` comments name exists. Each rule
//! has a test of its own proving it finds what it is for.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::process::Command;

use regex::Regex;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Folders the build and the tools write, which a fresh clone does not have yet but its scripts
/// and documents may name.
const GENERATED: &[&str] =
    &["dist", "dist-offline", "target", "node_modules", "fuzz/target", "fuzz/artifacts", "fuzz/corpus"];

/// The repository's files, relative to its root: what git tracks, or, outside a git checkout
/// (an unpacked archive), every file but the generated folders.
fn files(root: &Path) -> Vec<PathBuf> {
    let tracked = Command::new("git").arg("-C").arg(root).args(["ls-files", "-z"]).output();
    if let Some(output) = tracked.ok().filter(|output| output.status.success() && !output.stdout.is_empty()) {
        return output
            .stdout
            .split(|byte| *byte == 0)
            .filter(|name| !name.is_empty())
            .map(|name| PathBuf::from(String::from_utf8_lossy(name).into_owned()))
            .filter(|path| root.join(path).is_file())
            .collect();
    }
    let mut found = Vec::new();
    walk(root, root, &mut found);
    found
}

/// Whether `.gitignore` leaves out `relative`: its anchored paths (`/target`) and its name
/// patterns (`*.snap.new`), the two forms it uses. Outside a checkout this stands in for git, so
/// what a build or an install wrote (a package's `node_modules`) is not taken for the project's.
fn ignored(ignore: &str, relative: &str) -> bool {
    ignore.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')).any(|pattern| {
        match (pattern.strip_prefix('/'), pattern.strip_prefix('*')) {
            (Some(anchored), _) => relative == anchored.trim_end_matches('/'),
            (None, Some(suffix)) => relative.ends_with(suffix),
            (None, None) => relative.rsplit('/').next() == Some(pattern.trim_end_matches('/')),
        }
    })
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    let ignore = fs::read_to_string(root.join(".gitignore")).unwrap_or_default();
    for entry in fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        let relative = path.strip_prefix(root).unwrap().to_path_buf();
        let name = relative.to_string_lossy();
        if name == ".git" || GENERATED.iter().any(|g| name == *g) || ignored(&ignore, &name) {
            continue;
        }
        if path.is_dir() {
            walk(root, &path, out);
        } else {
            out.push(relative);
        }
    }
}

/// `base` joined with `relative`, `..` and `.` resolved lexically; `None` when it climbs above
/// the repository's root.
fn inside(base: &Path, relative: &str) -> Option<PathBuf> {
    let mut parts: Vec<String> = base.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    for component in Path::new(relative).components() {
        match component {
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.iter().collect())
}

/// Whether `path` (relative to the root) is in the repository: a file, a folder holding files,
/// the root itself, or inside a folder the build writes.
fn exists(known: &BTreeSet<PathBuf>, path: &Path) -> bool {
    path.as_os_str().is_empty()
        || known.contains(path)
        || known.iter().any(|file| file.starts_with(path))
        || GENERATED.iter().any(|g| path.starts_with(g))
}

/// Every place in `text` that names a path outside the repository, as `(line, what)`: an
/// absolute path into a person's or a machine's own folders, or a relative path with `..` that
/// names nothing in the repository from the file (`resolve(file, "..")`), its folder or the root.
fn outside_paths(file: &Path, text: &str, known: &BTreeSet<PathBuf>) -> Vec<(usize, String)> {
    let absolute = Regex::new(r#"(?:^|[\s"'`(=:])(/(?:work|home|root|Users|mnt)/[^\s"'`)]*)"#).unwrap();
    let relative = Regex::new(r#"(?:\.\./)+[A-Za-z0-9_.*{}$-]*|(?:\.\./)+\.\.(?:[^./A-Za-z0-9]|$)"#).unwrap();
    let dir = file.parent().unwrap_or(Path::new(""));
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        for capture in absolute.captures_iter(line) {
            found.push((index + 1, capture[1].to_string()));
        }
        for hit in relative.find_iter(line) {
            let path = hit.as_str().trim_end_matches(|c: char| !c.is_ascii_alphanumeric() && c != '.' && c != '/');
            let path = path.split(['*', '{', '$']).next().unwrap_or(path);
            let resolves =
                [file, dir, Path::new("")].iter().any(|base| inside(base, path).is_some_and(|p| exists(known, &p)));
            if !resolves {
                found.push((index + 1, path.to_string()));
            }
        }
    }
    found
}

/// This file, whose own tests hold the outside paths and dead links they must find.
const SELF: &str = "tests/integration/paths.rs";

/// Files whose text is data or generated, not something a maintainer writes paths into.
fn scanned(file: &Path) -> bool {
    let name = file.to_string_lossy();
    let binary = ["png", "wasm", "ico", "snap"].iter().any(|ext| file.extension().is_some_and(|e| e == *ext));
    !binary
        && name != SELF
        && !name.ends_with("package-lock.json")
        && !name.ends_with("Cargo.lock")
        && !name.starts_with("tests/upstream/")
}

#[test]
fn no_file_names_a_path_outside_the_repository() {
    let root = root();
    let files = files(&root);
    assert!(files.len() > 100, "the repository's files were not found under {}", root.display());
    let known: BTreeSet<PathBuf> = files.iter().cloned().collect();
    let mut found = Vec::new();
    for file in files.iter().filter(|file| scanned(file)) {
        let Ok(text) = fs::read_to_string(root.join(file)) else { continue };
        for (line, what) in outside_paths(file, &text, &known) {
            found.push(format!("{}:{line}: {what}", file.display()));
        }
    }
    assert!(found.is_empty(), "these name a path outside the repository:\n{}", found.join("\n"));
}

#[test]
fn a_path_outside_the_repository_is_found() {
    let known: BTreeSet<PathBuf> =
        ["README.md", "scripts/bench.sh", "tests/e2e/a.spec.ts"].iter().map(PathBuf::from).collect();
    let file = Path::new("scripts/bench.sh");
    let text = "ok ../README.md\nbad ../sibling/peers\nbad /home/someone/x\nbad ../../../x\nok ../../dist\nok /usr/bin/chromium\n";
    let found: Vec<usize> = outside_paths(file, text, &known).into_iter().map(|(line, _)| line).collect();
    assert_eq!(found, [2, 3, 4]);
    // A spec file that climbs from its own path to the root names the root.
    let spec = Path::new("tests/e2e/a.spec.ts");
    assert!(outside_paths(spec, r#"resolve(here, "../../..")"#, &known).is_empty());
    assert_eq!(outside_paths(spec, r#"resolve(here, "../../../..")"#, &known).len(), 1);
}

/// Every Markdown link target that is neither a web address nor an anchor alone, with its line.
fn markdown_links(text: &str) -> Vec<(usize, String)> {
    let link = Regex::new(r#"\]\(([^)\s]+)(?:\s+"[^"]*")?\)|<img[^>]*\ssrc="([^"]+)""#).unwrap();
    let mut found = Vec::new();
    let mut fenced = false;
    for (index, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        for capture in link.captures_iter(line) {
            let target = capture.get(1).or(capture.get(2)).unwrap().as_str();
            // A leading slash is a route of the docs site the page belongs to, not a repository path.
            let external = target.contains("://")
                || target.starts_with("mailto:")
                || target.starts_with('#')
                || target.starts_with('/');
            if !external {
                found.push((index + 1, target.to_string()));
            }
        }
    }
    found
}

/// GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn anchors(text: &str) -> BTreeSet<String> {
    text.lines().filter_map(|line| line.strip_prefix('#')).map(|h| anchor(h.trim_start_matches('#'))).collect()
}

/// Backquoted repository paths, as `(line, path)`: text in backquotes that starts with one of
/// the root's own entries and has no spaces, wildcards or placeholders.
fn backquoted_paths(text: &str, top: &BTreeSet<String>) -> Vec<(usize, String)> {
    let quoted = Regex::new(r"`([^`\s]+)`").unwrap();
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        for capture in quoted.captures_iter(line) {
            let token = &capture[1];
            if token.contains(['*', '<', '>', '{', '$', '=', '…']) || token.contains("://") {
                continue;
            }
            let token = token.trim_end_matches(['.', ',', ';', ':', ')']);
            let token = token.split(['#', ':']).next().unwrap_or(token);
            let first = token.split('/').next().unwrap_or(token);
            let looks_like_path = token.contains('/') || token.contains('.');
            if looks_like_path && top.contains(first) && !GENERATED.iter().any(|g| token.starts_with(g)) {
                found.push((index + 1, token.to_string()));
            }
        }
    }
    found
}

/// Test targets named as `cargo test --test <name>` (or clippy's), with their line.
fn test_targets(text: &str) -> Vec<(usize, String)> {
    let named = Regex::new(r"cargo (?:test|clippy)[^\n`]*?--test ([A-Za-z0-9_]+)").unwrap();
    text.lines()
        .enumerate()
        .flat_map(|(index, line)| {
            named.captures_iter(line).map(move |c| (index + 1, c[1].to_string())).collect::<Vec<_>>()
        })
        .collect()
}

/// The dead references of one file: relative links and anchors in Markdown, backquoted
/// repository paths in Markdown and in `//!` comments, test targets, snapshot sources.
fn dead_references(
    file: &Path,
    text: &str,
    known: &BTreeSet<PathBuf>,
    read: &dyn Fn(&Path) -> Option<String>,
) -> Vec<String> {
    let top: BTreeSet<String> = known
        .iter()
        .filter_map(|p| p.components().next())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let targets: BTreeSet<String> = known
        .iter()
        .filter(|p| p.starts_with("tests") && p.components().count() == 2 && p.extension().is_some_and(|e| e == "rs"))
        .chain(known.iter().filter(|p| p.starts_with("tests") && p.ends_with("main.rs") && p.components().count() == 3))
        .filter_map(|p| {
            let stem = if p.ends_with("main.rs") { p.parent()?.file_name()? } else { p.file_stem()? };
            Some(stem.to_string_lossy().into_owned())
        })
        .collect();
    let dir = file.parent().unwrap_or(Path::new(""));
    let markdown = file.extension().is_some_and(|e| e == "md");
    let mut dead = Vec::new();
    let mut say = |line: usize, what: &str| dead.push(format!("{}:{line}: {what}", file.display()));
    if markdown {
        for (line, target) in markdown_links(text) {
            let (path, fragment) = target.split_once('#').unwrap_or((&target, ""));
            match inside(dir, path) {
                Some(resolved) if exists(known, &resolved) => {
                    let is_markdown = resolved.extension().is_some_and(|e| e == "md");
                    if !fragment.is_empty() && is_markdown {
                        let headings = read(&resolved).map(|t| anchors(&t)).unwrap_or_default();
                        if !headings.contains(fragment) {
                            say(line, &format!("{target} (no such heading)"));
                        }
                    }
                }
                _ => say(line, &target),
            }
        }
    }
    let described: String = if markdown {
        text.to_string()
    } else {
        text.lines().map(|l| if l.trim_start().starts_with("//!") { l } else { "" }).collect::<Vec<_>>().join("\n")
    };
    for (line, path) in backquoted_paths(&described, &top) {
        if !exists(known, Path::new(path.trim_end_matches('/'))) {
            say(line, &path);
        }
    }
    for (line, target) in test_targets(text) {
        if !targets.contains(&target) {
            say(line, &format!("--test {target}"));
        }
    }
    if file.extension().is_some_and(|e| e == "snap") {
        if let Some(source) = text.lines().find_map(|l| l.strip_prefix("source: ")) {
            if !known.contains(Path::new(source.trim())) {
                say(2, source);
            }
        }
    }
    dead
}

fn documented(file: &Path) -> bool {
    let name = file.to_string_lossy();
    let kind = ["md", "rs", "snap", "sh", "mjs", "ts", "js", "toml"]
        .iter()
        .any(|ext| file.extension().is_some_and(|e| e == *ext));
    kind && name != SELF && !name.starts_with("tests/upstream/")
}

#[test]
fn every_link_and_repository_path_in_the_documents_resolves() {
    let root = root();
    let files = files(&root);
    let known: BTreeSet<PathBuf> = files.iter().cloned().collect();
    let read = |path: &Path| fs::read_to_string(root.join(path)).ok();
    let mut dead = Vec::new();
    for file in files.iter().filter(|file| documented(file)) {
        let Some(text) = read(file) else { continue };
        dead.extend(dead_references(file, &text, &known, &read));
    }
    dead.dedup();
    assert!(dead.is_empty(), "these links and paths name nothing in the repository:\n{}", dead.join("\n"));
}

#[test]
fn a_dead_link_or_path_is_found() {
    let known: BTreeSet<PathBuf> =
        ["README.md", "docs/checks.md", "src/engine/mod.rs", "tests/integration/main.rs", "tests/browser.rs"]
            .iter()
            .map(PathBuf::from)
            .collect();
    let checks = "# Checks\n\n## Slug reserved\n";
    let read = |path: &Path| (path == Path::new("docs/checks.md")).then(|| checks.to_string());
    let readme = "\
[ok](docs/checks.md) [ok](docs/checks.md#slug-reserved) [web](https://example.org/x)
[moved](src/engine/headscale/versions.rs)
[no heading](docs/checks.md#slug-too-long)
`src/engine/mod.rs` and `src/engine/authentik/versions.rs`; `dist/index.html`; `config.yaml`
```
[in a fence](nowhere.md)
```
cargo test --test integration; cargo test --test checks
";
    let dead = dead_references(Path::new("README.md"), readme, &known, &read);
    assert_eq!(
        dead,
        [
            "README.md:2: src/engine/headscale/versions.rs",
            "README.md:3: docs/checks.md#slug-too-long (no heading)",
            "README.md:4: src/engine/authentik/versions.rs",
            "README.md:8: --test checks",
        ]
        .map(|s| s.replace("(no heading)", "(no such heading)"))
    );
    // In Rust sources only the opening comment is read.
    let source = "//! Built from `src/engine/gone.rs`.\n// not `src/engine/also-gone.rs`\n";
    assert_eq!(
        dead_references(Path::new("src/engine/mod.rs"), source, &known, &read),
        ["src/engine/mod.rs:1: src/engine/gone.rs"]
    );
    let snapshot = "---\nsource: tests/authentik.rs\n---\n";
    assert_eq!(
        dead_references(Path::new("tests/x.snap"), snapshot, &known, &read),
        ["tests/x.snap:2: tests/authentik.rs"]
    );
}

/// Outside a checkout, what `.gitignore` leaves out is not read: a package's installed
/// dependencies hold paths of their own that are not the project's.
#[test]
fn outside_a_checkout_what_gitignore_leaves_out_is_not_read() {
    let ignore = "/target\n*.snap.new\n/docs/embed/docusaurus/package/node_modules\n# a comment\n";
    assert!(ignored(ignore, "target"));
    assert!(ignored(ignore, "docs/embed/docusaurus/package/node_modules"));
    assert!(ignored(ignore, "tests/integration/snapshots/a.snap.new"));
    assert!(!ignored(ignore, "tests/target"));
    assert!(!ignored(ignore, "docs/embed/docusaurus/package/src"));
    assert!(!ignored(ignore, "tests/integration/snapshots/a.snap"));
    let real = fs::read_to_string(root().join(".gitignore")).expect(".gitignore");
    assert!(ignored(&real, "docs/embed/docusaurus/package/node_modules"));
    assert!(!ignored(&real, "src/engine"));
}
