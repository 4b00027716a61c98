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
