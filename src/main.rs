//! The binary Trunk builds: it mounts the playground, and exports `mount` for pages that add
//! a playground element later (a docs site's client-side navigation).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    #[cfg(target_arch = "wasm32")]
    sso_playground::ui::start();
}

/// Mounts a playground into `element` (once; later calls do nothing).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn mount(element: web_sys::Element) {
    sso_playground::ui::mount(element);
}
