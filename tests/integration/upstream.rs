//! The authentik outputs held against the upstream projects' own definitions, release by
//! release: authentik's blueprint JSON schema and the Terraform provider's argument lists.
//! The definitions live in `tests/upstream/`, with their provenance and licences.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::common::with;
use serde_json::{json, Value as Json};
use serde_yaml::Value as Yaml;
use sso_playground::engine::versions::authentik::{AuthentikVersion, AUTHENTIK_RELEASES};
use sso_playground::engine::{render, Inputs};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/upstream")
}

fn read_json(path: PathBuf) -> Json {
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The schema files of the releases each line of the table covers. A line spanning several
/// patches is checked against the schema of each patch there is a file for. authentik
/// 2026.11 has no final schema yet and is held to the newest one, 2026.8.
fn schemas_of(key: &str) -> &'static [&'static str] {
    match key {
        "2024.8.0" => &["2024.8.0", "2024.8.4"],
        // 2024.8.6 and 2024.10.4 changed the web interface only; their schema is their
        // predecessor's.
        "2024.8.5" | "2024.8.6" => &["2024.8.5"],
        "2024.10.0" => &["2024.10.0", "2024.10.2"],
        "2024.10.3" | "2024.10.4" => &["2024.10.3"],
        "2024.12" => &["2024.12.2"],
        "2025.2" => &["2025.2.4"],
        "2025.4" => &["2025.4.4"],
        "2025.6" => &["2025.6.4"],
        "2025.8" => &["2025.8.6"],
        "2025.10" => &["2025.10.4"],
        "2025.12" => &["2025.12.4"],
        "2026.2" => &["2026.2.2"],
        "2026.5" => &["2026.5.0-rc1"],
        "2026.8" | "2026.11" => &["2026.8.0-rc1"],
        other => panic!("no schema is paired with authentik {other}"),
    }
}

/// Attributes a release has that its schema file does not show: the 2026.5.0-rc1 file was cut
/// before `grant_types` landed in 2026.5.0 (see the fixture's README). Such an attribute is
/// checked against the next schema that has it instead.
fn landed_after_snapshot(schema: &str) -> &'static [(&'static str, &'static str)] {
    match schema {
        "2026.5.0-rc1" => &[("grant_types", "2026.8.0-rc1")],
        _ => &[],
    }
}

/// The inputs each release line is tried with: no groups, several groups, the verified-email
/// mapping, PKCE on and off.
fn patterns(version: AuthentikVersion) -> Vec<(&'static str, Inputs)> {
    let base = |change: fn(&mut Inputs)| {
        with(|inputs| {
            inputs.authentik_version = version;
            change(inputs);
        })
    };
    vec![
        ("no groups", base(|i| i.allowed_groups.clear())),
        ("several groups", base(|i| i.allowed_groups = "vpn users\nops\nadmins/eu".into())),
        (
            "verified-email mapping",
            base(|i| {
                i.verified_email_mapping = true;
                i.allowed_groups = "headscale".into();
            }),
        ),
        ("PKCE off", base(|i| i.pkce_enabled = false)),
        ("PKCE on", base(|i| i.pkce_enabled = true)),
    ]
}

// ---------------------------------------------------------------------------------------------
// A validator for the part of JSON Schema (draft 7) authentik's blueprint schema uses.

struct Schema<'a> {
    root: &'a Json,
}

