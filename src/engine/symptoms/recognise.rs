//! Finds the catalogue's messages in a text: a log message, an error field, a line of a page.
//! A message that wraps another (`verifying ID token: %w`) is followed by what it wraps, so a
//! whole error chain is recognised, outermost first.

use std::sync::OnceLock;

use super::pattern::{self, Compiled, Found as Place};
use super::{cut, Hit, Unknown, MESSAGES};

/// How deep wrapped messages are followed.
const MAX_DEPTH: usize = 6;

/// The catalogue's patterns, parsed on first use.
fn compiled() -> &'static [Compiled] {
    static COMPILED: OnceLock<Vec<Compiled>> = OnceLock::new();
    COMPILED.get_or_init(|| MESSAGES.iter().map(|known| Compiled::new(known.pattern)).collect())
}

/// Every catalogue message in `text`, outermost first. Messages found inside the literal text
/// of another (`state not found` inside `state not found in cache, …`) are left out; those
/// inside its values are what it wraps.
#[inline(never)] // Called for every line, page and answer: one copy.
pub fn recognise(text: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    walk(text, false, 0, &mut hits);
    hits
}

fn walk(text: &str, wrapped: bool, depth: usize, hits: &mut Vec<Hit>) {
    if depth > MAX_DEPTH || text.trim().is_empty() {
        return;
    }
    let text = text.trim();
    let places: Vec<(usize, Place)> = MESSAGES
        .iter()
        .enumerate()
        .filter(|(_, known)| wrapped || !known.inner())
        .filter_map(|(index, known)| {
            let whole = known.whole || known.inner();
            compiled()[index].find(text, whole).map(|place| (index, place))
        })
        .collect();
    // The longest first; among equal places, the message with the most text of its own is the
    // more specific one. A message inside another one's text or values is left to the reading
    // of that one's values below. A line holds a few messages at most: picked in order, with
    // no sort in the page.
    let key = |(index, place): &(usize, Place)| {
        (place.start, usize::MAX - (place.end - place.start), usize::MAX - MESSAGES[*index].pattern.len(), *index)
    };
    let mut left = places;
    let mut outermost: Vec<(usize, Place)> = Vec::new();
    while let Some(at) = (0..left.len()).min_by_key(|&at| key(&left[at])) {
        let (index, place) = left.swap_remove(at);
        if !outermost.iter().any(|(_, outer)| place.start < outer.end && outer.start < place.end) {
            outermost.push((index, place));
        }
    }
    for (index, place) in outermost {
        hits.push(Hit { message: index, values: place.values.iter().map(|value| cut(value)).collect() });
        for value in &place.values {
            walk(unquote(value).as_deref().unwrap_or(value), true, depth + 1, hits);
        }
    }
}

/// The text of a Go-quoted value (`"a \"b\""`), or `None` when it is not one.
pub fn unquote(value: &str) -> Option<String> {
    let inner = value.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'x' => {
                let hex: String = chars.by_ref().take(2).collect();
                out.push(char::from(u8::from_str_radix(&hex, 16).ok()?));
            }
            'u' => {
                let hex: String = chars.by_ref().take(4).collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
            }
            other => out.push(other),
        }
    }
    Some(out)
}

/// `text` as an unknown line: the closest known messages by the words they share.
pub fn unknown(line: usize, text: &str) -> Unknown {
    let words = pattern::words(text);
    // Shared words, weighed against the length of both; the best three, the first in the
    // catalogue among equals.
    let scores: Vec<usize> = MESSAGES
        .iter()
        .map(|known| {
            let theirs = pattern::words(known.pattern);
            let shared = theirs.iter().filter(|word| words.contains(word)).count();
            shared * 100 / (words.len() + theirs.len()).max(1)
        })
        .collect();
    let mut closest: Vec<usize> = Vec::new();
    for _ in 0..3 {
        let best = (0..scores.len())
            .filter(|index| !closest.contains(index) && scores[*index] > 0)
            .max_by_key(|&index| (scores[index], usize::MAX - index));
        closest.extend(best);
    }
    Unknown { line, text: cut(text.trim()), closest }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patterns(text: &str) -> Vec<&'static str> {
        recognise(text).iter().map(|hit| hit.known().pattern).collect()
    }

    #[test]
    fn a_chain_is_read_outermost_first() {
        assert_eq!(
            patterns(r#"verifying ID token: oidc: expected audience "abc" got ["def"]"#),
            vec!["verifying ID token: %v", "oidc: expected audience %q got %q"]
        );
    }

    #[test]
    fn a_message_inside_another_literal_is_not_counted() {
        assert_eq!(
            patterns("state not found in cache, login session may have expired"),
            vec!["state not found in cache, login session may have expired"]
        );
    }

    #[test]
    fn a_value_first_message_is_only_read_inside_another() {
        assert!(patterns("404 Not Found: nothing").is_empty());
        assert_eq!(
            patterns("creating OIDC provider from issuer config: 404 Not Found: nothing"),
            vec!["creating OIDC provider from issuer config: %v", "%s: %s"]
        );
    }

    #[test]
    fn quoted_values_are_unquoted() {
        assert_eq!(unquote(r#""a \"b\" \x0f""#).unwrap(), "a \"b\" \u{f}");
        assert_eq!(unquote("plain"), None);
    }
}
