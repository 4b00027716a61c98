//! The pure core: inputs → model → outputs and checks. No browser APIs in here.

pub mod address;
pub mod authentik;
pub mod catalogue;
pub mod citations;
pub mod credentials;
pub mod diagnose;
pub mod embed;
pub mod evidence;
pub mod fields;
pub mod flow;
pub mod form;
pub mod groups;
pub mod headscale;
pub mod import;
pub mod inputs;
pub mod limits;
pub mod links;
pub mod lists;
pub mod model;
pub mod rules;
pub mod scripts;
pub mod share;
pub mod startup;
pub mod symptoms;
pub mod urls;
pub mod versions;
pub mod yaml;

pub use catalogue::{Check, Diagnostic, Severity};
pub use fields::Field;
pub use inputs::{Edit, Inputs};
pub use model::Model;

use std::fmt;
use std::rc::Rc;

/// Everything the playground shows for one set of inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outputs {
    pub model: Model,
    /// Every check that fired, in the catalogue's terms.
    pub diagnostics: Vec<Diagnostic>,
    pub authentik: Rc<authentik::AuthentikOutputs>,
    pub headscale: Rc<headscale::HeadscaleOutputs>,
}

/// Builds every output and runs every check.
pub fn render(inputs: &Inputs) -> Outputs {
    Renderer::default().render(inputs)
}

/// Renders inputs one after the other, rebuilding only the outputs whose sources changed: a
/// keystroke in a Headscale-only field does not rebuild the authentik outputs, and the other way
/// round.
#[derive(Default)]
pub struct Renderer {
    authentik: Cache<authentik::Plan, authentik::AuthentikOutputs>,
    headscale: Cache<headscale::Plan, headscale::HeadscaleOutputs>,
}

impl Renderer {
    pub fn render(&mut self, inputs: &Inputs) -> Outputs {
        let model = Model::new(inputs);
        let diagnostics = diagnose::diagnose(inputs, &model);
        let authentik = self.authentik.get(authentik::Plan::new(&model), authentik::AuthentikOutputs::from_plan);
        let headscale = self.headscale.get(headscale::Plan::new(&model), headscale::HeadscaleOutputs::from_plan);
        Outputs { model, diagnostics, authentik, headscale }
    }
}

/// The last output built, and what it was built from.
struct Cache<K, V>(Option<(K, Rc<V>)>);

impl<K, V> Default for Cache<K, V> {
    fn default() -> Self {
        Cache(None)
    }
}

impl<K: PartialEq, V> Cache<K, V> {
    fn get(&mut self, source: K, build: impl FnOnce(&K) -> V) -> Rc<V> {
        match &self.0 {
            Some((cached, output)) if *cached == source => output.clone(),
            _ => {
                let output = Rc::new(build(&source));
                self.0 = Some((source, output.clone()));
                output
            }
        }
    }
}

/// The emitted text did not prove to mean what the model means. It is a bug in the playground,
/// never in the reader's input, and the UI shows it instead of output that would be wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutputError {
    /// The emitted text is not valid YAML, or not of the expected shape.
    Unparsable(String),
    /// The emitted text parses, but to different values. No values are carried, so a secret
    /// can never end up in an error message.
    Mismatch,
}

impl fmt::Display for OutputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutputError::Unparsable(reason) => {
                write!(f, "the generated text does not parse back: {reason}")
            }
            OutputError::Mismatch => {
                f.write_str("the generated text parses back to other values than the ones entered")
            }
        }
    }
}