impl Schema<'_> {
    fn resolve<'s>(&'s self, node: &'s Json) -> &'s Json {
        match node.get("$ref").and_then(Json::as_str) {
            Some(reference) => {
                let name = reference.strip_prefix("#/$defs/").unwrap_or_else(|| panic!("unsupported $ref {reference}"));
                self.resolve(&self.root["$defs"][name])
            }
            None => node,
        }
    }

    /// Every problem of `value` against `node`, each with its path.
    fn validate(&self, node: &Json, value: &Json, path: &str, problems: &mut Vec<String>) {
        let node = self.resolve(node);
        let mut fail = |message: String| problems.push(format!("{path}: {message}"));
        if let Some(kind) = node.get("type").and_then(Json::as_str) {
            let ok = match kind {
                "object" => value.is_object(),
                "array" => value.is_array(),
                "string" => value.is_string(),
                "integer" => value.is_i64() || value.is_u64(),
                "number" => value.is_number(),
                "boolean" => value.is_boolean(),
                "null" => value.is_null(),
                other => panic!("unsupported type {other}"),
            };
            if !ok {
                fail(format!("expected {kind}, found {value}"));
                return;
            }
        }
        if let Some(constant) = node.get("const") {
            if constant != value {
                fail(format!("expected {constant}, found {value}"));
            }
        }
        if let Some(options) = node.get("enum").and_then(Json::as_array) {
            if !options.contains(value) {
                fail(format!("{value} is not one of {options:?}"));
            }
        }
        if let Some(text) = value.as_str() {
            let length = text.chars().count() as u64;
            if node.get("minLength").and_then(Json::as_u64).is_some_and(|min| length < min) {
                fail(format!("shorter than {}", node["minLength"]));
            }
            if node.get("maxLength").and_then(Json::as_u64).is_some_and(|max| length > max) {
                fail(format!("longer than {}", node["maxLength"]));
            }
            if node.get("format").and_then(Json::as_str) == Some("uuid") && !is_uuid(text) {
                fail(format!("{text:?} is not a UUID"));
            }
        }
        if let Some(number) = value.as_f64() {
            if node.get("minimum").and_then(Json::as_f64).is_some_and(|min| number < min) {
                fail(format!("below {}", node["minimum"]));
            }
            if node.get("maximum").and_then(Json::as_f64).is_some_and(|max| number > max) {
                fail(format!("above {}", node["maximum"]));
            }
        }
        if let (Some(object), true) =
            (value.as_object(), node.get("type").is_some() || node.get("properties").is_some())
        {
            for required in node.get("required").and_then(Json::as_array).into_iter().flatten() {
                let name = required.as_str().unwrap();
                if !object.contains_key(name) {
                    problems.push(format!("{path}: missing {name}"));
                }
            }
            let properties = node.get("properties").and_then(Json::as_object);
            for (key, item) in object {
                let child = format!("{path}.{key}");
                match (properties.and_then(|p| p.get(key)), node.get("additionalProperties")) {
                    (Some(property), _) => self.validate(property, item, &child, problems),
                    (None, Some(Json::Bool(false))) => problems.push(format!("{child}: not allowed")),
                    (None, Some(additional @ Json::Object(_))) => self.validate(additional, item, &child, problems),
                    (None, _) => {}
                }
            }
        }
        if let (Some(items), Some(schema)) = (value.as_array(), node.get("items")) {
            for (index, item) in items.iter().enumerate() {
                self.validate(schema, item, &format!("{path}[{index}]"), problems);
            }
        }
        if let Some(options) = node.get("anyOf").and_then(Json::as_array) {
            if !options.iter().any(|option| self.errors(option, value).is_empty()) {
                problems.push(format!("{path}: matches none of anyOf"));
            }
        }
        if let Some(options) = node.get("oneOf").and_then(Json::as_array) {
            let matching: Vec<Vec<String>> = options.iter().map(|option| self.errors(option, value)).collect();
            match matching.iter().filter(|errors| errors.is_empty()).count() {
                1 => {}
                0 => {
                    // Report the closest alternative: the one with the fewest problems.
                    let closest = matching.iter().min_by_key(|errors| errors.len()).unwrap();
                    problems.push(format!("{path}: matches no alternative of oneOf: {closest:?}"));
                }
                n => problems.push(format!("{path}: matches {n} alternatives of oneOf")),
            }
        }
    }

    fn errors(&self, node: &Json, value: &Json) -> Vec<String> {
        let mut problems = Vec::new();
        self.validate(node, value, "", &mut problems);
        problems
    }
}

fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
}

#[test]
fn the_validator_rejects_what_it_should() {
    let schema = json!({
        "type": "object", "required": ["a"],
        "properties": {
            "a": {"type": "string", "format": "uuid"},
            "b": {"type": "array", "items": {"type": "integer", "maximum": 3}},
            "c": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
            "d": {"$ref": "#/$defs/e"}
        },
        "$defs": {"e": {"enum": ["x"]}}
    });
    let validator = Schema { root: &schema };
    let uuid = "12345678-1234-1234-1234-123456789abc";
    assert!(validator.errors(&schema, &json!({"a": uuid, "b": [1, 3], "c": 2, "d": "x"})).is_empty());
    for wrong in [
        json!({}),
        json!({"a": "not-a-uuid"}),
        json!({"a": uuid, "b": [4]}),
        json!({"a": uuid, "b": ["1"]}),
        json!({"a": uuid, "c": true}),
        json!({"a": uuid, "d": "y"}),
    ] {
        assert!(!validator.errors(&schema, &wrong).is_empty(), "{wrong}");
    }
}

// ---------------------------------------------------------------------------------------------
// Blueprints.

