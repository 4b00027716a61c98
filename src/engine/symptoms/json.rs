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
