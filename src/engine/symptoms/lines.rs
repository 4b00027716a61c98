//! One line of Headscale's log, in its text (console) or JSON format: its level, its message
//! and the error it carries. Colour codes, time stamps and the prefix docker compose adds are
//! dropped.

use super::{json, Level};

/// A log line, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogLine {
    pub json: bool,
    pub level: Option<Level>,
    pub message: String,
    /// The `error` field, unquoted.
    pub error: Option<String>,
}

/// `line` without terminal colour codes (`ESC [ … letter`).
pub fn strip_colours(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

fn level(word: &str) -> Option<Level> {
    Some(match word.to_ascii_lowercase().as_str() {
        "trc" | "trace" | "dbg" | "debug" => Level::Debug,
        "inf" | "info" => Level::Info,
        "wrn" | "warn" | "warning" => Level::Warn,
        "err" | "error" => Level::Error,
        "ftl" | "fatal" | "pnc" | "panic" => Level::Fatal,
        _ => return None,
    })
}

/// Reads `line` as a log line, or `None` when it is none.
pub fn read(line: &str) -> Option<LogLine> {
    let line = line.trim();
    // docker compose: `headscale  | …`
    let line = match line.split_once(" | ") {
        Some((service, rest)) if !service.contains(' ') || service.trim_end().len() < 40 && !service.contains('=') => {
            rest.trim()
        }
        _ => line,
    };
    if line.starts_with('{') {
        return read_json(line);
    }
    read_text(line)
}

fn read_json(line: &str) -> Option<LogLine> {
    let map = json::object(line)?;
    let message = json::text(&map, "message").or_else(|| json::text(&map, "msg"))?;
    let level = json::text(&map, "level").and_then(|text| level(&text));
    let error = json::text(&map, "error");
    Some(LogLine { json: true, level, message, error })
}

/// zerolog's console format: `TIME LEVEL [caller >] message key=value …`.
fn read_text(line: &str) -> Option<LogLine> {
    let words: Vec<(usize, &str)> = line
        .split(' ')
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word))
        })
        .take(4)
        .collect();
    let (at, found) =
        words.iter().find_map(|&(at, word)| level(word.trim_matches(['[', ']', ':'])).map(|l| (at + word.len(), l)))?;
    let mut rest = line[at..].trim_start();
    // The caller, when the logger adds it: `hscontrol/oidc.go:123 >`.
    if let Some((caller, after)) = rest.split_once(" > ") {
        if !caller.contains(' ') {
            rest = after.trim_start();
        }
    }
    let (message, fields) = split_fields(rest);
    let error = fields.iter().find(|(key, _)| key == "error" || key == "err").map(|(_, value)| value.clone());
    Some(LogLine { json: false, level: Some(found), message: message.trim().to_string(), error })
}

/// The message and the `key=value` fields after it.
fn split_fields(text: &str) -> (&str, Vec<(String, String)>) {
    let start = field_start(text, 0);
    let message = &text[..start.unwrap_or(text.len())];
    let mut fields = Vec::new();
    let mut at = start;
    while let Some(from) = at {
        let rest = &text[from..];
        let Some((key, value)) = rest.split_once('=') else { break };
        let (value, used) = if value.starts_with('"') {
            let end = quoted_end(value).unwrap_or(value.len());
            let quoted = &value[..end];
            (super::recognise::unquote(quoted).unwrap_or_else(|| quoted.to_string()), end)
        } else {
            let end = value.find(' ').unwrap_or(value.len());
            (value[..end].to_string(), end)
        };
        fields.push((key.trim().to_string(), value));
        let next = from + key.len() + 1 + used;
        at = field_start(text, next);
    }
    (message, fields)
}

/// Where the next ` key=` starts at or after `from`.
fn field_start(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        if (i == 0 || bytes[i - 1] == b' ') && (bytes[i].is_ascii_alphabetic() || bytes[i] == b'_') {
            let key_end = bytes[i..].iter().position(|b| !(b.is_ascii_alphanumeric() || *b == b'_')).map(|n| i + n);
            if let Some(end) = key_end {
                if bytes[end] == b'=' {
                    return Some(i);
                }
            }
        }
        i += 1;
    }
    None
}

