//! The binary Trunk builds: it mounts the playground, and exports `mount` and `unmount` for
//! pages that add and remove playground elements later (a docs site's client-side navigation).

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
