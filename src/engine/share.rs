//! Share links and saved state: the inputs that differ from their defaults, as a query string
//! with a format version, so later versions can still read old links.
//!
//! The client secret has no key in the field table ([`params`]); a share link cannot carry
//! it, whatever the inputs. Only [`encode_saved`] adds it, and only when the reader asked to remember it.

use std::fmt;

use url::form_urlencoded;

use crate::engine::fields::{Field, FIELDS};
use crate::engine::inputs::{Edit, Inputs};
use crate::engine::limits;

/// The format written today. Decoding accepts this and every older one.
pub(crate) const FORMAT_VERSION: u32 = 1;
/// Links and saved state longer than this are not read at all: every field at its limit fits
/// several times over (see [`limits`]).
pub const MAX_QUERY_BYTES: usize = 512 << 10;
/// More parameters than this are not read at all: there are two dozen settings.
pub const MAX_PARAMS: usize = 64;
/// The key of the secret in saved state (never in a share link).
const SECRET_KEY: &str = "client_secret";

/// Every field a link can carry, with its key: all of them except the client secret (see
/// [`crate::engine::fields::FieldInfo::share`]).
pub fn params() -> impl Iterator<Item = (Field, &'static str)> {
    FIELDS.iter().filter_map(|info| Some((info.field, info.share?)))
}

/// Fields a reader may want to keep out of links, with the labels of their checkboxes (see
/// [`crate::engine::fields::FieldInfo::private`]).
pub fn private_choices() -> impl Iterator<Item = (Field, &'static str)> {
    FIELDS.iter().filter_map(|info| Some((info.field, info.private?)))
}

/// Something in a link or saved state that was not used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A key this version does not know.
    Unknown(String),
    /// A key given more than once; the first one counts.
    Repeated(String),
    /// A value that cannot be this field's (a release that does not exist, a flag that is
    /// not 0 or 1, text that is too long).
    Invalid(String),
    /// A link written by a newer version of the playground.
    NewerFormat(String),
    /// A value longer than its field keeps (the field's limit, in characters): it is in its
    /// field, refused there like a typed one.
    TooLong(String, usize),
    /// A query too long, or with too many parameters, to be a link of this playground.
    Oversized,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::Unknown(key) => write!(f, "“{key}” is not a setting of this playground and was ignored."),
            Notice::Repeated(key) => write!(f, "“{key}” appears more than once; the first value was used."),
            Notice::Invalid(key) => write!(f, "The value of “{key}” cannot be used and was ignored."),
            Notice::TooLong(key, max) => write!(
                f,
                "The value of “{key}” is longer than the {max} characters its field keeps: it is in the field, and the outputs wait until it is shortened."
            ),
            Notice::Oversized => write!(
                f,
                "The link is longer than {} KiB or has more than {MAX_PARAMS} parameters; it was not read.",
                MAX_QUERY_BYTES >> 10
            ),
            Notice::NewerFormat(version) => {
                write!(f, "This link was made by a newer playground (format {version}); settings it does not know were ignored.")
            }
        }
    }
}

/// Inputs read back from a link or saved state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub inputs: Inputs,
    /// Whether the query held any setting at all (so an empty query is not a link).
    pub found: bool,
    pub notices: Vec<Notice>,
}

fn value(inputs: &Inputs, field: Field) -> String {
    match inputs.flag(field) {
        Some(flag) => if flag { "1" } else { "0" }.to_string(),
        None => inputs.text(field).unwrap_or_default().to_string(),
    }
}

/// The query string (without `?` or `#`) of a share link: `v=1` and every non-default,
/// non-private input. The secret is never part of it.
pub fn encode(inputs: &Inputs, defaults: &Inputs, private: &[Field]) -> String {
    let full = encode_with(inputs, defaults, private, usize::MAX);
    if full.len() <= MAX_QUERY_BYTES {
        return full;
    }
    // Too long to be read back as a whole: values beyond their field's limit are cut to one
    // character over it, so they stay refused when read back and the rest still fits.
    encode_with(inputs, defaults, private, 1)
}

/// [`encode`], with every value longer than its field keeps cut to `over` characters beyond
/// the limit. A value beyond the limit is written too: the field refuses it wherever it is read
/// back, and leaving it out would show the outputs without it (fewer groups, more people let
/// in) to whoever opens the link.
fn encode_with(inputs: &Inputs, defaults: &Inputs, private: &[Field], over: usize) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("v", &FORMAT_VERSION.to_string());
    for (field, key) in params().filter(|(field, _)| !private.contains(field)) {
        let current = value(inputs, field);
        if current != value(defaults, field) {
            let keep = limits::limit(field).chars.saturating_add(over);
            match current.char_indices().nth(keep) {
                Some((cut, _)) => query.append_pair(key, &current[..cut]),
                None => query.append_pair(key, &current),
            };
        }
    }
    query.finish()
}

