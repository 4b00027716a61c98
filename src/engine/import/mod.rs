//! Importing an existing Headscale configuration: a whole config.yaml, its `oidc:` section,
//! or `HEADSCALE_*` environment variables. The result is the form filled in, what that changes,
//! and every problem with its line.

mod document;
pub mod env;
pub mod fill;
pub mod findings;
mod libyaml;
pub mod paste;
pub mod positions;
mod scalars;
mod shell;
pub mod wire;

use std::fmt;

use serde_yaml::{Mapping, Value};

use crate::engine::catalogue::Diagnostic;
use crate::engine::fields::Field;
use crate::engine::headscale::read::{self, ProblemKind, Read};
use crate::engine::import::env::{key_of_variable, read_environment_map, read_variables};
use crate::engine::import::fill::fill;
use crate::engine::import::findings::findings;
use crate::engine::import::positions::{Position, Positions};
use crate::engine::inputs::Inputs;
use crate::engine::limits;
use crate::engine::versions::keys::{LOGIN_SECTION, SERVER_URL};

/// The largest text the import reads, in bytes: the import box's limit (see
/// [`crate::engine::limits::limit`]).
pub const MAX_BYTES: usize = limits::limit(Field::ImportText).chars;
/// The most `[` and `{` the text may hold, counted everywhere, quoted or not, so no way of
/// quoting can hide nesting from this limit: the parser's work grows with the depth of flow
/// nesting times the length of the text. Real configurations hold a few dozen.
pub const MAX_BRACKETS: usize = 128;
/// At most this many problems are listed; the rest are counted. More would only take longer
/// to show than anyone reads.
pub const MAX_FINDINGS: usize = 50;
/// Deeper nesting than this is refused before parsing: Headscale's settings are three levels
/// deep, and the YAML parser slows down sharply on thousands of open brackets.
pub(crate) const MAX_DEPTH: usize = 64;

/// Where the pasted text came from; it decides what an absent key means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pasted {
    /// A whole config.yaml: an absent key means Headscale's default.
    Config,
    /// Only the `oidc:` section: as a config file, but without `server_url`.
    OidcSection,
    /// Environment variables: they add to config.yaml, so an absent variable changes nothing.
    Environment,
}

/// A problem of the imported text, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub position: Option<Position>,
    pub diagnostic: Diagnostic,
}

/// A field the import changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub field: Field,
    pub before: String,
    pub after: String,
}

impl Finding {
    /// "line 12, column 5", or nothing when the place is unknown.
    pub fn place(&self) -> Option<String> {
        self.position.map(|p| format!("line {}, column {}", p.line, p.column))
    }
}

/// What an import found and proposes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    pub source: Pasted,
    /// The form as it would be after applying.
    pub inputs: Inputs,
    pub changes: Vec<Change>,
    /// In the order of the text; problems without a place come last. At most
    /// [`MAX_FINDINGS`].
    pub findings: Vec<Finding>,
    /// Problems found beyond [`MAX_FINDINGS`].
    pub omitted: usize,
}

impl Import {
    /// Whether applying is safe: no value was refused (a control character inside one value,
    /// more than a field keeps, what the form cannot hold as Headscale reads it), since leaving
    /// it out could widen who may log in.
    pub fn applicable(&self) -> bool {
        use crate::engine::catalogue::Check;
        !self.findings.iter().any(|f| matches!(f.diagnostic.check, Check::ValueRefused | Check::ImportRefused))
            && self.omitted == 0
    }
}

