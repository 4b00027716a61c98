//! The pure core: inputs → model → outputs and checks. No browser APIs in here.

pub mod address;
pub mod authentik;
pub mod catalogue;
pub mod credentials;
pub mod diagnose;
pub mod embed;
pub mod fields;
pub mod flow;
pub mod groups;
pub mod headscale;
pub mod import;
pub mod inputs;
pub mod limits;
pub mod links;
pub mod lists;
pub mod model;
pub mod rules;
pub mod share;
pub mod urls;
pub mod versions;
pub mod yaml;

pub use catalogue::{Check, Diagnostic, Severity};
pub use inputs::{Edit, Field, Inputs};
pub use model::Model;

use std::fmt;
use std::rc::Rc;

/// Everything the playground shows for one set of inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outputs {
    pub model: Model,
    /// Every check that fired, in the catalogue's terms.
    pub diagnostics: Vec<Diagnostic>,
    pub authentik: Rc<authentik::Outputs>,
    pub headscale: Rc<headscale::Outputs>,
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
    authentik: Cache<authentik::plan::Plan, authentik::Outputs>,
    headscale: Cache<headscale::Source, headscale::Outputs>,
}

impl Renderer {
    pub fn render(&mut self, inputs: &Inputs) -> Outputs {
        let model = Model::new(inputs);
        let diagnostics = diagnose::diagnose(inputs, &model);
        let authentik = self.authentik.get(authentik::plan::Plan::new(&model), authentik::Outputs::from_plan);
        let headscale = self.headscale.get(headscale::Source::new(&model), headscale::Outputs::from_source);
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
/// never in the user's input, and the UI shows it instead of output that would be wrong.
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
