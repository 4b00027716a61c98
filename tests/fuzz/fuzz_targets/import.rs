//! Any bytes pasted into the import box: the import must return (never panic), and whatever
//! it fills in must render, with a withheld output only ever next to an error message.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sso_playground::engine::{import, render, Inputs, Severity};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(found) = import::import(&text, &Inputs::default()) {
        let outputs = render(&found.inputs);
        let has_error = outputs.model.diagnostics.iter().any(|d| d.severity() == Severity::Error);
        assert!(outputs.headscale.yaml.is_ok() || has_error, "YAML withheld without an error message");
        assert!(outputs.authentik.blueprint().is_ok() || has_error, "blueprint withheld without an error message");
    }
});
