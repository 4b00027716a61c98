//! The binary the page fetches on first use: the playground without the import, which is a
//! third of the whole (its reading of YAML and logs, its catalogue of messages and their
//! explanations). It mounts the playground, and exports `mount` and `unmount` for pages that
//! add and remove playground elements later (a docs site's client-side navigation), and
//! `release`/`forget` for the loader to hand a playground to the module with the import
//! (`src/bin/full.rs`) when the reader opens it.

#[cfg(target_arch = "wasm32")]
use sso_playground::ui::components::import_stand_in::stand_in;
#[cfg(target_arch = "wasm32")]
use sso_playground::ui::ImportSlot;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::{wasm_bindgen, JsValue};

fn main() {
    #[cfg(target_arch = "wasm32")]
    sso_playground::ui::start(ImportSlot(stand_in));
}

/// Mounts a playground into `element` (once; later calls do nothing).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn mount(element: web_sys::Element) {
    sso_playground::ui::mount(element, ImportSlot(stand_in), JsValue::UNDEFINED);
}

/// Removes the playground from `element`, with its listeners and timers.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn unmount(element: web_sys::Element) {
    sso_playground::ui::unmount(&element);
}

/// Hands the playground in `element` over to another module: its state, for that module's
/// `mount` (see `sso_playground::ui::release`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn release(element: web_sys::Element) -> JsValue {
    sso_playground::ui::release(&element)
}

/// Ends a released playground once another module has taken it over.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn forget(element: web_sys::Element) {
    sso_playground::ui::forget(&element);
}

/// How many playgrounds are mounted, for host pages and tests that check unmounting.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(js_name = mountedCount)]
pub fn mounted_count() -> usize {
    sso_playground::ui::mounted_count()
}
