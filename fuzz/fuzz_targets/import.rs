//! Any bytes pasted into the import box: the import must return (never panic), and whatever
//! it fills in must render, with a withheld output only ever next to an error message. What it
//! offers to apply never holds a control character inside a value, and no output ever does.
//! The reading crosses from the worker to the page and back unchanged, bounded, and what the
//! page lists from it is what the whole reading lists. Alias bombs, merge chains and shell
//! quoting (the seeds hold each shape) return within libFuzzer's time limit, and an access list
//! that holds an entry the form cannot keep (an empty or padded group name) is never applicable.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sso_playground::engine::limits::{is_forbidden, refusal, Refusal};
use sso_playground::engine::{import, render, Check, Field, Inputs, Severity};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let answer = import::read_text(&text);
    let crossed = import::wire::decode(&import::wire::encode(&answer)).expect("the answer reads back");
    assert_eq!(crossed, answer.as_ref().map(import::wire::bound).map_err(Clone::clone), "the answer changed on the way");
    if let (Ok(whole), Ok(sent)) = (&answer, &crossed) {
        let inputs = Inputs::default();
        assert_eq!(import::propose(sent, &inputs), import::propose(whole, &inputs), "the page would list other problems");
    }
    if let Ok(found) = import::import(&text, &Inputs::default()) {
        let outputs = render(&found.inputs);
        let has_error = outputs.diagnostics.iter().any(|d| d.severity() == Severity::Error);
        assert!(outputs.headscale.yaml.is_ok() || has_error, "YAML withheld without an error message");
        assert!(outputs.authentik.blueprint().is_ok() || has_error, "blueprint withheld without an error message");
        if found.applicable() {
            assert!(!found.findings.iter().any(|f| f.diagnostic.check == Check::ImportRefused), "applicable despite a refusal");
            for field in Field::ALL {
                let value = found.inputs.text(field).unwrap_or_default();
                assert!(!matches!(refusal(field, value), Some(Refusal::Control { .. })), "{field:?} would be applied with a control character");
            }
        }
        let stray = |text: &str| text.chars().any(|c| is_forbidden(c) && c != '\n');
        assert!(!outputs.headscale.yaml.as_deref().is_ok_and(stray), "a control character reached the YAML");
        assert!(!stray(&outputs.headscale.env.env_file()), "a control character reached the environment");
    }
});
