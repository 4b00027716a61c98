//! Where each key and list item of an imported text starts, by dotted path
//! (`oidc.allowed_groups[1]`), as the reader of the text found them (see `document.rs` for
//! YAML and `env.rs` for variables); a path that has no place takes its nearest ancestor's.

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
    /// The first entry of each path as written, for keys that differ only in case.
    cased: HashMap<String, usize>,
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
    /// they do for Headscale; written as in the text, it is that key's even where another
    /// differs from it only in case.
    pub(crate) fn exact(&self, path: &str) -> Option<Position> {
        let at = self.cased.get(path).or_else(|| self.index.get(&path.to_ascii_lowercase()))?;
        Some(self.entries[*at].1)
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
        self.cased.entry(path.clone()).or_insert(self.entries.len());
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

#[cfg(test)]
mod tests {
    use super::*;

    const fn at(line: usize, column: usize) -> Option<Position> {
        Some(Position { line, column })
    }

    #[test]
    fn the_first_of_repeated_paths_is_kept() {
        let positions = Positions::from_entries(vec![
            ("a".into(), Position { line: 1, column: 1 }),
            ("A".into(), Position { line: 2, column: 1 }),
        ]);
        assert_eq!(positions.exact("a"), at(1, 1));
        assert_eq!(positions.len(), 2);
        assert!(!positions.is_empty() && Positions::default().is_empty());
    }
}