/// The saved state: like a share link, plus the secret when the reader chose to remember it.
pub fn encode_saved(inputs: &Inputs, defaults: &Inputs, remember_secret: bool) -> String {
    let mut query = encode(inputs, defaults, &[]);
    if remember_secret && !inputs.client_secret.is_empty() && fits(Field::ClientSecret, &inputs.client_secret) {
        let pair: String =
            form_urlencoded::Serializer::new(String::new()).append_pair(SECRET_KEY, &inputs.client_secret).finish();
        query.push('&');
        query.push_str(&pair);
    }
    query
}

/// Whether a value is within its field's length.
fn fits(field: Field, text: &str) -> bool {
    text.chars().count() <= limits::limit(field).chars
}

/// Applies one `key=value` to the inputs; `false` when the value cannot be this field's (a
/// flag that is not 0 or 1, a release that does not exist). A value too long or with a refused
/// character is kept, and refused at its field like a typed one.
fn apply(inputs: &mut Inputs, field: Field, text: &str) -> bool {
    match (inputs.flag(field), text) {
        (Some(_), "1" | "0") => {
            inputs.apply(Edit::Flag(field, text == "1"));
            true
        }
        (Some(_), _) => false,
        (None, _) => inputs.set_text(field, text.to_string()).is_some(),
    }
}

fn decode_with(query: &str, defaults: &Inputs, secret_allowed: bool) -> Decoded {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut decoded = Decoded { inputs: defaults.clone(), found: false, notices: Vec::new() };
    // Checked before parsing: a hundred thousand parameters took half a minute to read.
    if query.len() > MAX_QUERY_BYTES || query.bytes().filter(|&b| b == b'&').count() >= MAX_PARAMS {
        decoded.notices.push(Notice::Oversized);
        return decoded;
    }
    let mut seen: Vec<String> = Vec::new();
    for (key, text) in form_urlencoded::parse(query.as_bytes()) {
        let key = key.into_owned();
        if seen.contains(&key) {
            decoded.notices.push(Notice::Repeated(key));
            continue;
        }
        seen.push(key.clone());
        if key == "v" {
            match text.parse::<u32>() {
                Ok(version) if (1..=FORMAT_VERSION).contains(&version) => {}
                Ok(version) if version > FORMAT_VERSION => {
                    decoded.notices.push(Notice::NewerFormat(version.to_string()))
                }
                _ => decoded.notices.push(Notice::Invalid(key)),
            }
            continue;
        }
        if secret_allowed && key == SECRET_KEY {
            if fits(Field::ClientSecret, &text) {
                decoded.inputs.client_secret = text.into_owned();
            }
            continue;
        }
        match params().find(|(_, name)| *name == key).map(|(field, _)| field) {
            Some(field) => {
                // Beyond its limit, a value goes into its field like a typed one: the field
                // says why it is not used and the outputs wait, rather than showing them
                // without it.
                if !fits(field, &text) {
                    decoded.notices.push(Notice::TooLong(key.clone(), limits::limit(field).chars));
                }
                if apply(&mut decoded.inputs, field, &text) {
                    decoded.found = true;
                } else {
                    decoded.notices.push(Notice::Invalid(key));
                }
            }
            None => decoded.notices.push(Notice::Unknown(key.chars().take(64).collect())),
        }
    }
    decoded
}

/// Reads a share link's query string over the defaults. Never fails: what cannot be used is
/// listed in the notices.
pub fn decode(query: &str, defaults: &Inputs) -> Decoded {
    decode_with(query, defaults, false)
}

/// Reads saved state, which may also hold the secret.
pub fn decode_saved(query: &str, defaults: &Inputs) -> Decoded {
    decode_with(query, defaults, true)
}

/// What saved inputs remember of the page's defaults they were saved against: the defaults as
/// a link relative to the built-in ones (just the format version for the built-in defaults).
pub fn defaults_fingerprint(defaults: &Inputs) -> String {
    encode(defaults, &Inputs::default(), &[])
}

/// Whether inputs saved against defaults with `saved_fingerprint` (none for inputs saved before
/// fingerprints were kept, against the built-in defaults) still apply over `defaults`: when the
/// page's defaults changed since, the reader sees the new ones and is offered the saved inputs.
pub fn saved_applies(saved_fingerprint: Option<&str>, defaults: &Inputs) -> bool {
    let saved = saved_fingerprint.map_or_else(|| defaults_fingerprint(&Inputs::default()), str::to_string);
    saved == defaults_fingerprint(defaults)
}
