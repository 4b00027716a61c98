//! From symptom to cause: what a pasted log excerpt, browser page, authentik error or discovery
//! document says, and why the login fails for the current setup.
//!
//! Reading a paste ([`read`]) depends on the text alone and runs in the import's worker; its
//! result crosses back in the import's wire format. Explaining ([`explain`]) compares what was
//! read with the current inputs and is cheap enough for every keystroke.

pub mod catalogue;
pub mod causes;
pub mod discovery;
pub mod explain;
pub mod json;
pub mod jwks;
pub mod lines;
pub mod pattern;
pub mod read;
pub mod recognise;

pub use catalogue::{Known, Origin, Releases, MESSAGES};
pub use causes::{Cause, Fix};

/// At most this many distinct messages are kept per part; repeats are counted.
pub const MAX_FOUND: usize = 30;
/// At most this many unrecognised lines are listed per paste.
pub const MAX_UNKNOWN: usize = 10;
/// A value taken from a message is cut to this many characters.
pub const MAX_VALUE: usize = 300;
/// Lines longer than this are read only this far.
pub const MAX_LINE: usize = 8_192;

/// What a part of the paste is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Headscale's log in its text (console) format.
    TextLog,
    /// Headscale's log in JSON.
    JsonLog,
    /// The page Headscale showed the browser.
    HeadscalePage,
    /// The page authentik showed the browser.
    AuthentikPage,
    /// An error authentik answered: JSON, or the `error=` of a callback address.
    AuthentikError,
    /// authentik's discovery document.
    Discovery,
    /// authentik's signing keys (JWKS).
    Jwks,
    /// A config.yaml, its oidc: section or HEADSCALE_ variables: read by the import.
    Configuration,
    /// Lines of text: a message copied on its own, or a plain page.
    Text,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::TextLog => "Headscale log (text format)",
            Kind::JsonLog => "Headscale log (JSON format)",
            Kind::HeadscalePage => "Headscale's page in the browser",
            Kind::AuthentikPage => "authentik's page in the browser",
            Kind::AuthentikError => "an error answer of authentik",
            Kind::Discovery => "authentik's discovery document",
            Kind::Jwks => "authentik's signing keys (JWKS)",
            Kind::Configuration => "a Headscale configuration",
            Kind::Text => "text",
        }
    }
}

/// A log level, as Headscale's logger writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Debug,
    Info,
    Warn,
    Error,
    Fatal,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Debug => "debug",
            Level::Info => "info",
            Level::Warn => "warning",
            Level::Error => "error",
            Level::Fatal => "fatal",
        }
    }
}

/// One recognised message of the catalogue, with the values it carried.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`MESSAGES`].
    pub message: usize,
    pub values: Vec<String>,
}

impl Hit {
    pub fn known(&self) -> &'static Known {
        &MESSAGES[self.message]
    }
}

/// A line (or a page, or an answer) with the messages recognised in it, outermost first: a
/// wrapper such as `verifying ID token: %w`, then what it wraps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The first line it appears on, counted from 1 in the paste.
    pub line: usize,
    /// How many lines said the same.
    pub count: usize,
    pub level: Option<Level>,
    pub hits: Vec<Hit>,
}

/// A line that looks like a message but matches none the playground knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unknown {
    pub line: usize,
    /// The line's message, cut to [`MAX_VALUE`] characters.
    pub text: String,
    /// Indices into [`MESSAGES`] of the closest known messages, closest first.
    pub closest: Vec<usize>,
}

/// A document the paste holds whole. One per paste, so its size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Document {
    Discovery(discovery::Discovery),
    Jwks(jwks::Jwks),
}

/// One part of a paste and what was recognised in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub kind: Kind,
    /// The part's first and last line in the paste, counted from 1.
    pub lines: (usize, usize),
    pub found: Vec<Found>,
    /// Messages found beyond [`MAX_FOUND`].
    pub omitted: usize,
    pub unknown: Vec<Unknown>,
    /// Lines read and neither recognised nor listed as unknown (info lines of other parts of
    /// Headscale, page decoration).
    pub other: usize,
    pub document: Option<Document>,
}

impl Part {
    pub(crate) fn new(kind: Kind, lines: (usize, usize)) -> Part {
        Part { kind, lines, found: Vec::new(), omitted: 0, unknown: Vec::new(), other: 0, document: None }
    }
}

/// Cuts `text` to [`MAX_VALUE`] characters.
pub(crate) fn cut(text: &str) -> String {
    match text.char_indices().nth(MAX_VALUE) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{Kind, Level};

    /// What the page says it recognised is shown text: each kind and level has its own words.
    #[test]
    fn every_kind_and_level_has_its_own_label() {
        let kinds = [
            (Kind::TextLog, "Headscale log (text format)"),
            (Kind::JsonLog, "Headscale log (JSON format)"),
            (Kind::HeadscalePage, "Headscale's page in the browser"),
            (Kind::AuthentikPage, "authentik's page in the browser"),
            (Kind::AuthentikError, "an error answer of authentik"),
            (Kind::Discovery, "authentik's discovery document"),
            (Kind::Jwks, "authentik's signing keys (JWKS)"),
            (Kind::Configuration, "a Headscale configuration"),
            (Kind::Text, "text"),
        ];
        for (kind, label) in kinds {
            assert_eq!(kind.label(), label);
        }
        let levels = [
            (Level::Debug, "debug"),
            (Level::Info, "info"),
            (Level::Warn, "warning"),
            (Level::Error, "error"),
            (Level::Fatal, "fatal"),
        ];
        for (level, label) in levels {
            assert_eq!(level.label(), label);
        }
    }
}
