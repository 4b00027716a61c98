//! Shared fixtures of the host tests.
#![allow(dead_code)]

use sso_playground::engine::{render, Check, Inputs, Outputs};

/// The defaults, with fixed credentials so outputs are reproducible.
pub fn example() -> Inputs {
    Inputs {
        client_id: "hsClientId0123456789abcdefghijABCDEFGHIJ".into(),
        client_secret: "s3cretS3cretS3cretS3cretS3cretS3cretS3cretS3cretS3cretS3cretS3cret".into(),
        ..Inputs::default()
    }
}

/// The example with some changes.
pub fn with(change: impl FnOnce(&mut Inputs)) -> Inputs {
    let mut inputs = example();
    change(&mut inputs);
    inputs
}

/// The ids of the checks that fired.
pub fn fired(inputs: &Inputs) -> Vec<Check> {
    render(inputs).model.diagnostics.iter().map(|d| d.check).collect()
}

pub fn outputs(inputs: &Inputs) -> Outputs {
    render(inputs)
}
