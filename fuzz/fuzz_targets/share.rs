//! Any query string opened as a share link, or found in storage: decoding must return, and
//! what it restores must render. Nothing beyond a field's limit is restored, and no control
//! character reaches an output.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sso_playground::engine::limits::{is_forbidden, limit};
use sso_playground::engine::share::{decode, decode_saved};
use sso_playground::engine::{render, Field, Inputs};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let defaults = Inputs::default();
    for decoded in [decode(&text, &defaults), decode_saved(&text, &defaults)] {
        for field in Field::ALL {
            let value = decoded.inputs.text(field).unwrap_or_default();
            assert!(value.chars().count() <= limit(field).chars, "{field:?} restored beyond its limit");
        }
        let outputs = render(&decoded.inputs);
        let stray = |text: &str| text.chars().any(|c| is_forbidden(c) && c != '\n');
        assert!(!outputs.headscale.yaml.as_deref().is_ok_and(stray), "a control character reached the YAML");
        assert!(!stray(&outputs.headscale.env.env_file()), "a control character reached the environment");
    }
});
