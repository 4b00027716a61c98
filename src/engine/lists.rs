//! Splitting the list inputs into their entries.

use std::collections::{HashMap, HashSet};

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
    let mut seen = HashSet::new();
    items.filter(|item| seen.insert(*item)).map(str::to_string).collect()
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
    let mut index: HashMap<String, usize> = HashMap::new();
    for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        match line.split_once('=') {
            Some((key, value)) if !key.trim().is_empty() => {
                let (key, value) = (key.trim().to_string(), value.trim().to_string());
                match index.get(&key) {
                    Some(&at) => {
                        out.pairs[at].1 = value;
                        if !out.repeated.contains(&key) {
                            out.repeated.push(key);
                        }
                    }
                    None => {
                        index.insert(key.clone(), out.pairs.len());
                        out.pairs.push((key, value));
                    }
                }
            }
            _ => out.invalid.push(line.to_string()),
        }
    }
    out
}