/// Why nothing could be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    Yaml {
        message: String,
        position: Option<Position>,
    },
    TooDeep,
    TooManyBrackets {
        count: usize,
    },
    /// Headscale's YAML parser refuses the text: its aliases make up nearly all of what it
    /// would decode.
    Aliasing {
        position: Option<Position>,
    },
    /// Aliases expand the settings Headscale reads to more values than the page turns into a
    /// form ([`document::MAX_VALUES`]).
    TooManyValues {
        position: Option<Position>,
    },
    NothingFound,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => f.write_str("Paste a Headscale config.yaml, its oidc: section or HEADSCALE_ variables."),
            ImportError::TooLarge { bytes } => write!(
                f,
                "The text is {} KiB; the import reads at most {} KiB. Paste only the oidc: section.",
                bytes.div_ceil(1024),
                MAX_BYTES / 1024
            ),
            ImportError::Yaml { message, .. } => write!(f, "This is not valid YAML: {message}"),
            ImportError::TooDeep => write!(
                f,
                "The text nests lists or sections more than {MAX_DEPTH} levels deep, which no Headscale configuration does."
            ),
            ImportError::TooManyBrackets { count } => write!(
                f,
                "The text holds {count} [ and {{ characters; the import reads at most {MAX_BRACKETS}, far more than any Headscale configuration needs."
            ),
            ImportError::Aliasing { .. } => f.write_str(
                "Headscale would not start with this text: its aliases (*name) make up nearly all of what its YAML reader decodes, which it refuses as \u{201c}document contains excessive aliasing\u{201d}.",
            ),
            ImportError::TooManyValues { .. } => write!(
                f,
                "Aliases (*name) expand the login settings of this text to more than {} values; no Headscale configuration needs that many.",
                document::MAX_VALUES
            ),
            ImportError::NothingFound => f.write_str(
                "Found no server_url, no oidc: section and no HEADSCALE_ variables to import.",
            ),
        }
    }
}

/// A pasted text, parsed: everything that depends on the text alone. The UI keeps it while
/// the text is unchanged, so a keystroke elsewhere never parses the text again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    source: Pasted,
    read: Read,
    positions: Positions,
    /// Problems left out of `read` because more than [`MAX_FINDINGS`] come before them (see
    /// [`wire::bound`]); they are only counted.
    omitted: usize,
}

/// Reads `text` against the current inputs (whose Headscale release decides what is allowed).
pub fn import(text: &str, current: &Inputs) -> Result<Import, ImportError> {
    read_text(text).map(|reading| propose(&reading, current))
}

/// Parses a pasted text, within the limits that keep the page responsive.
pub fn read_text(text: &str) -> Result<Reading, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let brackets = text.bytes().filter(|b| matches!(b, b'[' | b'{')).count();
    if brackets > MAX_BRACKETS {
        return Err(ImportError::TooManyBrackets { count: brackets });
    }
    if nesting_depth(text) > MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let (source, read, positions) = match env::parse(text) {
        Some(variables) => read_variables(&variables),
        None => read_yaml(text)?,
    };
    if read.present.is_empty() && read.problems.is_empty() {
        return Err(ImportError::NothingFound);
    }
    Ok(Reading { source, read, positions, omitted: 0 })
}

/// What applying a parsed text to the current inputs would change, and its problems.
pub fn propose(reading: &Reading, current: &Inputs) -> Import {
    let Reading { source, read, positions, omitted } = reading;
    let inputs = fill(current, read, *source);
    let changes = changes(current, &inputs);
    let mut findings = findings(read, *source, &inputs, positions);
    let omitted = findings.len().saturating_sub(MAX_FINDINGS) + omitted;
    findings.truncate(MAX_FINDINGS);
    Import { source: *source, inputs, changes, findings, omitted }
}

/// The deepest nesting of flow brackets, or of sequence dashes on one line, outside quotes.
/// An approximation for a clear message; [`MAX_BRACKETS`] is the limit quoting cannot evade.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut quote: Option<char> = None;
    for line in text.lines() {
        let dashes = line.trim_start().split("- ").take_while(|part| part.trim().is_empty()).count();
        deepest = deepest.max(dashes);
        let mut previous = ' ';
        // The last character outside white space: a quote inside a plain scalar (`a "b`) is
        // an ordinary character, so a quote only opens after an indicator or at a line start.
        let mut significant = ' ';
        for c in line.chars() {
            match (quote, c) {
                (Some(open), c) if c == open => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'')
                    if (previous.is_whitespace() || "[{,".contains(previous)) && " [{,:-?".contains(significant) =>
                {
                    quote = Some(c)
                }
                (None, '#') if previous.is_whitespace() => break,
                (None, '[' | '{') => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                (None, ']' | '}') => depth = depth.saturating_sub(1),
                _ => {}
            }
            previous = c;
            if !c.is_whitespace() {
                significant = c;
            }
        }
        // Quotes do not span lines in the configurations this reads.
        quote = None;
    }
    deepest
}

