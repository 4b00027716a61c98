//! Shared fixtures of the host tests.

use sso_playground::engine::headscale::settings::Settings;
use sso_playground::engine::versions::headscale::HeadscaleVersion;
use sso_playground::engine::versions::keys::{Key, Kind, Value};
use sso_playground::engine::{render, Check, Inputs, Outputs};

/// The defaults, with fixed credentials so outputs are reproducible.
pub fn example() -> Inputs {
    Inputs {
        client_id: "hsClientId0123456789abcdefghijABCDEFGHIJ".into(),
        client_secret: "s3cretS3cretS3cretS3cretS3cretS3cretS3cretS3cretS3cretS3cretS3cret".into(),
        ..Inputs::default()
    }
}

/// The example with some changes.
pub fn with(change: impl FnOnce(&mut Inputs)) -> Inputs {
    let mut inputs = example();
    change(&mut inputs);
    inputs
}

/// Every option set: access rules, extra parameters, PKCE, an expiry.
pub fn full(version: HeadscaleVersion) -> Inputs {
    with(|i| {
        i.headscale_version = version;
        i.allowed_groups = "headscale-users\nops".into();
        i.allowed_users = "alice@example.com".into();
        i.allowed_domains = "example.com".into();
        i.extra_params = "prompt=login\ndomain_hint=example.com".into();
        i.expiry = "90d".into();
    })
}

/// The ids of the checks that fired.
pub fn fired(inputs: &Inputs) -> Vec<Check> {
    render(inputs).diagnostics.iter().map(|d| d.check).collect()
}

pub fn outputs(inputs: &Inputs) -> Outputs {
    render(inputs)
}

/// Reads an environment file the way a POSIX shell would (bare words and single quotes), then
/// applies viper's rules: lists split on white space, extra parameters parsed as JSON, booleans
/// through Go's strconv.ParseBool, empty variables ignored.
pub fn read_env_file(text: &str) -> Settings {
    let mut settings = Settings::default();
    for line in text.lines().filter(|line| !line.starts_with('#') && !line.is_empty()) {
        let (name, raw) = line.split_once('=').expect("NAME=value");
        let value = unquote(raw);
        if value.is_empty() {
            continue;
        }
        let key = sso_playground::engine::versions::headscale::KEYS
            .iter()
            .map(|rule| rule.key)
            .find(|key| key.env_var() == name)
            .unwrap_or_else(|| panic!("unknown variable {name}"));
        set(&mut settings, key, &value);
    }
    settings
}

fn unquote(raw: &str) -> String {
    let mut out = String::new();
    let mut rest = raw;
    while !rest.is_empty() {
        if let Some(quoted) = rest.strip_prefix('\'') {
            let end = quoted.find('\'').expect("closing quote");
            out.push_str(&quoted[..end]);
            rest = &quoted[end + 1..];
        } else if let Some(escaped) = rest.strip_prefix('\\') {
            let c = escaped.chars().next().expect("escaped character");
            out.push(c);
            rest = &escaped[c.len_utf8()..];
        } else {
            let c = rest.chars().next().unwrap();
            assert!(!c.is_whitespace() && !"\"$`;&|<>()".contains(c), "unquoted {c:?} in {raw}");
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

fn parse_bool(value: &str) -> bool {
    match value {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => true,
        "0" | "f" | "F" | "FALSE" | "false" | "False" => false,
        other => panic!("viper would read {other:?} as false"),
    }
}

fn set(settings: &mut Settings, key: Key, value: &str) {
    let value = match key.kind() {
        Kind::Text => Value::Text(value.to_string()),
        Kind::List(_) => Value::List(value.split_whitespace().map(str::to_string).collect()),
        Kind::Flag => Value::Flag(parse_bool(value)),
        Kind::Map => {
            let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(value).expect("a JSON object");
            let mut pairs: Vec<(String, String)> =
                map.into_iter().map(|(k, v)| (k, v.as_str().expect("string values").to_string())).collect();
            pairs.sort();
            Value::Map(pairs)
        }
    };
    settings.set(key, Some(value));
}

/// Every `.rs` file under `dir`, in no particular order.
pub fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}