fn quoted_end(value: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, b) in value.bytes().enumerate().skip(1) {
        match b {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b'"' => return Some(i + 1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_format_with_colours_and_caller() {
        let line = "\u{1b}[90m2026-07-01T10:00:00Z\u{1b}[0m \u{1b}[31mERR\u{1b}[0m hscontrol/handlers.go:60 > user msg: invalid code \u{1b}[36merror=\u{1b}[0m\u{1b}[31m\"exchanging code for token: oauth2: \\\"invalid_client\\\"\"\u{1b}[0m \u{1b}[36mcode=\u{1b}[0m403";
        let read = read(&strip_colours(line)).unwrap();
        assert_eq!(read.level, Some(Level::Error));
        assert_eq!(read.message, "user msg: invalid code");
        assert_eq!(read.error.as_deref(), Some("exchanging code for token: oauth2: \"invalid_client\""));
    }

    #[test]
    fn the_json_format() {
        let read = read(r#"{"level":"error","error":"verifying ID token: x","code":403,"time":1,"message":"user msg: failed to verify id_token"}"#).unwrap();
        assert!(read.json);
        assert_eq!(read.message, "user msg: failed to verify id_token");
        assert_eq!(read.error.as_deref(), Some("verifying ID token: x"));
    }

    #[test]
    fn the_error_field_may_be_called_err() {
        let read = read("2026-07-01T10:00:00Z ERR user msg: x code=403 err=\"boom\"").unwrap();
        assert_eq!(read.error.as_deref(), Some("boom"));
    }

    #[test]
    fn a_field_starts_a_word_with_a_letter_or_underscore() {
        let message = |line: &str| read(line).unwrap().message;
        // Inside a word, or led by a digit: part of the message.
        assert_eq!(message("2026-07-01T10:00:00Z ERR user msg: a+b=c"), "user msg: a+b=c");
        assert_eq!(message("2026-07-01T10:00:00Z ERR user msg: x 1=2"), "user msg: x 1=2");
        // Led by an underscore: a field.
        assert_eq!(message("2026-07-01T10:00:00Z ERR user msg: x _k=2"), "user msg: x");
        // A line that ends in a space, or right after its level, has no field to look for.
        assert_eq!(message("2026-07-01T10:00:00Z ERR user msg: x "), "user msg: x");
        assert_eq!(message("2026-07-01T10:00:00Z ERR"), "");
    }

    #[test]
    fn the_next_field_is_looked_for_after_the_whole_value() {
        // A quoted value may hold what looks like a field: it is the value's, not a field.
        let quoted = read("2026-07-01T10:00:00Z ERR user msg: x detail=\"a error=wrong\" error=\"right\"").unwrap();
        assert_eq!(quoted.error.as_deref(), Some("right"));
        // An empty value: the next field starts right after its `=`.
        let empty = read("2026-07-01T10:00:00Z ERR user msg: x a= error=boom").unwrap();
        assert_eq!((empty.message.as_str(), empty.error.as_deref()), ("user msg: x", Some("boom")));
    }

    #[test]
    fn every_level_word_of_zerolog() {
        for (word, expected) in
            [("TRC", Level::Debug), ("dbg", Level::Debug), ("FTL", Level::Fatal), ("panic", Level::Fatal)]
        {
            assert_eq!(level(word), Some(expected), "{word}");
        }
        assert_eq!(level("notice"), None);
    }

    #[test]
    fn only_a_service_name_before_a_bar_is_taken_for_compose() {
        // A name without a space is a service, whatever it holds.
        let served = read("x=1 | 2026-07-01T10:00:00Z ERR user msg: y").unwrap();
        assert_eq!((served.level, served.message.as_str()), (Some(Level::Error), "user msg: y"));
        // A bar inside a log line's own text is no compose prefix.
        let own = read("2026-07-01T10:00:00Z ERR x a=b | c").unwrap();
        assert_eq!(own.level, Some(Level::Error));
        // A name with a space is a service below 40 characters only.
        let named =
            |length: usize| read(&format!("{} b | 2026-07-01T10:00:00Z ERR user msg: y", "a".repeat(length - 2)));
        assert_eq!(named(39).map(|line| line.message), Some("user msg: y".to_string()));
        assert_ne!(named(40).map(|line| line.message), Some("user msg: y".to_string()));
    }

    #[test]
    fn a_compose_prefix_and_a_plain_sentence() {
        let read = read("headscale  | 2026-07-01T10:00:00Z WRN failed to set up OIDC provider, falling back to CLI based authentication error=\"x\"").unwrap();
        assert_eq!(read.level, Some(Level::Warn));
        assert!(super::read("unauthorised group").is_none());
    }
}