fn read_yaml(text: &str) -> Result<(Pasted, Read, Positions), ImportError> {
    // Read as Headscale's YAML parser does: merges, aliases within its budget, its scalars.
    let document::Document { value: document, positions, more_documents } = document::read(text)?;
    let Value::Mapping(top) = &document else { return Err(ImportError::NothingFound) };
    let (source, mut read, positions) = read_mapping(&document, top, positions)?;
    if more_documents {
        read.problems.push(read::Problem { path: String::new(), kind: ProblemKind::LaterDocuments, at: None });
    }
    Ok((source, read, positions))
}

fn read_mapping(
    document: &Value,
    top: &Mapping,
    positions: Positions,
) -> Result<(Pasted, Read, Positions), ImportError> {
    // A docker compose file, or its environment block: HEADSCALE_ keys in a mapping.
    if let Some(environment) = find_environment(top) {
        // Place each variable by the line of its name.
        let located = positions
            .iter()
            .filter_map(|(path, position)| {
                let name = path.rsplit('.').next()?;
                let key = key_of_variable(name)?;
                Some((key.path().to_string(), *position))
            })
            .collect();
        return Ok((Pasted::Environment, read_environment_map(environment), Positions::from_entries(located)));
    }
    let has = |name: &str| top.keys().any(|key| read::is_named(key, name));
    if has(LOGIN_SECTION) || has(SERVER_URL) {
        let source = if has(SERVER_URL) { Pasted::Config } else { Pasted::OidcSection };
        return Ok((source, read::read(document), positions));
    }
    // Only the keys of the oidc section, without the oidc: line.
    if has("issuer") || has("client_id") {
        let wrapped = Value::Mapping([(Value::from("oidc"), document.clone())].into_iter().collect());
        let nested = Positions::from_entries(
            positions.iter().map(|(path, position)| (format!("oidc.{path}"), *position)).collect(),
        );
        return Ok((Pasted::OidcSection, read::read(&wrapped), nested));
    }
    Err(ImportError::NothingFound)
}

fn find_environment(top: &Mapping) -> Option<&Mapping> {
    let is_env = |map: &Mapping| {
        map.keys().any(|k| k.as_str().is_some_and(|k| k.to_ascii_uppercase().starts_with("HEADSCALE_")))
    };
    if is_env(top) {
        return Some(top);
    }
    let services = top.get("services")?.as_mapping()?;
    services.values().filter_map(|service| service.get("environment")?.as_mapping()).find(|map| is_env(map))
}

/// The fields whose text changes.
fn changes(before: &Inputs, after: &Inputs) -> Vec<Change> {
    Field::ALL
        .iter()
        .filter_map(|&field| {
            let text = |inputs: &Inputs| match inputs.text(field) {
                Some(text) => text.to_string(),
                None => if inputs.flag(field) == Some(true) { "on" } else { "off" }.to_string(),
            };
            let (old, new) = (text(before), text(after));
            (old != new).then_some(Change { field, before: old, after: new })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::nesting_depth;

    #[test]
    fn brackets_count_outside_quotes_and_comments_only() {
        assert_eq!(nesting_depth("a: [[b]]"), 2);
        // Inside a quote opened after white space or a bracket, brackets are text.
        assert_eq!(nesting_depth("a: \"[[[[\""), 0);
        assert_eq!(nesting_depth("a: [\"[[[[\"]"), 1);
        assert_eq!(nesting_depth("a: '{{' [b]"), 1);
        // A closed quote ends: what follows counts.
        assert_eq!(nesting_depth("a: \"x\" [[b]]"), 2);
        // A quote inside a plain scalar opens nothing.
        assert_eq!(nesting_depth("a: b\"[[c]]"), 2);
        // A comment starts after white space only.
        assert_eq!(nesting_depth("a: 1 # [[[["), 0);
        assert_eq!(nesting_depth("a: b#[[c]]"), 2);
        // Sequence dashes on one line nest too.
        assert_eq!(nesting_depth("- - - a"), 3);
    }
}
