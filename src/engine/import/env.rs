//! Reading `HEADSCALE_*` variables: an environment file or a shell script with `export` (read
//! as bash reads it, see `shell.rs`), the list form of a docker compose `environment:` block,
//! or its mapping form; each value read the way viper reads it.

use serde_yaml::{Mapping, Value};

use crate::engine::headscale::read::{self, nearest, ProblemKind, Read};
use crate::engine::import::positions::{Position, Positions};
use crate::engine::import::{shell, Pasted};
use crate::engine::limits::refused_character;
use crate::engine::versions::keys::{env_var, Key, Kind, KEYS, LOGIN_SECTION, SERVER_URL};

/// One variable, with its 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variable {
    pub name: String,
    pub value: String,
    pub line: usize,
    /// Why its value is not what is written (see [`shell::Assignment::flag`]).
    pub flag: Option<String>,
}

/// The `NAME=value` of a compose list item, without the `- ` in front.
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
/// blank or a comment assigns a variable (or is an item of a compose list), and one of them is
/// a `HEADSCALE_` one, in any case.
pub fn parse(text: &str) -> Option<Vec<Variable>> {
    let listed = text.lines().any(|line| line.trim_start().starts_with("- "));
    let variables = if listed { compose_list(text)? } else { shell_variables(text)? };
    let ours = |variable: &Variable| variable.name.to_ascii_uppercase().starts_with("HEADSCALE_");
    variables.iter().any(ours).then_some(variables)
}

fn shell_variables(text: &str) -> Option<Vec<Variable>> {
    let assignments = shell::assignments(text)?;
    Some(
        assignments
            .into_iter()
            .map(|a| Variable { name: a.name, value: a.value, line: a.line, flag: a.flag })
            .collect(),
    )
}

/// The items of a compose `environment:` list, one `- NAME=value` a line.
fn compose_list(text: &str) -> Option<Vec<Variable>> {
    let mut variables = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let (name, value) = assignment(trimmed)?;
        variables.push(Variable { name: name.to_string(), value: unquote(value), line: index + 1, flag: None });
    }
    Some(variables)
}

/// The `HEADSCALE_` variable of each key.
pub(crate) fn key_of_variable(name: &str) -> Option<Key> {
    KEYS.iter().map(|rule| rule.key).find(|key| key.env_var() == name)
}

/// An environment value as Headscale sees it: lists split at white space, extra parameters as
/// JSON, booleans through Go's ParseBool.
fn env_value(key: Key, text: &str) -> Value {
    match key.kind() {
        Kind::List(_) => Value::Sequence(text.split_whitespace().map(Value::from).collect()),
        // JSON objects are YAML too.
        Kind::Map => serde_yaml::from_str(text).unwrap_or_else(|_| Value::from(text)),
        Kind::Flag => read::parse_bool(text).map_or_else(|| Value::from(text), Value::Bool),
        Kind::Text => Value::from(text),
    }
}

/// Whether a variable's name is one of Headscale's, in any case.
fn is_ours(name: &str) -> bool {
    name.to_ascii_uppercase().starts_with("HEADSCALE_")
}

