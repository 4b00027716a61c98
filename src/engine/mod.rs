//! The pure core: inputs → model → outputs and checks. No browser APIs in here.

pub mod address;
pub mod authentik;
pub mod checks;
pub mod credentials;
pub mod docs;
pub mod embed;
pub mod headscale;
pub mod import;
pub mod inputs;
pub mod lists;
pub mod model;
pub mod output;
pub mod rules;
pub mod share;
pub mod yaml;

pub use checks::{Check, Diagnostic, Severity};
pub use inputs::{Edit, Field, Inputs};
pub use model::Model;
pub use output::OutputError;

/// Everything the playground shows for one set of inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outputs {
    pub model: Model,
    pub authentik: authentik::Outputs,
    pub headscale: headscale::Outputs,
}

/// Builds every output and runs every check.
pub fn render(inputs: &Inputs) -> Outputs {
    let model = Model::new(inputs);
    Outputs { authentik: authentik::Outputs::new(&model), headscale: headscale::Outputs::new(&model), model }
}
