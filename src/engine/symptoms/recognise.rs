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

    /// `verifying ID token: ` wrapped around itself `wrappers` times, around a text that is no
    /// message.
    fn nested(wrappers: usize) -> String {
        format!("{}x", "verifying ID token: ".repeat(wrappers))
    }

    #[test]
    fn a_chain_is_followed_max_depth_messages_deep_and_no_further() {
        // The outermost message and MAX_DEPTH wrapped ones: all read.
        assert_eq!(recognise(&nested(MAX_DEPTH + 1)).len(), MAX_DEPTH + 1);
        // One more level is past the bound: the same messages, and not the innermost.
        assert_eq!(recognise(&nested(MAX_DEPTH + 2)).len(), MAX_DEPTH + 1);
    }

    #[test]
    fn a_whole_message_is_only_read_as_the_whole_text() {
        assert_eq!(patterns("Unauthorized"), vec!["Unauthorized"]);
        // Part of a longer text, the short word is no message of its own.
        assert!(patterns("401 Unauthorized").is_empty());
    }

    #[test]
    fn messages_side_by_side_are_each_read_unless_they_overlap() {
        assert_eq!(
            patterns("nonce did not match, state did not match"),
            vec!["nonce did not match", "state did not match"]
        );
        // One ends exactly where the next begins: no overlap, both are read.
        assert_eq!(
            patterns("unauthorized principal (allowed groups)unauthorized principal (user mismatch)"),
            vec!["unauthorized principal (allowed groups)", "unauthorized principal (user mismatch)"]
        );
        // The second begins inside the first's value and ends past it: only the first is read.
        assert_eq!(
            patterns("Invalid client identifier: Your session has expired. Please try again."),
            vec!["Invalid client identifier: %s."]
        );
    }

    fn closest(text: &str) -> Vec<&'static str> {
        unknown(1, text).closest.iter().map(|&index| MESSAGES[index].pattern).collect()
    }

    #[test]
    fn the_closest_messages_share_the_most_words_for_their_length() {
        // Five of ten words shared beats four of seven; among equals the catalogue's order.
        assert_eq!(
            closest("could not get the token from authentik"),
            vec![
                "could not get userinfo; only using claims from id token",
                "could not get node key from cache",
                "could not get registration info from cache"
            ]
        );
    }

    #[test]
    fn a_word_shared_with_a_much_longer_text_is_not_close() {
        // `constraint` is a word of the five-word `UNIQUE constraint failed: users.name` alone;
        // other words in the line shared with nothing.
        let line = |words: usize| {
            let filler: Vec<String> = (1..words).map(|index| format!("w{index}")).collect();
            format!("constraint {}", filler.join(" "))
        };
        // One shared word of 95 + 5 still scores 1 in 100: listed, alone.
        assert_eq!(closest(&line(95)), vec!["UNIQUE constraint failed: users.name"]);
        // Of 96 + 5 it scores 0: nothing is close.
        assert!(closest(&line(96)).is_empty());
    }

    #[test]
    fn quoted_values_are_unquoted() {
        assert_eq!(unquote(r#""a \"b\" \x0f""#).unwrap(), "a \"b\" \u{f}");
        assert_eq!(unquote("plain"), None);
    }
}