/// The primary key type of a model, as authentik resolves `!Find` and `!KeyOf` to it.
fn key_of_model(model: &str) -> Json {
    match model {
        "authentik_providers_oauth2.oauth2provider" => json!(7),
        _ => json!("0f1e2d3c-4b5a-4697-8877-665544332211"),
    }
}

/// The blueprint as authentik sees it after resolving its tags, or the tag problems found.
fn resolve_tags(value: &Yaml, ids: &HashMap<String, String>, problems: &mut Vec<String>) -> Json {
    match value {
        Yaml::Null => Json::Null,
        Yaml::Bool(b) => json!(b),
        Yaml::Number(n) => serde_json::to_value(n).unwrap(),
        Yaml::String(s) => json!(s),
        Yaml::Sequence(items) => Json::Array(items.iter().map(|item| resolve_tags(item, ids, problems)).collect()),
        Yaml::Mapping(map) => Json::Object(
            map.iter()
                .map(|(key, item)| (key.as_str().expect("string keys").to_string(), resolve_tags(item, ids, problems)))
                .collect(),
        ),
        Yaml::Tagged(tagged) => match tagged.tag.to_string().as_str() {
            "!Find" => {
                let model = tagged.value.as_sequence().and_then(|args| args.first()).and_then(Yaml::as_str);
                key_of_model(model.expect("!Find [model, [field, value]]"))
            }
            "!KeyOf" => {
                let id = tagged.value.as_str().expect("!KeyOf id");
                match ids.get(id) {
                    Some(model) => key_of_model(model),
                    None => {
                        problems.push(format!("!KeyOf {id} names no earlier entry"));
                        Json::Null
                    }
                }
            }
            other => {
                problems.push(format!("unexpected tag {other}"));
                Json::Null
            }
        },
    }
}

/// Every problem authentik's schema of `schema_name` finds in `blueprint`.
fn blueprint_problems(blueprint: &str, schema_name: &str) -> Vec<String> {
    let path = fixtures().join(format!("authentik/blueprint-schema/{schema_name}.json"));
    let schema = read_json(path);
    let parsed: Yaml = serde_yaml::from_str(blueprint).expect("the blueprint parses");
    let mut problems = Vec::new();
    // Resolve entry by entry, so that a `!KeyOf` only sees the entries before it.
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut document =
        resolve_tags(&Yaml::Mapping(parsed.as_mapping().unwrap().clone()), &HashMap::new(), &mut Vec::new());
    let entries = parsed["entries"].as_sequence().expect("entries is a list");
    let mut resolved = Vec::new();
    for entry in entries {
        resolved.push(resolve_tags(entry, &ids, &mut problems));
        if let (Some(id), Some(model)) = (entry["id"].as_str(), entry["model"].as_str()) {
            ids.insert(id.to_string(), model.to_string());
        }
    }
    document["entries"] = Json::Array(resolved);
    let validator = Schema { root: &schema };
    validator.validate(&schema, &document, "$", &mut problems);
    // The schema allows any attribute; authentik's models do not.
    let late = landed_after_snapshot(schema_name);
    for (index, entry) in document["entries"].as_array().unwrap().iter().enumerate() {
        let model = entry["model"].as_str().unwrap();
        let definition = &schema["$defs"][format!("model_{model}")]["properties"];
        assert!(definition.is_object(), "{schema_name} has no model {model}");
        for part in ["identifiers", "attrs"] {
            for (name, value) in entry[part].as_object().into_iter().flatten() {
                if definition.get(name).is_some() {
                    continue;
                }
                match late.iter().find(|(attribute, _)| attribute == name) {
                    Some((_, later)) => {
                        let later_schema =
                            read_json(fixtures().join(format!("authentik/blueprint-schema/{later}.json")));
                        let property = &later_schema["$defs"][format!("model_{model}")]["properties"][name];
                        assert!(property.is_object(), "{later} has no {model}.{name}");
                        Schema { root: &later_schema }.validate(
                            property,
                            value,
                            &format!("$.entries[{index}].{part}.{name}"),
                            &mut problems,
                        );
                    }
                    None => problems.push(format!("$.entries[{index}].{part}.{name}: {model} has no such attribute")),
                }
            }
        }
    }
    problems
}

