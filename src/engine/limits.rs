//! The limits of every field, and what makes a value unusable whatever its length: a control
//! character or line break inside one value (a group, a URL, an ID). The same limits hold for
//! typing, links, saved state, embed attributes and the import, so whatever is kept can be read
//! back.

use std::fmt;

use super::fields::Field;

/// How much a field may hold: characters in all, and entries for list fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub chars: usize,
    /// `None` for single values.
    pub entries: Option<usize>,
}

const fn single(chars: usize) -> Limit {
    Limit { chars, entries: None }
}

const fn list(entries: usize, chars: usize) -> Limit {
    Limit { chars, entries: Some(entries) }
}

/// The limit of each field. Chosen from real use with room to spare: authentik caps names, IDs
/// and secrets at 255 characters; real deployments allow a handful of groups and domains and at
/// most a few hundred users by email (larger organisations filter by group). Every group is two
/// blueprint entries and a Terraform resource, proven on every keystroke, so groups cost most.
pub const fn limit(field: Field) -> Limit {
    match field {
        Field::HeadscaleUrl | Field::AuthentikUrl => single(512),
        // authentik keeps 255; longer IDs and secrets get its own, more precise check.
        Field::AppName | Field::Slug => single(255),
        Field::ClientId | Field::ClientSecret | Field::ClientSecretPath => single(1024),
        Field::Expiry | Field::PkceMethod => single(64),
        Field::Scopes => list(32, 1024),
        Field::AllowedGroups => list(50, 5_000),
        Field::AllowedUsers => list(500, 40_000),
        Field::AllowedDomains => list(50, 5_000),
        Field::ExtraParams => list(32, 4096),
        Field::HeadscaleVersion | Field::AuthentikVersion | Field::SecretDelivery => single(32),
        Field::PkceEnabled
        | Field::OnlyStartIfOidcIsAvailable
        | Field::UseExpiryFromToken
        | Field::EmailVerifiedRequired
        | Field::VerifiedEmailMapping => single(16),
        // Four times Headscale's whole commented example configuration. The YAML parser takes
        // about 20 ms (native) for this much; a megabyte took long enough to freeze the page.
        Field::ImportText => single(64 << 10),
    }
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
