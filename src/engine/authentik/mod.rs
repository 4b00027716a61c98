//! authentik's side: the wizard values, a blueprint and Terraform that create the provider and
//! application, and the checks that know each release.

pub mod blueprint;
pub mod checks;
mod plan;
pub mod terraform;
pub mod wizard;

use std::cell::OnceCell;

pub use plan::Plan;

use crate::engine::model::Model;
use crate::engine::OutputError;

/// Everything the playground shows for authentik. The blueprint and the Terraform are built on
/// first use: the page shows them only on request.
#[derive(Clone, Debug)]
pub struct AuthentikOutputs {
    pub wizard: wizard::Wizard,
    plan: Plan,
    blueprint: OnceCell<Result<String, OutputError>>,
    /// With the secret as a variable, and written into the file.
    terraform: [OnceCell<String>; 2],
}

impl AuthentikOutputs {
    pub fn new(model: &Model) -> AuthentikOutputs {
        AuthentikOutputs::from_plan(&Plan::new(model))
    }

    /// Everything authentik needs is in the plan; a keystroke that leaves it unchanged need
    /// not rebuild these outputs.
    pub(crate) fn from_plan(plan: &Plan) -> AuthentikOutputs {
        AuthentikOutputs {
            wizard: wizard::Wizard::new(plan),
            plan: plan.clone(),
            blueprint: OnceCell::new(),
            terraform: [OnceCell::new(), OnceCell::new()],
        }
    }

    /// The blueprint, verified by parsing it back.
    pub fn blueprint(&self) -> &Result<String, OutputError> {
        self.blueprint.get_or_init(|| blueprint::Blueprint::new(&self.plan).verified())
    }

    /// The Terraform, with the client secret written into the file or read from a variable.
    pub fn terraform(&self, inline_secret: bool) -> &String {
        self.terraform[usize::from(inline_secret)].get_or_init(|| terraform::emit(&self.plan, inline_secret))
    }
}

/// AuthentikOutputs are equal when they come from the same plan, whatever has been built yet.
impl PartialEq for AuthentikOutputs {
    fn eq(&self, other: &AuthentikOutputs) -> bool {
        self.plan == other.plan
    }
}

impl Eq for AuthentikOutputs {}
