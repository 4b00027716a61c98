//! Headscale's side: the configuration as YAML and as environment variables, proven by
//! parsing it back, and the checks that know each release.

pub mod checks;
pub mod config;
pub mod duration;
pub mod env;
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

/// Parses emitted YAML back and compares it with the settings it was written from.
pub fn verify(expected: &Settings, text: &str) -> Result<(), OutputError> {
    let parsed: config::Document =
        serde_yaml::from_str(text).map_err(|error| OutputError::Unparsable(error.to_string()))?;
    if parsed.into_settings() != *expected {
        return Err(OutputError::Mismatch);
    }
    Ok(())
}
