//! Errors that stop an output from being shown.

use std::fmt;

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
