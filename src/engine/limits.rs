//! The limits of every field, and what makes a value unusable whatever its length: a control
//! character or line break inside one value (a group, a URL, an ID), an invisible formatting
//! character, or a character that could not be read. The same limits hold for typing, links,
//! saved state, embed attributes and the import, so whatever is kept can be read back.

use std::fmt;

use crate::engine::fields::{Field, Limit};

/// The limit of each field, from its row of [`crate::engine::fields::FIELDS`].
pub const fn limit(field: Field) -> Limit {
    field.info().limit
}

/// Why a field's value is not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A character no value may hold (see [`refused_character`]); `line` counts from 1 in list
    /// fields.
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

/// A refused character, named so the reader can find it.
fn describe(character: char) -> String {
    let code = u32::from(character);
    match character {
        '\n' => "a line break".to_string(),
        '\r' => "a carriage return".to_string(),
        '\t' => "a tab".to_string(),
        '\0' => "a NUL character (U+0000)".to_string(),
        '\u{2028}' => "a line separator (U+2028)".to_string(),
        '\u{2029}' => "a paragraph separator (U+2029)".to_string(),
        '\u{FFFD}' => {
            "a character that could not be read (U+FFFD, left by a lone surrogate or by bytes that are not UTF-8)"
                .to_string()
        }
        c if is_format(c) => format!("an invisible formatting character (U+{code:04X}{})", format_name(c)),
        _ => format!("an invisible control character (U+{code:04X})"),
    }
}

/// What the formatting characters most often pasted do.
fn format_name(character: char) -> &'static str {
    match character {
        '\u{AD}' => ", a soft hyphen",
        '\u{200B}' => ", a zero-width space",
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            ", which changes the direction text is shown in"
        }
        '\u{FEFF}' => ", a zero-width no-break space or byte order mark",
        _ => "",
    }
}

/// Characters no value may hold: C0 and C1 controls; the Unicode line and paragraph
/// separators, which YAML, JSON and shells may read as line breaks; and U+FFFD, which stands
/// where text could not be read (a lone surrogate on the page, bytes that are not UTF-8 in a
/// link), so the value is no longer what was written.
pub fn is_forbidden(character: char) -> bool {
    character.is_control() || matches!(character, '\u{2028}' | '\u{2029}' | '\u{FFFD}')
}

/// Unicode's formatting characters (general category Cf, Unicode 15.1): invisible, yet part
/// of the value, so a group or a domain holding one only looks like the name it imitates, and
/// the direction controls make text read backwards.
pub fn is_format(character: char) -> bool {
    matches!(
        u32::from(character),
        0xAD | 0x600..=0x605
            | 0x61C
            | 0x6DD
            | 0x70F
            | 0x890..=0x891
            | 0x8E2
            | 0x180E
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0001
            | 0xE0020..=0xE007F
    )
}

/// The first character of `text` no value may hold, with its 1-based line; `separator` says
/// which characters separate the entries of a list. A carriage return separates only as part
/// of CR LF: alone, a text box shows it as a line break while every reader of the outputs keeps
/// it inside one value. A zero-width joiner or non-joiner is kept between two letters beyond
/// ASCII (emoji sequences, Persian and Indic words), where it is part of the writing; anywhere
/// else it only hides.
pub fn refused_character(text: &str, separator: impl Fn(char) -> bool) -> Option<(char, usize)> {
    let mut line = 1;
    let mut previous: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(character) = chars.next() {
        let next = chars.peek().copied();
        let separates = separator(character) && (character != '\r' || next == Some('\n'));
        let writing = |c: Option<char>| c.is_some_and(|c| !c.is_ascii() && !is_format(c) && !is_forbidden(c));
        let joins = matches!(character, '\u{200C}' | '\u{200D}') && writing(previous) && writing(next);
        if !separates && !joins && (is_forbidden(character) || is_format(character)) {
            return Some((character, line));
        }
        if character == '\n' {
            line += 1;
        }
        previous = Some(character);
    }
    None
}

/// Why `text` cannot be used as the value of `field`, if it cannot. Checks length first, so a
/// huge paste costs one pass at most.
pub fn refusal(field: Field, text: &str) -> Option<Refusal> {
    let limit = limit(field);
    let chars = text.chars().count();
    if chars > limit.chars {
        return Some(Refusal::TooLong { chars, max: limit.chars });
    }
    let kind = field.kind();
    if let Some((character, line)) = refused_character(text, |c| kind.separates(c)) {
        return Some(Refusal::Control { character, line: kind.is_list().then_some(line) });
    }
    let max = limit.entries?;
    let entries = kind.count(text);
    (entries > max).then_some(Refusal::TooMany { entries, max })
}
