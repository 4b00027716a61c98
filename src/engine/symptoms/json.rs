//! Reading JSON (a log line, a discovery document, a key set) with the YAML parser the
//! playground already carries: JSON is YAML, and another parser would cost WebAssembly. Every
//! document is bounded before it is parsed.

use serde_yaml::{Mapping, Value};

/// The most `[` and `{` one document may hold, and how deep they may nest.
const MAX_BRACKETS: usize = 512;
const MAX_DEPTH: usize = 16;

/// `text` as a JSON object, or `None` when it is not one or exceeds the bounds.
pub fn object(text: &str) -> Option<Mapping> {
    let text = text.trim();
    if !text.starts_with('{') || !text.ends_with('}') {
        return None;
    }
    let (mut depth, mut deepest, mut brackets, mut quoted, mut escaped) = (0usize, 0usize, 0usize, false, false);
    for b in text.bytes() {
        match b {
            _ if escaped => escaped = false,
            b'\\' if quoted => escaped = true,
            b'"' => quoted = !quoted,
            b'{' | b'[' if !quoted => {
                depth += 1;
                brackets += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' if !quoted => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if brackets > MAX_BRACKETS || deepest > MAX_DEPTH {
        return None;
    }
    match serde_yaml::from_str::<Value>(text).ok()? {
        Value::Mapping(map) => Some(map),
        _ => None,
    }
}

/// A scalar member as text (whole numbers and booleans written as JSON writes them).
pub fn text(map: &Mapping, key: &str) -> Option<String> {
    match map.get(key)? {
        Value::String(text) => Some(text.clone()),
        // Whole numbers only: formatting a float would pull the float printer into the page.
        Value::Number(number) => number.as_i64().map(|n| n.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// A list member's text items; `None` when the member is absent or not a list.
pub fn list(map: &Mapping, key: &str) -> Option<Vec<String>> {
    match map.get(key)? {
        Value::Sequence(items) => {
            Some(items.iter().filter_map(|item| item.as_str().map(str::to_string)).take(64).collect())
        }
        _ => None,
    }
}

#[cfg(test)]
mod bounds {
    use super::*;

    #[test]
    fn numbers_and_flags_are_read_as_text() {
        let map = object("{\"code\": 403, \"ok\": true, \"ratio\": 0.5}").unwrap();
        assert_eq!(
            (text(&map, "code").as_deref(), text(&map, "ok").as_deref(), text(&map, "ratio")),
            (Some("403"), Some("true"), None)
        );
    }

    #[test]
    fn only_a_whole_object_is_read() {
        assert!(object("{\"a\": 1}").is_some());
        assert_eq!(object("{\"a\": 1} # note"), None);
        assert_eq!(object("# note\n{\"a\": 1}"), None);
    }

    #[test]
    fn nesting_is_counted_outside_strings_only() {
        let nested = |n: usize| format!("{{\"a\": {}{}}}", "[".repeat(n), "]".repeat(n));
        assert!(object(&nested(MAX_DEPTH - 1)).is_some(), "16 levels with the object's own");
        assert_eq!(object(&nested(MAX_DEPTH)), None);
        let deep = "[".repeat(40);
        assert!(object(&format!("{{\"a\": \"{deep}\"}}")).is_some(), "brackets in a string");
        assert!(object(&format!("{{\"a\": \"\\\"{deep}\", \"b\": 1}}")).is_some(), "after an escaped quote");
        assert!(object(&format!("{{\"a\": \"x\\\\\", \"b\": \"{deep}\"}}")).is_some(), "after an escaped backslash");
        // Closing brackets inside a string close nothing.
        assert_eq!(object(&format!("{{\"a\": \"]]]]\", \"b\": {}{}}}", "[".repeat(16), "]".repeat(16))), None);
        // The scan knows JSON's strings only: outside one a backslash escapes nothing, so the
        // quote after it opens a string, and the brackets after that one closes count.
        assert_eq!(object(&format!("{{a: \\\"b, c: \"{deep}\"}}")), None);
        // Outside the string again, brackets count.
        assert_eq!(object(&format!("{{\"a\": \"x\", \"b\": {deep}{}}}", "]".repeat(40))), None);
    }

    #[test]
    fn brackets_are_limited_on_both_sides() {
        // The object's own brace, the list's bracket, and n empty lists.
        let lists = |n: usize| format!("{{\"a\": [{}]}}", vec!["[]"; n].join(","));
        assert!(object(&lists(MAX_BRACKETS - 2)).is_some());
        assert_eq!(object(&lists(MAX_BRACKETS - 1)), None);
    }
}
