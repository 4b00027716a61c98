//! authentik's side: the wizard values, a blueprint and Terraform that create the provider and
//! application, and the checks that know each release.

pub mod blueprint;
pub mod checks;
pub mod plan;
pub mod settings;
pub mod terraform;
pub mod versions;

use super::model::Model;
use super::output::OutputError;

/// Everything the playground shows for authentik.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outputs {
    pub settings: settings::Settings,
    /// The blueprint, verified by parsing it back.
    pub blueprint: Result<String, OutputError>,
    pub terraform: String,
}

impl Outputs {
    pub fn new(model: &Model) -> Outputs {
        Outputs::from_plan(&plan::Plan::new(model))
    }

    /// Everything authentik needs is in the plan; a keystroke that leaves it unchanged need
    /// not rebuild these outputs.
    pub fn from_plan(plan: &plan::Plan) -> Outputs {
        Outputs {
            settings: settings::Settings::new(plan),
            blueprint: blueprint::Blueprint::new(plan).verified(),
            terraform: terraform::emit(plan),
        }
    }
}
