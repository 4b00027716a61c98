//! Reading `HEADSCALE_*` variables: lines of an environment file, a shell script with
//! `export`, the list form of a docker compose `environment:` block, or its mapping form; each
//! value read the way viper reads it.

use serde_yaml::{Mapping, Value};

use crate::engine::headscale::read::{self, nearest, ProblemKind, Read};
use crate::engine::import::positions::{Position, Positions};
use crate::engine::import::Pasted;
use crate::engine::versions::headscale::{Key, Kind, KEYS};

/// One variable, with its 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variable {
    pub name: String,
    pub value: String,
    pub line: usize,
}

/// The `NAME=value` of a line, without `export ` or a compose `- ` in front.
fn assignment(line: &str) -> Option<(&str, &str)> {
    let line = line.trim();
    let line = line.strip_prefix("- ").unwrap_or(line).trim_start();
    let line = line.strip_prefix("export ").unwrap_or(line).trim_start();
    // Compose's list form may quote the whole assignment: - "NAME=value".
    let line = match line.chars().next() {
        Some(quote @ ('"' | '\'')) if line.len() > 1 && line.ends_with(quote) => &line[1..line.len() - 1],
        _ => line,
    };
    let (name, value) = line.split_once('=')?;
    let valid = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    valid.then_some((name, value))
}

/// A shell word: single quotes keep everything, double quotes allow `\"`, `\\`, `\$`, bare
/// words end at a comment.
fn unquote(raw: &str) -> String {
    let mut out = String::new();
    let mut chars = raw.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => out.extend(chars.by_ref().take_while(|&c| c != '\'')),
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' if chars.peek().is_some_and(|next| "\"\\$`".contains(*next)) => out.extend(chars.next()),
                        c => out.push(c),
                    }
                }
            }
            '\\' => out.extend(chars.next()),
            '#' if out.is_empty() || out.ends_with(char::is_whitespace) => break,
            c => out.push(c),
        }
    }
    out.trim_end().to_string()
}

/// The variables of the text, if it reads as environment variables: every line that is not
/// blank or a comment assigns a variable, and one of them is a `HEADSCALE_` one.
pub fn parse(text: &str) -> Option<Vec<Variable>> {
    let mut variables = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let (name, value) = assignment(trimmed)?;
        variables.push(Variable { name: name.to_string(), value: unquote(value), line: index + 1 });
    }
    variables.iter().any(|variable| variable.name.starts_with("HEADSCALE_")).then_some(variables)
}

/// The `HEADSCALE_` variable of each key.
pub(crate) fn key_of_variable(name: &str) -> Option<Key> {
    KEYS.iter().map(|rule| rule.key).find(|key| key.env_var() == name)
}

/// An environment value as Headscale sees it: lists split at white space, extra parameters as
/// JSON, booleans through Go's ParseBool.
fn env_value(key: Key, text: &str) -> Value {
    match key.kind() {
        Kind::List => Value::Sequence(text.split_whitespace().map(Value::from).collect()),
        // JSON objects are YAML too.
        Kind::Map => serde_yaml::from_str(text).unwrap_or_else(|_| Value::from(text)),
        Kind::Flag => read::parse_bool(text).map_or_else(|| Value::from(text), Value::Bool),
        Kind::Text => Value::from(text),
    }
}

fn read_env_variable(name: &str, text: &str, out: &mut Read) {
    if !name.starts_with("HEADSCALE_OIDC_") && name != "HEADSCALE_NODE_EXPIRY" && name != "HEADSCALE_SERVER_URL" {
        return;
    }
    if name == "HEADSCALE_SERVER_URL" {
        out.present.push("server_url".into());
        out.server_url = Some(text.to_string()).filter(|t| !t.is_empty());
        return;
    }
    let Some(key) = key_of_variable(name) else {
        // Thousands of unknown variables are not typos; spelling suggestions stay cheap.
        let suggestion = (out.problems.len() < read::MAX_SUGGESTIONS)
            .then(|| {
                let names: Vec<String> = KEYS.iter().map(|rule| rule.key.env_var()).collect();
                nearest(name, names.iter().map(String::as_str))
            })
            .flatten();
        out.problems.push(read::Problem {
            path: name.to_string(),
            kind: ProblemKind::UnknownKey { suggestion },
            at: None,
        });
        return;
    };
    // viper ignores a variable that is set but empty.
    if text.is_empty() {
        return;
    }
    out.present.push(key.path().to_string());
    read::read_value(key, key.path(), &env_value(key, text), out);
}

pub(crate) fn read_variables(variables: &[Variable]) -> (Pasted, Read, Positions) {
    let mut read = Read::default();
    let mut entries = Vec::new();
    for variable in variables {
        read_env_variable(&variable.name, &variable.value, &mut read);
        let path = key_of_variable(&variable.name).map_or(variable.name.clone(), |key| key.path().to_string());
        entries.push((path, Position { line: variable.line, column: 1 }));
    }
    (Pasted::Environment, read, Positions::from_entries(entries))
}

pub(crate) fn read_environment_map(environment: &Mapping) -> Read {
    let mut read = Read::default();
    for (name, value) in environment {
        let Some(name) = name.as_str() else { continue };
        let text = match value {
            Value::String(text) => text.clone(),
            Value::Bool(flag) => flag.to_string(),
            Value::Number(number) => read::number_text(number),
            _ => String::new(),
        };
        // Compose doubles $ to write one.
        read_env_variable(name, &text.replace("$$", "$"), &mut read);
    }
    read
}
