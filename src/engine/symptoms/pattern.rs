//! Go format strings as patterns. A message the catalogue knows is stored as Headscale or a
//! library writes it (`oidc: expected audience %q got %q`): its literal text must appear in
//! order, and each verb stands for a value, which the match returns.

/// Where a pattern matched, and the values its verbs stood for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub values: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    /// A verb: `q` reads a quoted value (or a list of them), anything else plain text.
    Value(char),
}

/// The pattern as literal text and verbs. `%%` is a literal `%`.
fn pieces(pattern: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = pattern;
    while let Some(at) = rest.find('%') {
        if at > 0 {
            out.push(Piece::Text(&rest[..at]));
        }
        let after = &rest[at + 1..];
        if let Some(stripped) = after.strip_prefix('%') {
            out.push(Piece::Text("%"));
            rest = stripped;
            continue;
        }
        // Flags and width (`%-10s`, `%+v`) are skipped; the verb is the first letter.
        match after.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
            Some((i, verb)) => {
                out.push(Piece::Value(verb));
                rest = &after[i + 1..];
            }
            None => {
                out.push(Piece::Text(&rest[at..]));
                rest = "";
            }
        }
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// Whether `c` can continue a word, so a literal that starts or ends there is only part of one.
fn wordy(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// The end of a quoted value at the start of `text`: a Go-quoted string, or a bracketed list
/// of them (`["a" "b"]`); `None` when `text` starts with neither.
fn quoted_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    match bytes.first()? {
        b'"' => {
            let mut escaped = false;
            for (i, &b) in bytes.iter().enumerate().skip(1) {
                match b {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => return Some(i + 1),
                    _ => {}
                }
            }
            None
        }
        b'[' => {
            let mut depth = 0usize;
            let mut quoted = false;
            let mut escaped = false;
            for (i, &b) in bytes.iter().enumerate() {
                match b {
                    _ if escaped => escaped = false,
                    b'\\' if quoted => escaped = true,
                    b'"' => quoted = !quoted,
                    b'[' if !quoted => depth += 1,
                    b']' if !quoted => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        _ => None,
    }
}

/// Matches `pieces` against `text` from `at`, which must be the start of the first piece.
/// With `whole`, the match must also end where the text ends.
fn match_at(pieces: &[Piece<'_>], text: &str, at: usize, whole: bool) -> Option<(usize, Vec<String>)> {
    let mut position = at;
    let mut values = Vec::new();
    let mut index = 0;
    while index < pieces.len() {
        match pieces[index] {
            Piece::Text(literal) => {
                if !text[position..].starts_with(literal) {
                    return None;
                }
                position += literal.len();
                index += 1;
            }
            Piece::Value(verb) => {
                let rest = &text[position..];
                let next = pieces.get(index + 1);
                let length = match (verb, next) {
                    ('q', _) if quoted_end(rest).is_some() => quoted_end(rest)?,
                    (_, None) => rest.len(),
                    (_, Some(Piece::Text(literal))) => rest.find(literal)?,
                    // Two verbs in a row: the first takes one word.
                    (_, Some(Piece::Value(_))) => rest.find(' ').unwrap_or(rest.len()),
                };
                values.push(rest[..length].to_string());
                position += length;
                index += 1;
            }
        }
    }
    (!whole || position == text.len()).then_some((position, values))
}

/// A pattern parsed once: its pieces, and its longest literal text, which any text it matches
/// contains (a cheap test that rules out most messages before matching).
#[derive(Clone, Debug)]
pub struct Compiled {
    pattern: &'static str,
    pieces: Vec<Piece<'static>>,
    anchor: &'static str,
}

impl Compiled {
    pub fn new(pattern: &'static str) -> Compiled {
        let pieces = pieces(pattern);
        let anchor = pieces
            .iter()
            .filter_map(|piece| match piece {
                Piece::Text(text) => Some(*text),
                Piece::Value(_) => None,
            })
            .max_by_key(|text| text.len())
            .unwrap_or_default();
        Compiled { pattern, pieces, anchor }
    }

    /// The first place the pattern matches in `text` (see [`find`]).
    pub fn find(&self, text: &str, whole: bool) -> Option<Found> {
        if !text.contains(self.anchor) {
            return None;
        }
        find_pieces(self.pattern, &self.pieces, text, whole)
    }
}

/// The first place `pattern` matches in `text`. A pattern that starts with a verb only matches
/// from the start of `text`; literal text must not start or end inside a word of `text`. With
/// `whole`, the pattern must cover the whole text.
pub fn find(pattern: &str, text: &str, whole: bool) -> Option<Found> {
    find_pieces(pattern, &pieces(pattern), text, whole)
}

fn find_pieces(pattern: &str, pieces: &[Piece<'_>], text: &str, whole: bool) -> Option<Found> {
    let first = match pieces.first() {
        Some(Piece::Text(literal)) => *literal,
        Some(Piece::Value(_)) => {
            return match_at(pieces, text, 0, whole).map(|(end, values)| Found { start: 0, end, values });
        }
        None => return None,
    };
    let starts_wordy = wordy(first.chars().next());
    let mut from = 0;
    while let Some(offset) = text[from..].find(first) {
        let start = from + offset;
        from = start + first.len().max(1);
        if whole && start != 0 {
            return None;
        }
        if starts_wordy && wordy(text[..start].chars().next_back()) {
            continue;
        }
        if let Some((end, values)) = match_at(pieces, text, start, whole) {
            let ends_wordy = pattern.chars().next_back().is_some_and(|c| c.is_alphanumeric());
            if ends_wordy && wordy(text[end..].chars().next()) {
                continue;
            }
            return Some(Found { start, end, values });
        }
    }
    None
}

/// The literal text of `pattern`, with `…` for each value: how a message is shown.
pub fn shown(pattern: &str) -> String {
    pieces(pattern)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.to_string(),
            Piece::Value(_) => "…".to_string(),
        })
        .collect()
}

/// The distinct words of a text, lower-cased: what "closest known message" compares.
pub fn words(text: &str) -> Vec<String> {
    // A handful of words: a linear check is enough, and costs no sort in the page.
    let mut words: Vec<String> = Vec::new();
    // The messages are ASCII; other letters simply never match one of theirs.
    for word in text.split(|c: char| !c.is_ascii_alphanumeric() && c != '_').filter(|word| word.len() > 1) {
        let word = word.to_ascii_lowercase();
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// `pattern` with each verb filled in by `value`, as a program would print it.
pub fn instance(pattern: &str, value: impl Fn(char) -> String) -> String {
    pieces(pattern)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.to_string(),
            Piece::Value(verb) => value(verb),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_read_between_the_literals() {
        let found = find(
            "oidc: expected audience %q got %q",
            r#"verifying ID token: oidc: expected audience "abc" got ["def" "x y"]"#,
            false,
        )
        .unwrap();
        assert_eq!(found.values, vec![r#""abc""#, r#"["def" "x y"]"#]);
        assert_eq!(found.start, 20);
    }

    #[test]
    fn a_literal_inside_a_word_does_not_match() {
        assert!(find("unauthorised group", "xunauthorised group", false).is_none());
        assert!(find("state not found", "state not founded", false).is_none());
        assert!(find("state not found", "error: state not found.", false).is_some());
    }

    #[test]
    fn whole_needs_the_whole_text() {
        assert!(find("Unauthorized", "Unauthorized", true).is_some());
        assert!(find("Unauthorized", "401 Unauthorized", true).is_none());
        assert!(find("%s: %s", "404 Not Found: nothing", true).is_some());
    }

    #[test]
    fn a_quoted_value_may_hold_the_text_after_it() {
        let values = |text: &str| find("expected audience %q got %q", text, false).map(|found| found.values);
        assert_eq!(values(r#"expected audience "a got b" got "c""#).unwrap(), [r#""a got b""#, r#""c""#]);
        // An escaped quote does not end the value.
        assert_eq!(values(r#"expected audience "a \" got b" got "c""#).unwrap(), [r#""a \" got b""#, r#""c""#]);
        // A list of quoted values: brackets and escapes inside its strings are text.
        assert_eq!(values(r#"expected audience ["x got y" "z"] got "c""#).unwrap(), [r#"["x got y" "z"]"#, r#""c""#]);
        assert_eq!(values(r#"expected audience ["a]" "b"] got "c""#).unwrap(), [r#"["a]" "b"]"#, r#""c""#]);
        assert_eq!(values(r#"expected audience ["[ got x" "b"] got "c""#).unwrap(), [r#"["[ got x" "b"]"#, r#""c""#]);
        assert_eq!(values(r#"expected audience ["a\"]" "b"] got "c""#).unwrap(), [r#"["a\"]" "b"]"#, r#""c""#]);
        assert_eq!(values(r#"expected audience [[x] got] got "c""#).unwrap(), ["[[x] got]", r#""c""#]);
        // Outside a string a backslash is text: it escapes nothing.
        assert_eq!(values(r#"expected audience [x\] got "c""#).unwrap(), [r#"[x\]"#, r#""c""#]);
        assert_eq!(values(r#"expected audience [x\] a] got "c""#), None);
    }

    #[test]
    fn a_quoted_verb_also_reads_an_unquoted_value() {
        let found = find("expected audience %q got %q", "expected audience abc got def", false).unwrap();
        assert_eq!(found.values, ["abc", "def"]);
    }

    #[test]
    fn words_are_lower_cased_once_each_and_longer_than_one_letter() {
        assert_eq!(
            words("Invalid client: the_client is an ID, a client"),
            ["invalid", "client", "the_client", "is", "an", "id"]
        );
        assert!(words("a b c").is_empty());
    }

    #[test]
    fn a_pattern_that_starts_with_a_value_is_only_tried_at_the_start() {
        // At the start the quoted value is followed by " x", not " got": no match, even though
        // a match could start one byte further on.
        assert!(find("%q got", r#""a" x got"#, false).is_none());
        assert!(find("%q got", r#""a" got"#, false).is_some());
    }

    #[test]
    fn a_trailing_value_takes_the_rest() {
        let found = find("verifying ID token: %w", "verifying ID token: oidc: x: y", false).unwrap();
        assert_eq!(found.values, vec!["oidc: x: y"]);
        assert_eq!(shown("oidc: expected audience %q got %q"), "oidc: expected audience … got …");
        assert_eq!(find("100%% sure %d", "100% sure 5", true).unwrap().values, vec!["5"]);
    }
}
