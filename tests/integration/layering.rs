//! The engine's modules depend on each other one way only: version tables → inputs → model →
//! outputs and diagnose → import, diagram, UI. This reads every engine file's
//! `crate::engine::…` and `super::…` paths and fails on a cycle between its top-level modules.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use crate::common::rust_files;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// The top-level engine module a file belongs to, and how many `super::` lead to the engine
/// root from it; `None` for `engine/mod.rs`, the facade that re-exports the public API.
fn place(relative: &Path) -> Option<(String, usize)> {
    let parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    match parts.as_slice() {
        [file] if file == "mod.rs" => None,
        [file] => Some((file.trim_end_matches(".rs").to_string(), 1)),
        [folder, file] if file == "mod.rs" => Some((folder.clone(), 1)),
        [folder, ..] => Some((folder.clone(), parts.len() - 1)),
        [] => None,
    }
}

/// The first path segment of every item a `use` tree names, after the text that led to it
/// (`a`, `a::b`, `{a, b::c}`, `self`).
fn first_segments(rest: &str) -> Vec<String> {
    let rest = rest.trim_start();
    if let Some(group) = rest.strip_prefix('{') {
        let mut depth = 0;
        let mut items = Vec::new();
        let mut current = String::new();
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(std::mem::take(&mut current));
                    continue;
                }
                _ => {}
            }
            current.push(c);
        }
        items.push(current);
        return items.iter().filter_map(|item| first_segments(item).into_iter().next()).collect();
    }
    let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    if name.is_empty() {
        Vec::new()
    } else {
        vec![name]
    }
}

/// Which top-level engine modules `source` (the text of a file of module `own`, `depth`
/// `super::` below the engine root) refers to. Comments and test modules are skipped.
fn references(source: &str, own: &str, depth: usize) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let to_root = "super::".repeat(depth);
    for line in source.lines() {
        let code = line.trim_start();
        if code.starts_with("#[cfg(test)]") {
            break;
        }
        if code.starts_with("//") {
            continue;
        }
        for prefix in ["crate::engine::", to_root.as_str()] {
            let mut from = 0;
            while let Some(at) = code[from..].find(prefix) {
                let start = from + at;
                from = start + prefix.len();
                // `super::super::x` also contains `super::x`; only whole paths count.
                if prefix.starts_with("super") && code[..start].ends_with("super::") {
                    continue;
                }
                let rest = &code[from..];
                if prefix.starts_with("super") && rest.starts_with("super::") {
                    continue;
                }
                // A `use` group may continue on the next lines.
                let rest = if rest.trim_start().starts_with('{') && !rest.contains('}') {
                    let index = source.find(line).unwrap_or(0) + (line.len() - code.len()) + from;
                    &source[index..]
                } else {
                    rest
                };
                for name in first_segments(rest) {
                    if name != own && name != "self" && name.chars().next().is_some_and(char::is_lowercase) {
                        found.insert(name);
                    }
                }
            }
        }
    }
    found
}

fn engine_graph() -> Graph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    let mut paths = Vec::new();
    rust_files(&root, &mut paths);
    let mut graph = Graph::new();
    for path in paths {
        let relative = path.strip_prefix(&root).expect("inside the engine");
        let Some((module, depth)) = place(relative) else { continue };
        let source = fs::read_to_string(&path).expect("readable source");
        graph.entry(module.clone()).or_default().extend(references(&source, &module, depth));
    }
    graph
}

/// A cycle of the graph, as the modules along it, if there is one.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(node: &str, graph: &Graph, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_engine_has_no_import_cycle() {
    let graph = engine_graph();
    if let Some(cycle) = cycle(&graph) {
        panic!("the engine's modules import each other in a circle: {}", cycle.join(" → "));
    }
}

#[test]
fn the_reader_sees_the_layers() {
    let graph = engine_graph();
    let uses = |from: &str, to: &str| graph.get(from).is_some_and(|targets| targets.contains(to));
    // Each layer reads the one below it…
    assert!(uses("model", "inputs"));
    assert!(uses("model", "versions"));
    assert!(uses("diagnose", "model"));
    assert!(uses("diagnose", "headscale"));
    assert!(uses("diagnose", "authentik"));
    assert!(uses("headscale", "catalogue"));
    assert!(uses("import", "diagnose"));
    assert!(uses("flow", "catalogue"));
    // …and never the one above.
    for lower in ["versions", "fields", "inputs", "model", "catalogue"] {
        for higher in ["diagnose", "headscale", "authentik", "import", "flow"] {
            assert!(!uses(lower, higher), "{lower} reaches up to {higher}");
        }
    }
    // Every module's file is read.
    for module in ["address", "catalogue", "diagnose", "fields", "flow", "import", "links", "versions"] {
        assert!(graph.contains_key(module), "{module} was not read");
    }
}

#[test]
fn paths_and_cycles_are_read_as_written() {
    let source = "use crate::engine::{model::Model, fields::{self, Field}};\nuse super::super::lists;\nuse super::own::X;\n// crate::engine::flow\nlet x = crate::engine::urls::issuer(a);\n#[cfg(test)]\nuse crate::engine::import;\n";
    let found: Vec<String> = references(source, "own", 2).into_iter().collect();
    assert_eq!(found, ["fields", "lists", "model", "urls"]);
    let multi = "use crate::engine::{\n    catalogue::Check,\n    inputs,\n};\n";
    assert_eq!(references(multi, "own", 1).into_iter().collect::<Vec<_>>(), ["catalogue", "inputs"]);
    let graph: Graph = [("a", "b"), ("b", "c"), ("c", "a")]
        .into_iter()
        .map(|(from, to)| (from.to_string(), BTreeSet::from([to.to_string()])))
        .collect();
    assert_eq!(cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
    let mut graph = graph;
    graph.remove("c");
    assert_eq!(cycle(&graph), None);
}