fn read_env_variable(name: &str, text: &str, out: &mut Read) {
    let upper = name.to_ascii_uppercase();
    if name != upper && is_ours(name) {
        // Variable names are case-sensitive, and viper looks for them in capitals only.
        let suggestion = (key_of_variable(&upper).is_some() || upper == env_var(SERVER_URL)).then_some(upper);
        out.problems.push(read::Problem {
            path: name.to_string(),
            kind: ProblemKind::UnknownKey { suggestion },
            at: None,
        });
        return;
    }
    let login = name.strip_prefix(&env_var(LOGIN_SECTION)).is_some_and(|rest| rest.starts_with('_'));
    if !login && key_of_variable(name).is_none() && name != env_var(SERVER_URL) {
        return;
    }
    let key = key_of_variable(name);
    // A line break or a control character inside a value is refused, as in every field; a
    // list's entries may be separated by tabs, which Headscale splits at like spaces.
    let list = key.is_some_and(|key| matches!(key.kind(), Kind::List(_)));
    if let Some((character, _)) = refused_character(text, |c| list && c == '\t') {
        out.problems.push(read::Problem { path: name.to_string(), kind: ProblemKind::Control { character }, at: None });
        return;
    }
    if name == env_var(SERVER_URL) {
        out.present.push(SERVER_URL.into());
        out.server_url = Some(text.to_string()).filter(|t| !t.is_empty());
        return;
    }
    let Some(key) = key else {
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
    // viper ignores a variable that is set but empty: Headscale reads config.yaml's value.
    if text.is_empty() {
        out.problems.push(read::Problem { path: name.to_string(), kind: ProblemKind::Empty, at: None });
        return;
    }
    out.present.push(key.path().to_string());
    read::read_value(key, key.path(), &env_value(key, text), out);
}

/// The variables as bash leaves them: the last assignment of each name counts, earlier ones
/// are reported where they are, and a value bash would expand is refused, not guessed.
pub(crate) fn read_variables(variables: &[Variable]) -> (Pasted, Read, Positions) {
    let mut read = Read::default();
    let mut entries = Vec::new();
    let last: std::collections::HashMap<&str, usize> =
        variables.iter().enumerate().map(|(index, variable)| (variable.name.as_str(), index)).collect();
    for variable in variables {
        let at = Some((variable.line, 1));
        let effective = &variables[last[variable.name.as_str()]];
        if !is_ours(&variable.name) {
            continue;
        }
        if effective.line != variable.line {
            let kept = format!("the assignment on line {}", effective.line);
            read.problems.push(read::Problem {
                path: variable.name.clone(),
                kind: ProblemKind::Duplicate { kept },
                at,
            });
            continue;
        }
        if let Some(reason) = &variable.flag {
            let reason = reason.clone();
            read.problems.push(read::Problem {
                path: variable.name.clone(),
                kind: ProblemKind::Refused { reason },
                at,
            });
            continue;
        }
        let before = read.problems.len();
        read_env_variable(&variable.name, &variable.value, &mut read);
        for problem in &mut read.problems[before..] {
            problem.at.get_or_insert((variable.line, 1));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `(name, value, line)` of each variable of a compose list.
    fn listed(text: &str) -> Option<Vec<(String, String, usize)>> {
        Some(parse(text)?.into_iter().map(|v| (v.name, v.value, v.line)).collect())
    }

    #[test]
    fn a_compose_list_is_read_item_by_item() {
        let text = "- HEADSCALE_OIDC_ISSUER=https://sso.example.org/\n\n# note\n- \"HEADSCALE_OIDC_CLIENT_ID=a b\"\n- 'HEADSCALE_OIDC_SCOPE=openid email'\n- export _X1=1\n";
        assert_eq!(
            listed(text).unwrap(),
            [
                ("HEADSCALE_OIDC_ISSUER".to_string(), "https://sso.example.org/".to_string(), 1),
                ("HEADSCALE_OIDC_CLIENT_ID".to_string(), "a b".to_string(), 4),
                ("HEADSCALE_OIDC_SCOPE".to_string(), "openid email".to_string(), 5),
                ("_X1".to_string(), "1".to_string(), 6),
            ]
        );
    }

    #[test]
    fn a_compose_item_that_assigns_nothing_makes_it_no_list() {
        for item in ["- \"", "- \"HEADSCALE_A=1", "- 1A=1", "- A-B=1", "- =1", "- HEADSCALE_A"] {
            assert_eq!(listed(&format!("- HEADSCALE_OIDC_ISSUER=x\n{item}\n")), None, "{item}");
        }
        assert!(listed("- HEADSCALE_OIDC_ISSUER=x\n- A_1=\n").is_some());
        // Only the outer quotes go: the value's own quote opens a quoted word that runs to the end.
        let inner = listed("- \"HEADSCALE_OIDC_CLIENT_ID='a b\"\n").unwrap();
        assert_eq!(inner[0].1, "a b");
    }

    #[test]
    fn values_are_unquoted_as_a_shell_reads_them() {
        assert_eq!(unquote(" 'a \"b\" $c' "), "a \"b\" $c");
        assert_eq!(unquote(r#""a \"b\" \$c \d""#), r#"a "b" $c \d"#);
        assert_eq!(unquote(r"a\ b"), "a b");
        assert_eq!(unquote("a #comment"), "a");
        assert_eq!(unquote("a#b"), "a#b");
        assert_eq!(unquote("#all"), "");
        assert_eq!(unquote("a  "), "a");
    }

    fn variables(pairs: &[(&str, &str)]) -> Read {
        let variables: Vec<Variable> = pairs
            .iter()
            .enumerate()
            .map(|(at, (name, value))| Variable {
                name: name.to_string(),
                value: value.to_string(),
                line: at + 1,
                flag: None,
            })
            .collect();
        read_variables(&variables).1
    }

    fn kinds(read: &Read) -> Vec<(&str, &ProblemKind)> {
        read.problems.iter().map(|problem| (problem.path.as_str(), &problem.kind)).collect()
    }

    #[test]
    fn other_variables_are_passed_over_whatever_they_hold() {
        let read = variables(&[("PATH", "/a"), ("PATH", "/b"), ("path", "x"), ("HEADSCALE_OIDC_ISSUER", "https://x/")]);
        assert_eq!(kinds(&read), []);
        assert_eq!(read.settings.issuer.as_deref(), Some("https://x/"));
    }

    #[test]
    fn a_name_in_small_letters_is_named_in_capitals_only_when_headscale_knows_it() {
        let read = variables(&[("headscale_server_url", "x"), ("Headscale_Bogus", "y")]);
        let unknown = |suggestion: Option<&str>| ProblemKind::UnknownKey { suggestion: suggestion.map(str::to_string) };
        assert_eq!(
            kinds(&read),
            [("headscale_server_url", &unknown(Some("HEADSCALE_SERVER_URL"))), ("Headscale_Bogus", &unknown(None))]
        );
    }

    #[test]
    fn the_server_url_is_read_from_the_environment() {
        assert_eq!(
            variables(&[("HEADSCALE_SERVER_URL", "https://vpn.example.org")]).server_url.as_deref(),
            Some("https://vpn.example.org")
        );
        assert_eq!(variables(&[("HEADSCALE_SERVER_URL", "")]).server_url, None);
    }

    #[test]
    fn a_tab_separates_list_entries_and_is_refused_elsewhere() {
        let groups = variables(&[("HEADSCALE_OIDC_ALLOWED_GROUPS", "ops\tadmins")]);
        assert_eq!(kinds(&groups), []);
        assert_eq!(groups.settings.allowed_groups, Some(vec!["ops".to_string(), "admins".to_string()]));
        let issuer = variables(&[("HEADSCALE_OIDC_ISSUER", "https://x/\t")]);
        assert!(matches!(kinds(&issuer)[..], [("HEADSCALE_OIDC_ISSUER", ProblemKind::Control { .. })]));
        let broken = variables(&[("HEADSCALE_OIDC_ALLOWED_GROUPS", "ops\nadmins")]);
        assert!(matches!(kinds(&broken)[..], [("HEADSCALE_OIDC_ALLOWED_GROUPS", ProblemKind::Control { .. })]));
    }

    #[test]
    fn suggestions_for_variables_stop_after_a_hundred_problems() {
        let typo_after = |unknown: usize| {
            let names: Vec<String> = (0..unknown).map(|i| format!("HEADSCALE_OIDC_ZZ{i:03}")).collect();
            let mut pairs: Vec<(&str, &str)> = names.iter().map(|name| (name.as_str(), "1")).collect();
            pairs.push(("HEADSCALE_OIDC_ISUER", "x"));
            variables(&pairs).problems.last().map(|problem| problem.kind.clone())
        };
        let suggested = ProblemKind::UnknownKey { suggestion: Some("HEADSCALE_OIDC_ISSUER".to_string()) };
        assert_eq!(typo_after(read::MAX_SUGGESTIONS - 1), Some(suggested));
        assert_eq!(typo_after(read::MAX_SUGGESTIONS), Some(ProblemKind::UnknownKey { suggestion: None }));
    }

    #[test]
    fn a_compose_mapping_reads_text_flags_and_numbers() {
        let environment: Mapping = serde_yaml::from_str(
            "HEADSCALE_OIDC_ISSUER: https://x/\nHEADSCALE_OIDC_PKCE_ENABLED: true\nHEADSCALE_OIDC_CLIENT_ID: 12345\nHEADSCALE_OIDC_CLIENT_SECRET: [a]\n",
        )
        .unwrap();
        let read = read_environment_map(&environment);
        assert_eq!(read.settings.issuer.as_deref(), Some("https://x/"));
        assert_eq!(read.settings.pkce_enabled, Some(true));
        assert_eq!(read.settings.client_id.as_deref(), Some("12345"));
        // A list is no value: set but empty, which viper passes over.
        assert_eq!(kinds(&read), [("HEADSCALE_OIDC_CLIENT_SECRET", &ProblemKind::Empty)]);
    }
}
