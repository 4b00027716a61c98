//! Headscale's side: the configuration as YAML and as environment variables, proven by
//! parsing it back, and the checks that know each release.

pub mod checks;
pub(crate) mod duration;
pub mod env;
pub mod read;
pub mod settings;
pub mod yaml;

use settings::Settings;

use crate::engine::inputs::SecretDelivery;
use crate::engine::model::Model;
use crate::engine::OutputError;

/// Everything the playground shows for Headscale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadscaleOutputs {
    /// What Headscale will read, from the file and the environment together.
    pub settings: Settings,
    /// The config.yaml part, verified.
    pub yaml: Result<String, OutputError>,
    /// The same settings as environment variables.
    pub env: env::Environment,
}

/// Everything the Headscale outputs are made from; a keystroke that leaves it unchanged need
/// not rebuild them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub settings: Settings,
    pub version: crate::engine::versions::headscale::HeadscaleVersion,
    pub delivery: SecretDelivery,
    /// Headscale's URL, as `server_url` must say it.
    pub server_url: String,
}

impl Plan {
    pub fn new(model: &Model) -> Plan {
        Plan {
            settings: Settings::plan(model),
            version: model.headscale_version,
            delivery: model.secret_delivery,
            server_url: model.headscale.normalized.clone(),
        }
    }
}

impl HeadscaleOutputs {
    pub fn new(model: &Model) -> HeadscaleOutputs {
        HeadscaleOutputs::from_plan(&Plan::new(model))
    }

    pub(crate) fn from_plan(plan: &Plan) -> HeadscaleOutputs {
        let file = plan.settings.for_file(plan.delivery);
        let text = yaml::emit(plan, &file);
        let yaml = verify(&file, &text).map(|()| text);
        HeadscaleOutputs {
            env: env::Environment::new(&plan.settings, plan.version),
            settings: plan.settings.clone(),
            yaml,
        }
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
