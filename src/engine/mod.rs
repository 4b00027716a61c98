//! The pure core: inputs → model → outputs and checks. No browser APIs in here.

pub mod address;
pub mod authentik;
pub mod checks;
pub mod credentials;
pub mod docs;
pub mod embed;
pub mod fields;
pub mod flow;
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

use std::rc::Rc;

/// Everything the playground shows for one set of inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outputs {
    pub model: Model,
    pub authentik: Rc<authentik::Outputs>,
    pub headscale: Rc<headscale::Outputs>,
}

/// Builds every output and runs every check.
pub fn render(inputs: &Inputs) -> Outputs {
    Renderer::default().render(inputs)
}

/// Renders inputs one after the other, rebuilding only the outputs whose sources changed: a
/// keystroke in a Headscale-only field does not rebuild (and re-verify) the blueprint.
#[derive(Default)]
pub struct Renderer {
    authentik: Option<(authentik::plan::Plan, Rc<authentik::Outputs>)>,
    headscale: Option<(headscale::Source, Rc<headscale::Outputs>)>,
}

impl Renderer {
    pub fn render(&mut self, inputs: &Inputs) -> Outputs {
        let model = Model::new(inputs);
        let plan = authentik::plan::Plan::new(&model);
        let authentik = match &self.authentik {
            Some((cached, outputs)) if *cached == plan => outputs.clone(),
            _ => {
                let outputs = Rc::new(authentik::Outputs::from_plan(&plan));
                self.authentik = Some((plan, outputs.clone()));
                outputs
            }
        };
        let source = headscale::Source::new(&model);
        let headscale = match &self.headscale {
            Some((cached, outputs)) if *cached == source => outputs.clone(),
            _ => {
                let outputs = Rc::new(headscale::Outputs::from_source(&source));
                self.headscale = Some((source, outputs.clone()));
                outputs
            }
        };
        Outputs { model, authentik, headscale }
    }
}
