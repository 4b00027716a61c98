//! Where each key and list item of a block-style YAML document starts, by dotted path
//! (`oidc.allowed_groups[1]`). The YAML parser gives the values; this gives their lines.
//!
//! It follows indentation only, so flow collections and unusual layouts get the position of
//! their parent key; a path it cannot place simply has no position.

use std::collections::HashMap;

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Positions {
    entries: Vec<(String, Position)>,
    /// The first entry of each lower-cased path, so a lookup does not scan every entry (a
    /// pasted text may hold thousands of keys, each with a finding to place).
    index: HashMap<String, usize>,
}

impl Positions {
    /// The position of a path, or of its nearest ancestor that has one.
    pub fn find(&self, path: &str) -> Option<Position> {
        let mut path = path;
        loop {
            if let Some(position) = self.exact(path) {
                return Some(position);
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }

    /// The position of exactly this path, whose names may differ in case from the text's, as
    /// they do for Headscale.
    pub(crate) fn exact(&self, path: &str) -> Option<Position> {
        self.index.get(&path.to_ascii_lowercase()).map(|&at| self.entries[at].1)
    }

    /// Positions given directly, such as one line per environment variable.
    pub(crate) fn from_entries(entries: Vec<(String, Position)>) -> Positions {
        let mut positions = Positions::default();
        for (path, position) in entries {
            positions.push(path, position);
        }
        positions
    }

    fn push(&mut self, path: String, position: Position) {
        self.index.entry(path.to_ascii_lowercase()).or_insert(self.entries.len());
        self.entries.push((path, position));
    }

    pub fn iter(&self) -> impl Iterator<Item = &(String, Position)> {
        self.entries.iter()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// One open level of nesting: its indentation, its path, and how many items it has.
struct Level {
    indent: usize,
    path: String,
    items: usize,
}

/// The key at the start of `text` (after any indentation), and the rest after its colon.
fn key_of(text: &str) -> Option<(String, &str)> {
    let (key, rest) = if let Some(quote @ ('"' | '\'')) = text.chars().next() {
        let end = text[1..].find(quote)? + 1;
        (text[1..end].to_string(), text[end + 1..].trim_start_matches(' '))
    } else {
        if text.starts_with(['#', '[', '{', '&', '*', '!', '|', '>', '%', '@', '`']) {
            return None;
        }
        let colon = text
            .char_indices()
            .find(|&(i, c)| c == ':' && text[i + 1..].chars().next().is_none_or(char::is_whitespace))?;
        let key = &text[..colon.0];
        if key.contains(" #") {
            return None;
        }
        (key.trim_end().to_string(), &text[colon.0..])
    };
    let rest = rest.strip_prefix(':')?;
    Some((key, rest.trim_start()))
}

/// Deeper nesting than this is not placed; Headscale's settings are at most three levels deep.
const MAX_DEPTH: usize = 16;

/// Scans the document. Stops early after `limit` lines, which bounds the work on huge input.
pub(crate) fn scan(text: &str, limit: usize) -> Positions {
    let mut out = Positions::default();
    let mut stack: Vec<Level> = Vec::new();
    // While inside a block scalar (`|` or `>`), lines indented deeper than this are content.
    let mut block_scalar: Option<usize> = None;
    for (index, raw) in text.lines().enumerate().take(limit) {
        let line = raw.trim_end_matches('\r');
        let number = index + 1;
        let indent = line.len() - line.trim_start_matches(' ').len();
        let content = &line[indent..];
        if let Some(parent) = block_scalar {
            if content.is_empty() || indent > parent {
                continue;
            }
            block_scalar = None;
        }
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        if line.starts_with("---") || line.starts_with("...") {
            stack.clear();
            continue;
        }
        let mut column = indent;
        let mut rest = content;
        // Sequence items, possibly several on one line ("- - x").
        while (rest == "-" || rest.starts_with("- ")) && stack.len() < MAX_DEPTH {
            while stack.last().is_some_and(|level| level.indent > column) {
                stack.pop();
            }
            let Some(parent) = stack.last_mut() else { break };
            let path = format!("{}[{}]", parent.path, parent.items);
            parent.items += 1;
            let after = rest[1..].trim_start_matches(' ');
            let value_column = column + rest.len() - after.len();
            // An item is placed at its value, after the dash.
            out.push(path.clone(), Position { line: number, column: value_column + 1 });
            // The item is a new level just inside the dash.
            stack.push(Level { indent: column + 1, path, items: 0 });
            column = value_column;
            rest = after;
        }
        let Some((key, value)) = key_of(rest) else { continue };
        if stack.len() >= MAX_DEPTH {
            continue;
        }
        while stack.last().is_some_and(|level| level.indent >= column) {
            stack.pop();
        }
        let path = match stack.last() {
            Some(parent) => format!("{}.{key}", parent.path),
            None => key,
        };
        out.push(path.clone(), Position { line: number, column: column + 1 });
        if value.starts_with(['|', '>']) {
            block_scalar = Some(column);
        }
        stack.push(Level { indent: column, path, items: 0 });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn at(line: usize, column: usize) -> Option<Position> {
        Some(Position { line, column })
    }

    #[test]
    fn keys_and_list_items_get_their_line_and_column() {
        let text = "server_url: https://vpn.example.org\noidc:\n  issuer: https://sso.example.org/\n  allowed_groups:\n    - ops\n    - admins\n";
        let positions = scan(text, usize::MAX);
        assert_eq!(positions.exact("server_url"), at(1, 1));
        assert_eq!(positions.exact("oidc.issuer"), at(3, 3));
        assert_eq!(positions.exact("oidc.allowed_groups[1]"), at(6, 7));
        // Headscale reads keys in any case.
        assert_eq!(positions.exact("OIDC.Issuer"), at(3, 3));
    }

    #[test]
    fn an_unplaced_path_takes_its_nearest_placed_ancestor() {
        let positions = scan("oidc:\n  pkce: {enabled: true}\n", usize::MAX);
        assert_eq!(positions.exact("oidc.pkce.enabled"), None);
        assert_eq!(positions.find("oidc.pkce.enabled"), at(2, 3));
        assert_eq!(positions.find("node.expiry"), None);
    }

    #[test]
    fn comments_block_scalars_and_the_line_limit_are_respected() {
        let text = "# issuer: no\noidc:\n  extra: |\n    issuer: inside\n  issuer: x\nlate: 1\n";
        let positions = scan(text, 5);
        assert_eq!(positions.exact("issuer"), None);
        assert_eq!(positions.exact("oidc.extra.issuer"), None);
        assert_eq!(positions.exact("oidc.issuer"), at(5, 3));
        assert_eq!(positions.exact("late"), None, "beyond the limit");
    }

    #[test]
    fn the_first_of_repeated_paths_is_kept() {
        let positions = Positions::from_entries(vec![
            ("a".into(), Position { line: 1, column: 1 }),
            ("A".into(), Position { line: 2, column: 1 }),
        ]);
        assert_eq!(positions.exact("a"), at(1, 1));
        assert_eq!(positions.len(), 2);
    }
}
