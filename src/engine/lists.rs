//! Splitting the list inputs into their entries.

/// Entries separated by white space or commas (scopes, emails, domains cannot contain either).
/// Duplicates are dropped, keeping the first.
pub fn words(text: &str) -> Vec<String> {
    dedup(text.split(|c: char| c.is_whitespace() || c == ',').filter(|word| !word.is_empty()))
}

/// One entry per line, trimmed; blank lines are skipped. Group names may contain spaces.
pub fn lines(text: &str) -> Vec<String> {
    dedup(text.lines().map(str::trim).filter(|line| !line.is_empty()))
}

fn dedup<'a>(items: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !out.iter().any(|seen| seen == item) {
            out.push(item.to_string());
        }
    }
    out
}

/// `key=value` lines, read the way they will be written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyValues {
    /// Valid pairs in order; a repeated key keeps its first place and its last value.
    pub pairs: Vec<(String, String)>,
    /// Lines without `=` or with an empty key, as typed.
    pub invalid: Vec<String>,
    /// Keys given more than once.
    pub repeated: Vec<String>,
}

/// Reads one `key=value` pair per line; blank lines are skipped, key and value are trimmed.
pub fn key_values(text: &str) -> KeyValues {
    let mut out = KeyValues::default();
    for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        match line.split_once('=') {
            Some((key, value)) if !key.trim().is_empty() => {
                let (key, value) = (key.trim().to_string(), value.trim().to_string());
                match out.pairs.iter_mut().find(|(seen, _)| *seen == key) {
                    Some(pair) => {
                        pair.1 = value;
                        if !out.repeated.contains(&key) {
                            out.repeated.push(key);
                        }
                    }
                    None => out.pairs.push((key, value)),
                }
            }
            _ => out.invalid.push(line.to_string()),
        }
    }
    out
}
