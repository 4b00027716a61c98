//! Headscale's side: the configuration as YAML and as environment variables, proven by
//! parsing it back, and the checks that know each release.

pub mod checks;
pub mod duration;
pub mod env;
pub mod read;
pub mod settings;
pub mod versions;
pub mod yaml;

use settings::Settings;

use super::model::Model;
use super::output::OutputError;

/// Everything the playground shows for Headscale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outputs {
    /// What Headscale will read, from the file and the environment together.
    pub settings: Settings,
    /// The config.yaml part, verified.
    pub yaml: Result<String, OutputError>,
    /// The same settings as environment variables.
    pub env: env::Environment,
}

impl Outputs {
    pub fn new(model: &Model) -> Outputs {
        let settings = Settings::plan(model);
        let file = settings.for_file(model.secret_delivery);
        let text = yaml::emit(model, &file);
        let yaml = verify(&file, &text).map(|()| text);
        Outputs { env: env::Environment::new(&settings, model.headscale_version), settings, yaml }
    }
}

/// Parses emitted YAML back, reads it the way Headscale does, and compares it with the
/// settings it was written from. Any key Headscale would not know, any value of the wrong type
/// (a bare `yes`, a number where a string belongs) and any other top-level key is refused.
pub fn verify(expected: &Settings, text: &str) -> Result<(), OutputError> {
    let document: serde_yaml::Value =
        serde_yaml::from_str(text).map_err(|error| OutputError::Unparsable(error.to_string()))?;
    let allowed_top = |key: &serde_yaml::Value| matches!(key.as_str(), Some("oidc" | "node"));
    let top_ok = document.as_mapping().is_some_and(|top| top.keys().all(allowed_top));
    let node_ok = document
        .get("node")
        .is_none_or(|node| node.as_mapping().is_some_and(|node| node.keys().all(|key| key.as_str() == Some("expiry"))));
    let read = read::read(&document);
    if let Some(problem) = read.problems.first() {
        return Err(OutputError::Unparsable(format!("{}: {:?}", problem.path, problem.kind)));
    }
    if !top_ok || !node_ok || read.settings != *expected {
        return Err(OutputError::Mismatch);
    }
    Ok(())
}
