//! Any query string opened as a share link, or found in storage: decoding must return, and
//! what it restores must render.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sso_playground::engine::share::{decode, decode_saved};
use sso_playground::engine::{render, Inputs};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let defaults = Inputs::default();
    let _ = render(&decode(&text, &defaults).inputs);
    let _ = render(&decode_saved(&text, &defaults).inputs);
});
