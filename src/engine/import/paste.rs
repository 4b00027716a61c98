//! What the import box reads: a configuration, as before, and what people paste when a login
//! already fails (log lines, a browser page, an answer of authentik, a discovery document, a
//! key set). The text is split into parts; the configuration among them is read by the import,
//! the rest by [`crate::engine::symptoms`].

use crate::engine::import::{read_text, ImportError, Reading, MAX_BYTES};
use crate::engine::symptoms::read::read;
use crate::engine::symptoms::{Kind, Part};

/// A paste, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paste {
    /// The configuration the paste holds, read by the import, when it holds one.
    pub configuration: Option<Result<Reading, ImportError>>,
    /// Every part, the configuration's included, in order.
    pub parts: Vec<Part>,
}

impl Paste {
    /// Whether anything besides a configuration was recognised or listed.
    pub fn has_symptoms(&self) -> bool {
        self.parts.iter().any(|part| part.kind != Kind::Configuration)
    }
}

/// Whether a part says anything: a recognised message, a document, an unknown line.
fn telling(part: &Part) -> bool {
    !part.found.is_empty() || part.document.is_some() || !part.unknown.is_empty()
}

/// Reads `text` within the import's limits.
#[inline(never)] // Called from the worker and the page: one copy, not one inlined in each.
pub fn read_paste(text: &str) -> Result<Paste, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let parts = read(text);
    let recognised = parts
        .iter()
        .any(|part| part.kind != Kind::Configuration && (!part.found.is_empty() || part.document.is_some()));
    if !recognised {
        // Nothing but a configuration, or text nobody knows: the import reads it whole, as it
        // always did; an unknown line only stands when that finds no configuration either.
        return match read_text(text) {
            Ok(reading) => {
                let last = text.lines().count().max(1);
                Ok(Paste { configuration: Some(Ok(reading)), parts: vec![Part::new(Kind::Configuration, (1, last))] })
            }
            // A line of configuration makes the import's reason the answer (a YAML error at its
            // line, an alias bomb, nothing to import); only text with none is listed as unknown.
            Err(error) => {
                let configuration = parts.iter().any(|part| part.kind == Kind::Configuration);
                let unknown: Vec<Part> = parts.into_iter().filter(|part| !part.unknown.is_empty()).collect();
                if unknown.is_empty() || configuration {
                    Err(error)
                } else {
                    Ok(Paste { configuration: None, parts: unknown })
                }
            }
        };
    }
    // Log lines and pages with a configuration among them: the configuration's lines are read
    // on their own, when there are enough of them to be one.
    let lines: Vec<&str> = text.lines().collect();
    let block: Vec<&str> = parts
        .iter()
        .filter(|part| part.kind == Kind::Configuration)
        .flat_map(|part| lines[part.lines.0 - 1..part.lines.1.min(lines.len())].iter().copied())
        .collect();
    let configuration = (block.len() >= 2 || block.iter().any(|line| line.contains("HEADSCALE_")))
        .then(|| read_text(&block.join("\n")));
    let parts = parts
        .into_iter()
        .filter(|part| part.kind == Kind::Configuration && configuration.is_some() || telling(part))
        .collect();
    Ok(Paste { configuration, parts })
}
