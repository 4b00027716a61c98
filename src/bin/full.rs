//! The binary with the whole playground, the import included: what the loader fetches when the
//! reader opens the import (taking over the playground of `src/main.rs` in place, with its
//! state), or first when that is the reader's first act; what the worker that reads imports runs;
//! and what the single offline file holds. Exports `mount` (with the state handed over, if any),
//! `unmount`, and the import's reading for the worker.

#[cfg(target_arch = "wasm32")]
use sso_playground::ui::ImportSlot;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::{wasm_bindgen, JsValue};

fn main() {
    #[cfg(target_arch = "wasm32")]
    sso_playground::ui::start(ImportSlot::PANEL);
}

/// Mounts a playground into `element` (once; later calls do nothing), taking over the one
/// `handover` comes from (`release` of the other module), if any.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, handover: JsValue) {
    sso_playground::ui::mount(element, ImportSlot::PANEL, handover);
}

/// Removes the playground from `element`, with its listeners and timers.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn unmount(element: web_sys::Element) {
    sso_playground::ui::unmount(&element);
}

/// Reads a paste (a configuration, log lines, a page) and answers in the import's wire format:
/// what the worker that reads imports off the page's thread calls.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(js_name = readImport)]
pub fn read_import(text: &str) -> String {
    use sso_playground::engine::import;
    import::wire::encode_paste(&import::paste::read_paste(text))
}

/// How many playgrounds are mounted, for host pages and tests that check unmounting.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(js_name = mountedCount)]
pub fn mounted_count() -> usize {
    sso_playground::ui::mounted_count()
}