#[test]
fn every_blueprint_validates_against_authentiks_schema_of_its_release() {
    let mut failures = Vec::new();
    for release in AUTHENTIK_RELEASES {
        for (pattern, inputs) in patterns(release.version) {
            let outputs = render(&inputs);
            let blueprint = outputs.authentik.blueprint().clone().expect("the blueprint is built");
            for schema in schemas_of(release.key) {
                for problem in blueprint_problems(&blueprint, schema) {
                    failures.push(format!("authentik {} ({pattern}) against schema {schema}: {problem}", release.key));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_blueprint_check_catches_mistakes() {
    let inputs = with(|i| i.allowed_groups = "ops".into());
    let good = render(&inputs).authentik.blueprint().clone().unwrap();
    assert!(blueprint_problems(&good, "2026.8.0-rc1").is_empty());
    // An attribute the model does not have, a wrong enum value, a dangling `!KeyOf`, and a
    // redirect URI list where the release wants a string.
    let misspelt = good.replace("sub_mode:", "subject_mode:");
    assert!(blueprint_problems(&misspelt, "2026.8.0-rc1").iter().any(|p| p.contains("subject_mode")));
    let wrong_enum = good.replace("client_type: confidential", "client_type: secret");
    assert!(!blueprint_problems(&wrong_enum, "2026.8.0-rc1").is_empty());
    let dangling = good.replace("provider: !KeyOf headscale-provider", "provider: !KeyOf nowhere");
    assert!(blueprint_problems(&dangling, "2026.8.0-rc1").iter().any(|p| p.contains("nowhere")));
    assert!(!blueprint_problems(&good, "2024.8.4").is_empty(), "strict redirect URIs are a list, 2024.8.4 wants text");
}

// ---------------------------------------------------------------------------------------------
// Terraform.

/// Problems of a Terraform file against one provider release's arguments.
fn terraform_problems(text: &str, arguments: &Json) -> Vec<String> {
    let body: hcl::Body = hcl::parse(text).unwrap_or_else(|error| panic!("invalid HCL: {error}\n{text}"));
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for block in body.blocks() {
        let kind = block.identifier();
        let labels: Vec<&str> = block.labels().iter().map(|label| label.as_str()).collect();
        let name = match kind {
            "resource" => labels[0].to_string(),
            "data" => format!("data.{}", labels[0]),
            "terraform" | "variable" | "output" => continue,
            other => {
                problems.push(format!("unexpected block {other}"));
                continue;
            }
        };
        seen.insert(name.clone());
        let Some(schema) = arguments.get(&name).and_then(Json::as_object) else {
            problems.push(format!("{name}: the provider has no such {kind}"));
            continue;
        };
        let given: HashMap<&str, &hcl::Expression> =
            block.body().attributes().map(|attribute| (attribute.key(), attribute.expr())).collect();
        for nested in block.body().blocks() {
            // Terraform's own lifecycle block may only ignore arguments the resource has.
            if nested.identifier() != "lifecycle" || kind != "resource" {
                problems.push(format!("{name}: unexpected nested block {}", nested.identifier()));
                continue;
            }
            for attribute in nested.body().attributes() {
                match (attribute.key(), attribute.expr()) {
                    ("ignore_changes", hcl::Expression::Array(items)) => {
                        for item in items {
                            let argument = item.to_string();
                            if !schema.contains_key(argument.as_str()) {
                                problems
                                    .push(format!("{name}: ignore_changes names {argument}, which it does not have"));
                            }
                        }
                    }
                    (other, _) => problems.push(format!("{name}: unexpected lifecycle argument {other}")),
                }
            }
        }
        for (argument, value) in &given {
            let Some(definition) = schema.get(*argument) else {
                problems.push(format!("{name}.{argument}: the provider has no such argument"));
                continue;
            };
            let flags: Vec<&str> =
                definition["flags"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
            if flags == ["computed"] {
                problems.push(format!("{name}.{argument}: computed only, cannot be set"));
            }
            let fits = match (definition["type"].as_str().unwrap(), value) {
                ("string", hcl::Expression::String(_) | hcl::Expression::TemplateExpr(_)) => true,
                ("int", hcl::Expression::Number(n)) => n.as_i64().is_some(),
                ("bool", hcl::Expression::Bool(_)) => true,
                ("list", hcl::Expression::Array(_)) => true,
                // References and function calls are typed by Terraform itself.
                (_, hcl::Expression::Traversal(_) | hcl::Expression::FuncCall(_) | hcl::Expression::Variable(_)) => {
                    true
                }
                _ => false,
            };
            if !fits {
                problems.push(format!("{name}.{argument}: {value} is not a {}", definition["type"]));
            }
        }
        for (argument, definition) in schema {
            let required = definition["flags"].as_array().unwrap().iter().any(|flag| flag == "required");
            if required && !given.contains_key(argument.as_str()) {
                problems.push(format!("{name}: missing required argument {argument}"));
            }
        }
    }
    assert!(seen.contains("authentik_provider_oauth2") && seen.contains("authentik_application"), "{text}");
    problems
}

#[test]
fn every_terraform_file_uses_only_arguments_of_its_provider_release() {
    let all = read_json(fixtures().join("terraform-provider-authentik/arguments.json"));
    let mut failures = Vec::new();
    for release in AUTHENTIK_RELEASES {
        for (pattern, inputs) in patterns(release.version) {
            let outputs = render(&inputs);
            for inline in [false, true] {
                let terraform = outputs.authentik.terraform(inline);
                // The release table pairs each line with its provider release, and says why.
                let provider = release.terraform.release;
                let arguments = &all["resources"][provider];
                assert!(arguments.is_object(), "no arguments for provider {provider}");
                for problem in terraform_problems(terraform, arguments) {
                    failures.push(format!("authentik {} ({pattern}) with provider {provider}: {problem}", release.key));
                }
                assert!(terraform.contains(&format!("version = \"{}\"", release.terraform.constraint)));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_terraform_check_catches_mistakes() {
    let all = read_json(fixtures().join("terraform-provider-authentik/arguments.json"));
    let inputs = with(|i| i.allowed_groups = "ops".into());
    let outputs = render(&inputs);
    let text = outputs.authentik.terraform(false);
    assert!(terraform_problems(text, &all["resources"]["v2026.5.0"]).is_empty());
    // grant_types only exists from v2026.5.0; allowed_redirect_uris not before v2024.10.2.
    assert!(terraform_problems(text, &all["resources"]["v2026.2.1"]).iter().any(|p| p.contains("grant_types")));
    assert!(terraform_problems(text, &all["resources"]["v2024.8.4"])
        .iter()
        .any(|p| p.contains("allowed_redirect_uris")));
    let without_flow: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("invalidation_flow"))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_ne!(without_flow, *text);
    assert!(terraform_problems(&without_flow, &all["resources"]["v2026.5.0"])
        .iter()
        .any(|p| p.contains("invalidation_flow")));
}

/// Headscale's own example configuration of a release with its commented `oidc:` section
/// switched on: the lines from `# oidc:` to the next uncommented line lose their leading `#`,
/// except a wrapped line of prose that lost its own `#` upstream (it quotes with backquotes).
fn example_with_oidc(text: &str) -> String {
    let mut inside = false;
    text.lines()
        .map(|line| {
            if line == "# oidc:" {
                inside = true;
            } else if !line.starts_with('#') {
                inside = false;
            }
            match line.strip_prefix("# ").or(line.strip_prefix('#')) {
                Some(rest) if inside && (!rest.contains('`') || rest.trim_start().starts_with('#')) => rest.to_string(),
                _ => line.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every key of Headscale's own example is one its release reads: the import reads each
/// release's complete example configuration, its `oidc:` section switched on, with no key
/// unknown, removed or ignored, and without refusing any value.
#[test]
fn headscales_own_example_of_each_release_imports_with_every_key_known() {
    use sso_playground::engine::import::import;
    use sso_playground::engine::versions::headscale::{HeadscaleVersion, HEADSCALE_RELEASES};
    let folder = fixtures().join("headscale/config-example");
    let mut tags: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().trim_end_matches(".yaml").to_string())
        .collect();
    tags.sort();
    assert_eq!(tags.len(), HEADSCALE_RELEASES.len(), "one example per release line: {tags:?}");
    for tag in &tags {
        let text = std::fs::read_to_string(folder.join(format!("{tag}.yaml"))).unwrap();
        let minor: u8 = tag.split('.').nth(1).unwrap().parse().unwrap();
        let current = with(|inputs| inputs.headscale_version = HeadscaleVersion(minor));
        let switched_on = example_with_oidc(&text);
        assert!(switched_on.contains("\noidc:\n"), "{tag}: no oidc section found");
        let found = import(&switched_on, &current).unwrap_or_else(|error| panic!("{tag}: {error}"));
        let wrong: Vec<String> = found
            .findings
            .iter()
            .map(|finding| finding.diagnostic.check.info().id)
            .filter(|id| ["unknown-key", "key-removed", "key-ignored", "value-refused", "wrong-type"].contains(id))
            .map(str::to_string)
            .collect();
        assert!(wrong.is_empty(), "{tag}: Headscale's own example reads as {wrong:?}");
        // The example's access rules arrive in the form.
        assert_eq!(found.inputs.allowed_groups, "/headscale", "{tag}");
        assert_eq!(found.inputs.allowed_users, "alice@example.com", "{tag}");
    }
}
