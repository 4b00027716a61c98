//! Headscale's side: the `oidc:` section, emitted and proven by parsing it back.

pub mod config;
pub mod emit;

use super::model::Model;
use super::output::OutputError;

/// The `oidc:` YAML for the model, or why it cannot be trusted.
pub fn yaml(model: &Model) -> Result<String, OutputError> {
    let text = emit::yaml(model);
    verify(model, &text)?;
    Ok(text)
}

/// Parses the emitted text back and compares it with what the model means.
pub fn verify(model: &Model, text: &str) -> Result<(), OutputError> {
    let parsed: config::Document =
        serde_yaml::from_str(text).map_err(|error| OutputError::Unparsable(error.to_string()))?;
    if parsed != config::Document::expected(model) {
        return Err(OutputError::Mismatch);
    }
    Ok(())
}
