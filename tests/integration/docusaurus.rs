//! The Docusaurus package speaks the engine's language: each option of its component is an
//! attribute the engine reads, under the camel-case name the README's table gives, and the
//! README for docs maintainers lists every prop of the component.

use std::collections::BTreeSet;

use regex::Regex;

const OPTIONS: &str = include_str!("../../docs/embed/docusaurus/package/src/options.ts");
const COMPONENT: &str = include_str!("../../docs/embed/docusaurus/package/src/HeadscalePlayground.tsx");
const README: &str = include_str!("../../docs/embed/docusaurus/README.md");

/// The component's table of options: `(prop, attribute)`.
fn component_attributes() -> Vec<(String, String)> {
    let start = OPTIONS.find("export const ATTRIBUTES").expect("the ATTRIBUTES table");
    let table = &OPTIONS[start..start + OPTIONS[start..].find("};").expect("its end")];
    Regex::new(r#"(?m)^\s+(\w+): "(data-[a-z-]+)",$"#)
        .unwrap()
        .captures_iter(table)
        .map(|capture| (capture[1].to_string(), capture[2].to_string()))
        .collect()
}

fn camel(attribute: &str) -> String {
    attribute
        .trim_start_matches("data-")
        .split('-')
        .enumerate()
        .map(|(index, word)| if index == 0 { word.to_string() } else { word[..1].to_uppercase() + &word[1..] })
        .collect()
}

#[test]
fn the_component_passes_every_attribute_the_engine_reads_and_no_other() {
    let mut declared: BTreeSet<String> =
        sso_playground::engine::embed::attributes().map(|(name, _)| name.to_string()).collect();
    declared.extend(sso_playground::engine::embed::OPTIONS.iter().map(|name| name.to_string()));
    let options = component_attributes();
    let passed: BTreeSet<String> = options.iter().map(|(_, attribute)| attribute.clone()).collect();
    assert_eq!(passed, declared);
    for (prop, attribute) in &options {
        assert_eq!(*prop, camel(attribute), "{attribute}");
    }
}

#[test]
fn the_readme_lists_every_prop_of_the_component() {
    let start = README.find("## Options").expect("an Options section");
    let table = &README[start..start + README[start + 1..].find("\n## ").expect("the next section")];
    let listed: BTreeSet<String> = Regex::new(r"(?m)^\| `(\w+)`\s*\|")
        .unwrap()
        .captures_iter(table)
        .map(|capture| capture[1].to_string())
        .collect();
    let mut props: BTreeSet<String> = component_attributes().into_iter().map(|(prop, _)| prop).collect();
    // The component's own props beside the options.
    for own in ["style", "children"] {
        assert!(COMPONENT.contains(&format!("    {own}?: ")), "{own} is a prop of the component");
        props.insert(own.to_string());
    }
    assert_eq!(listed, props);
}

#[test]
fn a_missing_or_extra_row_is_found() {
    let rows = "| `slug` | `string` | x |\n| `extra` | `string` | y |\n";
    let listed: Vec<String> =
        Regex::new(r"(?m)^\| `(\w+)`\s*\|").unwrap().captures_iter(rows).map(|c| c[1].to_string()).collect();
    assert_eq!(listed, ["slug", "extra"]);
    assert_eq!(camel("data-headscale-url"), "headscaleUrl");
}
