//! The limits of every field, and what makes a value unusable whatever its length: a control
//! character or line break inside one value (a group, a URL, an ID). The same limits hold for
//! typing, links, saved state, embed attributes and the import, so whatever is kept can be read
//! back.

use std::fmt;

use crate::engine::fields::{Field, Limit};

/// The limit of each field, from its row of [`crate::engine::fields::FIELDS`].
pub const fn limit(field: Field) -> Limit {
    field.info().limit
}

/// Why a field's value is not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A control character inside one value; `line` counts from 1 in list fields.
    Control {
        character: char,
        line: Option<usize>,
    },
    TooLong {
        chars: usize,
        max: usize,
    },
    TooMany {
        entries: usize,
        max: usize,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Control { character, line } => {
                let what = describe(*character);
                match line {
                    Some(line) => write!(f, "line {line} holds {what}"),
                    None => write!(f, "the value holds {what}"),
                }
            }
            Refusal::TooLong { chars, max } => {
                write!(f, "it is {chars} characters long, more than the {max} this field keeps")
            }
            Refusal::TooMany { entries, max } => {
                write!(f, "it lists {entries} entries, more than the {max} this field keeps")
            }
        }
    }
}

/// A control character, named so the reader can find it.
fn describe(character: char) -> String {
    match character {
        '\n' => "a line break".to_string(),
        '\r' => "a carriage return".to_string(),
        '\t' => "a tab".to_string(),
        '\0' => "a NUL character (U+0000)".to_string(),
        '\u{2028}' => "a line separator (U+2028)".to_string(),
        '\u{2029}' => "a paragraph separator (U+2029)".to_string(),
        c => format!("an invisible control character (U+{:04X})", u32::from(c)),
    }
}

/// Characters no value may hold: C0 and C1 controls and the Unicode line and paragraph
/// separators, which YAML, JSON and shells may read as line breaks.
pub fn is_forbidden(character: char) -> bool {
    character.is_control() || matches!(character, '\u{2028}' | '\u{2029}')
}

/// Whether `field` takes several entries, one per line (or separated by white space).
fn separator_is_allowed(field: Field, character: char) -> bool {
    match field {
        Field::AllowedGroups | Field::ExtraParams => character == '\n' || character == '\r',
        Field::Scopes | Field::AllowedUsers | Field::AllowedDomains => matches!(character, '\n' | '\r' | '\t'),
        _ => false,
    }
}

/// Why `text` cannot be used as the value of `field`, if it cannot. Checks length first, so a
/// huge paste costs one pass at most.
pub fn refusal(field: Field, text: &str) -> Option<Refusal> {
    let limit = limit(field);
    let chars = text.chars().count();
    if chars > limit.chars {
        return Some(Refusal::TooLong { chars, max: limit.chars });
    }
    let multiline = limit.entries.is_some();
    let mut line = 1;
    for character in text.chars() {
        if character == '\n' {
            line += 1;
        }
        if !separator_is_allowed(field, character) && is_forbidden(character) {
            return Some(Refusal::Control { character, line: multiline.then_some(line) });
        }
    }
    let max = limit.entries?;
    let entries = match field {
        Field::AllowedGroups | Field::ExtraParams => text.lines().filter(|l| !l.trim().is_empty()).count(),
        _ => text.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).count(),
    };
    (entries > max).then_some(Refusal::TooMany { entries, max })
}
