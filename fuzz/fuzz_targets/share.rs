//! Any query string (or fragment) opened as a share link, or found in storage: decoding must
//! return, and what it restores must render. A value beyond its field's limit is restored only
//! refused, so the outputs wait for it, never shown without it; no control character, lone
//! carriage return or invisible formatting character reaches an output.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sso_playground::engine::limits::{is_forbidden, is_format, limit};
use sso_playground::engine::share::{decode, decode_saved};
use sso_playground::engine::{render, Field, Inputs};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let defaults = Inputs::default();
    for decoded in [decode(&text, &defaults), decode_saved(&text, &defaults)] {
        let outputs = render(&decoded.inputs);
        for field in Field::ALL {
            let value = decoded.inputs.text(field).unwrap_or_default();
            let used = !outputs.model.refused().contains(&field);
            assert!(value.chars().count() <= limit(field).chars || !used, "{field:?} used beyond its limit");
        }
        let stray = |text: &str| text.chars().any(|c| (is_forbidden(c) || is_format(c)) && c != '\n');
        assert!(!outputs.headscale.yaml.as_deref().is_ok_and(stray), "a control character reached the YAML");
        assert!(!stray(&outputs.headscale.env.env_file()), "a control character reached the environment");
    }
});
