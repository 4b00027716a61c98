//! The same settings as `HEADSCALE_*` environment variables, following the rules of viper,
//! Headscale's configuration library: lists are separated by white space, maps are JSON, and
//! an empty variable counts as unset.

use std::fmt::Write;

use crate::engine::headscale::settings::Settings;
use crate::engine::versions::headscale::{HeadscaleVersion, Key};
use crate::engine::versions::keys::ValueRef;
use crate::engine::yaml::{scalar, YamlWriter};

/// The variables, and what could not be expressed as one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Environment {
    pub version: HeadscaleVersion,
    /// `(name, value)` in config.yaml's key order.
    pub variables: Vec<(String, String)>,
    /// Why a setting was left out, one sentence each.
    pub left_out: Vec<String>,
}

impl Environment {
    pub fn new(settings: &Settings, version: HeadscaleVersion) -> Environment {
        let mut env = Environment { version, variables: Vec::new(), left_out: Vec::new() };
        for key in settings.keys() {
            match value_of(settings, key) {
                Ok(value) if !value.is_empty() => env.variables.push((key.env_var(), value)),
                Ok(_) => {}
                Err(reason) => {
                    env.left_out.push(format!("{} is left out: {reason}; set it in config.yaml.", key.env_var()))
                }
            }
        }
        env
    }

    /// For a shell (`set -a; . ./headscale.env`), a systemd `EnvironmentFile=` or a docker
    /// compose `.env` file: values are single-quoted where needed.
    pub fn env_file(&self) -> String {
        let mut out =
            format!("# Headscale {}: login through authentik, as environment variables.\n", self.version.label());
        out.push_str("# Lists are separated by spaces; extra parameters are a JSON object.\n");
        for note in &self.left_out {
            // A comment ends at a line break: never copy one from a value into it.
            let note: String =
                note.chars().map(|c| if crate::engine::limits::is_forbidden(c) { ' ' } else { c }).collect();
            let _ = writeln!(out, "# {note}");
        }
        for (name, value) in &self.variables {
            let _ = writeln!(out, "{name}={}", shell_quote(value));
        }
        out
    }

    /// The `environment:` block of a docker compose service; `$` is doubled because compose
    /// would expand it.
    pub fn compose(&self) -> String {
        let mut w = YamlWriter::new();
        w.comment(0, &format!("Headscale {}: merge into the headscale service of compose.yaml.", self.version.label()));
        for note in &self.left_out {
            w.comment(0, note);
        }
        w.section(0, "services");
        w.section(1, "headscale");
        w.section(2, "environment");
        for (name, value) in &self.variables {
            w.raw(3, name, &scalar(&value.replace('$', "$$")));
        }
        w.finish()
    }
}

fn value_of(settings: &Settings, key: Key) -> Result<String, String> {
    Ok(match settings.value(key) {
        None => String::new(),
        Some(ValueRef::Flag(flag)) => flag.to_string(),
        Some(ValueRef::Text(text)) if text.contains(['\n', '\r', '\0']) => {
            return Err("its value contains a line break".to_string())
        }
        Some(ValueRef::Text(text)) => text.to_string(),
        Some(ValueRef::List(values)) => match values.iter().find(|value| value.contains(char::is_whitespace)) {
            Some(spaced) => {
                return Err(format!("\"{}\" contains white space, which would split it", spaced.escape_debug()))
            }
            None => values.join(" "),
        },
        Some(ValueRef::Map(pairs)) => json_object(pairs),
    })
}

/// A JSON object of strings, keys in the given order.
pub(crate) fn json_object(pairs: &[(String, String)]) -> String {
    let members: Vec<String> =
        pairs.iter().map(|(key, value)| format!("{}:{}", json_string(key), json_string(value))).collect();
    format!("{{{}}}", members.join(","))
}

fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A value as a POSIX shell word: bare when it only has safe characters, else single-quoted.
pub(crate) fn shell_quote(value: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "_./:@%+,=-".contains(c);
    if !value.is_empty() && value.chars().all(safe) {
        value.to_string()
    } else {
        format!("'{}'", value.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_stay_bare_only_when_safe() {
        assert_eq!(
            shell_quote("https://sso.example.org/application/o/hs/"),
            "https://sso.example.org/application/o/hs/"
        );
        assert_eq!(shell_quote(""), "''");
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("o'brien"), r"'o'\''brien'");
        assert_eq!(shell_quote("$HOME"), "'$HOME'");
    }

    #[test]
    fn json_strings_escape_quotes_backslashes_and_controls() {
        let pairs = [("prompt".to_string(), "login".to_string()), ("q".to_string(), "a\"b\\c\n".to_string())];
        assert_eq!(json_object(&pairs), r#"{"prompt":"login","q":"a\"b\\c\u000a"}"#);
        // The last control character is escaped, a space is not.
        let edge = [("a b".to_string(), "c\u{1f}".to_string())];
        assert_eq!(json_object(&edge), r#"{"a b":"c\u001f"}"#);
    }

    #[test]
    fn a_value_with_a_line_break_is_left_to_config_yaml() {
        for broken in ["/run/a\nb", "/run/a\rb", "/run/a\0b"] {
            let mut settings = Settings::default();
            settings
                .set(Key::Issuer, Some(crate::engine::versions::keys::Value::Text("https://sso.example.org/".into())));
            settings.set(Key::ClientSecretPath, Some(crate::engine::versions::keys::Value::Text(broken.into())));
            let env = Environment::new(&settings, HeadscaleVersion::NEWEST);
            let names: Vec<&str> = env.variables.iter().map(|(name, _)| name.as_str()).collect();
            assert_eq!(names, ["HEADSCALE_OIDC_ISSUER"], "{broken:?}");
            assert_eq!(
                env.left_out,
                ["HEADSCALE_OIDC_CLIENT_SECRET_PATH is left out: its value contains a line break; set it in config.yaml."]
            );
        }
    }
}
